package org.alliance.io.csv;

/** Turns the records of one layout into administration rows. */
interface RowSource {
  /** The next administration, or null at the end of the file. */
  AdministrationRow next();
}
