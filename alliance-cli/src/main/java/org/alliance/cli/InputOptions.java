package org.alliance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvLayout;
import org.alliance.io.csv.CsvReadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input file and how to read it: shared by every command that reads administrations. */
final class InputOptions {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "CSV file of administrations (- reads standard input).")
  Path file;

  @Option(
      names = "--instrument",
      paramLabel = "ID",
      description =
          "Instrument of rows without an instrument column or cell, e.g. phq-9 (see: alliance instruments).")
  String instrument;

  @Option(
      names = "--instruments",
      paramLabel = "DIR_OR_FILE",
      description = InstrumentDefinitions.OPTION_DESCRIPTION)
  Path instruments;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      description =
          "wide (one row per administration) or long (one row per answer). Default: long when the header has item and value columns, else wide.")
  CsvLayout layout;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description = InputFiles.ENCODING_DESCRIPTION)
  Charset encoding = StandardCharsets.UTF_8;

  /**
   * The built-in instruments plus {@code --instruments}; empty after printing the problems of the
   * definitions.
   */
  Optional<Catalog> catalog(CommandLine commandLine) {
    return InstrumentDefinitions.catalog(instruments, commandLine.getErr());
  }

  /** Checks the options against the catalog; problems are usage errors. */
  CsvReadOptions toReadOptions(Catalog catalog, CommandLine commandLine) {
    InputFiles.check(file, commandLine);
    if (instrument != null && !catalog.contains(instrument)) {
      throw new CommandLine.ParameterException(commandLine, catalog.unknown(instrument));
    }
    return new CsvReadOptions(catalog, Optional.ofNullable(instrument), Optional.ofNullable(layout))
        .withEncoding(encoding)
        .inferringInstrument();
  }

  /**
   * Opens the file, with a progress bar when {@code progress}, and names on stderr the instrument
   * told from its item columns, if it was.
   */
  AdministrationCsvReader open(CsvReadOptions options, boolean progress, PrintWriter err)
      throws IOException {
    AdministrationCsvReader reader =
        AdministrationCsvReader.open(
            InputFiles.name(file), InputFiles.open(file, progress), options);
    InputFiles.noteInstrument(reader.inferredInstrument(), err);
    return reader;
  }

  /**
   * The catalog (built-ins plus --instruments) and how to read the file, checked; empty when the
   * instrument definitions have problems, which have been reported.
   */
  java.util.Optional<CsvReadOptions> readOptions(CommandLine commandLine) {
    return catalog(commandLine).map(catalog -> toReadOptions(catalog, commandLine));
  }
}
