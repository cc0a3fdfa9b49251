package org.alliance.cli;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.score.ScoredRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code alliance validate}: lists every problem in a file, without writing scores. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check a CSV file of administrations and list every problem with its line and column, without scoring.")
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Override
  public Integer call() throws IOException {
    Optional<CsvReadOptions> read = input.readOptions(spec.commandLine());
    if (read.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    CsvReadOptions options = read.get();
    Scorer scorer = new Scorer(options.catalog());
    ProblemReport report = new ProblemReport(spec.commandLine().getOut());
    try (AdministrationCsvReader reader =
        input.open(options, InputFiles.showsProgress(input.file), spec.commandLine().getErr())) {
      report.ignoredColumns(input.file, reader.ignoredColumns());
      while (reader.hasNext()) {
        report.count(ScoredRow.score(reader.next(), scorer), true);
      }
    }
    report.summary("checked");
    return report.invalid() > 0 ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }
}
