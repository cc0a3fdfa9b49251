package org.alliance.io.input;

/** A problem in the input with the place it was found. */
public record InputProblem(SourceLocation where, String message) {
  @Override
  public String toString() {
    return where + ": " + message;
  }
}
