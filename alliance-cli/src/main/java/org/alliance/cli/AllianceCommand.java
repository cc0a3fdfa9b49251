package org.alliance.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code alliance} command: scores and checks questionnaire files offline. */
@Command(
    name = "alliance",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Score therapeutic-alliance and outcome questionnaires, session by session.",
    subcommands = {
      InstrumentsCommand.class,
      ScoreCommand.class,
      ValidateCommand.class,
      ChangeCommand.class,
      GainsCommand.class,
      RupturesCommand.class,
      TrendCommand.class,
      CohortCommand.class,
      TrialCommand.class,
      SimulateCommand.class,
      EvaluateAlertsCommand.class,
      ReportCommand.class,
      ConvertCommand.class,
      ExportCommand.class,
      PushCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:the input has invalid rows, or a file cannot be read",
      "2:usage error (unknown option, missing file, unknown instrument)",
      "3:internal error (please report it; ALLIANCE_DEBUG=1 shows details)",
      "130:stopped with Ctrl-C (nothing half-written is left behind)"
    })
public final class AllianceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    CommandLine commandLine = commandLine();
    // Standard output as picocli opens it, but raising ClosedOutput when the pipe is closed.
    String encoding = System.getProperty("sun.stdout.encoding");
    commandLine.setOut(
        ClosedOutput.writer(
            new FileOutputStream(FileDescriptor.out),
            encoding == null ? Charset.defaultCharset() : Charset.forName(encoding)));
    System.exit(run(commandLine, args));
  }

  /** Runs the command line and returns its exit code; used by main and by the tests. */
  public static int run(String... args) {
    return run(commandLine(), args);
  }

  static int run(CommandLine commandLine, String... args) {
    try {
      return commandLine.execute(args);
    } catch (ClosedOutput e) {
      // Raised outside a command (picocli printing help into a closed pipe): as quiet.
      return ExitCode.OK;
    } catch (Error e) {
      // An error of the JVM itself (out of memory, a broken installation): one line, no stack
      // trace.
      commandLine
          .getErr()
          .println("alliance: internal error: " + e + " (set ALLIANCE_DEBUG=1 to see where)");
      if (System.getenv("ALLIANCE_DEBUG") != null) {
        e.printStackTrace(commandLine.getErr());
      }
      commandLine.getErr().flush();
      return ExitCode.INTERNAL;
    }
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new AllianceCommand());
    commandLine.setExecutionExceptionHandler(new Errors());
    commandLine.setParameterExceptionHandler(new UsageErrors());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }
}
