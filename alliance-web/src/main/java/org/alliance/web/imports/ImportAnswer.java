package org.alliance.web.imports;

import java.util.List;
import org.alliance.io.input.InputProblem;

/**
 * {@code POST /api/import}: how many administrations were read, taken and rejected, and the first
 * problems.
 */
public record ImportAnswer(
    int rows, int taken, int rejected, int clientsCreated, List<ProblemJson> problems) {

  /** A problem of the file; column and field are null when the problem is the whole row's. */
  public record ProblemJson(long line, Integer column, String field, String message) {
    public static ProblemJson of(InputProblem problem) {
      return new ProblemJson(
          problem.where().line(),
          problem.where().column() > 0 ? problem.where().column() : null,
          problem.where().field().orElse(null),
          problem.message());
    }
  }
}
