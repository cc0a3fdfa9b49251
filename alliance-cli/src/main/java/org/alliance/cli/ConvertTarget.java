package org.alliance.cli;

import java.io.Closeable;
import java.io.IOException;
import org.alliance.core.instrument.Catalog;
import org.alliance.io.csv.AdministrationCsvWriter;
import org.alliance.io.csv.AdministrationLongCsvWriter;
import org.alliance.io.score.ScoredRow;

/** The output of {@code alliance convert}: administrations written one at a time in one format. */
interface ConvertTarget extends Closeable {
  void write(ScoredRow row) throws IOException;

  /** Writes whatever the format keeps until the end. */
  void finish() throws IOException;

  static ConvertTarget open(ConvertFormat format, Output output, Catalog catalog, ConvertSource source)
      throws IOException {
    return switch (format) {
      case CSV_WIDE -> {
        AdministrationCsvWriter csv = new AdministrationCsvWriter(output.writer(), catalog, source.instruments());
        yield new ConvertTarget() {
          public void write(ScoredRow row) {
            csv.write(row.row().administration().orElseThrow(), row.row().key().clinician());
          }

          public void finish() throws IOException {
            csv.flush();
          }

          public void close() {}
        };
      }
      case CSV_LONG -> {
        AdministrationLongCsvWriter csv = new AdministrationLongCsvWriter(output.writer(), catalog);
        yield new ConvertTarget() {
          public void write(ScoredRow row) {
            csv.write(row.row().administration().orElseThrow(), row.row().key().clinician());
          }

          public void finish() throws IOException {
            csv.flush();
          }

          public void close() {}
        };
      }
      default -> throw new IllegalArgumentException("writing " + format + " is not supported yet");
    };
  }
}
