package org.alliance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.input.AdministrationSource;
import org.alliance.io.redcap.RedcapMapping;
import org.alliance.io.score.ScoredRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code alliance convert}: administrations from one format to another, streaming where the format
 * allows.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Convert administrations between formats: csv-wide, csv-long, fhir (a Bundle), fhir-ndjson and redcap.",
      "Every administration that can be read and whose answers fit its instrument is converted; the others are "
          + "listed on stderr with their file, line and column. With --strict nothing is written when any is rejected.",
      "Incomplete forms (too many missing answers to score) are converted as they are."
    })
final class ConvertCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The file to convert (- reads standard input).")
  Path file;

  @Option(
      names = "--from",
      paramLabel = "FORMAT",
      converter = ConvertFormat.Converter.class,
      description =
          "csv-wide, csv-long, fhir, fhir-ndjson or redcap. Default: from the file name (.json fhir, "
              + ".ndjson fhir-ndjson, else CSV with its layout read from the header).")
  ConvertFormat from;

  @Option(
      names = "--to",
      paramLabel = "FORMAT",
      required = true,
      converter = ConvertFormat.Converter.class,
      description = "csv-wide, csv-long, fhir, fhir-ndjson or redcap.")
  ConvertFormat to;

  @Option(
      names = "--instrument",
      paramLabel = "ID",
      description = "Instrument of CSV rows without an instrument column or cell, e.g. phq-9.")
  String instrument;

  @Option(
      names = "--instruments",
      paramLabel = "DIR_OR_FILE",
      description = InstrumentDefinitions.OPTION_DESCRIPTION)
  Path instruments;

  @Option(
      names = "--mapping",
      paramLabel = "FILE.json",
      description = RedcapMappings.OPTION_DESCRIPTION)
  Path mapping;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write here instead of standard output. The file "
              + "appears only when the conversion is complete. --to redcap needs it: the data dictionary is written beside "
              + "it as FILE-dictionary.csv.")
  Path out;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description = InputFiles.ENCODING_DESCRIPTION + " For CSV and REDCap files.")
  Charset encoding = StandardCharsets.UTF_8;

  @Option(
      names = "--strict",
      description = "Write nothing at all if any administration is rejected.")
  boolean strict;

  @Option(
      names = "--progress",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Show a progress bar on stderr while reading a file, when run in a terminal (default).")
  boolean progress;

  @Override
  public Integer call() throws IOException {
    CommandLine commandLine = spec.commandLine();
    Optional<Catalog> loaded = InstrumentDefinitions.catalog(instruments, commandLine.getErr());
    if (loaded.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    Catalog catalog = loaded.get();
    boolean stdin = file.toString().equals("-");
    InputFiles.check(file, commandLine);
    if (instrument != null && !catalog.contains(instrument)) {
      throw new CommandLine.ParameterException(commandLine, catalog.unknown(instrument));
    }
    ConvertFormat format = from == null ? guessFrom() : from;
    if (mapping != null && format != ConvertFormat.REDCAP) {
      throw new CommandLine.ParameterException(commandLine, "--mapping is for --from redcap");
    }
    if (to == ConvertFormat.REDCAP && (out == null || out.toString().equals("-"))) {
      throw new CommandLine.ParameterException(
          commandLine, "--to redcap needs --out FILE: the data dictionary is written beside it");
    }
    Optional<RedcapMapping> redcap = Optional.empty();
    if (format == ConvertFormat.REDCAP) {
      redcap = RedcapMappings.load(mapping, catalog, commandLine);
      if (redcap.isEmpty()) {
        return ExitCode.INVALID_INPUT;
      }
    }
    ConvertSource source =
        new ConvertSource(file, format, catalog, Optional.ofNullable(instrument), redcap, encoding);
    PrintWriter err = commandLine.getErr();
    Scorer scorer = new Scorer(catalog);
    long converted = 0;
    long rejected = 0;
    try (Output output =
            strict
                ? Output.openAllOrNothing(out, commandLine.getOut())
                : Output.open(out, commandLine.getOut());
        ConvertTarget target = ConvertTarget.open(to, output, out, catalog, source);
        AdministrationSource rows = source.open(showProgress())) {
      if (rows instanceof AdministrationCsvReader csv) {
        InputFiles.noteInstrument(csv.inferredInstrument(), err);
      }
      while (rows.hasNext()) {
        ScoredRow row = ScoredRow.score(rows.next(), scorer);
        if (row.importable()) {
          target.write(row);
          converted++;
        } else {
          rejected++;
          row.locatedProblems().forEach(err::println);
        }
      }
      target.finish();
      if (!strict || rejected == 0) {
        output.commit();
        target.commit();
      }
    }
    summary(err, converted, rejected);
    return rejected > 0 ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }

  private ConvertFormat guessFrom() {
    return file.toString().equals("-") ? ConvertFormat.CSV_WIDE : ConvertFormat.guess(file);
  }

  private boolean showProgress() throws IOException {
    return progress && InputFiles.showsProgress(file);
  }

  private void summary(PrintWriter err, long converted, long rejected) {
    String administrations = plural(converted + rejected, "administration");
    if (strict && rejected > 0) {
      err.println(
          "--strict: nothing written: "
              + plural(rejected, "administration")
              + " of "
              + (converted + rejected)
              + " rejected (problems above)");
    } else {
      err.println(
          "converted "
              + converted
              + " of "
              + administrations
              + " to "
              + to
              + (rejected > 0 ? "; " + rejected + " rejected (problems above)" : ""));
    }
    err.flush();
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
