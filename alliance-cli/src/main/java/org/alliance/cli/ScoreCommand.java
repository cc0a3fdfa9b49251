package org.alliance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.score.ScoreColumns;
import org.alliance.io.score.ScoreCsvWriter;
import org.alliance.io.score.ScoreJsonWriter;
import org.alliance.io.score.ScoredRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code alliance score}: scores every administration in a file. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score every administration in a CSV file.",
      "Invalid rows are reported (on stderr for csv and table) and never stop the valid rows from being scored."
    })
final class ScoreCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description =
          "csv, jsonl (one JSON object per administration) or table. Default: ${DEFAULT-VALUE}.")
  ScoreFormat format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the results here instead of standard output.")
  Path out;

  @Override
  public Integer call() throws IOException {
    Optional<CsvReadOptions> read = input.readOptions(spec.commandLine());
    if (read.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    CsvReadOptions options = read.get();
    Scorer scorer = new Scorer(options.catalog());
    PrintWriter err = spec.commandLine().getErr();
    ProblemReport report = new ProblemReport(err);
    // Rows streamed to a terminal are progress enough: the bar is for results going to a file.
    boolean progress = out != null && InputFiles.showsProgress(input.file);
    try (AdministrationCsvReader reader = input.open(options, progress, err);
        Output output = Output.open(out, spec.commandLine().getOut());
        BackgroundScoring rows = new BackgroundScoring(reader, scorer)) {
      report.ignoredColumns(input.file, reader.ignoredColumns());
      ResultSink sink = sink(output, options, reader);
      while (rows.hasNext()) {
        ScoredRow scored = rows.next();
        sink.accept(scored);
        report.count(scored, format != ScoreFormat.JSONL);
      }
      sink.finish();
      output.commit();
    }
    report.summary("scored");
    return report.invalid() > 0 ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }

  private interface ResultSink {
    void accept(ScoredRow row) throws IOException;

    void finish() throws IOException;
  }

  private ResultSink sink(Output output, CsvReadOptions options, AdministrationCsvReader reader)
      throws IOException {
    switch (format) {
      case JSONL -> {
        ScoreJsonWriter json = new ScoreJsonWriter(output.writer());
        return new ResultSink() {
          public void accept(ScoredRow row) throws IOException {
            json.write(row);
          }

          public void finish() throws IOException {
            json.flush();
          }
        };
      }
      case CSV -> {
        // With one instrument for the whole file, each subscale gets its own column.
        ScoreColumns columns =
            options.instrument().isPresent() && !reader.hasInstrumentColumn()
                ? ScoreColumns.of(options.catalog().get(options.instrument().get()))
                : ScoreColumns.mixed();
        ScoreCsvWriter csv = new ScoreCsvWriter(output.writer(), columns);
        return new ResultSink() {
          public void accept(ScoredRow row) {
            csv.write(row);
          }

          public void finish() throws IOException {
            csv.flush();
          }
        };
      }
      default -> {
        TextTable table =
            new TextTable(
                List.of(
                    "client",
                    "session",
                    "date",
                    "instrument",
                    "total",
                    "band",
                    "clinical",
                    "flags",
                    "valid"));
        return new ResultSink() {
          public void accept(ScoredRow row) {
            table.add(tableRow(row));
          }

          public void finish() {
            PrintWriter printer = new PrintWriter(output.writer());
            table.print(printer);
          }
        };
      }
    }
  }

  private static List<String> tableRow(ScoredRow scored) {
    AdministrationRow.RawKey key = scored.row().key();
    boolean valid = scored.valid();
    Score score = scored.score().orElse(null);
    List<String> row = new ArrayList<>();
    row.add(key.client());
    row.add(key.session());
    row.add(key.date());
    row.add(scored.instrument());
    row.add(valid ? Numbers.format(score.total().getAsDouble()) : "-");
    row.add(valid ? score.band().map(b -> b.label()).orElse("") : "");
    row.add(valid ? score.clinical().map(c -> c ? "yes" : "no").orElse("") : "");
    row.add(score == null ? "" : String.join(" ", score.flags()));
    row.add(valid ? "yes" : "NO");
    return row;
  }
}
