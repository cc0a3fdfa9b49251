package org.alliance.io.input;

/**
 * A file that cannot be read as administrations at all: no header, a required column missing,
 * broken quoting, bytes that are not UTF-8. The message names the file and the line.
 */
public final class InputFormatException extends RuntimeException {
  private final SourceLocation where;

  public InputFormatException(SourceLocation where, String message) {
    super(where + ": " + message);
    this.where = where;
  }

  public SourceLocation where() {
    return where;
  }
}
