package org.alliance.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.alliance.io.input.InputFormatException;
import picocli.CommandLine;

/**
 * Turns exceptions into one clear line on stderr and an exit code. A stack trace is shown only when
 * ALLIANCE_DEBUG is set, because users need to know what to fix, not where the code was.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    var err = commandLine.getErr();
    if (closedOutput(e)) {
      // The reader of our output has gone (| head): nothing failed, there is just nobody to tell.
      return ExitCode.OK;
    }
    if (e instanceof InputFormatException) {
      err.println("alliance: " + e.getMessage());
      return ExitCode.INVALID_INPUT;
    }
    IOException io =
        e instanceof IOException direct
            ? direct
            : e instanceof UncheckedIOException unchecked ? unchecked.getCause() : null;
    if (io != null) {
      err.println("alliance: " + describe(io));
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof IllegalArgumentException) {
      // The core refused the data (too few clients, no spread): say why; nothing is wrong with the
      // program.
      err.println("alliance: cannot analyse this input: " + e.getMessage());
      return ExitCode.INVALID_INPUT;
    }
    err.println("alliance: internal error: " + e + " (set ALLIANCE_DEBUG=1 to see where)");
    if (System.getenv("ALLIANCE_DEBUG") != null) {
      e.printStackTrace(err);
    }
    return ExitCode.INTERNAL;
  }

  /** Whether the exception, or one it carries, is standard output closing. */
  private static boolean closedOutput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClosedOutput) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (suppressed instanceof ClosedOutput) {
          return true;
        }
      }
    }
    return false;
  }

  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file: " + e.getMessage();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + e.getMessage();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
