package org.alliance.cli;

import static org.alliance.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {
  @ParameterizedTest
  @ValueSource(strings = {"instruments", "score", "validate", "change", "gains", "ruptures", "trend", "cohort", "trial",
      "simulate"})
  void everyCommandHasHelpThatRendersCleanly(String command) {
    Cli.Run help = run(command, "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("Usage: alliance " + command);
    // A stray % in a description makes picocli print a warning instead of the text.
    assertThat(help.out() + help.err()).doesNotContain("picocli WARN").doesNotContain("Could not format");
  }
}
