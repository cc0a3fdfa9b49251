package org.alliance.cli;

/** The exit codes every command uses. */
final class ExitCode {
  static final int OK = 0;
  static final int INVALID_INPUT = 1;
  static final int USAGE = 2;
  static final int INTERNAL = 3;

  private ExitCode() {}
}
