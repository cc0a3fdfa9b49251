package org.alliance.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
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

  /**
   * The built-in instruments plus {@code --instruments}; empty after printing the problems of the
   * definitions.
   */
  Optional<Catalog> catalog(CommandLine commandLine) {
    return InstrumentDefinitions.catalog(instruments, commandLine.getErr());
  }

  /** Checks the options against the catalog; problems are usage errors. */
  CsvReadOptions toReadOptions(Catalog catalog, CommandLine commandLine) {
    if (!file.toString().equals("-") && !Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(commandLine, "no such file: " + file);
    }
    if (instrument != null && !catalog.contains(instrument)) {
      throw new CommandLine.ParameterException(commandLine, catalog.unknown(instrument));
    }
    return new CsvReadOptions(
        catalog, Optional.ofNullable(instrument), Optional.ofNullable(layout));
  }

  /**
   * The catalog (built-ins plus --instruments) and how to read the file, checked; empty when the
   * instrument definitions have problems, which have been reported.
   */
  java.util.Optional<CsvReadOptions> readOptions(CommandLine commandLine) {
    return catalog(commandLine).map(catalog -> toReadOptions(catalog, commandLine));
  }
}
