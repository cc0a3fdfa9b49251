package org.alliance.cli;

import static org.alliance.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HelpTest {
  /** Every subcommand registered, so a new one is covered without touching this test. */
  static java.util.stream.Stream<String> commands() {
    return AllianceCommand.commandLine().getSubcommands().keySet().stream()
        .filter(name -> !name.equals("help"));
  }

  @org.junit.jupiter.api.Test
  void theCommandsIncludeTheFileFormatsAndTheServer() {
    assertThat(commands()).contains("score", "trend", "report", "convert", "export", "push");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandHasHelpThatRendersCleanly(String command) {
    Cli.Run help = run(command, "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("Usage: alliance " + command);
    // A stray % in a description makes picocli print a warning instead of the text.
    assertThat(help.out() + help.err())
        .doesNotContain("picocli WARN")
        .doesNotContain("Could not format");
  }
}
