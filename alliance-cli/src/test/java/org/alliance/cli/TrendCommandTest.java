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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NL = System.lineSeparator();

  /**
   * PHQ-9 and SRS answers of three clients, in file order calm, circle, risk. "calm" improves with
   * a steady alliance; "circle" has a vicious circle (SRS 38, 36, 34, 32 while the PHQ-9 goes 12,
   * 12, 13, 14); "risk" answers 2 on the PHQ-9 risk item at their latest session.
   */
  private static final String ANSWERS =
      "client,session,clinician,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
          + "calm,1,dr-a,phq-9,1,1,1,1,1,1,1,1,0\n"
          + "calm,1,dr-a,srs,9.5,9.5,9.5,9.5,,,,,\n"
          + "calm,2,dr-a,phq-9,1,1,1,1,0,0,0,0,0\n"
          + "calm,2,dr-a,srs,9.5,9.5,9.5,9.5,,,,,\n"
          + "circle,1,dr-b,phq-9,2,2,2,2,1,1,1,1,0\n"
          + "circle,1,dr-b,srs,9.5,9.5,9.5,9.5,,,,,\n"
          + "circle,2,dr-b,phq-9,2,2,2,2,1,1,1,1,0\n"
          + "circle,2,dr-b,srs,9,9,9,9,,,,,\n"
          + "circle,3,dr-b,phq-9,2,2,2,2,2,1,1,1,0\n"
          + "circle,3,dr-b,srs,8.5,8.5,8.5,8.5,,,,,\n"
          + "circle,4,dr-b,phq-9,2,2,2,2,2,2,1,1,0\n"
          + "circle,4,dr-b,srs,8,8,8,8,,,,,\n"
          + "risk,1,dr-a,phq-9,1,1,1,1,1,1,1,1,0\n"
          + "risk,1,dr-a,srs,9.5,9.5,9.5,9.5,,,,,\n"
          + "risk,2,dr-a,phq-9,1,1,1,1,1,1,1,1,2\n"
          + "risk,2,dr-a,srs,9.5,9.5,9.5,9.5,,,,,\n";

  private static final String CSV_HEADER =
      "rank,client,clinician,rule,rule_version,level,measure,session,explanation,numbers";

  @TempDir Path dir;

  private Path answers() throws IOException {
    return write(dir, "answers.csv", ANSWERS);
  }

  private static List<List<String>> csvRows(String out) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : out.lines().skip(1).toList()) {
      // The explanation may be quoted; the first eight columns never are.
      rows.add(List.of(line.split(",", 9)).subList(0, 8));
    }
    return rows;
  }

  @Test
  void ranksTheRiskClientFirstInTheTable() throws IOException {
    Cli.Run run = run("trend", answers().toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> headings =
        run.out().lines().filter(line -> !line.isEmpty() && !line.startsWith(" ")).toList();
    assertThat(headings).hasSize(4);
    assertThat(headings.subList(0, 3))
        .containsExactly(
            "risk (clinician dr-a): 1 alert",
            "circle (clinician dr-b): 1 alert",
            "calm (clinician dr-a): no alerts");
    assertThat(headings.get(3)).startsWith("3 clients, 2 with alerts");
    assertThat(run.out())
        .contains("  phq-9      1:8 2:10" + NL)
        .contains("  srs        1:38 2:36 3:34 4:32" + NL)
        .contains("  ! critical-item (v1, red, session 2): ")
        .contains("  ! vicious-circle (v2, red, session 4): ");
  }

  @Test
  void ranksTheRiskClientFirstInCsv() throws IOException {
    Cli.Run run = run("trend", answers().toString(), "--format", "csv");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out().lines().findFirst()).hasValue(CSV_HEADER);
    List<List<String>> rows = csvRows(run.out());
    assertThat(rows.get(0))
        .containsExactly("1", "risk", "dr-a", "critical-item", "1", "red", "phq-9", "2");
    assertThat(rows.subList(1, rows.size()))
        .allSatisfy(
            row -> {
              assertThat(row.get(0)).isEqualTo("2");
              assertThat(row.get(1)).isEqualTo("circle");
            });
    assertThat(rows).extracting(row -> row.get(3)).contains("vicious-circle");
    assertThat(rows).extracting(row -> row.get(1)).doesNotContain("calm");
    assertThat(run.err()).contains("clients: 3" + NL).contains("clients with alerts: 2" + NL);
  }

  @Test
  void ranksTheRiskClientFirstInJson() throws IOException {
    Cli.Run run = run("trend", answers().toString(), "--format", "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode document = JSON.readTree(run.out());
    JsonNode clients = document.get("clients");
    assertThat(clients).hasSize(3);
    JsonNode first = clients.get(0);
    assertThat(names(first))
        .containsExactly("rank", "client", "urgency", "courses", "alerts", "notes");
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("client").get("reference").asText()).isEqualTo("risk");
    assertThat(first.get("client").get("clinician").asText()).isEqualTo("dr-a");
    assertThat(first.get("urgency").asInt()).isEqualTo(1);
    JsonNode alert = first.get("alerts").get(0);
    assertThat(names(alert))
        .containsExactly(
            "rule",
            "version",
            "title",
            "urgency",
            "level",
            "measure",
            "session",
            "explanation",
            "numbers");
    assertThat(alert.get("rule").asText()).isEqualTo("critical-item");
    assertThat(alert.get("session").asInt()).isEqualTo(2);
    assertThat(alert.get("numbers").get("answer").asDouble()).isEqualTo(2);
    assertThat(clients.get(1).get("client").get("reference").asText()).isEqualTo("circle");
    assertThat(clients.get(1).get("alerts").findValuesAsText("rule")).contains("vicious-circle");

    JsonNode calm = clients.get(2);
    assertThat(calm.get("rank").asInt()).isEqualTo(3);
    assertThat(calm.get("urgency").isNull()).as("no alerts, no urgency").isTrue();
    assertThat(calm.get("alerts")).isEmpty();
    JsonNode srs = calm.get("courses").get(1);
    assertThat(srs.get("measure").asText()).isEqualTo("srs");
    assertThat(srs.get("cutoff").get("rule").asText()).isEqualTo("total < 36");
    assertThat(srs.get("sessions").get(0).get("score").asDouble()).isEqualTo(38);
    assertThat(names(srs.get("sessions").get(0)))
        .as("no expected course")
        .containsExactly("session", "date", "score");
    assertThat(calm.get("notes").get(0).asText())
        .startsWith("no expected course, so no not-on-track alerts: ");

    JsonNode summary = document.get("summary");
    assertThat(summary.get("clients").asInt()).isEqualTo(3);
    assertThat(summary.get("clientsWithAlerts").asInt()).isEqualTo(2);
    assertThat(summary.get("alertsByRule").get("critical-item").asInt()).isEqualTo(1);
    assertThat(summary.get("alertsByRule").get("vicious-circle").asInt()).isEqualTo(1);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void showsOnlyTheChosenClient() throws IOException {
    Path file = answers();

    Cli.Run table = run("trend", file.toString(), "--client", "circle");
    Cli.Run csv = run("trend", file.toString(), "--client", "circle", "--format", "csv");

    assertThat(table.exit()).as(table.toString()).isZero();
    assertThat(table.out())
        .startsWith("circle (clinician dr-b): 1 alert" + NL)
        .doesNotContain("risk")
        .doesNotContain("calm");
    assertThat(csv.exit()).as(csv.toString()).isZero();
    List<List<String>> rows = csvRows(csv.out());
    assertThat(rows)
        .hasSize(1)
        .allSatisfy(
            row -> {
              assertThat(row.get(0)).isEqualTo("1");
              assertThat(row.get(1)).isEqualTo("circle");
            });
    assertThat(csv.err()).contains("clients: 1" + NL);
  }

  @Test
  void anUnknownClientExits1() throws IOException {
    Path file = answers();

    Cli.Run run = run("trend", file.toString(), "--client", "nobody");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("no client nobody in " + file).doesNotContain("\tat ");
  }

  @Test
  void saysThereIsNoExpectedCourseForFewerThan30Episodes() throws IOException {
    Cli.Run run = run("trend", answers().toString(), "--format", "csv");

    assertThat(run.err()).contains("note: no expected course, so no not-on-track alerts");
    assertThat(csvRows(run.out()))
        .extracting(row -> row.get(3))
        .doesNotContain("not-on-track", "off-track-caution");
  }

  /** 300 simulated clients (seed 5) to fit the expected course on. */
  private Path reference() {
    Path reference = dir.resolve("reference.csv");
    Cli.Run simulated =
        run("simulate", "--clients", "300", "--seed", "5", "--out", reference.toString());
    assertThat(simulated.exit()).as(simulated.toString()).isZero();
    return reference;
  }

  @Test
  void marksEachScoreAgainstTheExpectedCourseInTheTable() throws IOException {
    Cli.Run run =
        run(
            "trend",
            answers().toString(),
            "--reference",
            reference().toString(),
            "--client",
            "circle");

    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(1)).startsWith("  phq-9      1:12 ").endsWith(" 4:14!");
    assertThat(lines.get(2)).isEqualTo("  srs        1:38 2:36 3:34 4:32");
    assertThat(run.out()).contains("  ! not-on-track (v1, amber, session 4): ");
  }

  @Test
  void writesEachScoreAgainstTheExpectedCourseInJson() throws IOException {
    Cli.Run run =
        run(
            "trend",
            answers().toString(),
            "--reference",
            reference().toString(),
            "--client",
            "circle",
            "--format",
            "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode circle = JSON.readTree(run.out()).get("clients").get(0);
    JsonNode phq9 = circle.get("courses").get(0);
    assertThat(phq9.get("expectedCourseEpisodes").asInt()).isGreaterThanOrEqualTo(30);
    JsonNode last = phq9.get("sessions").get(3);
    assertThat(last.get("session").asInt()).isEqualTo(4);
    assertThat(last.get("status").asText()).isEqualTo("not-on-track");
    assertThat(last.get("score").asDouble()).isGreaterThan(last.get("notOnTrackEdge").asDouble());
    assertThat(last.get("notOnTrackEdge").asDouble())
        .isGreaterThan(last.get("cautionEdge").asDouble())
        .isGreaterThan(last.get("expected").asDouble());
    assertThat(circle.get("courses").get(1).get("sessions").get(0).has("status"))
        .as("the SRS has no expected course")
        .isFalse();
    assertThat(circle.get("notes")).isEmpty();
  }

  @Test
  void findsNotOnTrackAlertsWithAReferenceFileAndSaysWhatTheFitUsed() throws IOException {
    Path reference = reference();

    Cli.Run run =
        run("trend", answers().toString(), "--reference", reference.toString(), "--format", "csv");

    assertThat(run.exit()).as(run.toString()).isZero();
    // The fit uses every reference client with two or more PHQ-9 scores, and their scores after
    // intake.
    Map<String, Integer> phq9Scores = new HashMap<>();
    for (String line :
        Files.readAllLines(reference).subList(1, Files.readAllLines(reference).size())) {
      String[] cells = line.split(",", -1);
      if (cells[4].equals("phq-9")) {
        phq9Scores.merge(cells[0], 1, Integer::sum);
      }
    }
    int episodes = (int) phq9Scores.values().stream().filter(n -> n >= 2).count();
    int afterIntake = phq9Scores.values().stream().filter(n -> n >= 2).mapToInt(n -> n - 1).sum();
    Matcher note =
        Pattern.compile(
                "note: expected course of phq-9 fitted on (\\d+) episodes and (\\d+) scores")
            .matcher(run.err());
    assertThat(note.find()).as(run.err()).isTrue();
    assertThat(Integer.parseInt(note.group(1))).isEqualTo(episodes).isGreaterThanOrEqualTo(30);
    assertThat(Integer.parseInt(note.group(2))).isEqualTo(afterIntake);
    assertThat(run.err()).doesNotContain("no expected course");

    List<List<String>> rows = csvRows(run.out());
    assertThat(rows)
        .as(run.out())
        .anySatisfy(
            row -> {
              assertThat(row.get(1)).isEqualTo("circle");
              assertThat(row.get(3)).isEqualTo("not-on-track");
              assertThat(row.get(7)).isEqualTo("4");
            });
    assertThat(rows.get(0).get(1)).as("the risk client stays first").isEqualTo("risk");
    assertThat(run.out()).contains("fitted on " + episodes + " episodes");
  }

  // Regression (was a bug): --reference ignores --score. TrendCommand.expectedCourses copies only
  // the instrument and layout into the
  // CourseInput of the reference, so a reference in the same score-column format as FILE is read as
  // answers, every row
  // is silently dropped, and no expected course (and no note) results. Seen with
  // examples/sgdata-long.csv as both
  // FILE and reference: without --reference "note: expected course of bdi fitted on 43 episodes and
  // 443 scores" and 14
  // clients with alerts; with --reference the same file, no note and 0 clients with alerts.
  // Expected: the reference
  // read like FILE (same --score column, direction and client/session columns), giving the same fit
  // and alerts.
  @Test
  void readsAReferenceInTheSameScoreColumnFormatAsTheFile() {
    String file = GainsCommandTest.example("sgdata-long.csv").toString();

    Cli.Run itself = run("trend", file, "--score", "bdi", "--lower-is-better", "--format", "csv");
    Cli.Run reference =
        run(
            "trend",
            file,
            "--score",
            "bdi",
            "--lower-is-better",
            "--reference",
            file,
            "--format",
            "csv");

    assertThat(itself.exit()).as(itself.toString()).isZero();
    assertThat(itself.err()).contains("note: expected course of bdi fitted on 43 episodes");
    assertThat(reference.exit()).as(reference.toString()).isZero();
    assertThat(reference.err())
        .as(reference.toString())
        .contains("note: expected course of bdi fitted on 43 episodes");
    assertThat(reference.out()).isEqualTo(itself.out());
  }

  @Test
  void leavesOutAnInvalidRowButStillShowsItsRiskAnswer() throws IOException {
    // Line 18: a PHQ-9 form with an unreadable answer, but a risk answer of 3.
    Path file = write(dir, "invalid.csv", ANSWERS + "risk,3,dr-a,phq-9,1,x,1,1,1,1,1,1,3\n");

    Cli.Run run = run("trend", file.toString(), "--client", "risk", "--format", "csv");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains(file + " line 18, column 6 (q2)")
        .contains("1 of 17 rows were left out");
    assertThat(csvRows(run.out()))
        .anySatisfy(
            row -> {
              assertThat(row.get(3)).isEqualTo("critical-item");
              assertThat(row.get(7)).isEqualTo("3");
            });
  }

  @Test
  void trendTakesTheRowsInAnyOrderGroupingEachClientInSessionOrder() throws IOException {
    List<String> rows = new ArrayList<>(ANSWERS.lines().skip(1).toList());
    String header = ANSWERS.lines().findFirst().orElseThrow();
    // Sessions last to first, clients interleaved: the order a database export may give.
    List<String> shuffled = new ArrayList<>(rows);
    shuffled.sort(java.util.Comparator.comparing((String row) -> row.split(",")[1]).reversed());
    Path sorted = write(dir, "sorted.csv", ANSWERS);
    Path scattered =
        write(dir, "scattered.csv", header + "\n" + String.join("\n", shuffled) + "\n");

    Cli.Run expected = run("trend", sorted.toString(), "--format", "json");
    Cli.Run run = run("trend", scattered.toString(), "--format", "json");

    assertThat(run.exit()).as(run.toString()).isEqualTo(expected.exit());
    assertThat(run.err()).doesNotContain("not together");
    assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree(expected.out()));
  }

  @Test
  void aClientWhoseRowsAreNotTogetherIsRejectedNamingTheLine() throws IOException {
    Path file = write(dir, "unsorted.csv", ANSWERS + "calm,3,dr-a,phq-9,0,0,0,0,0,0,0,0,0\n");

    // ruptures streams one client at a time, so it still asks for the rows together.
    Cli.Run run = run("ruptures", file.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains(file + " line 18")
        .contains("client calm")
        .contains("sort the file by client")
        .doesNotContain("\tat ")
        .doesNotContain("internal error");
  }
}
