package org.alliance.web.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.alliance.web.SignedIn;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NHS Talking Therapies rates on the team page and in {@code GET /api/cohort}, against the real
 * server on H2. Team North: ann-1 reliable recovery (PHQ-9 15 -> 9, GAD-7 10 -> 5); ann-2 not at
 * caseness (9 and 7) but reliably improved (PHQ-9 down exactly 6); ann-3 PHQ-9 down 6 but GAD-7 up
 * exactly 4: deterioration; ann-4 one session: left out; ann-5 no GAD-7 at the end: left out; ben-1
 * recovery without reliable improvement (PHQ-9 10 -> 9, GAD-7 7). Team South: cay-1 at caseness
 * with drops of 5 and 3: no reliable change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TalkingTherapiesTeamTest {
  private static final double Z = 1.959963984540054;

  TestClinic clinic;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    Map<String, Long> ids = new LinkedHashMap<>(clinic.clients);
    for (String reference : new String[] {"ann-2", "ann-3", "ann-4", "ann-5"}) {
      ids.put(
          reference,
          clinic
              .post("/api/clients", "ann", Map.of("reference", reference))
              .expect(201)
              .json()
              .get("id")
              .asLong());
    }
    episode(ids, "ann", "ann-1", new Integer[] {15, 9}, new Integer[] {10, 5});
    episode(ids, "ann", "ann-2", new Integer[] {9, 3}, new Integer[] {7, 6});
    episode(ids, "ann", "ann-3", new Integer[] {18, 12}, new Integer[] {4, 8});
    episode(ids, "ann", "ann-4", new Integer[] {20}, new Integer[] {15});
    episode(ids, "ann", "ann-5", new Integer[] {20, 14, 8}, new Integer[] {15, null, null});
    episode(ids, "ben", "ben-1", new Integer[] {10, 9}, new Integer[] {7, 7});
    episode(ids, "cay", "cay-1", new Integer[] {20, 15}, new Integer[] {15, 12});
  }

  @AfterAll
  void stop() {
    clinic.close();
  }

  private void episode(
      Map<String, Long> ids, String clinician, String client, Integer[] phq9, Integer[] gad7) {
    String path = "/api/clients/" + ids.get(client) + "/administrations";
    for (int s = 0; s < Math.max(phq9.length, gad7.length); s++) {
      if (s < phq9.length && phq9[s] != null) {
        clinic.post(path, clinician, TestClinic.phq9(s + 1, items(phq9[s], 9))).expect(201);
      }
      if (s < gad7.length && gad7[s] != null) {
        clinic.post(path, clinician, gad7(s + 1, items(gad7[s], 7))).expect(201);
      }
    }
  }

  /** Item answers (0-3) that add up to the total. */
  private static int[] items(int total, int count) {
    int[] items = new int[count];
    int left = total;
    for (int i = 0; i < count; i++) {
      items[i] = Math.min(3, left);
      left -= items[i];
    }
    return items;
  }

  private static Map<String, Object> gad7(int session, int... answers) {
    Map<String, Object> items = new LinkedHashMap<>();
    for (int i = 0; i < answers.length; i++) {
      items.put("gad7_" + (i + 1), answers[i]);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("instrument", "gad-7");
    body.put("session", session);
    body.put("date", "2025-03-0" + Math.min(9, session));
    body.put("answers", items);
    return body;
  }

  private static double[] wilson(int successes, int n) {
    double p = (double) successes / n;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /** The page's cell: "2 of 4: <strong>50.0%</strong> (15.0–85.0%)". */
  private static String cell(int count, int of) {
    double[] interval = wilson(count, of);
    return String.format(
        Locale.ROOT,
        "%d of %d: <strong>%.1f%%</strong> <span class=\"quiet\">(%.1f\u2013%.1f%%)</span>",
        count,
        of,
        100.0 * count / of,
        100 * interval[0],
        100 * interval[1]);
  }

  /** A row of the outcome table: its heading cell, then the rate cell. */
  private static Pattern row(String outcome, String cell) {
    return Pattern.compile(
        Pattern.quote("<th scope=\"row\">" + outcome + "</th>") + "\\s*<td>" + Pattern.quote(cell));
  }

  @Test
  void theSupervisorSeesTheRatesOfTheirTeamWithDenominatorsAndIntervalsInPlainWords() {
    String page = SignedIn.as(clinic, "north-sup").get("/team?measure=phq-9").expect(200).body();

    assertThat(page)
        .contains("NHS Talking Therapies outcomes")
        .contains("4 clients with at least two sessions and a first and last score of both.")
        .contains("2 clients left out: 1 with fewer than two sessions, 1 without a first");
    // Improvement and deterioration over all 4 counted; recovery over the 3 at caseness (ann-2
    // was not).
    assertThat(page)
        .containsPattern(row("Reliable improvement", cell(2, 4)))
        .containsPattern(row("Reliable deterioration", cell(1, 4)))
        .containsPattern(row("Recovery", cell(2, 3)))
        .containsPattern(row("Reliable recovery", cell(1, 3)))
        .contains("the 3 at caseness at the start")
        .contains("At caseness: PHQ-9 10 or more or GAD-7 8 or more.")
        .contains("Source: NHS Digital");
    // The other measure's rates say how they were judged, in words.
    assertThat(page)
        .contains(
            "Judged by Jacobson-Truax with the published cutoff: a change of 6 points or more is"
                + " reliable");
    // No rule names, enum names or item ids on the page.
    assertThat(page)
        .doesNotContain("ONE_SESSION")
        .doesNotContain("NOT_PAIRED")
        .doesNotContain("PublishedCutoff")
        .doesNotContain("RECOVERED")
        .doesNotContain("gad7_")
        .doesNotContain("cay-1");
  }

  @Test
  void theAdminSeesTheWholeClinic() {
    String page = SignedIn.as(clinic, "admin").get("/team").expect(200).body();

    assertThat(page)
        .contains("5 clients with at least two sessions")
        .contains(cell(2, 5))
        .contains(cell(2, 4))
        .contains(cell(1, 4));
  }

  @Test
  void theApiGivesTheSameRatesWithTheirDefinition() {
    JsonNode answer = clinic.get("/api/cohort?measure=gad-7", "north-sup").expect(200).json();

    assertThat(answer.get("definition").get("name").asText())
        .isEqualTo("Jacobson-Truax with the published cutoff");
    assertThat(answer.get("definition").get("source").asText()).contains("total >= 8");
    JsonNode tt = answer.get("talkingTherapies");
    assertThat(tt.get("definition").asText()).isEqualTo("NHS Talking Therapies");
    assertThat(tt.get("clients").asInt()).isEqualTo(4);
    assertThat(tt.get("leftOutOneSession").asInt()).isEqualTo(1);
    assertThat(tt.get("leftOutNotPaired").asInt()).isEqualTo(1);
    assertThat(tt.get("notAtCaseness").asInt()).isEqualTo(1);
    assertRate(tt.get("reliableImprovement"), 2, 4);
    assertRate(tt.get("reliableDeterioration"), 1, 4);
    assertRate(tt.get("recovery"), 2, 3);
    assertRate(tt.get("reliableRecovery"), 1, 3);
  }

  @Test
  void eachSupervisorCountsOnlyTheirTeam() {
    JsonNode south = clinic.get("/api/cohort?measure=phq-9", "south-sup").expect(200).json();

    JsonNode tt = south.get("talkingTherapies");
    assertThat(tt.get("clients").asInt()).isEqualTo(1);
    assertRate(tt.get("reliableImprovement"), 0, 1);
    assertRate(tt.get("recovery"), 0, 1);
  }

  private static void assertRate(JsonNode rate, int count, int of) {
    assertThat(rate.get("count").asInt()).isEqualTo(count);
    assertThat(rate.get("of").asInt()).isEqualTo(of);
    assertThat(rate.get("rate").asDouble()).isCloseTo((double) count / of, within(1e-12));
    double[] interval = wilson(count, of);
    assertThat(rate.get("interval").get("lower").asDouble()).isCloseTo(interval[0], within(1e-9));
    assertThat(rate.get("interval").get("upper").asDouble()).isCloseTo(interval[1], within(1e-9));
  }
}
