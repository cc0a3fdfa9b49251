package org.alliance.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliance.core.instrument.Catalog;
import org.alliance.io.csv.AdministrationCsvWriter;
import org.alliance.io.csv.AdministrationLongCsvWriter;
import org.alliance.io.csv.AdministrationWriter;
import org.alliance.io.fhir.FhirExport;
import org.alliance.io.fhir.FhirNdjsonWriter;
import org.alliance.io.fhir.ScoredAdministration;
import org.alliance.io.redcap.RedcapDictionaryWriter;
import org.alliance.io.redcap.RedcapProject;
import org.alliance.io.redcap.RedcapWriter;
import org.alliance.io.score.ScoredRow;

/** The output of {@code alliance convert}: administrations written one at a time in one format. */
interface ConvertTarget extends Closeable {
  void write(ScoredRow row) throws IOException;

  /** Writes whatever the format keeps until the end. */
  void finish() throws IOException;

  /**
   * Marks the files this target writes beside the main output as complete, as {@link
   * Output#commit()} does.
   */
  default void commit() {}

  private static ScoredAdministration scored(ScoredRow row) {
    // The clinician travels as the response's author, so cohort --by clinician works on the result.
    return new ScoredAdministration(
            row.row().administration().orElseThrow(), row.score().orElseThrow())
        .withClinician(row.row().key().clinician());
  }

  private static ConvertTarget csv(AdministrationWriter csv) {
    return new ConvertTarget() {
      public void write(ScoredRow row) {
        csv.write(row.row().administration().orElseThrow(), row.row().key().clinician());
      }

      public void finish() throws IOException {
        csv.flush();
      }

      public void close() {}
    };
  }

  static ConvertTarget open(
      ConvertFormat format, Output output, Path out, Catalog catalog, ConvertSource source)
      throws IOException {
    return switch (format) {
      case CSV_WIDE ->
          csv(new AdministrationCsvWriter(output.writer(), catalog, source.instruments()));
      case CSV_LONG -> csv(new AdministrationLongCsvWriter(output.writer(), catalog));
      case REDCAP -> {
        // REDCap needs its data dictionary to load the data: it goes beside the data file.
        RedcapProject project = RedcapProject.of(source.instruments());
        RedcapWriter data = new RedcapWriter(output.writer(), project);
        Output dictionary = Output.open(ExportCommand.dictionaryPath(out), null);
        RedcapDictionaryWriter.write(dictionary.writer(), project);
        yield new ConvertTarget() {
          public void write(ScoredRow row) {
            data.write(row.row().administration().orElseThrow());
          }

          public void finish() throws IOException {
            data.flush();
          }

          public void commit() {
            dictionary.commit();
          }

          public void close() throws IOException {
            dictionary.close();
          }
        };
      }
      case FHIR -> {
        // A Bundle is one JSON document: it is built once every administration is in.
        List<ScoredAdministration> administrations = new ArrayList<>();
        yield new ConvertTarget() {
          public void write(ScoredRow row) {
            administrations.add(scored(row));
          }

          public void finish() throws IOException {
            FhirExport.of(catalog).writeBundle(administrations, List.of(), output.writer());
          }

          public void close() {}
        };
      }
      case FHIR_NDJSON -> {
        FhirNdjsonWriter ndjson = FhirExport.of(catalog).ndjson(output.writer());
        yield new ConvertTarget() {
          public void write(ScoredRow row) throws IOException {
            ndjson.write(scored(row));
          }

          public void finish() throws IOException {
            ndjson.flush();
          }

          public void close() {}
        };
      }
    };
  }
}
