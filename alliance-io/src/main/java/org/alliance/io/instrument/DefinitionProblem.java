package org.alliance.io.instrument;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with an instrument definition and where it is: a JSON path such as {@code
 * $.items[3].scale.max}, or a line and column when the file is not valid JSON at all.
 *
 * @param where the JSON path, {@code line L, column C} for a syntax error, or empty when the file
 *     as a whole cannot be read
 * @param message what was expected and what was found
 */
public record DefinitionProblem(String where, String message) {
  public DefinitionProblem {
    requireNonNull(where, "where");
    requireNonNull(message, "message");
  }

  /** A problem in the content, at a JSON path. */
  static DefinitionProblem at(String path, String message) {
    return new DefinitionProblem(path, message);
  }

  /** A problem in the JSON syntax, at a line and column (both from 1). */
  static DefinitionProblem syntax(long line, long column, String message) {
    return new DefinitionProblem("line " + line + ", column " + column, message);
  }

  /** A problem with the file as a whole, such as one that cannot be read. */
  static DefinitionProblem file(String message) {
    return new DefinitionProblem("", message);
  }

  @Override
  public String toString() {
    return where.isEmpty() ? message : where + ": " + message;
  }
}
