package org.alliance.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** The formats {@code alliance convert} reads and writes, by the names users type. */
enum ConvertFormat {
  CSV_WIDE("csv-wide"),
  CSV_LONG("csv-long"),
  FHIR("fhir"),
  FHIR_NDJSON("fhir-ndjson"),
  REDCAP("redcap");

  private final String label;

  ConvertFormat(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }

  /**
   * The format a file's name suggests: .json is a FHIR bundle, .ndjson FHIR NDJSON; anything else
   * is CSV.
   */
  static ConvertFormat guess(Path file) {
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".ndjson")) {
      return FHIR_NDJSON;
    }
    return name.endsWith(".json") ? FHIR : CSV_WIDE;
  }

  /** Reads the names users type: csv-wide, csv-long, fhir, fhir-ndjson, redcap. */
  static final class Converter implements CommandLine.ITypeConverter<ConvertFormat> {
    @Override
    public ConvertFormat convert(String value) {
      String wanted = value.toLowerCase(Locale.ROOT).replace('_', '-');
      return Arrays.stream(values())
          .filter(format -> format.label.equals(wanted))
          .findFirst()
          .orElseThrow(
              () ->
                  new CommandLine.TypeConversionException(
                      "'"
                          + value
                          + "' is not a format; use one of "
                          + Arrays.stream(values())
                              .map(ConvertFormat::toString)
                              .collect(Collectors.joining(", "))));
    }
  }
}
