package org.alliance.cli;

import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialCommandTest {
  @TempDir Path dir;

  private JsonNode coefficient(JsonNode document, String method, String term) {
    for (JsonNode row : document.get("coefficients")) {
      if (row.get("method").asText().equals(method) && row.get("term").asText().equals(term)) {
        return row;
      }
    }
    throw new AssertionError(method + " " + term + " missing");
  }

  @Test
  void twoStageLeastSquaresRecoversTheSimulatedEffectsWhereNaiveRegressionDoesNot()
      throws IOException {
    Path trial = dir.resolve("trial.csv");
    assertThat(
            run(
                    "simulate",
                    "--trial",
                    "--clients",
                    "2000",
                    "--seed",
                    "20240601",
                    "--out",
                    trial.toString())
                .exit())
        .isZero();

    Cli.Run result =
        run(
            "trial",
            trial.toString(),
            "--covariates",
            "baseline,motivation,attachment",
            "--lower-is-better",
            "--alliance-centre",
            "32",
            "--format",
            "json");

    assertThat(result.exit()).as(result.toString()).isZero();
    JsonNode document = new ObjectMapper().readTree(result.out());
    // The simulator's true effects: 0.4 per session at SRS 32, 0.06 more per session per SRS point.
    JsonNode sessions = coefficient(document, "2sls", "sessions");
    JsonNode interaction = coefficient(document, "2sls", "sessions_x_alliance");
    assertThat(sessions.get("ci_lower").asDouble()).isLessThan(0.4);
    assertThat(sessions.get("ci_upper").asDouble()).isGreaterThan(0.4);
    assertThat(interaction.get("ci_lower").asDouble()).isLessThan(0.06);
    assertThat(interaction.get("ci_upper").asDouble()).isGreaterThan(0.06);
    // Hidden confounding biases the naive estimate: its interval misses the truth.
    assertThat(coefficient(document, "ols", "sessions_x_alliance").get("ci_lower").asDouble())
        .isGreaterThan(0.06);
    assertThat(document.get("summary").get("participants").asInt()).isEqualTo(2000);
  }

  @Test
  void aRowWithABadNumberIsReportedWithItsPlaceAndLeftOut() throws IOException {
    Path trial = dir.resolve("trial.csv");
    run("simulate", "--trial", "--clients", "300", "--seed", "5", "--out", trial.toString());
    String text = java.nio.file.Files.readString(trial);
    int secondRow = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
    Path broken =
        write(
            dir,
            "broken.csv",
            text.substring(0, secondRow)
                + "p-x,treatment,1,2,3,lots,34,5\n"
                + text.substring(secondRow));

    Cli.Run result =
        run(
            "trial",
            broken.toString(),
            "--covariates",
            "baseline,motivation,attachment",
            "--lower-is-better");

    assertThat(result.exit()).as(result.toString()).isEqualTo(1);
    assertThat(result.err())
        .contains(broken + " line 3, column 6 (sessions): expected a number, found 'lots'");
    assertThat(result.out()).contains("participants: 300").contains("left out: 1");
  }

  @Test
  void usageErrorsExitWith2() throws IOException {
    Path trial = dir.resolve("trial.csv");
    run("simulate", "--trial", "--clients", "50", "--out", trial.toString());

    assertThat(run("trial", trial.toString(), "--covariates", "baseline").exit())
        .as("no direction")
        .isEqualTo(2);
    assertThat(run("trial", trial.toString(), "--lower-is-better").exit())
        .as("no covariates")
        .isEqualTo(2);
    assertThat(
            run(
                    "trial",
                    dir.resolve("nope.csv").toString(),
                    "--covariates",
                    "baseline",
                    "--lower-is-better")
                .exit())
        .isEqualTo(2);
    Cli.Run missingColumn =
        run("trial", trial.toString(), "--covariates", "age", "--lower-is-better");
    assertThat(missingColumn.exit()).isEqualTo(1);
    assertThat(missingColumn.err()).contains("missing the column 'age'").doesNotContain("\tat ");
  }

  @Test
  void smallPValuesArePrintedAsLessThanOneInAThousandNotAsZero() throws IOException {
    Path trial = dir.resolve("trial.csv");
    run(
        "simulate",
        "--trial",
        "--clients",
        "2000",
        "--seed",
        "20240601",
        "--out",
        trial.toString());

    Cli.Run table =
        run(
            "trial",
            trial.toString(),
            "--covariates",
            "baseline,motivation,attachment",
            "--lower-is-better",
            "--alliance-centre",
            "32");
    Cli.Run csv =
        run(
            "trial",
            trial.toString(),
            "--covariates",
            "baseline,motivation,attachment",
            "--lower-is-better",
            "--alliance-centre",
            "32",
            "--format",
            "csv");

    assertThat(table.exit()).as(table.toString()).isZero();
    assertThat(table.out()).contains("< 0.001");
    // In CSV, for programs, a tiny p-value keeps its exponent rather than becoming 0.
    assertThat(csv.out().lines().skip(1).map(line -> line.substring(line.lastIndexOf(',') + 1)))
        .noneMatch(p -> p.equals("0"));
  }
}
