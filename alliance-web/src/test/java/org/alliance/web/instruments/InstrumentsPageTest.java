package org.alliance.web.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.web.ServerSettings;
import org.alliance.web.SignedIn;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.alliance.web.platform.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's instruments page against the real server on H2: adding an instrument from its JSON
 * definition after a preview, switching instruments off and on, and what that means for new and
 * stored data through the API, the tablet entry and client links. Each test has a fresh clinic.
 */
class InstrumentsPageTest {
  private static final Path EXAMPLE = Path.of("../examples/instruments/clinic-stress-4.json");
  private static final Pattern DEFINITION =
      Pattern.compile("name=\"definition\" value=\"([^\"]*)\"");

  @TempDir Path dataDir;

  private static byte[] example() throws IOException {
    return Files.readAllBytes(EXAMPLE);
  }

  /** Uploads, checks the preview, and confirms; returns the page after the redirect. */
  private static String add(SignedIn admin, byte[] definition) {
    String preview =
        admin
            .upload("/admin/instruments/preview", Map.of(), "definition", "stress.json", definition)
            .expect(200)
            .body();
    Matcher field = DEFINITION.matcher(preview);
    assertThat(field.find()).as("the definition is carried to the confirm step").isTrue();
    String carried =
        field
            .group(1)
            .replace("&quot;", "\"")
            .replace("&#34;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    String to =
        admin
            .post("/admin/instruments/confirm", Map.of("definition", carried))
            .expect(303)
            .headers()
            .firstValue("Location")
            .orElseThrow();
    return admin.get(to).expect(200).body();
  }

  private static Map<String, Object> stress(int session, int... answers) {
    Map<String, Object> items = new java.util.LinkedHashMap<>();
    for (int i = 0; i < answers.length; i++) {
      items.put("stress_" + (i + 1), answers[i]);
    }
    return new java.util.LinkedHashMap<>(
        Map.of("instrument", "clinic-stress-4", "session", session, "answers", items));
  }

  /**
   * The documented path for licensed wording (docs/instruments.md): the SRS exported, with the
   * clinic's item texts, added under its own id. Its texts show on the clinic's forms; its scoring
   * stays the built-in's; a later wording replaces it; a change beyond words is refused.
   */
  @Test
  void aClinicsLicensedWordingOfTheSrsReplacesItsLabelsButNotItsScoring() throws IOException {
    byte[] wording = Files.readAllBytes(Path.of("../examples/instruments/srs-licensed.json"));
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, dataDir)) {
      SignedIn admin = SignedIn.as(clinic, "admin");
      long client = clinic.clients.get("ann-1");
      assertThat(add(admin, wording)).contains("built in, with the clinic's wording");
      String entry =
          SignedIn.as(clinic, "ann")
              .get("/clients/" + client + "/entry?instrument=srs")
              .expect(200)
              .body();
      assertThat(entry).contains("paste the wording from your SRS licence here");
      JsonNode scored =
          clinic
              .post(
                  "/api/clients/" + client + "/administrations",
                  "ann",
                  TestClinic.vas("srs", 1, 9, 9, 8.5, 9.5))
              .expect(201)
              .json();
      assertThat(scored.get("score").get("total").asDouble()).isEqualTo(36);
      JsonNode listed = clinic.get("/api/instruments", "ann").expect(200).json().get("instruments");
      assertThat(listed)
          .filteredOn(instrument -> instrument.get("id").asText().equals("srs"))
          .singleElement()
          .satisfies(srs -> assertThat(srs.get("builtIn").asBoolean()).isTrue());

      String corrected =
          new String(wording, StandardCharsets.UTF_8)
              .replace("paste the wording from your SRS licence here", "our corrected wording");
      add(admin, corrected.getBytes(StandardCharsets.UTF_8));
      assertThat(
              SignedIn.as(clinic, "ann")
                  .get("/clients/" + client + "/entry?instrument=srs")
                  .expect(200)
                  .body())
          .contains("our corrected wording")
          .doesNotContain("paste the wording");

      String reversed =
          new String(wording, StandardCharsets.UTF_8)
              .replaceFirst("\"reversed\": false", "\"reversed\": true");
      assertThat(
              admin
                  .upload(
                      "/admin/instruments/preview",
                      Map.of(),
                      "definition",
                      "srs.json",
                      reversed.getBytes(StandardCharsets.UTF_8))
                  .expect(400)
                  .body())
          .contains("a clinic's wording of the built-in SRS may change only its texts")
          .contains("item 1's reversal");
    }
  }

  @Test
  void theListShowsEveryBuiltInInstrumentInUseAndOnlyAdminsSeeIt() {
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, dataDir)) {
      String page = SignedIn.as(clinic, "admin").get("/admin/instruments").expect(200).body();
      assertThat(page)
          .contains("phq-9", "gad-7", "ors", "srs")
          .contains("Switch off")
          .doesNotContain("Switch on")
          .contains("name=\"_csrf\"");
      SignedIn.as(clinic, "ann").get("/admin/instruments").expect(403);
      JsonNode listed = clinic.get("/api/instruments", "ann").expect(200).json().get("instruments");
      assertThat(listed)
          .allSatisfy(
              instrument -> {
                assertThat(instrument.get("builtIn").asBoolean()).isTrue();
                assertThat(instrument.get("inUse").asBoolean()).isTrue();
              });
    }
  }

  @Test
  void anAddedInstrumentIsPreviewedThenStoredThenScoredTrendedAndKeptOverARestart()
      throws IOException {
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, dataDir)) {
      SignedIn admin = SignedIn.as(clinic, "admin");
      String preview =
          admin
              .upload(
                  "/admin/instruments/preview", Map.of(), "definition", "stress.json", example())
              .expect(200)
              .body();
      assertThat(preview)
          .contains("Clinic weekly stress check", "stress_1", "stress_4", "Add clinic-stress-4");
      // A preview stores nothing.
      clinic
          .post(
              "/api/clients/" + clinic.clients.get("ann-1") + "/administrations",
              "ann",
              stress(1, 1, 2, 3, 0))
          .expect(400);

      String page = add(admin, example());
      assertThat(page)
          .contains("The instrument was added")
          .contains("clinic-stress-4")
          .contains("added by the clinic");
      assertThat(clinic.get("/api/audit?limit=50", "admin").expect(200).body())
          .contains("instrument.add")
          .contains("clinic-stress-4 version 1.0");

      long client = clinic.clients.get("ann-1");
      JsonNode stored =
          clinic
              .post("/api/clients/" + client + "/administrations", "ann", stress(1, 1, 2, 3, 0))
              .expect(201)
              .json();
      // Sum with item 3 reversed on 0-4: 1 + 2 + (4 - 3) + 0.
      assertThat(stored.get("score").get("total").asDouble()).isEqualTo(4.0);
      clinic
          .post("/api/clients/" + client + "/administrations", "ann", stress(2, 3, 3, 0, 1))
          .expect(201);
      JsonNode trend = clinic.get("/api/clients/" + client + "/trend", "ann").expect(200).json();
      assertThat(trend.get("courses").findValuesAsText("measure")).contains("clinic-stress-4");
      JsonNode listed = clinic.get("/api/instruments", "ann").expect(200).json().get("instruments");
      assertThat(listed.findValues("id").toString()).contains("clinic-stress-4");
      assertThat(SignedIn.as(clinic, "ann").get("/clients/" + client).expect(200).body())
          .contains("Clinic weekly stress check");
    }
    // What the server reads when it starts again on the same database.
    ServerSettings settings = TestDatabase.H2.settings(dataDir);
    try (Database database =
        Database.open(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword())) {
      ClinicInstruments reloaded = new ClinicInstruments(database.jdbi());
      assertThat(reloaded.isCustom("clinic-stress-4")).isTrue();
      assertThat(reloaded.inUse("clinic-stress-4")).isTrue();
      assertThat(reloaded.catalog().get("clinic-stress-4").items()).hasSize(4);
    }
  }

  @Test
  void aBrokenDefinitionOrATakenIdIsShownWithItsProblemsAndNothingIsStored() throws IOException {
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, dataDir)) {
      SignedIn admin = SignedIn.as(clinic, "admin");
      String broken =
          new String(example(), StandardCharsets.UTF_8)
              .replace("\"max\": 4,", "\"max\": -4,")
              .replace("\"version\": \"1.0\",", "");
      String page =
          admin
              .upload(
                  "/admin/instruments/preview",
                  Map.of(),
                  "definition",
                  "broken.json",
                  broken.getBytes(StandardCharsets.UTF_8))
              .expect(400)
              .body();
      assertThat(page)
          .contains("broken.json cannot be added")
          .contains("version")
          .contains("max")
          .doesNotContain("Add clinic-stress-4");
      String notJson =
          admin
              .upload(
                  "/admin/instruments/preview",
                  Map.of(),
                  "definition",
                  "x.json",
                  "{\"id\": ".getBytes(StandardCharsets.UTF_8))
              .expect(400)
              .body();
      assertThat(notJson).contains("x.json cannot be added").contains("line 1");
      String builtIn =
          new String(example(), StandardCharsets.UTF_8)
              .replace("\"id\": \"clinic-stress-4\"", "\"id\": \"phq-9\"");
      assertThat(
              admin
                  .upload(
                      "/admin/instruments/preview",
                      Map.of(),
                      "definition",
                      "phq.json",
                      builtIn.getBytes(StandardCharsets.UTF_8))
                  .expect(400)
                  .body())
          .contains("a clinic's wording of the built-in PHQ-9 may change only its texts");
      // Sent to confirm directly, the same checks refuse it.
      assertThat(
              admin
                  .post("/admin/instruments/confirm", Map.of("definition", builtIn))
                  .expect(400)
                  .body())
          .contains("a clinic's wording of the built-in PHQ-9 may change only its texts");
      add(admin, example());
      assertThat(
              admin
                  .upload(
                      "/admin/instruments/preview", Map.of(), "definition", "again.json", example())
                  .expect(400)
                  .body())
          .contains("the clinic already has clinic-stress-4");
      admin
          .upload("/admin/instruments/preview", Map.of(), "definition", "empty.json", new byte[0])
          .expect(400);
      SignedIn.as(clinic, "ann")
          .upload("/admin/instruments/preview", Map.of(), "definition", "stress.json", example())
          .expect(403);
      assertThat(
              clinic
                  .get("/api/instruments", "ann")
                  .expect(200)
                  .json()
                  .get("instruments")
                  .findValuesAsText("id"))
          .containsOnlyOnce("clinic-stress-4")
          .doesNotContain("phq-9-v2");
    }
  }

  @Test
  void anInstrumentSwitchedOffTakesNoNewDataAnywhereButKeepsWhatIsStored() {
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, dataDir)) {
      long client = clinic.clients.get("ann-1");
      clinic
          .post(
              "/api/clients/" + client + "/administrations",
              "ann",
              TestClinic.phq9(1, 2, 2, 2, 2, 2, 2, 2, 2, 0))
          .expect(201);
      SignedIn admin = SignedIn.as(clinic, "admin");
      admin.post("/admin/instruments/phq-9/use", Map.of("in_use", "false")).expect(303);
      assertThat(admin.get("/admin/instruments").body()).contains("Switch on");

      JsonNode refused =
          clinic
              .post(
                  "/api/clients/" + client + "/administrations",
                  "ann",
                  TestClinic.phq9(2, 1, 1, 1, 1, 1, 1, 1, 1, 0))
              .expect(400)
              .json();
      assertThat(refused.get("problems").get(0).get("field").asText()).isEqualTo("instrument");
      assertThat(refused.get("problems").get(0).get("message").asText())
          .isEqualTo(
              "this clinic does not use phq-9 now; an admin can switch it on under Instruments");
      SignedIn ann = SignedIn.as(clinic, "ann");
      assertThat(ann.get("/clients/" + client + "/entry?instrument=phq-9").expect(400).body())
          .contains("this clinic does not use phq-9");
      assertThat(
              ann.post("/clients/" + client + "/links", Map.of("instrument", "phq-9"))
                  .expect(400)
                  .body())
          .contains("this clinic does not use phq-9");
      JsonNode imported =
          clinic
              .postCsv(
                  "/api/import?strict=false",
                  "ann",
                  "client,instrument,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\nann-1,phq-9,3,0,0,0,0,0,0,0,0,0\n")
              .expect(200)
              .json();
      assertThat(imported.get("taken").asInt()).isZero();
      assertThat(imported.toString()).contains("this clinic does not use phq-9");
      // The client page offers it no more, but its stored score stays in the trend.
      assertThat(ann.get("/clients/" + client).body()).doesNotContain("value=\"phq-9\"");
      assertThat(
              clinic
                  .get("/api/clients/" + client + "/trend", "ann")
                  .expect(200)
                  .json()
                  .get("courses")
                  .findValuesAsText("measure"))
          .contains("phq-9");
      assertThat(clinic.get("/api/instruments", "ann").json().get("instruments").toString())
          .contains("\"id\":\"phq-9\"");
      assertThat(clinic.get("/api/audit?limit=50", "admin").body()).contains("instrument.off");

      admin.post("/admin/instruments/phq-9/use", Map.of("in_use", "true")).expect(303);
      clinic
          .post(
              "/api/clients/" + client + "/administrations",
              "ann",
              TestClinic.phq9(2, 1, 1, 1, 1, 1, 1, 1, 1, 0))
          .expect(201);
      admin.post("/admin/instruments/phq-9/use", Map.of("in_use", "maybe")).expect(400);
      admin.post("/admin/instruments/nope/use", Map.of("in_use", "false")).expect(404);
    }
  }

  @Test
  void aChangeMadeByAnotherServerIsReadAgainAndNothingElseReplacesTheCatalog() {
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, dataDir)) {
      ClinicInstruments instruments = new ClinicInstruments(clinic.server.database().jdbi());
      var before = instruments.catalog();
      instruments.reload();
      // Unchanged rows keep the catalog, so trends cached for it stay valid.
      assertThat(instruments.catalog()).isSameAs(before);
      long admin = clinic.users.get("admin").id();
      clinic
          .server
          .database()
          .write(
              handle -> InstrumentsOff.switchOff(handle, "gad-7", admin, java.time.Instant.now()));
      assertThat(instruments.inUse("gad-7")).isTrue();
      instruments.reload();
      assertThat(instruments.inUse("gad-7")).isFalse();
      assertThat(instruments.inUse("phq-9")).isTrue();
    }
  }
}
