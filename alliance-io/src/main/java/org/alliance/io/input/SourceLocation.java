package org.alliance.io.input;

import java.util.Optional;

/**
 * Where in an input file something was found: file, line (from 1), and column (from 1) with its
 * header name where one applies.
 */
public record SourceLocation(String file, long line, int column, Optional<String> field) {

  /** A whole line, no particular column. */
  public static SourceLocation line(String file, long line) {
    return new SourceLocation(file, line, 0, Optional.empty());
  }

  /** One cell of a line. */
  public static SourceLocation cell(String file, long line, int column, String field) {
    return new SourceLocation(file, line, column, Optional.of(field));
  }

  /** {@code data.csv line 5, column 7 (q6)}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file).append(" line ").append(line);
    if (column > 0) {
      text.append(", column ").append(column);
    }
    field.ifPresent(name -> text.append(" (").append(name).append(')'));
    return text.toString();
  }
}
