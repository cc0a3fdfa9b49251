package org.alliance.cli;

import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NHS Talking Therapies rates end to end: {@code cohort} gives each rate with its denominator
 * and Wilson interval, and {@code change --definition nhs-talking-therapies} judges each episode
 * the same way. Each episode of the file is built to sit on one boundary of the rules.
 */
class TalkingTherapiesCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NL = System.lineSeparator();
  private static final double Z = 1.959963984540054;
  private static final String SECTION = "NHS Talking Therapies";

  @TempDir Path dir;

  /** PHQ-9 and GAD-7 totals per session of one episode; null where the measure was not given. */
  private record Episode(String client, Integer[] phq9, Integer[] gad7) {}

  /** The file's episodes, and the outcome each must get by the rules. */
  private static final Map<Episode, String> EPISODES = new LinkedHashMap<>();

  static {
    // PHQ-9 10 and GAD-7 7 at the start: a case on PHQ-9 alone; 9 and 7 at the end: recovered,
    // but a drop of 1 is no reliable improvement.
    EPISODES.put(
        new Episode("phq9-boundary", new Integer[] {10, 9}, new Integer[] {7, 7}),
        "recovery without reliable improvement");
    // PHQ-9 9 and GAD-7 8: a case on GAD-7 alone; a GAD-7 drop of exactly 4 is reliable.
    EPISODES.put(
        new Episode("gad7-boundary", new Integer[] {9, 9}, new Integer[] {8, 4}),
        "reliable recovery");
    // PHQ-9 9, GAD-7 7: not a case; a PHQ-9 drop of exactly 6 is reliable improvement, counted in
    // the improvement rate but not in the recovery denominator.
    EPISODES.put(
        new Episode("not-a-case", new Integer[] {9, 3}, new Integer[] {7, 6}),
        "reliable improvement");
    // Drops of 5 and 3: no reliable change; still a case.
    EPISODES.put(
        new Episode("just-short", new Integer[] {20, 15}, new Integer[] {15, 12}),
        "no reliable change");
    // PHQ-9 down 6, GAD-7 up 4: deterioration, not improvement.
    EPISODES.put(
        new Episode("mixed", new Integer[] {18, 12, 12}, new Integer[] {4, 6, 8}),
        "reliable deterioration");
    // One session only: left out.
    EPISODES.put(new Episode("one-session", new Integer[] {20}, new Integer[] {15}), null);
    // No GAD-7 at the end: left out.
    EPISODES.put(
        new Episode("no-last-gad7", new Integer[] {20, 14, 8}, new Integer[] {15, null, null}),
        null);
  }

  private static String answers(String instrument, int total, int items) {
    StringBuilder row = new StringBuilder(instrument);
    int left = total;
    for (int i = 1; i <= 9; i++) {
      row.append(',');
      if (i <= items) {
        int item = Math.min(3, left);
        left -= item;
        row.append(item);
      }
    }
    return row.toString();
  }

  private Path file() throws IOException {
    StringBuilder csv =
        new StringBuilder("client,session,clinician,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9\n");
    for (Episode episode : EPISODES.keySet()) {
      int sessions = Math.max(episode.phq9().length, episode.gad7().length);
      for (int s = 0; s < sessions; s++) {
        String key = episode.client() + "," + (s + 1) + ",dr-a,";
        if (s < episode.phq9().length && episode.phq9()[s] != null) {
          csv.append(key).append(answers("phq-9", episode.phq9()[s], 9)).append('\n');
        }
        if (s < episode.gad7().length && episode.gad7()[s] != null) {
          csv.append(key).append(answers("gad-7", episode.gad7()[s], 7)).append('\n');
        }
      }
    }
    return write(dir, "phq9-gad7.csv", csv.toString());
  }

  private static double[] wilson(int successes, int n) {
    double p = (double) successes / n;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  private static void assertRate(JsonNode rate, int count, int of) {
    assertThat(rate.get("clients").asInt()).isEqualTo(count);
    assertThat(rate.get("of").asInt()).isEqualTo(of);
    assertThat(rate.get("rate").asDouble()).isCloseTo((double) count / of, within(1e-12));
    double[] interval = wilson(count, of);
    assertThat(rate.get("ci_lower").asDouble()).isCloseTo(interval[0], within(1e-9));
    assertThat(rate.get("ci_upper").asDouble()).isCloseTo(interval[1], within(1e-9));
  }

  private static long count(String outcome) {
    return EPISODES.values().stream().filter(outcome::equals).count();
  }

  @Test
  void cohortGivesEachRateWithItsDenominatorAndWilsonInterval() throws IOException {
    Cli.Run run = run("cohort", file().toString(), "--format", "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode section = JSON.readTree(run.out()).get("summary").get(SECTION);
    assertThat(section).as(run.out()).isNotNull();
    int finished = (int) EPISODES.values().stream().filter(o -> o != null).count();
    // Every finished episode but "not-a-case" was at caseness at the start.
    int atCaseness = finished - 1;
    assertThat(section.get("definition").asText()).isEqualTo(SECTION);
    assertThat(section.get("definition source").asText()).contains("NHS Digital");
    assertThat(section.get("episodes").asInt()).isEqualTo(finished);
    assertThat(section.get("left out (fewer than two sessions)").asInt()).isEqualTo(1);
    assertThat(section.get("left out (no first and last score of both PHQ-9 and GAD-7)").asInt())
        .isEqualTo(1);
    assertThat(section.get("not at caseness at the start").asInt()).isEqualTo(1);
    int improved = (int) (count("reliable improvement") + count("reliable recovery"));
    assertRate(section.get("reliable improvement"), improved, finished);
    assertRate(
        section.get("reliable deterioration"), (int) count("reliable deterioration"), finished);
    int recovered =
        (int) (count("reliable recovery") + count("recovery without reliable improvement"));
    assertRate(section.get("recovery (of those at caseness at the start)"), recovered, atCaseness);
    assertRate(
        section.get("reliable recovery (of those at caseness at the start)"),
        (int) count("reliable recovery"),
        atCaseness);
  }

  @Test
  void changeJudgesEachEpisodeAsCohortCountsIt() throws IOException {
    Path file = file();

    Cli.Run run =
        run("change", file.toString(), "--definition", "nhs-talking-therapies", "--format", "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode document = JSON.readTree(run.out());
    Map<String, String> outcomes = new LinkedHashMap<>();
    document
        .get("episodes")
        .forEach(e -> outcomes.put(e.get("client").asText(), e.get("outcome").asText()));
    Map<String, String> expected = new LinkedHashMap<>();
    EPISODES.forEach(
        (episode, outcome) -> {
          if (outcome != null) {
            expected.put(episode.client(), outcome);
          }
        });
    assertThat(outcomes).containsExactlyEntriesOf(expected);

    JsonNode summary = document.get("summary");
    JsonNode cohort =
        JSON.readTree(run("cohort", file.toString(), "--format", "json").out())
            .get("summary")
            .get(SECTION);
    assertThat(summary.get("definition").asText()).isEqualTo(SECTION);
    assertThat(summary.get("reliable recovery").asInt())
        .isEqualTo(
            cohort
                .get("reliable recovery (of those at caseness at the start)")
                .get("clients")
                .asInt());
    assertThat(summary.get("recovery").asInt())
        .isEqualTo(
            cohort.get("recovery (of those at caseness at the start)").get("clients").asInt());
    assertThat(summary.get("reliable improvement").asInt())
        .isEqualTo(cohort.get("reliable improvement").get("clients").asInt());
    assertThat(summary.get("reliable deterioration").asInt())
        .isEqualTo(cohort.get("reliable deterioration").get("clients").asInt());
  }

  @Test
  void theTableShowsTheSectionOneLineEach() throws IOException {
    Cli.Run run = run("cohort", file().toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains(SECTION + ":" + NL)
        .contains(NL + "  definition: " + SECTION + NL)
        .contains(NL + "  reliable improvement: clients ");
  }

  @Test
  void optionsThatDoNotApplyAreUsageErrors() throws IOException {
    Path file = file();

    Cli.Run pre =
        run("change", file.toString(), "--definition", "nhs-talking-therapies", "--pre", "1");
    assertThat(pre.exit()).as(pre.toString()).isEqualTo(2);
    assertThat(pre.err()).contains("--pre and --post do not go with");

    Cli.Run cutoff =
        run("change", file.toString(), "--definition", "nhs-talking-therapies", "--cutoff", "c");
    assertThat(cutoff.exit()).as(cutoff.toString()).isEqualTo(2);
    assertThat(cutoff.err()).contains("--cutoff goes with --definition norms or --reliability");
  }

  @Test
  void aFileWithoutGad7HasNoNhsTalkingTherapiesSection() throws IOException {
    Path phq9Only =
        write(
            dir,
            "phq9.csv",
            "client,session,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
                + "a,1,phq-9,3,3,3,3,3,0,0,0,0\n"
                + "a,2,phq-9,1,1,1,1,0,0,0,0,0\n");

    Cli.Run run = run("cohort", phq9Only.toString(), "--format", "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(JSON.readTree(run.out()).get("summary").has(SECTION)).isFalse();
  }
}
