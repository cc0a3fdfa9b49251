package org.alliance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Consumer;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.io.input.InputProblem;
import org.alliance.io.trend.EpisodeReader;
import picocli.CommandLine;

/**
 * What every analysis command does around its own work: open the file as episodes, report each row
 * left out with its place on stderr, and decide the exit code (1 when rows were left out).
 */
final class AnalysisRun {
  private final PrintWriter err;
  private long problems;

  AnalysisRun(CommandLine commandLine) {
    this.err = commandLine.getErr();
  }

  EpisodeReader open(
      CourseInput input, Catalog catalog, Construct construct, CommandLine commandLine)
      throws IOException {
    Consumer<InputProblem> report =
        problem -> {
          problems++;
          err.println(problem);
        };
    return input.open(catalog, construct, commandLine, report);
  }

  /** Prints a note about rows left out and returns the exit code. */
  int finish(EpisodeReader reader, MeasureChoice choice) {
    choice.note().ifPresent(err::println);
    if (reader.invalidRows() > 0) {
      err.println(
          reader.invalidRows()
              + " of "
              + reader.rows()
              + " rows were left out for the problems above");
    }
    err.flush();
    return problems > 0 ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }
}
