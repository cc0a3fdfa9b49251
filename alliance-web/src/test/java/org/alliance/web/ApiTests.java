package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;
import org.alliance.core.scoring.Scorer;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.administrations.Administrations;
import org.alliance.web.administrations.SessionAlreadyRecorded;
import org.alliance.web.episodes.Episodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every API route's happy path and its errors, against the real server on a free port. Run on H2
 * and on PostgreSQL by the two subclasses. Tests share one server and make their own clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTests {
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

  /** A new client of ann's, by the API; returns its id. */
  long newClient(String reference) {
    return clinic
        .post("/api/clients", "ann", Map.of("reference", reference))
        .expect(201)
        .json()
        .get("id")
        .asLong();
  }

  Reply administer(long client, Map<String, Object> body) {
    return clinic.post("/api/clients/" + client + "/administrations", "ann", body);
  }

  @Test
  void aWrongEntryIsCorrectedOrVoidedWithAReasonAndItsOriginalStaysInTheHistory() {
    long client = newClient("corrections-1");
    // Entered at session 3 by mistake; it was session 4.
    long wrong =
        administer(client, TestClinic.phq9(3, 2, 2, 2, 2, 2, 2, 2, 2, 0))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    long typo =
        administer(client, TestClinic.vas("ors", 1, 5, 5, 5, 5))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    administer(client, TestClinic.phq9(5, 1, 1, 1, 1, 1, 1, 1, 1, 0)).expect(201);
    String base = "/api/clients/" + client + "/administrations/";

    // Refused, and nothing changes: no reason; answers that cannot be scored; the session of
    // another entry; an entry the client does not have.
    assertThat(
            clinic
                .post(
                    base + wrong + "/correction",
                    "ann",
                    Map.of("administration", TestClinic.phq9(4, 2, 2, 2, 2, 2, 2, 2, 2, 0)))
                .expect(400)
                .json()
                .get("error")
                .asText())
        .startsWith("reason: ");
    clinic
        .post(
            base + wrong + "/correction",
            "ann",
            Map.of(
                "reason",
                "wrong session",
                "administration",
                TestClinic.phq9(4, 9, 2, 2, 2, 2, 2, 2, 2, 0)))
        .expect(400);
    clinic
        .post(
            base + wrong + "/correction",
            "ann",
            Map.of(
                "reason",
                "wrong session",
                "administration",
                TestClinic.phq9(5, 2, 2, 2, 2, 2, 2, 2, 2, 0)))
        .expect(409);
    clinic
        .post(
            base + "999999/correction",
            "ann",
            Map.of(
                "reason",
                "wrong session",
                "administration",
                TestClinic.phq9(4, 2, 2, 2, 2, 2, 2, 2, 2, 0)))
        .expect(404);
    JsonNode unchanged = clinic.get("/api/clients/" + client, "ann").expect(200).json();
    assertThat(unchanged.get("administrations").findValuesAsText("session")).contains("3");
    assertThat(unchanged.get("history")).isEmpty();

    long corrected =
        clinic
            .post(
                base + wrong + "/correction",
                "ann",
                Map.of(
                    "reason",
                    "wrong session",
                    "administration",
                    TestClinic.phq9(4, 2, 2, 2, 2, 2, 2, 2, 2, 0)))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    clinic
        .post(base + typo + "/void", "ann", Map.of("reason", "entered for the wrong client"))
        .expect(204);
    clinic.post(base + typo + "/void", "ann", Map.of("reason", "again")).expect(404);

    JsonNode record = clinic.get("/api/clients/" + client, "ann").expect(200).json();
    List<String> current = new ArrayList<>();
    record
        .get("administrations")
        .forEach(a -> current.add(a.get("instrument").asText() + "@" + a.get("session").asInt()));
    assertThat(current).containsExactlyInAnyOrder("phq-9@4", "phq-9@5");
    JsonNode history = record.get("history");
    assertThat(history).hasSize(2);
    JsonNode voided = history.get(0);
    assertThat(voided.get("change").asText()).isEqualTo("voided");
    assertThat(voided.get("administrationId").asLong()).isEqualTo(typo);
    assertThat(voided.get("reason").asText()).isEqualTo("entered for the wrong client");
    JsonNode moved = history.get(1);
    assertThat(moved.get("change").asText()).isEqualTo("corrected");
    assertThat(moved.get("session").asInt()).isEqualTo(3);
    assertThat(moved.get("replacedBy").asLong()).isEqualTo(corrected);
    assertThat(moved.get("changedBy").asText()).isEqualTo("ANN");

    // Scores and trends use the corrected data at once.
    JsonNode trend = clinic.get("/api/clients/" + client + "/trend", "ann").expect(200).json();
    List<String> courses = new ArrayList<>();
    trend.get("courses").forEach(course -> courses.add(course.get("measure").asText()));
    assertThat(courses).containsExactly("phq-9");
    assertThat(trend.get("courses").get(0).get("sessions").get(0).get("session").asInt())
        .isEqualTo(4);
    assertThat(clinic.get("/api/audit?client=" + client, "admin").body())
        .contains("administration.correct")
        .contains("administration.void");
  }

  @Test
  void healthSaysTheDatabaseAnswers() {
    JsonNode health = clinic.get("/health", null).expect(200).json();
    assertThat(health.get("status").asText()).isEqualTo("ok");
  }

  @Test
  void eachRoleListsOnlyTheClientsItMaySee() {
    assertThat(references(clinic.get("/api/clients", "ann").expect(200).json()))
        .contains("ann-1")
        .doesNotContain("ben-1", "cay-1");
    assertThat(references(clinic.get("/api/clients", "north-sup").expect(200).json()))
        .contains("ann-1", "ben-1")
        .doesNotContain("cay-1");
    assertThat(references(clinic.get("/api/clients", "south-sup").expect(200).json()))
        .contains("cay-1")
        .doesNotContain("ann-1", "ben-1");
    assertThat(references(clinic.get("/api/clients", "admin").expect(200).json()))
        .contains("ann-1", "ben-1", "cay-1");
  }

  private static List<String> references(JsonNode list) {
    List<String> references = new ArrayList<>();
    list.get("clients").forEach(client -> references.add(client.get("reference").asText()));
    return references;
  }

  @Test
  void aClinicianAddsAClientToTheirOwnCaseload() {
    Reply created =
        clinic.post("/api/clients", "ann", Map.of("reference", "new-client-7")).expect(201);
    assertThat(created.json().get("clinician").asText()).isEqualTo("ann");
    assertThat(created.headers().firstValue("Location"))
        .hasValue("/api/clients/" + created.json().get("id").asLong());
    JsonNode fetched =
        clinic.get("/api/clients/" + created.json().get("id").asLong(), "ann").expect(200).json();
    assertThat(fetched.get("reference").asText()).isEqualTo("new-client-7");
    assertThat(fetched.get("administrations")).isEmpty();
  }

  @Test
  void addingAClientRefusesDuplicatesNamesAndMissingFields() {
    clinic.post("/api/clients", "ann", Map.of("reference", "dup-1")).expect(201);
    // Another caseload's client: refused without saying whose it is.
    assertThat(
            clinic
                .post("/api/clients", "ben", Map.of("reference", "dup-1"))
                .expect(409)
                .json()
                .get("error")
                .asText())
        .isEqualTo("reference 'dup-1' cannot be used; choose another");
    assertThat(
            clinic
                .post("/api/clients", "ann", Map.of("reference", "dup-1"))
                .expect(409)
                .json()
                .get("error")
                .asText())
        .startsWith("you already have a client with reference 'dup-1'");
    assertThat(
            clinic
                .post("/api/clients", "ann", Map.of("reference", "Jane Doe"))
                .expect(400)
                .json()
                .get("error")
                .asText())
        .contains("reference")
        .contains("pseudonym");
    assertThat(
            clinic
                .post("/api/clients", "ann", Map.of("clinician", "ann"))
                .expect(400)
                .json()
                .get("error")
                .asText())
        .contains("reference");
    assertThat(
            clinic
                .post("/api/clients", "ann", "{\"reference\": ")
                .expect(400)
                .json()
                .get("error")
                .asText())
        .contains("not valid JSON")
        .contains("line 1");
    assertThat(
            clinic.post("/api/clients", "ann", "[1, 2]").expect(400).json().get("error").asText())
        .contains("JSON object");
  }

  @Test
  void textWithANulCharacterIsRefusedNotAServerError() {
    // PostgreSQL cannot store or even look up text with U+0000 (H2 can): a 400 on both.
    assertThat(
            clinic
                .post("/api/clients", "ann", Map.of("reference", "nul-1", "clinician", "a\u0000"))
                .expect(400)
                .json()
                .get("error")
                .asText())
        .isEqualTo("clinician: text may not contain the NUL character (U+0000)");
    Reply login = new Browser(clinic).signIn("ann\u0000", TestClinic.PASSWORD);
    assertThat(login.status()).isBetween(200, 499);
    Reply imported =
        clinic.postCsv(
            "/api/import?instrument=phq-9",
            "ann",
            "client,clinician,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
                + "nul-2,b\u0000,1,0,0,0,0,0,0,0,0,0\n");
    assertThat(imported.status()).as(imported.body()).isBetween(200, 499);
  }

  @Test
  void adminsAndSupervisorsNameTheClinicianOfANewClient() {
    assertThat(
            clinic
                .post("/api/clients", "admin", Map.of("reference", "adm-1"))
                .expect(400)
                .json()
                .get("error")
                .asText())
        .contains("clinician");
    assertThat(
            clinic
                .post("/api/clients", "admin", Map.of("reference", "adm-2", "clinician", "cay"))
                .expect(201)
                .json()
                .get("clinician")
                .asText())
        .isEqualTo("cay");
    assertThat(
            clinic
                .post("/api/clients", "north-sup", Map.of("reference", "sup-1", "clinician", "ben"))
                .expect(201)
                .json()
                .get("clinician")
                .asText())
        .isEqualTo("ben");
    // Not their team, not a clinician, or a clinician adding to a colleague's caseload.
    clinic
        .post("/api/clients", "north-sup", Map.of("reference", "sup-2", "clinician", "cay"))
        .expect(400);
    clinic
        .post("/api/clients", "admin", Map.of("reference", "adm-3", "clinician", "north-sup"))
        .expect(400);
    clinic
        .post("/api/clients", "ann", Map.of("reference", "ann-x", "clinician", "ben"))
        .expect(400);
  }

  @Test
  void aClientThatDoesNotExistIsNotFound() {
    assertThat(clinic.get("/api/clients/999999", "admin").expect(404).json().get("error").asText())
        .contains("999999");
    clinic.get("/api/clients/abc", "admin").expect(404);
    clinic.get("/api/clients/-3/trend", "admin").expect(404);
  }

  @Test
  void aValidPhq9IsScoredAndStoredWithItsScore() {
    long client = newClient("phq-ok");
    // Total exactly 10: the caseness cutoff itself is clinical (>= 10), band moderate.
    JsonNode created =
        administer(client, TestClinic.phq9(1, 2, 2, 1, 1, 1, 1, 1, 1, 0)).expect(201).json();
    JsonNode score = created.get("score");
    assertThat(score.get("total").asDouble()).isEqualTo(10);
    assertThat(score.get("clinical").asBoolean()).isTrue();
    assertThat(score.get("band").asText()).isEqualTo("moderate");
    assertThat(score.get("flags")).isEmpty();
    assertThat(created.get("version").asText()).isEqualTo("1.0");
    // One point lower: not clinical, band mild.
    JsonNode below =
        administer(client, TestClinic.phq9(2, 2, 2, 1, 1, 1, 1, 1, 0, 0))
            .expect(201)
            .json()
            .get("score");
    assertThat(below.get("total").asDouble()).isEqualTo(9);
    assertThat(below.get("clinical").asBoolean()).isFalse();
    assertThat(below.get("band").asText()).isEqualTo("mild");

    JsonNode stored =
        clinic.get("/api/clients/" + client, "ann").expect(200).json().get("administrations");
    assertThat(stored).hasSize(2);
    assertThat(stored.get(0).get("session").asInt()).isEqualTo(1);
    assertThat(stored.get(0).get("total").asDouble()).isEqualTo(10);
    assertThat(stored.get(0).get("band").asText()).isEqualTo("moderate");
    assertThat(stored.get(0).get("answers").get("phq9_1").asDouble()).isEqualTo(2);
    assertThat(stored.get(0).get("date").asText()).isEqualTo("2025-03-01");
  }

  @Test
  void orsTotalsAreExactAtTheirCutoff() {
    long client = newClient("ors-cutoff");
    // 6.4 + 9.8 + 8.8 + 0.0 is 25.000000000000004 in doubles; the total must be exactly 25, in the
    // clinical range.
    JsonNode score =
        administer(client, TestClinic.vas("ors", 1, 6.4, 9.8, 8.8, 0.0))
            .expect(201)
            .json()
            .get("score");
    assertThat(score.get("total").asDouble()).isEqualTo(25.0);
    assertThat(score.get("clinical").asBoolean()).isTrue();
    JsonNode above =
        administer(client, TestClinic.vas("ors", 2, 6.4, 9.8, 8.8, 0.1))
            .expect(201)
            .json()
            .get("score");
    assertThat(above.get("clinical").asBoolean()).isFalse();
  }

  @Test
  void aMissingItemProratesWhereTheInstrumentAllowsIt() {
    long client = newClient("core-prorate");
    Map<String, Object> answers = new LinkedHashMap<>();
    for (int i = 1; i <= 10; i++) {
      answers.put("core10_" + i, i == 4 ? "declined" : 2);
    }
    JsonNode created =
        administer(client, Map.of("instrument", "core-10", "session", 0, "answers", answers))
            .expect(201)
            .json();
    assertThat(created.get("score").get("prorated").asBoolean()).isTrue();
    assertThat(created.get("score").get("missing").get(0).asText()).isEqualTo("core10_4");
    JsonNode stored =
        clinic
            .get("/api/clients/" + client, "ann")
            .expect(200)
            .json()
            .get("administrations")
            .get(0);
    assertThat(stored.get("answers").get("core10_4").asText()).isEqualTo("declined");
  }

  @Test
  void anInvalidFormListsEveryProblemByItem() {
    long client = newClient("phq-bad");
    Map<String, Object> body = TestClinic.phq9(1, 1, 1, 1, 7, 1, 1, 1, 1, 1);
    @SuppressWarnings("unchecked")
    Map<String, Object> answers = (Map<String, Object>) body.get("answers");
    answers.put("phq9_2", "often");
    answers.remove("phq9_3");
    answers.put("phq9_10", 1);
    JsonNode error = administer(client, body).expect(400).json();
    List<String> fields = new ArrayList<>();
    error.get("problems").forEach(problem -> fields.add(problem.get("field").asText()));
    assertThat(fields).contains("answers.phq9_4", "answers.phq9_2", "answers.phq9_10", "answers");
    assertThat(error.toString()).contains("phq9_3");
    assertThat(clinic.get("/api/clients/" + client, "ann").json().get("administrations")).isEmpty();
  }

  @Test
  void aRiskAnswerOnAFormThatCannotBeScoredIsStillReported() {
    long client = newClient("phq-risk-invalid");
    Map<String, Object> body = TestClinic.phq9(1, 1, 1, 1, 1, 1, 1, 1, 1, 2);
    @SuppressWarnings("unchecked")
    Map<String, Object> answers = (Map<String, Object>) body.get("answers");
    answers.put("phq9_1", null);
    JsonNode error = administer(client, body).expect(400).json();
    assertThat(error.get("riskFlags").get("phq9_9").asDouble()).isEqualTo(2);
  }

  @Test
  void malformedFieldsAreEachNamed() {
    long client = newClient("phq-fields");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("instrument", "phq-10");
    body.put("session", -1);
    body.put("date", "2025-13-01");
    body.put("answers", List.of(1, 2));
    body.put("clinician", "x");
    JsonNode error = administer(client, body).expect(400).json();
    List<String> fields = new ArrayList<>();
    error.get("problems").forEach(problem -> fields.add(problem.get("field").asText()));
    assertThat(fields)
        .containsExactlyInAnyOrder("instrument", "session", "date", "answers", "clinician");
    assertThat(error.toString()).contains("unknown instrument 'phq-10'");

    Map<String, Object> fractional = TestClinic.phq9(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    fractional.put("session", 1.5);
    assertThat(
            administer(client, fractional)
                .expect(400)
                .json()
                .get("problems")
                .get(0)
                .get("field")
                .asText())
        .isEqualTo("session");
    Map<String, Object> version = TestClinic.phq9(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    version.put("version", "2.0");
    assertThat(
            administer(client, version)
                .expect(400)
                .json()
                .get("problems")
                .get(0)
                .get("field")
                .asText())
        .isEqualTo("version");
    administer(client, Map.of()).expect(400);
  }

  @Test
  void aSessionIsStoredOncePerInstrument() {
    long client = newClient("phq-twice");
    administer(client, TestClinic.phq9(3, 0, 0, 0, 0, 0, 0, 0, 0, 0)).expect(201);
    assertThat(
            administer(client, TestClinic.phq9(3, 1, 0, 0, 0, 0, 0, 0, 0, 0))
                .expect(409)
                .json()
                .get("error")
                .asText())
        .contains("session 3");
    administer(client, TestClinic.vas("srs", 3, 9, 9, 9, 9)).expect(201);
  }

  @Test
  void submissionsRacingForOneSessionStoreOneAndRefuseTheOthersClearly() throws Exception {
    long client = newClient("phq-race");
    int racers = 12;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        int first = i % 4;
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return administer(client, TestClinic.phq9(5, first, 1, 1, 1, 1, 1, 1, 1, 0));
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (var reply : replies) {
        Reply answered = reply.get();
        statuses.add(answered.status());
        if (answered.status() == 409) {
          assertThat(answered.json().get("error").asText()).contains("phq-9").contains("session 5");
        }
      }
      assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            clinic.get("/api/clients/" + client, "ann").expect(200).json().get("administrations"))
        .hasSize(1);
  }

  @Test
  void theDatabaseRefusesASecondAdministrationOfASessionAsSuch() {
    long client = newClient("srs-direct");
    administer(client, TestClinic.vas("srs", 2, 9, 9, 9, 9)).expect(201);
    // What a submission that passed the check just before another one committed meets: the unique
    // constraint.
    Instrument srs = Catalog.builtIn().get("srs");
    Answers.Builder answers = Answers.builder(4);
    srs.items().forEach(item -> answers.put(item.id(), Answer.of(8)));
    var administration =
        new Administration(
            "srs",
            Optional.empty(),
            "srs-direct",
            2,
            Optional.empty(),
            Optional.empty(),
            answers.build());
    var score = Scorer.score(srs, administration);
    long ann = clinic.users.get("ann").id();
    assertThatThrownBy(
            () ->
                clinic
                    .server
                    .database()
                    .write(
                        handle ->
                            Administrations.insert(
                                handle,
                                client,
                                Episodes.openOf(handle, client).orElseThrow(),
                                administration,
                                srs.version(),
                                score,
                                Map.of(),
                                ann,
                                Instant.now())))
        .isInstanceOf(SessionAlreadyRecorded.class)
        .hasMessage("srs is already recorded at session 2");
    assertThat(
            clinic.get("/api/clients/" + client, "ann").expect(200).json().get("administrations"))
        .hasSize(1);
  }

  @Test
  void anInstrumentTheClinicAddsIsStoredScoredAndCanBeSwitchedOff() throws IOException {
    Browser admin = new Browser(clinic);
    admin.signIn("admin", TestClinic.PASSWORD).expect(303);
    String csrf = Browser.csrf(admin.get("/admin/instruments"));
    String definition = Files.readString(Path.of("../examples/instruments/clinic-stress-4.json"));
    admin
        .postForm("/admin/instruments/confirm", Map.of("_csrf", csrf, "definition", definition))
        .expect(303);
    long client = newClient("stress-api");
    Map<String, Object> stress =
        Map.of(
            "instrument",
            "clinic-stress-4",
            "session",
            1,
            "answers",
            Map.of("stress_1", 4, "stress_2", 4, "stress_3", 0, "stress_4", 1));
    assertThat(administer(client, stress).expect(201).json().get("score").get("total").asDouble())
        .isEqualTo(13.0);
    admin
        .postForm(
            "/admin/instruments/clinic-stress-4/use", Map.of("_csrf", csrf, "in_use", "false"))
        .expect(303);
    Map<String, Object> next = new LinkedHashMap<>(stress);
    next.put("session", 2);
    assertThat(administer(client, next).expect(400).body())
        .contains("this clinic does not use clinic-stress-4");
    assertThat(
            clinic
                .get("/api/clients/" + client + "/trend", "ann")
                .expect(200)
                .json()
                .get("courses")
                .findValuesAsText("measure"))
        .containsExactly("clinic-stress-4");
    admin
        .postForm("/admin/instruments/clinic-stress-4/use", Map.of("_csrf", csrf, "in_use", "true"))
        .expect(303);
    administer(client, next).expect(201);
  }

  @Test
  void theTrendFollowsEachNewSession() {
    long client = newClient("trend-follows");
    administer(client, TestClinic.vas("ors", 1, 4, 4, 4, 4)).expect(201);
    JsonNode first = clinic.get("/api/clients/" + client + "/trend", "ann").expect(200).json();
    assertThat(first.get("courses").get(0).get("sessions")).hasSize(1);
    // The same answer again, then a new one once the client's data has changed.
    assertThat(clinic.get("/api/clients/" + client + "/trend", "ann").expect(200).json())
        .isEqualTo(first);
    administer(client, TestClinic.vas("ors", 2, 6, 6, 6, 6)).expect(201);
    JsonNode second = clinic.get("/api/clients/" + client + "/trend", "ann").expect(200).json();
    assertThat(second.get("courses").get(0).get("sessions")).hasSize(2);
    assertThat(second.get("courses").get(0).get("sessions").get(1).get("score").asDouble())
        .isEqualTo(24.0, within(1e-9));
    // Another user reaching the client reads the same trend; one who does not, nothing.
    assertThat(clinic.get("/api/clients/" + client + "/trend", "north-sup").expect(200).json())
        .isEqualTo(second);
    clinic.get("/api/clients/" + client + "/trend", "cay").expect(404);
  }

  @Test
  void theTrendShowsCoursesAndRankedAlerts() {
    long client = newClient("trend-1");
    double[][] ors = {{5, 5, 5, 5}, {5, 5, 5, 5.1}, {5, 5, 5, 5}, {5, 5.1, 5, 5}, {5, 5, 5, 5.1}};
    double[][] srs = {
      {9.5, 9.5, 9.5, 9.5},
      {9, 9, 9, 9},
      {8.2, 8.3, 8.2, 8.3},
      {7.5, 7.5, 7.5, 7.5},
      {6.7, 6.8, 6.7, 6.8}
    };
    for (int s = 0; s < ors.length; s++) {
      int session = s < 2 ? s + 1 : s + 2; // session 3 is missing
      administer(client, TestClinic.vas("ors", session, ors[s])).expect(201);
      administer(client, TestClinic.vas("srs", session, srs[s])).expect(201);
    }
    administer(client, TestClinic.phq9(7, 1, 1, 1, 1, 1, 1, 1, 1, 1)).expect(201);
    JsonNode trend = clinic.get("/api/clients/" + client + "/trend", "ann").expect(200).json();
    assertThat(trend.get("client").get("reference").asText()).isEqualTo("trend-1");
    Map<String, JsonNode> courses = new LinkedHashMap<>();
    trend.get("courses").forEach(course -> courses.put(course.get("measure").asText(), course));
    assertThat(courses).containsOnlyKeys("ors", "srs", "phq-9");
    List<Integer> sessions = new ArrayList<>();
    courses
        .get("srs")
        .get("sessions")
        .forEach(session -> sessions.add(session.get("session").asInt()));
    assertThat(sessions).containsExactly(1, 2, 4, 5, 6);
    assertThat(courses.get("srs").get("cutoff").get("rule").asText()).isEqualTo("total < 36");
    List<String> rules = new ArrayList<>();
    trend.get("alerts").forEach(alert -> rules.add(alert.get("rule").asText()));
    // The SRS fell from 36 to 27 over the last four sessions (over 2 points a session) while the
    // ORS barely moved: the vicious circle, red; the PHQ-9 risk item comes first; the last two
    // ratings are more than 2 points under 36, an amber alert.
    assertThat(rules)
        .startsWith("critical-item", "vicious-circle")
        .contains("alliance-below-cutoff");
    JsonNode critical = trend.get("alerts").get(0);
    assertThat(critical.get("urgency").asInt()).isEqualTo(1);
    assertThat(critical.get("level").asText()).isEqualTo("red");
    assertThat(trend.get("alerts").get(1).get("level").asText()).isEqualTo("red");
    assertThat(trend.get("alerts").findValuesAsText("level")).endsWith("amber");
    assertThat(critical.get("numbers").get("answer").asDouble()).isEqualTo(1);
    // Plain words: the question, not its item id.
    assertThat(critical.get("explanation").asText())
        .contains("PHQ-9 risk question")
        .doesNotContain("phq9_9");
  }

  @Test
  void aClientWithoutAdministrationsHasAnEmptyTrend() {
    long client = newClient("trend-empty");
    JsonNode trend = clinic.get("/api/clients/" + client + "/trend", "ann").expect(200).json();
    assertThat(trend.get("courses")).isEmpty();
    assertThat(trend.get("alerts")).isEmpty();
  }

  @Test
  void alertsRankTheMostUrgentClientFirstAndFilterByRule() {
    long drop =
        clinic
            .post("/api/clients", "ben", Map.of("reference", "ben-drop"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    clinic
        .post(
            "/api/clients/" + drop + "/administrations",
            "ben",
            TestClinic.vas("srs", 1, 10, 10, 10, 10))
        .expect(201);
    // Exactly five points lower: the alliance-drop threshold itself counts.
    clinic
        .post(
            "/api/clients/" + drop + "/administrations",
            "ben",
            TestClinic.vas("srs", 2, 8.7, 8.8, 8.7, 8.8))
        .expect(201);
    long risk =
        clinic
            .post("/api/clients", "ben", Map.of("reference", "ben-risk"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    clinic
        .post(
            "/api/clients/" + risk + "/administrations",
            "ben",
            TestClinic.phq9(1, 0, 0, 0, 0, 0, 0, 0, 0, 3))
        .expect(201);

    JsonNode alerts = clinic.get("/api/alerts", "ben").expect(200).json();
    List<String> ranked = new ArrayList<>();
    alerts
        .get("clients")
        .forEach(entry -> ranked.add(entry.get("client").get("reference").asText()));
    assertThat(ranked).containsExactly("ben-risk", "ben-drop");
    assertThat(alerts.get("clients").get(1).get("alerts").get(0).get("rule").asText())
        .isEqualTo("alliance-drop");
    assertThat(alerts.get("clientsChecked").asInt()).isGreaterThanOrEqualTo(2);

    JsonNode filtered = clinic.get("/api/alerts?rule=alliance-drop", "ben").expect(200).json();
    assertThat(filtered.get("clients")).hasSize(1);
    // A new session changes the client's alerts at once: the alliance is back up, so the drop is
    // gone.
    clinic
        .post(
            "/api/clients/" + drop + "/administrations",
            "ben",
            TestClinic.vas("srs", 3, 10, 10, 10, 10))
        .expect(201);
    List<String> after = new ArrayList<>();
    clinic
        .get("/api/alerts", "ben")
        .expect(200)
        .json()
        .get("clients")
        .forEach(entry -> after.add(entry.get("client").get("reference").asText()));
    assertThat(after).containsExactly("ben-risk");
    assertThat(
            clinic.get("/api/alerts?rule=nonsense", "ben").expect(400).json().get("error").asText())
        .contains("vicious-circle");
  }

  @Test
  void cohortRatesCarryTheirDenominatorsAndWilsonIntervals() {
    // South has only cay: two clients, one recovered, one deteriorated.
    long better =
        clinic
            .post("/api/clients", "cay", Map.of("reference", "cay-better"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    long worse =
        clinic
            .post("/api/clients", "cay", Map.of("reference", "cay-worse"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    clinic
        .post(
            "/api/clients/" + better + "/administrations",
            "cay",
            TestClinic.phq9(1, 3, 3, 3, 3, 2, 2, 2, 2, 0))
        .expect(201);
    clinic
        .post(
            "/api/clients/" + better + "/administrations",
            "cay",
            TestClinic.phq9(5, 1, 1, 1, 1, 0, 0, 0, 0, 0))
        .expect(201);
    clinic
        .post(
            "/api/clients/" + worse + "/administrations",
            "cay",
            TestClinic.phq9(1, 2, 2, 1, 1, 1, 1, 1, 1, 0))
        .expect(201);
    clinic
        .post(
            "/api/clients/" + worse + "/administrations",
            "cay",
            TestClinic.phq9(4, 2, 2, 2, 2, 2, 2, 2, 2, 0))
        .expect(201);

    JsonNode cohort = clinic.get("/api/cohort?measure=phq-9", "south-sup").expect(200).json();
    assertThat(cohort.get("clients").asInt()).isEqualTo(2);
    JsonNode improved = cohort.get("rates").get("reliablyImproved");
    assertThat(improved.get("count").asInt()).isEqualTo(1);
    assertThat(improved.get("of").asInt()).isEqualTo(2);
    assertThat(improved.get("interval").get("lower").asDouble()).isCloseTo(0.0945, within(0.0005));
    assertThat(improved.get("interval").get("upper").asDouble()).isCloseTo(0.9055, within(0.0005));
    assertThat(cohort.get("rates").get("recovered").get("count").asInt()).isEqualTo(1);
    assertThat(cohort.get("rates").get("reliablyDeteriorated").get("count").asInt()).isEqualTo(1);
    JsonNode clinician = cohort.get("clinicians").get(0);
    assertThat(clinician.get("clinician").asText()).isEqualTo("cay");
    assertThat(clinician.get("belowMinimum").asBoolean()).isTrue();
    assertThat(clinician.get("warnings").get(0).asText()).contains("fewer than the minimum of 15");
    // The default measure is the outcome measure most clients have.
    assertThat(clinic.get("/api/cohort", "cay").expect(200).json().get("measure").asText())
        .isEqualTo("phq-9");

    clinic.get("/api/cohort?measure=srs", "cay").expect(400);
    clinic.get("/api/cohort?measure=nope", "cay").expect(400);
    clinic.get("/api/cohort?measure=phq-9&minCases=zero", "cay").expect(400);
  }

  @Test
  void importTakesEveryValidRowAndReportsTheRest() {
    String csv =
        "client,session,date,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
            + "imp-1,1,2025-01-06,phq-9,1,1,1,1,1,1,1,1,0\n"
            + "imp-1,2,2025-01-13,phq-9,1,1,1,1,1,1,1,0,0\n"
            + "imp-2,1,2025-01-06,phq-9,2,2,2,2,2,2,2,2,1\n"
            + "imp-2,2,2025-01-13,phq-9,2,2,2,9,2,2,2,2,1\n"
            + "cay-1,1,2025-01-06,phq-9,0,0,0,0,0,0,0,0,0\n";
    JsonNode result = clinic.postCsv("/api/import", "ann", csv).expect(200).json();
    assertThat(result.get("rows").asInt()).isEqualTo(5);
    assertThat(result.get("taken").asInt()).isEqualTo(3);
    assertThat(result.get("rejected").asInt()).isEqualTo(2);
    assertThat(result.get("clientsCreated").asInt()).isEqualTo(2);
    JsonNode first = result.get("problems").get(0);
    assertThat(first.get("line").asInt()).isEqualTo(5);
    assertThat(first.get("column").asInt()).isEqualTo(8);
    assertThat(first.get("field").asText()).isEqualTo("q4");
    assertThat(result.get("problems").get(1).get("message").asText()).contains("cay-1");
    assertThat(references(clinic.get("/api/clients", "ann").json())).contains("imp-1", "imp-2");

    // The same file again: every row is now a duplicate or a problem.
    JsonNode again = clinic.postCsv("/api/import", "ann", csv).expect(200).json();
    assertThat(again.get("taken").asInt()).isZero();
    assertThat(again.get("problems").toString()).contains("already has phq-9 at session 1");
  }

  @Test
  void aDeniedReadOfAClientIsAnswered404AndAudited() {
    long cay1 = clinic.clients.get("cay-1");
    long ann = clinic.users.get("ann").id();
    clinic.get("/api/clients/" + cay1, "ann").expect(404);
    clinic.get("/clients/" + cay1 + "/report", "ann").expect(404);
    clinic.get("/api/clients/987654321", "ann").expect(404);
    List<org.alliance.web.platform.audit.AuditEntry> denied =
        clinic
            .server
            .database()
            .read(
                handle ->
                    org.alliance.web.platform.audit.AuditLog.latest(
                        handle, Optional.empty(), Optional.of(ann), 50))
            .stream()
            .filter(entry -> entry.action().equals("client.denied"))
            .toList();
    assertThat(denied)
        .extracting(entry -> entry.client().orElse(-1L) + " " + entry.detail())
        .contains(
            cay1 + " GET /api/clients/" + cay1,
            cay1 + " GET /clients/" + cay1 + "/report",
            "-1 GET /api/clients/987654321");
  }

  @Test
  void importCreatesClientsOnlyWithReferencesTheApiWouldTake() {
    String csv =
        "client,session,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
            + "\"<img src=x onerror=alert(2)>\",1,phq-9,1,1,1,1,1,1,1,1,0\n"
            + "../../etc/passwd,1,phq-9,1,1,1,1,1,1,1,1,0\n"
            + "Jane Doe,1,phq-9,1,1,1,1,1,1,1,1,0\n"
            + "ref-ok.1,1,phq-9,1,1,1,1,1,1,1,1,0\n";
    JsonNode result = clinic.postCsv("/api/import", "ann", csv).expect(200).json();
    assertThat(result.get("taken").asInt()).isEqualTo(1);
    assertThat(result.get("clientsCreated").asInt()).isEqualTo(1);
    assertThat(result.get("problems"))
        .hasSize(3)
        .allSatisfy(
            problem ->
                assertThat(problem.get("message").asText())
                    .contains("new client reference: use 1-100 letters"));
    assertThat(references(clinic.get("/api/clients", "ann").json()))
        .contains("ref-ok.1")
        .noneMatch(reference -> reference.contains("<") || reference.contains("/"));
  }

  @Test
  void strictImportTakesNothingWhenAnyRowIsBad() {
    String csv =
        "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
            + "strict-1,1,1,1,1,1,1,1,1,1,0\n"
            + "strict-1,2,1,1,1,1,1,1,1,1,x\n";
    JsonNode error =
        clinic.postCsv("/api/import?strict=true&instrument=phq-9", "ann", csv).expect(400).json();
    assertThat(error.get("error").asText())
        .contains("nothing was imported")
        .contains("1 of 2 administrations");
    assertThat(error.get("problems").get(0).get("line").asInt()).isEqualTo(3);
    assertThat(references(clinic.get("/api/clients", "ann").json())).doesNotContain("strict-1");

    JsonNode lenient =
        clinic.postCsv("/api/import?instrument=phq-9", "ann", csv).expect(200).json();
    assertThat(lenient.get("taken").asInt()).isEqualTo(1);
  }

  @Test
  void importRefusesWhatItCannotRead() {
    assertThat(clinic.postCsv("/api/import", "ann", "").expect(400).json().get("error").asText())
        .contains("no body");
    assertThat(
            clinic
                .postCsv("/api/import", "ann", "nothing,useful\n1,2\n")
                .expect(400)
                .json()
                .get("error")
                .asText())
        .contains("cannot be read");
    clinic.postCsv("/api/import?instrument=nope", "ann", "client,session\n").expect(400);
    clinic.postCsv("/api/import?layout=diagonal", "ann", "client,session\n").expect(400);
    clinic.postCsv("/api/import?strict=maybe", "ann", "client,session\n").expect(400);
    // An admin importing new clients names their clinician; the row is reported otherwise.
    JsonNode admin =
        clinic
            .postCsv(
                "/api/import?instrument=phq-9",
                "admin",
                "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\nadm-imp,1,0,0,0,0,0,0,0,0,0\n")
            .expect(200)
            .json();
    assertThat(admin.get("taken").asInt()).isZero();
    assertThat(admin.get("problems").get(0).get("message").asText()).contains("clinician");
    JsonNode named =
        clinic
            .postCsv(
                "/api/import?instrument=phq-9&clinician=ben",
                "admin",
                "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\nadm-imp,1,0,0,0,0,0,0,0,0,0\n")
            .expect(200)
            .json();
    assertThat(named.get("taken").asInt()).isEqualTo(1);
  }

  @Test
  void meNamesTheTokensOwner() {
    JsonNode me = clinic.get("/api/me", "north-sup").expect(200).json();
    assertThat(me.get("username").asText()).isEqualTo("north-sup");
    assertThat(me.get("role").asText()).isEqualTo("supervisor");
    assertThat(me.get("team").isNumber()).isTrue();
  }

  @Test
  void everyReadAndWriteOfClientDataIsAudited() {
    long client = newClient("audited");
    administer(client, TestClinic.phq9(1, 0, 0, 0, 0, 0, 0, 0, 0, 0)).expect(201);
    clinic.get("/api/clients/" + client, "ann").expect(200);
    clinic.get("/api/clients/" + client + "/trend", "north-sup").expect(200);
    JsonNode entries =
        clinic.get("/api/audit?client=" + client, "admin").expect(200).json().get("entries");
    List<String> actions = new ArrayList<>();
    entries.forEach(
        entry -> actions.add(entry.get("action").asText() + " by " + entry.get("user").asLong()));
    long ann = clinic.users.get("ann").id();
    long sup = clinic.users.get("north-sup").id();
    assertThat(actions)
        .containsExactly(
            "trend.read by " + sup,
            "client.read by " + ann,
            "administration.create by " + ann,
            "client.create by " + ann);
    assertThat(entries.toString()).doesNotContain("\"phq9_1\"");
    assertThat(
            clinic.get("/api/audit", "admin").json().get("entries").get(0).get("action").asText())
        .isEqualTo("audit.read");
    clinic.get("/api/audit", "north-sup").expect(403);
    clinic.get("/api/audit?limit=0", "admin").expect(400);
  }

  @Test
  void unknownPathsAnswerWithoutAStackTrace() {
    JsonNode api = clinic.get("/api/nothing-here", "ann").expect(404).json();
    assertThat(api.get("error").asText()).contains("nothing");
    Reply page = clinic.get("/no/such/page", null).expect(404);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body())
        .contains("Not found")
        .doesNotContain("Exception")
        .doesNotContain("at org.");
  }

  @Test
  void aClientsRecordIsAFhirBundleThatImportsBackAsTheSameScores() {
    long id = newClient("fhir-1");
    clinic
        .post(
            "/api/clients/" + id + "/administrations",
            "ann",
            TestClinic.phq9(1, 3, 3, 2, 2, 2, 2, 1, 1, 1))
        .expect(201);
    clinic
        .post(
            "/api/clients/" + id + "/administrations",
            "ann",
            TestClinic.phq9(2, 1, 1, 1, 1, 1, 1, 1, 0, 0))
        .expect(201);
    clinic
        .post(
            "/api/clients/" + id + "/administrations",
            "ann",
            TestClinic.vas("srs", 2, 9, 9.5, 8.7, 9.1))
        .expect(201);

    Reply bundle = clinic.get("/api/clients/" + id + "/fhir", "ann").expect(200);

    assertThat(bundle.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/fhir+json");
    JsonNode json = bundle.json();
    assertThat(json.get("resourceType").asText()).isEqualTo("Bundle");
    assertThat(json.get("type").asText()).isEqualTo("transaction");
    List<String> kinds = new ArrayList<>();
    json.get("entry")
        .forEach(entry -> kinds.add(entry.get("resource").get("resourceType").asText()));
    assertThat(kinds).filteredOn("QuestionnaireResponse"::equals).hasSize(3);
    assertThat(kinds).filteredOn("Observation"::equals).hasSize(3);
    assertThat(bundle.body()).contains("44261-6").contains("Patient/fhir-1");

    // The same record under another reference, imported as FHIR: the same totals arrive.
    String copy = bundle.body().replace("fhir-1", "fhir-2");
    JsonNode imported =
        clinic
            .send(
                clinic
                    .request("/api/import", "ann")
                    .header("Content-Type", "application/fhir+json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(copy))
                    .build())
            .expect(200)
            .json();
    assertThat(imported.get("taken").asInt()).as(imported.toString()).isEqualTo(3);
    assertThat(imported.get("rejected").asInt()).isZero();
    long copyId =
        clinic.get("/api/clients", "ann").json().findParents("reference").stream()
            .filter(client -> client.get("reference").asText().equals("fhir-2"))
            .mapToLong(client -> client.get("id").asLong())
            .findFirst()
            .orElseThrow();
    JsonNode original =
        clinic.get("/api/clients/" + id + "/trend", "ann").expect(200).json().get("courses");
    assertThat(
            clinic
                .get("/api/clients/" + copyId + "/trend", "ann")
                .expect(200)
                .json()
                .get("courses"))
        .isEqualTo(original);
    assertThat(original.toString()).contains("\"score\":17.0").contains("\"score\":7.0");
  }

  @Test
  void aFhirImportReportsEachBadResponseWithItsElement() {
    String bundle =
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
            + "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\"}}]}";
    JsonNode result =
        clinic
            .send(
                clinic
                    .request("/api/import", "ann")
                    .header("Content-Type", "application/fhir+json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(bundle))
                    .build())
            .expect(200)
            .json();

    assertThat(result.get("rows").asInt()).isEqualTo(1);
    assertThat(result.get("taken").asInt()).isZero();
    assertThat(result.get("problems").toString()).contains("QuestionnaireResponse.subject");
    clinic
        .send(
            clinic
                .request("/api/import?format=xml", "ann")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(bundle))
                .build())
        .expect(400);
  }
}
