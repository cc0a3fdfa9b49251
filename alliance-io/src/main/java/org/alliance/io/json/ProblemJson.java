package org.alliance.io.json;

import org.alliance.core.scoring.Problem;
import org.alliance.io.input.InputProblem;

/**
 * One problem of a score as JSON.
 *
 * @param kind the kind in lower case with dashes, such as {@code too-many-missing}; {@value
 *     #UNREADABLE_ROW} for a problem the reader found in the row itself (a key field, the row's
 *     shape) before any scoring
 * @param item the item id, null for problems of the whole administration
 * @param message what is wrong, for people
 */
public record ProblemJson(String kind, String item, String message) {
  /** The kind of a problem the reader found in the row, not the scorer in the answers. */
  public static final String UNREADABLE_ROW = "unreadable-row";

  public static ProblemJson of(Problem problem) {
    return new ProblemJson(
        AllianceJson.name(problem.kind()), problem.item().orElse(null), problem.message());
  }

  /**
   * A reader's problem; the message starts with the column, as the CSV output's problems column
   * does.
   */
  public static ProblemJson of(InputProblem problem) {
    return new ProblemJson(
        UNREADABLE_ROW,
        null,
        problem.where().field().map(field -> field + ": ").orElse("") + problem.message());
  }
}
