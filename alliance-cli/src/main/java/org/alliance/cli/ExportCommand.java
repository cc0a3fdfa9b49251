package org.alliance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.scoring.Problem;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvLayout;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.export.AnalysisExport;
import org.alliance.io.export.ExportLayout;
import org.alliance.io.export.ExportLevel;
import org.alliance.io.export.SpssSyntaxWriter;
import org.alliance.io.input.AdministrationSource;
import org.alliance.io.input.InputProblem;
import org.alliance.io.redcap.RedcapMapping;
import org.alliance.io.redcap.RedcapReader;
import org.alliance.io.score.ScoredRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alliance export}: an analysis-ready CSV and its data dictionary, for R, SPSS or Stata. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export answers or scores, from an answers CSV or a REDCap export, for analysis in R, SPSS or Stata: a data CSV "
          + "and, beside it, a data dictionary CSV (variable, label, type, values, instrument, item, score).",
      "",
      "Every row has client, episode_id, episode, session and date. Codes where there is no value: -77 skipped, "
          + "-88 declined, -66 invalid (an answer off its scale, or a score of such a form), -55 too many items missing "
          + "to score, -99 not administered (wide layout: the instrument was not given at that session); an empty "
          + "cell is a missing answer. Column names suit SPSS and Stata.",
      "",
      "Examples:",
      "  alliance export answers.csv --layout wide --level scores --out scores.csv",
      "  alliance export answers.csv --layout long --level items --out items.csv",
      "  alliance export answers.csv --out scores.csv --spss",
      "  alliance export redcap-export.csv --from redcap --mapping mapping.json --out scores.csv"
    })
