package org.alliance.cli;

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
      "3:internal error (please report it; ALLIANCE_DEBUG=1 shows details)"
    })
public final class AllianceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; used by main and by the tests. */
  public static int run(String... args) {
    CommandLine commandLine = commandLine();
    try {
      return commandLine.execute(args);
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
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }
}
