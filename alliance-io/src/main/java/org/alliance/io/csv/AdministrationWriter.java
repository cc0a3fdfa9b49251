package org.alliance.io.csv;

import java.io.Closeable;
import java.io.Flushable;
import org.alliance.core.scoring.Administration;

/**
 * Writes administrations one at a time in one of the CSV layouts that {@link
 * AdministrationCsvReader} reads.
 */
public interface AdministrationWriter extends Closeable, Flushable {
  /** Writes one administration; {@code clinician} is empty when unknown. */
  void write(Administration administration, String clinician);
}