final class ExportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description =
          "CSV file of administrations, wide or long, as score reads it (- reads standard input); with --from redcap, "
              + "a REDCap export (CSV raw data).")
  Path file;

  /** The kinds of input file. */
  enum Source {
    CSV,
    REDCAP
  }

  @Option(
      names = "--from",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description =
          "csv (answers as score reads them) or redcap (a REDCap export). Default: ${DEFAULT-VALUE}.")
  Source from;

  @Option(
      names = "--mapping",
      paramLabel = "FILE.json",
      description =
          "With --from redcap: how the project's fields map to instruments and items (docs/exports.md). "
              + "Without it, fields named like the item ids (phq9_1) are read.")
  Path mapping;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      defaultValue = "wide",
      description =
          "wide: one row per client and session, a column per item or score (SPSS, Stata). "
              + "long: one row per answer or per score (R). Default: ${DEFAULT-VALUE}.")
  ExportLayout layout;

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      defaultValue = "scores",
      description =
          "scores: totals, subscales, bands, clinical and risk flags. items: each item's answer. Default: ${DEFAULT-VALUE}.")
  ExportLevel level;

  @Option(
      names = "--out",
      paramLabel = "FILE.csv",
      required = true,
      description = "The data file to write; the dictionary goes beside it as FILE-dictionary.csv.")
  Path out;

  @Option(
      names = "--spss",
      description =
          "Also write SPSS syntax (FILE.sps, runs in PSPP too) that reads the data with its labels and declares the codes missing.")
  boolean spss;

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
      names = "--input-layout",
      paramLabel = "LAYOUT",
      description =
          "Layout of FILE: wide or long. Default: long when its header has item and value columns, else wide.")
  CsvLayout inputLayout;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description = InputFiles.ENCODING_DESCRIPTION)
  Charset encoding = StandardCharsets.UTF_8;

  @Override
  public Integer call() throws IOException {
    CommandLine commandLine = spec.commandLine();
    InputFiles.check(file, commandLine);
    if (out.toString().equals("-") || Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(
          commandLine, "--out needs a file name: the dictionary is written beside it");
    }
    Path dictionary = dictionaryPath(out);
    Path syntax = sibling(out, ".sps");
    Path input = file.toAbsolutePath().normalize();
    for (Path written : spss ? List.of(out, dictionary, syntax) : List.of(out, dictionary)) {
      if (written.toAbsolutePath().normalize().equals(input)) {
        throw new CommandLine.ParameterException(
            commandLine, "--out would overwrite the input file " + file);
      }
    }
    if (spss && syntax.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
      throw new CommandLine.ParameterException(
          commandLine, "--out names the data file, such as scores.csv; the syntax goes beside it");
    }
    Optional<Catalog> loaded = InstrumentDefinitions.catalog(instruments, commandLine.getErr());
    if (loaded.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    Catalog catalog = loaded.get();
    if (instrument != null && !catalog.contains(instrument)) {
      throw new CommandLine.ParameterException(commandLine, catalog.unknown(instrument));
    }
    PrintWriter err = commandLine.getErr();
    Optional<RedcapMapping> redcap = redcapMapping(catalog, commandLine);
    if (from == Source.REDCAP && redcap.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    Scorer scorer = new Scorer(catalog);
    ProblemReport report = new ProblemReport(err);
    AnalysisExport export = new AnalysisExport(catalog, layout, level);
    long leftOut = 0;
    try (AdministrationSource reader = open(catalog, redcap, report, err)) {
      while (reader.hasNext()) {
        ScoredRow scored = ScoredRow.score(reader.next(), scorer);
        report.count(scored, true);
        // Invalid forms are exported too, their answers and scores coded; only a row without a
        // client and
        // session, or of an instrument nobody knows, has nowhere to go.
        if (scored.row().administration().isPresent()
            && scored.score().isPresent()
            && scored.score().get().problems().stream()
                .noneMatch(p -> p.kind() == Problem.Kind.UNKNOWN_INSTRUMENT)) {
          export.add(
              scored.row().administration().get(), scored.score().get(), scored.row().location());
        } else {
          leftOut++;
        }
      }
      if (reader instanceof RedcapReader redcapReader && !redcapReader.unmappedForms().isEmpty()) {
        err.println(
            "note: "
                + file
                + ": rows of these repeating forms were not read, as no instrument is mapped to them: "
                + String.join(", ", redcapReader.unmappedForms()));
      }
    }
    AnalysisExport.Result result;
    try (Output data = Output.open(out, commandLine.getOut());
        Output dictionaryOut = Output.open(dictionary, commandLine.getOut());
        Output syntaxOut = spss ? Output.open(syntax, commandLine.getOut()) : null) {
      result = export.write(data.writer(), dictionaryOut.writer());
      if (syntaxOut != null) {
        SpssSyntaxWriter.write(syntaxOut.writer(), out, result.columns());
        syntaxOut.commit();
      }
      data.commit();
      dictionaryOut.commit();
    }
    result.problems().forEach(err::println);
    for (InputProblem note : result.notes()) {
      err.println("note: " + note);
    }
    report.summary("read");
    err.println(
        "wrote "
            + out
            + " ("
            + result.rows()
            + (result.rows() == 1 ? " row" : " rows")
            + ")"
            + (spss ? ", " + syntax : "")
            + " and "
            + dictionary
            + (leftOut == 0
                ? ""
                : "; left out "
                    + leftOut
                    + (leftOut == 1 ? " administration" : " administrations")
                    + " without a readable client, session, date or known instrument")
            + (result.problems().isEmpty()
                ? ""
                : "; left out "
                    + result.problems().size()
                    + " duplicate"
                    + (result.problems().size() == 1 ? " administration" : " administrations")));
    err.flush();
    return report.invalid() > 0 || leftOut > 0 || !result.problems().isEmpty()
        ? ExitCode.INVALID_INPUT
        : ExitCode.OK;
  }

  /** The REDCap mapping for --from redcap; empty after printing the mapping's problems. */
  private Optional<RedcapMapping> redcapMapping(Catalog catalog, CommandLine commandLine)
      throws IOException {
    if (from != Source.REDCAP) {
      if (mapping != null) {
        throw new CommandLine.ParameterException(commandLine, "--mapping is for --from redcap");
      }
      return Optional.empty();
    }
    if (file.toString().equals("-")) {
      throw new CommandLine.ParameterException(
          commandLine, "--from redcap reads a file, not standard input");
    }
    if (instrument != null || inputLayout != null) {
      throw new CommandLine.ParameterException(
          commandLine,
          "--instrument and --input-layout are for CSV answers; a REDCap export is described by --mapping");
    }
    return RedcapMappings.load(mapping, catalog, commandLine);
  }

  private AdministrationSource open(
      Catalog catalog, Optional<RedcapMapping> redcap, ProblemReport report, PrintWriter err)
      throws IOException {
    if (redcap.isPresent()) {
      RedcapReader reader = RedcapReader.open(file, redcap.get(), catalog);
      report.ignoredColumns(file, reader.ignoredColumns());
      return reader;
    }
    CsvReadOptions options =
        new CsvReadOptions(
                catalog, Optional.ofNullable(instrument), Optional.ofNullable(inputLayout))
            .withEncoding(encoding)
            .inferringInstrument();
    AdministrationCsvReader reader =
        AdministrationCsvReader.open(
            InputFiles.name(file), InputFiles.open(file, InputFiles.showsProgress(file)), options);
    InputFiles.noteInstrument(reader.inferredInstrument(), err);
    report.ignoredColumns(file, reader.ignoredColumns());
    return reader;
  }

  /** {@code scores.csv} gets {@code scores-dictionary.csv}. */
  static Path dictionaryPath(Path data) {
    return sibling(data, "-dictionary.csv");
  }

  /**
   * A file beside the data file named after it: {@code scores.csv} and {@code .sps} give {@code
   * scores.sps}.
   */
  private static Path sibling(Path data, String ending) {
    String name = data.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return data.resolveSibling(stem + ending);
  }
}
