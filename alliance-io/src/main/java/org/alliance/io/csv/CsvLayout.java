package org.alliance.io.csv;

/** How administrations are laid out in a CSV file. */
public enum CsvLayout {
  /** One row per administration, one column per item. */
  WIDE,
  /** One row per answer: client, session, instrument, item, value. */
  LONG
}
