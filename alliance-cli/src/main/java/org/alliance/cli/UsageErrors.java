package org.alliance.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Prints a usage error as the error itself and a one-line hint, not the whole help: a screen of
 * help pushes the one line that says what was wrong out of sight.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("alliance: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return ExitCode.USAGE;
  }
}
