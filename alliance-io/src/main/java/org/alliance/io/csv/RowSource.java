package org.alliance.io.csv;

import org.alliance.io.input.AdministrationRow;

/** Turns the records of one layout into administration rows. */
interface RowSource {
  /** The next administration, or null at the end of the file. */
  AdministrationRow next();
}
