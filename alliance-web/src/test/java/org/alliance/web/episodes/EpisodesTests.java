package org.alliance.web.episodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Episodes of care end to end over the API on a real database: opening with the client, closing at
 * the boundaries of its dates, one open episode at a time, nothing recorded without one, a new
 * episode a new course (session 1 again, its own trend and alerts), corrections staying in their
 * episode, and the cohort counting each episode. Run on H2 and PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EpisodesTests {
  TestClinic clinic;

  abstract TestDatabase database();

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic = TestClinic.start(database(), dataDir);
  }

  @AfterAll
  void stop() {
    if (clinic != null) {
      clinic.close();
    }
  }

  private long addClient(String reference, Map<String, Object> fields) {
    Map<String, Object> body = new java.util.LinkedHashMap<>(fields);
    body.put("reference", reference);
    return clinic.post("/api/clients", "ann", body).expect(201).json().get("id").asLong();
  }

  private List<JsonNode> episodes(long client) {
    List<JsonNode> list = new ArrayList<>();
    clinic
        .get("/api/clients/" + client + "/episodes", "ann")
        .expect(200)
        .json()
        .get("episodes")
        .forEach(list::add);
    return list;
  }

  private static String error(TestClinic.Reply reply) {
    return reply.json().get("error").asText();
  }

  @Test
  void aNewClientOpensTheirFirstEpisodeWithTheReferral() {
    long client = addClient("ep-new", Map.of("referralDate", "2025-02-20"));
    List<JsonNode> episodes = episodes(client);
    assertThat(episodes).hasSize(1);
    JsonNode first = episodes.get(0);
    assertThat(first.get("number").asInt()).isEqualTo(1);
    assertThat(first.get("open").asBoolean()).isTrue();
    assertThat(first.get("referralDate").asText()).isEqualTo("2025-02-20");
    assertThat(first.get("since").asText()).isEqualTo("2025-02-20");
    assertThat(first.get("openedBy").asText()).isEqualTo("ann");
    assertThat(first.get("closedOn").isNull()).isTrue();
    // A referral date that is not a day, or in the future, is refused naming the field.
    String later = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
    assertThat(
            clinic
                .post("/api/clients", "ann", Map.of("reference", "ep-bad", "referralDate", later))
                .expect(400)
                .body())
        .contains("referralDate")
        .contains("in the future");
    assertThat(
            clinic
                .post(
                    "/api/clients",
                    "ann",
                    Map.of("reference", "ep-bad", "referralDate", "20-02-2025"))
                .expect(400)
                .body())
        .contains("referralDate: expected a day as YYYY-MM-DD");
  }

  @Test
  void anEpisodeClosesOnItsFirstSessionAtTheEarliestAndTodayAtTheLatest() {
    long client = addClient("ep-close", Map.of());
    String c = "/api/clients/" + client;
    // TestClinic.phq9 dates session 1 on 2025-03-01: the first session of the episode.
    clinic.post(c + "/administrations", "ann", TestClinic.phq9(1, 1, 1, 1, 1, 1, 1, 1, 1, 0));
    long episode = episodes(client).get(0).get("id").asLong();
    String close = c + "/episodes/" + episode + "/close";

    assertThat(
            error(
                clinic
                    .post(close, "ann", Map.of("reason", "finished", "date", "2025-02-28"))
                    .expect(400)))
        .isEqualTo(
            "date: the episode cannot end on 2025-02-28, before the first session (2025-03-01)");
    // The latest today anywhere is a day ahead of UTC, as for a questionnaire's date; a day after
    // that is in the future.
    String future = EpisodeFields.latestToday(java.time.Instant.now()).plusDays(1).toString();
    assertThat(
            error(
                clinic
                    .post(close, "ann", Map.of("reason", "finished", "date", future))
                    .expect(400)))
        .isEqualTo("date: " + future + " is in the future; give today at the latest");
    assertThat(error(clinic.post(close, "ann", Map.of("reason", "graduated")).expect(400)))
        .startsWith("reason: unknown ending reason 'graduated'; one of: finished, dropped-out");
    assertThat(error(clinic.post(close, "ann", Map.of("reason", "other")).expect(400)))
        .startsWith("note: for \"other\"");
    assertThat(
            error(
                clinic
                    .post(close, "ann", Map.of("reason", "moved", "note", "x".repeat(201)))
                    .expect(400)))
        .isEqualTo("note: at most 200 characters, found 201");
    assertThat(clinic.post(close, "ann", Map.of("date", "2025-03-01")).expect(400).body())
        .contains("\"field\":\"reason\"");
    assertThat(episodes(client).get(0).get("open").asBoolean()).isTrue();

    // On the first session's day itself: taken.
    JsonNode closed =
        clinic
            .post(
                close,
                "ann",
                Map.of("reason", "other", "note", "moved to a day clinic", "date", "2025-03-01"))
            .expect(200)
            .json();
    assertThat(closed.get("closedOn").asText()).isEqualTo("2025-03-01");
    assertThat(closed.get("endingReason").asText()).isEqualTo("other");
    assertThat(closed.get("ending").asText()).isEqualTo("moved to a day clinic");
    assertThat(closed.get("closedBy").asText()).isEqualTo("ann");
    // Closing it discharges the client; closing it again is a conflict.
    assertThat(clinic.get(c, "ann").json().get("dischargedAt").isNull()).isFalse();
    assertThat(error(clinic.post(close, "ann", Map.of("reason", "finished")).expect(409)))
        .contains("was closed already, on 2025-03-01");
    clinic.post(c + "/episodes/999999/close", "ann", Map.of("reason", "finished")).expect(404);
    assertThat(clinic.get("/api/audit?client=" + client, "admin").body())
        .contains("episode.close")
        .contains("ended on 2025-03-01, other")
        .doesNotContain("day clinic");
  }

  @Test
  void oneOpenEpisodeAtATimeAndNothingIsRecordedWithoutOne() {
    long client = addClient("ep-one", Map.of());
    String c = "/api/clients/" + client;
    assertThat(error(clinic.post(c + "/episodes", "ann", "{}").expect(409)))
        .contains("has an open episode already (episode 1");
    clinic.post(c + "/discharge", "ann", Map.of("reason", "dropped-out")).expect(200);
    assertThat(episodes(client).get(0).get("ending").asText()).isEqualTo("dropped out");

    // With none open, every way in refuses: the API, the tablet, a link, an import row.
    assertThat(
            error(
                clinic
                    .post(
                        c + "/administrations",
                        "ann",
                        TestClinic.phq9(1, 1, 1, 1, 1, 1, 1, 1, 1, 0))
                    .expect(409)))
        .contains("ep-one has no open episode of care");
    String csv =
        "client,session,date,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
            + "ep-one,1,2025-01-06,phq-9,1,1,1,1,1,1,1,1,0\n";
    JsonNode imported = clinic.postCsv("/api/import", "ann", csv).expect(200).json();
    assertThat(imported.get("taken").asInt()).isZero();
    JsonNode problem = imported.get("problems").get(0);
    assertThat(problem.get("line").asLong()).isEqualTo(2);
    assertThat(problem.get("field").asText()).isEqualTo("client");
    assertThat(problem.get("message").asText()).contains("has no open episode of care");
    assertThat(episodes(client)).hasSize(1);

    // Re-opening with a first session before the referral is refused naming the field.
    assertThat(
            clinic
                .post(
                    c + "/episodes",
                    "ann",
                    Map.of("referralDate", "2025-04-02", "firstSessionDate", "2025-04-01"))
                .expect(400)
                .body())
        .contains("\"field\":\"firstSessionDate\"");
    JsonNode second =
        clinic
            .post(c + "/episodes", "ann", Map.of("referralDate", "2025-04-01"))
            .expect(201)
            .json();
    assertThat(second.get("number").asInt()).isEqualTo(2);
    assertThat(clinic.get(c, "ann").json().get("dischargedAt").isNull()).isTrue();
    assertThat(error(clinic.post(c + "/episodes", "ann", "{}").expect(409)))
        .contains("has an open episode already (episode 2");
    assertThat(clinic.get("/api/audit?client=" + client, "admin").body())
        .contains("episode.open")
        .contains("episode 2 (id " + second.get("id").asLong() + "), referred on 2025-04-01");
  }

  @Test
  void aNewEpisodeIsANewCourseWithItsOwnTrendAndAlerts() {
    long client = addClient("ep-course", Map.of());
    String c = "/api/clients/" + client;
    // Episode 1: a risk answer (item 9) at session 1, then session 2.
    clinic
        .post(c + "/administrations", "ann", TestClinic.phq9(1, 3, 3, 3, 3, 3, 3, 3, 3, 2))
        .expect(201);
    long wrong =
        clinic
            .post(c + "/administrations", "ann", TestClinic.phq9(2, 3, 3, 3, 3, 3, 3, 3, 3, 1))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    long first = episodes(client).get(0).get("id").asLong();
    assertThat(clinic.get("/api/alerts", "ann").body()).contains("ep-course");
    clinic.post(c + "/discharge", "ann", Map.of("reason", "referred-on")).expect(200);
    // A closed episode's alerts are nobody's to act on.
    assertThat(clinic.get("/api/alerts", "ann").body()).doesNotContain("ep-course");
    clinic.post(c + "/readmit", "ann", "{}").expect(200);
    long second = episodes(client).get(1).get("id").asLong();

    // Session 1 again, in the new episode.
    clinic
        .post(c + "/administrations", "ann", TestClinic.phq9(1, 1, 1, 1, 1, 1, 1, 1, 1, 0))
        .expect(201);
    assertThat(
            error(
                clinic
                    .post(
                        c + "/administrations",
                        "ann",
                        TestClinic.phq9(1, 1, 1, 1, 1, 1, 1, 1, 1, 0))
                    .expect(409)))
        .contains("at session 1");
    List<Long> episodeOfEach = new ArrayList<>();
    clinic
        .get(c, "ann")
        .json()
        .get("administrations")
        .forEach(a -> episodeOfEach.add(a.get("episode").asLong()));
    assertThat(episodeOfEach).containsExactly(first, first, second);

    // The trend is the latest episode's unless another is asked for.
    JsonNode latest = clinic.get(c + "/trend", "ann").expect(200).json();
    JsonNode earlier = clinic.get(c + "/trend?episode=" + first, "ann").expect(200).json();
    assertThat(latest.toString()).isNotEqualTo(earlier.toString());
    assertThat(sessions(latest)).isEqualTo(1);
    assertThat(sessions(earlier)).isEqualTo(2);
    assertThat(latest.get("alerts").toString()).doesNotContain("critical-item");
    assertThat(earlier.get("alerts").toString()).contains("critical-item");
    assertThat(clinic.get(c + "/trend?episode=" + second, "ann").expect(200).body())
        .isEqualTo(latest.toString());
    clinic.get(c + "/trend?episode=abc", "ann").expect(400);
    clinic.get(c + "/trend?episode=999999", "ann").expect(404);
    clinic.get(c + "/fhir?episode=" + first, "ann").expect(200);

    // A correction in the closed episode stays in it, whatever the open one holds.
    long corrected =
        clinic
            .post(
                c + "/administrations/" + wrong + "/correction",
                "ann",
                Map.of(
                    "reason",
                    "typed 3 for 2",
                    "administration",
                    TestClinic.phq9(2, 2, 3, 3, 3, 3, 3, 3, 3, 1)))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    JsonNode after = clinic.get(c, "ann").json();
    for (JsonNode a : after.get("administrations")) {
      if (a.get("id").asLong() == corrected) {
        assertThat(a.get("episode").asLong()).isEqualTo(first);
      }
    }
    assertThat(after.get("history").toString()).contains("typed 3 for 2");
  }

  @Test
  void theCohortCountsEachEpisodeAsACourse() {
    int before = cohortClients();
    long client = addClient("ep-twice", Map.of());
    String c = "/api/clients/" + client;
    clinic.post(c + "/administrations", "ann", TestClinic.phq9(1, 3, 3, 3, 3, 3, 3, 3, 3, 0));
    clinic.post(c + "/administrations", "ann", TestClinic.phq9(2, 1, 1, 1, 1, 1, 1, 0, 0, 0));
    clinic.post(c + "/discharge", "ann", Map.of("reason", "finished")).expect(200);
    clinic.post(c + "/episodes", "ann", "{}").expect(201);
    clinic.post(c + "/administrations", "ann", TestClinic.phq9(1, 3, 3, 3, 2, 2, 2, 2, 2, 0));
    clinic.post(c + "/administrations", "ann", TestClinic.phq9(2, 3, 3, 3, 3, 3, 3, 3, 3, 0));
    assertThat(cohortClients()).isEqualTo(before + 2);
  }

  private int cohortClients() {
    TestClinic.Reply reply = clinic.get("/api/cohort?measure=phq-9", "admin");
    return reply.status() == 404 ? 0 : reply.expect(200).json().get("clients").asInt();
  }

  /** How many sessions the PHQ-9 course of a trend answer has. */
  private static int sessions(JsonNode trend) {
    for (JsonNode course : trend.get("courses")) {
      if (course.toString().contains("phq-9")) {
        return course.get("sessions").size();
      }
    }
    return 0;
  }
}
