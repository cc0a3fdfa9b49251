package org.alliance.cli;

import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alliance.core.trend.AlertRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateAlertsCommandTest {
  @TempDir Path dir;

  @Test
  void printsARowForEveryRuleAndTheBurdenTheSameOnEveryRun() {
    Cli.Run first = run("evaluate-alerts", "--clients", "300", "--weeks", "30", "--no-trade-offs");
    Cli.Run second = run("evaluate-alerts", "--clients", "300", "--weeks", "30", "--no-trade-offs");

    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(first.out()).isEqualTo(second.out());
    for (AlertRule rule : AlertRule.values()) {
      assertThat(first.out()).contains("| " + rule.title());
    }
    assertThat(first.out())
        .contains("--clients 300 --weeks 30 --seed 1")
        .contains("| Any red alert |")
        .contains("Burden over weeks 26-30")
        .doesNotContain("Trade-offs");
    assertThat(
            run(
                    "evaluate-alerts",
                    "--clients",
                    "300",
                    "--weeks",
                    "30",
                    "--no-trade-offs",
                    "--seed",
                    "2")
                .out())
        .isNotEqualTo(first.out());
  }

  @Test
  void replacesOnlyTheGeneratedPartOfAMarkdownFile() throws IOException {
    Path doc =
        write(
            dir,
            "alerts.md",
            "# Alerts\n\nWritten by hand.\n\n"
                + EvaluateAlertsCommand.START
                + "\nold tables\n"
                + EvaluateAlertsCommand.END
                + "\n\nAfter.\n");

    Cli.Run run =
        run(
            "evaluate-alerts",
            "--clients",
            "200",
            "--weeks",
            "30",
            "--no-trade-offs",
            "--into",
            doc.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    String text = Files.readString(doc);
    assertThat(text)
        .startsWith("# Alerts\n\nWritten by hand.\n\n" + EvaluateAlertsCommand.START + "\n")
        .endsWith(EvaluateAlertsCommand.END + "\n\nAfter.\n")
        .contains("| Risk item answered |")
        .doesNotContain("old tables");
  }

  @Test
  void aFileWithoutTheMarkersIsLeftAloneWithAClearMessage() throws IOException {
    Path doc = write(dir, "plain.md", "# Nothing to replace\n");

    Cli.Run run =
        run(
            "evaluate-alerts",
            "--clients",
            "200",
            "--weeks",
            "30",
            "--no-trade-offs",
            "--into",
            doc.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("has no generated part").doesNotContain("\tat ");
    assertThat(Files.readString(doc)).isEqualTo("# Nothing to replace\n");
  }

  @Test
  void aClinicTooSmallForAnExpectedCourseStillGetsItsTable() {
    Cli.Run run = run("evaluate-alerts", "--clients", "20", "--weeks", "30", "--no-trade-offs");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("| Off the expected course |");
  }
}
