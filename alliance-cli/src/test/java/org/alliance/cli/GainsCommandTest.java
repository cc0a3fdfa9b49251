package org.alliance.cli;

import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alliance gains} end to end. The figures for examples/sgdata-long.csv (BDI, cutoff 7,
 * sessions 1-12) are the published results of the R package suddengains on its data set sgdata.
 */
class GainsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NL = System.lineSeparator();

  @TempDir Path dir;

  /** A file of the repository's examples directory, found from the module's working directory. */
  static Path example(String name) {
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      Path file = at.resolve("examples").resolve(name);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new AssertionError(
        "examples/" + name + " not found above " + Path.of("").toAbsolutePath());
  }

  private static String[] sgdata(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "gains",
                example("sgdata-long.csv").toString(),
                "--score",
                "bdi",
                "--lower-is-better",
                "--cutoff",
                "7",
                "--sessions",
                "1..12"));
    args.addAll(Arrays.asList(more));
    return args.toArray(String[]::new);
  }

  @Test
  void findsThePublishedSuddenGainsOfSgdataInJson() throws IOException {
    Cli.Run run = run(sgdata("--format", "json"));

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).as("nothing to report").isEmpty();
    JsonNode document = JSON.readTree(run.out());
    JsonNode summary = document.get("summary");
    assertThat(summary.get("gains").asInt()).isEqualTo(24);
    assertThat(summary.get("clients").asInt()).isEqualTo(43);
    assertThat(summary.get("clients with a gain").asInt()).isEqualTo(15);
    assertThat(summary.get("clients with more than one").asInt()).isEqualTo(8);
    assertThat(summary.get("reversed").asInt()).isEqualTo(4);
    assertThat(summary.get("intervals tested").asInt()).isEqualTo(387);
    assertThat(summary.get("undetermined intervals").asInt()).isEqualTo(89);
    assertThat(summary.get("measure").asText()).isEqualTo("bdi");
    assertThat(summary.get("criteria").asText()).contains("sudden gain").contains("7 points");

    JsonNode gains = document.get("gains");
    assertThat(gains).hasSize(24);
    List<String> clients = new ArrayList<>();
    int reversed = 0;
    for (JsonNode gain : gains) {
      int pre = gain.get("pregain_session").asInt();
      int post = gain.get("postgain_session").asInt();
      assertThat(post).as(gain.toString()).isEqualTo(pre + 1);
      assertThat(pre).isBetween(1, 11);
      double magnitude = gain.get("magnitude").asDouble();
      assertThat(magnitude)
          .as(gain.toString())
          .isGreaterThanOrEqualTo(7)
          .isEqualTo(gain.get("pregain_score").asDouble() - gain.get("postgain_score").asDouble());
      assertThat(gain.get("reversed").isBoolean()).isTrue();
      reversed += gain.get("reversed").asBoolean() ? 1 : 0;
      clients.add(gain.get("client").asText());
    }
    // The rows agree with the summary.
    assertThat(reversed).isEqualTo(4);
    assertThat(clients.stream().distinct().count()).isEqualTo(15);
    assertThat(
            clients.stream()
                .distinct()
                .filter(c -> clients.stream().filter(c::equals).count() > 1)
                .count())
        .isEqualTo(8);
  }

  @Test
  void writesOneCsvRowPerGainWithTheSpecColumnsAndTheSummaryOnStderr() {
    Cli.Run run = run(sgdata("--format", "csv"));

    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(1 + 24);
    List<String> header = List.of(lines.get(0).split(","));
    // The spec's columns, in the spec's order, beginning with the client.
    List<String> spec =
        List.of(
            "client",
            "pregain_session",
            "postgain_session",
            "magnitude",
            "reversal_value",
            "reversed");
    assertThat(header.subList(0, 3))
        .containsExactly("client", "pregain_session", "postgain_session");
    assertThat(header).containsSubsequence(spec);
    // First gain of sgdata: client 1, sessions 3 -> 4, BDI 34 -> 23, reversed at session 7.
    assertThat(lines.get(1)).isEqualTo("1,3,4,11,28.5,true,34,23,7");
    int reversedColumn = header.indexOf("reversed");
    assertThat(
            lines.subList(1, lines.size()).stream()
                .filter(line -> line.split(",", -1)[reversedColumn].equals("true")))
        .hasSize(4);
    assertThat(run.err())
        .contains("gains: 24" + NL)
        .contains("clients with a gain: 15" + NL)
        .contains("clients with more than one: 8" + NL)
        .contains("undetermined intervals: 89" + NL);
  }

  @Test
  void printsATableAndTheSummaryOnStdoutByDefault() {
    Cli.Run run = run(sgdata());

    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0).split(" +"))
        .startsWith("client", "pregain_session", "postgain_session");
    assertThat(lines.get(1).split(" +"))
        .startsWith("1", "3", "4", "11", "28.5", "true", "34", "23");
    assertThat(run.out()).contains("gains: 24" + NL).contains("intervals tested: 387" + NL);
  }

  @Test
  void showsTheFirstOrLargestGainOfEachClientWhileTheSummaryCountsAll() throws IOException {
    JsonNode all = JSON.readTree(run(sgdata("--format", "json")).out()).get("gains");
    Cli.Run firstRun = run(sgdata("--per-client", "first", "--format", "json"));
    Cli.Run largestRun = run(sgdata("--per-client", "largest", "--format", "json"));

    for (Cli.Run run : List.of(firstRun, largestRun)) {
      assertThat(run.exit()).as(run.toString()).isZero();
      JsonNode document = JSON.readTree(run.out());
      assertThat(document.get("gains")).as("one row per client with a gain").hasSize(15);
      assertThat(document.get("summary").get("gains").asInt()).isEqualTo(24);
    }
    JsonNode first = JSON.readTree(firstRun.out()).get("gains");
    JsonNode largest = JSON.readTree(largestRun.out()).get("gains");
    for (int i = 0; i < 15; i++) {
      String client = first.get(i).get("client").asText();
      List<JsonNode> ofClient = new ArrayList<>();
      all.forEach(
          gain -> {
            if (gain.get("client").asText().equals(client)) {
              ofClient.add(gain);
            }
          });
      int earliest =
          ofClient.stream()
              .mapToInt(gain -> gain.get("pregain_session").asInt())
              .min()
              .orElseThrow();
      double biggest =
          ofClient.stream()
              .mapToDouble(gain -> gain.get("magnitude").asDouble())
              .max()
              .orElseThrow();
      assertThat(first.get(i).get("pregain_session").asInt()).as(client).isEqualTo(earliest);
      assertThat(largest.get(i).get("client").asText()).isEqualTo(client);
      assertThat(largest.get(i).get("magnitude").asDouble()).as(client).isEqualTo(biggest);
    }
    Cli.Run bad = run(sgdata("--per-client", "some"));
    assertThat(bad.exit()).as(bad.toString()).isEqualTo(2);
    assertThat(bad.err()).contains("--per-client");
  }

  @Test
  void findsSuddenLossesWithLosses() throws IOException {
    Cli.Run run = run(sgdata("--losses", "--format", "json"));

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode document = JSON.readTree(run.out());
    assertThat(document.has("gains")).isFalse();
    JsonNode losses = document.get("losses");
    assertThat(losses).isNotEmpty();
    for (JsonNode loss : losses) {
      // A loss is a worsening: the BDI goes up by at least the cutoff.
      assertThat(loss.get("postloss_score").asDouble() - loss.get("preloss_score").asDouble())
          .as(loss.toString())
          .isGreaterThanOrEqualTo(7);
      assertThat(loss.get("postloss_session").asInt())
          .isEqualTo(loss.get("preloss_session").asInt() + 1);
    }
    JsonNode summary = document.get("summary");
    assertThat(summary.get("criteria").asText()).contains("sudden loss");
    assertThat(summary.get("clients with a loss").asInt()).isPositive();
    assertThat(summary.get("intervals tested").asInt()).isEqualTo(387);
  }

  // Regression (was a bug): the summary entry for the count of losses is named "losss":
  // GainsCommand builds it as word + "s" with
  // word = "loss" (gains: "gain" + "s" is right). Seen: {"losss" : 3, ...}. Expected: "losses", the
  // same word as the
  // rows' key, holding the number of rows.
  @Test
  void namesTheCountOfLossesLosses() throws IOException {
    Cli.Run run = run(sgdata("--losses", "--format", "json"));

    JsonNode document = JSON.readTree(run.out());
    JsonNode summary = document.get("summary");
    assertThat(summary.has("losses")).as(summary.toString()).isTrue();
    assertThat(summary.get("losses").asInt()).isEqualTo(document.get("losses").size());
  }

  @Test
  void readsALossCutoffGivenWithTheMinusSignOfSuddengains() {
    Cli.Run plus = run(sgdata("--losses", "--format", "csv"));
    Cli.Run minus =
        run(
            "gains",
            example("sgdata-long.csv").toString(),
            "--score",
            "bdi",
            "--lower-is-better",
            "--cutoff=-7",
            "--sessions",
            "1..12",
            "--losses",
            "--format",
            "csv");

    assertThat(minus.exit()).as(minus.toString()).isZero();
    assertThat(minus.out()).isEqualTo(plus.out());
    assertThat(plus.out().lines().toList().get(0))
        .startsWith("client,preloss_session,postloss_session,");
  }

  @Test
  void aHigherCutoffFindsFewerGains() throws IOException {
    Cli.Run run =
        run(
            "gains",
            example("sgdata-long.csv").toString(),
            "--score",
            "bdi",
            "--lower-is-better",
            "--cutoff",
            "12",
            "--sessions",
            "1..12",
            "--format",
            "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode document = JSON.readTree(run.out());
    int gains = document.get("summary").get("gains").asInt();
    assertThat(gains).isPositive().isLessThan(24).isEqualTo(document.get("gains").size());
    assertThat(document.get("gains"))
        .allSatisfy(
            gain -> assertThat(gain.get("magnitude").asDouble()).isGreaterThanOrEqualTo(12));
  }

  @Test
  void countsAnIntervalWithMissingSessionsAsUndetermined() throws IOException {
    // Sessions 1-8; session 4 is missing (NA), so the intervals around it cannot be decided.
    Path file =
        write(
            dir,
            "gap.csv",
            "client,session,score\n"
                + "c1,1,30\nc1,2,31\nc1,3,29\nc1,4,NA\nc1,5,12\nc1,6,11\nc1,7,12\nc1,8,10\n");

    Cli.Run run =
        run(
            "gains",
            file.toString(),
            "--score",
            "score",
            "--lower-is-better",
            "--cutoff",
            "7",
            "--format",
            "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode summary = JSON.readTree(run.out()).get("summary");
    assertThat(summary.get("gains").asInt()).isZero();
    assertThat(summary.get("undetermined intervals").asInt()).isPositive();
    assertThat(summary.get("intervals tested").asInt())
        .isGreaterThanOrEqualTo(summary.get("undetermined intervals").asInt());
  }

  @Test
  void aScoreColumnWithoutADirectionIsAUsageErrorNamingTheMissingOption() {
    Cli.Run run =
        run("gains", example("sgdata-long.csv").toString(), "--score", "bdi", "--cutoff", "7");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("--lower-is-better")
        .contains("--higher-is-better")
        .doesNotContain("\tat ");
  }

  @Test
  void aBadSessionRangeOrNoCutoffIsAUsageError() {
    for (String range : List.of("12..1", "5..5", "1-12", "x..3")) {
      Cli.Run run =
          run(
              "gains",
              example("sgdata-long.csv").toString(),
              "--score",
              "bdi",
              "--lower-is-better",
              "--cutoff",
              "7",
              "--sessions",
              range);
      assertThat(run.exit()).as(range + ": " + run).isEqualTo(2);
      assertThat(run.err()).contains("--sessions");
    }
    Cli.Run noCutoff =
        run("gains", example("sgdata-long.csv").toString(), "--score", "bdi", "--lower-is-better");
    assertThat(noCutoff.exit()).as(noCutoff.toString()).isEqualTo(2);
    assertThat(noCutoff.err()).contains("--cutoff");
  }

  @Test
  void aMissingFileIsAUsageError() {
    Cli.Run run =
        run(
            "gains",
            dir.resolve("nothing.csv").toString(),
            "--score",
            "bdi",
            "--lower-is-better",
            "--cutoff",
            "7");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("no such file").doesNotContain("\tat ");
  }

  @Test
  void aMissingScoreColumnMakesTheFileUnreadable() {
    Cli.Run run =
        run(
            "gains",
            example("sgdata-long.csv").toString(),
            "--score",
            "hamd",
            "--lower-is-better",
            "--cutoff",
            "7");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("line 1").contains("'hamd'").doesNotContain("\tat ");
  }

  @Test
  void aClientWhoseRowsAreNotTogetherIsRejectedNamingTheLine() throws IOException {
    Path file = write(dir, "unsorted.csv", "client,session,bdi\na,1,30\na,2,20\nb,1,25\na,3,10\n");

    Cli.Run run =
        run(
            "gains",
            file.toString(),
            "--score",
            "bdi",
            "--lower-is-better",
            "--cutoff",
            "7",
            "--format",
            "csv");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains(file + " line 5")
        .contains("client a")
        .contains("sort the file by client")
        .doesNotContain("\tat ")
        .doesNotContain("internal error");
  }

  @Test
  void leavesOutARowWithABadScoreReportingItsCellAndExits1() throws IOException {
    Path file = write(dir, "bad.csv", "client,session,bdi\na,1,30\na,2,thirty\na,3,20\n");

    Cli.Run run =
        run(
            "gains",
            file.toString(),
            "--score",
            "bdi",
            "--lower-is-better",
            "--cutoff",
            "7",
            "--format",
            "json");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains(file + " line 3, column 3 (bdi): expected a number, found 'thirty'")
        .contains("1 of 3 rows were left out");
    assertThat(JSON.readTree(run.out()).get("summary").get("clients").asInt()).isEqualTo(1);
  }

  /** PHQ-9 answers (item 9 always 0) adding up to the total. */
  private static String phq9Items(int total) {
    StringBuilder items = new StringBuilder();
    int left = total;
    for (int item = 1; item <= 9; item++) {
      int value = item == 9 ? 0 : Math.min(3, left);
      left -= value;
      items.append(',').append(value);
    }
    return items.toString();
  }

  @Test
  void withoutACutoffAnInstrumentsPublishedReliableChangeIsUsedAndNamed() throws IOException {
    StringBuilder file = new StringBuilder(Cli.PHQ9_HEADER.replace("date,", ""));
    int[] totals = {20, 19, 19, 10, 9, 9};
    for (int session = 1; session <= totals.length; session++) {
      file.append("c1,").append(session).append(phq9Items(totals[session - 1])).append('\n');
    }
    Path answers = write(dir, "phq9.csv", file.toString());

    Cli.Run run = run("gains", answers.toString(), "--instrument", "phq-9", "--format", "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode document = JSON.readTree(run.out());
    assertThat(document.get("summary").get("cutoff source").asText())
        .isEqualTo(
            "6 points, the published reliable change of PHQ-9 (give --cutoff to choose another)");
    assertThat(document.get("gains")).hasSize(1);
    assertThat(document.get("gains").get(0).get("pregain_session").asInt()).isEqualTo(3);
  }

  @Test
  void aScoreColumnWithoutACutoffIsAUsageErrorNamingTheOption() {
    Cli.Run run =
        run("gains", example("sgdata-long.csv").toString(), "--score", "bdi", "--lower-is-better");

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains("--cutoff is needed: bdi has no published reliable-change value");
  }
}
