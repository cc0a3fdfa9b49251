package org.alliance.cli;

import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file without an instrument column or --instrument: the instrument is told from the item columns
 * when only one fits, and named on stderr; otherwise the command fails once, before any row, naming
 * the candidates and --instrument (it used to print one error per row).
 */
class InstrumentInferenceCliTest {
  @TempDir Path dir;

  private Path phq9ById() throws IOException {
    String header =
        "client,session,"
            + IntStream.rangeClosed(1, 9)
                .mapToObj(i -> "phq9_" + i)
                .collect(Collectors.joining(","));
    return write(dir, "phq9.csv", header + "\nc1,1,0,1,2,3,0,1,2,3,0\nc1,2,0,0,1,1,0,0,1,1,0\n");
  }

  @Test
  void scoreNamesTheInstrumentTheItemIdsName() throws IOException {
    Cli.Run run = run("score", phq9ById().toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).contains("scored as PHQ-9: the item columns phq9_1..phq9_9 name it");
    assertThat(run.out()).contains("c1,1,,phq-9,12,,moderate,true");
  }

  @Test
  void scoreTakesTheOnlyInstrumentWithAsManyItemsAsNumberedColumns() throws IOException {
    Path file = write(dir, "q9.csv", Cli.PHQ9_HEADER + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n");

    Cli.Run run = run("score", file.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).contains("scored as PHQ-9: the 9 item columns q1..q9 fit only PHQ-9");
  }

  @Test
  void anAmbiguousFileFailsOnceBeforeReadingRowsNamingTheCandidatesAndTheOption()
      throws IOException {
    StringBuilder rows = new StringBuilder("client,session,q1,q2,q3,q4\n");
    for (int i = 0; i < 500; i++) {
      rows.append("c").append(i).append(",1,5,5,5,5\n");
    }
    Path file = write(dir, "four.csv", rows.toString());

    Cli.Run run = run("score", file.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err().lines()).as(run.toString()).hasSize(1);
    assertThat(run.err())
        .contains("four.csv line 1")
        .contains("cannot tell which instrument")
        .contains("srs")
        .contains("ors")
        .contains("--instrument");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "trend", "change", "cohort", "ruptures", "export"})
  void everyCommandThatReadsAnswersUsesTheSameRule(String command) throws IOException {
    Path file = phq9ById();
    Cli.Run run =
        command.equals("export")
            ? run(command, file.toString(), "--out", dir.resolve("out.csv").toString())
            : run(command, file.toString());

    assertThat(run.err()).as(run.toString()).contains("scored as PHQ-9");
    assertThat(run.err()).doesNotContain("no instrument");
  }

  @Test
  void convertUsesTheSameRule() throws IOException {
    Cli.Run run = run("convert", phq9ById().toString(), "--to", "csv-long");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).contains("scored as PHQ-9");
    assertThat(run.out()).contains("c1,1,,,phq-9,phq9_1,0");
  }

  @Test
  void aGivenInstrumentIsNotInferredOrNoted() throws IOException {
    Cli.Run run = run("score", phq9ById().toString(), "--instrument", "phq-9");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).doesNotContain("scored as");
  }
}
