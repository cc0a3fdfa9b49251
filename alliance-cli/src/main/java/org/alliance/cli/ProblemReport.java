package org.alliance.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.alliance.io.input.InputProblem;
import org.alliance.io.score.ScoredRow;

/** Counts administrations and prints each problem with its file, line and column. */
final class ProblemReport {
  private final PrintWriter out;
  private long total;
  private long invalid;
  private long problems;

  ProblemReport(PrintWriter out) {
    this.out = out;
  }

  void ignoredColumns(Path file, List<String> columns) {
    if (!columns.isEmpty()) {
      out.println(
          "note: "
              + file
              + ": these columns are not items and were not read: "
              + String.join(", ", columns));
    }
  }

  void count(ScoredRow row, boolean print) {
    total++;
    List<InputProblem> located = row.locatedProblems();
    problems += located.size();
    if (!row.valid()) {
      invalid++;
    }
    if (print) {
      for (InputProblem problem : located) {
        out.println(problem);
      }
    }
  }

  void summary(String verb) {
    out.println(
        verb
            + " "
            + total
            + " administration"
            + (total == 1 ? "" : "s")
            + ": "
            + (total - invalid)
            + " valid, "
            + invalid
            + " invalid"
            + (problems > 0
                ? " (" + problems + " problem" + (problems == 1 ? "" : "s") + ")"
                : ""));
    out.flush();
  }

  long invalid() {
    return invalid;
  }
}
