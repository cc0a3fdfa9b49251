package org.alliance.web.clients;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.web.SignedIn;
import org.alliance.web.TestClinic;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.TestDatabase;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.audit.AuditEntry;
import org.alliance.web.platform.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A client's details, the search and pages of the caseload, discharge, re-admission and
 * reassignment, end to end over HTTP (the API and the pages) on a real database. {@code dee} has
 * 300 clients, {@code d-001} to {@code d-300}, for the search and the pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientRecordsTests {
  private static final String EMAIL = "kim.example+measures@Example.org";
  private static final String MOBILE = "+49 151 2345 6789";

  TestClinic clinic;
  final ListAppender<ILoggingEvent> log = new ListAppender<>();

  abstract TestDatabase database();

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic = TestClinic.start(database(), dataDir);
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    log.start();
    // A fourth clinician in team North with a long caseload, added straight to the database.
    clinic
        .server
        .database()
        .write(
            handle -> {
              Instant now = Instant.now();
              long north = clinic.users.get("ann").team().orElseThrow();
              var dee =
                  org.alliance.web.platform.security.Users.create(
                      handle,
                      "dee",
                      "Dee",
                      org.alliance.web.platform.security.Role.CLINICIAN,
                      Optional.of(north),
                      org.alliance.web.platform.security.Passwords.hash(TestClinic.PASSWORD),
                      now);
              String token = org.alliance.web.platform.security.Secrets.apiToken();
              org.alliance.web.platform.security.ApiTokens.create(
                  handle,
                  dee.id(),
                  "test",
                  org.alliance.web.platform.security.Secrets.hash(token),
                  now);
              clinic.tokens.put("dee", token);
              for (int i = 1; i <= 300; i++) {
                Clients.create(handle, String.format("d-%03d", i), dee.id(), now);
              }
              return null;
            });
  }

  @AfterAll
  void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    if (clinic != null) {
      clinic.close();
    }
  }

  private static Map<String, Object> fields(Object... namesAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  private List<AuditEntry> audit(long client) {
    return clinic
        .server
        .database()
        .read(handle -> AuditLog.latest(handle, Optional.of(client), Optional.empty(), 50));
  }

  private static List<String> problemFields(Reply reply) {
    List<String> fields = new ArrayList<>();
    reply.json().get("problems").forEach(problem -> fields.add(problem.get("field").asText()));
    return fields;
  }

  @Test
  void aClientIsAddedWithDetailsAndContactsAndReadBack() {
    Reply created =
        clinic
            .post(
                "/api/clients",
                "ann",
                fields(
                    "reference", "ann-details",
                    "birthDate", "1990-04-23",
                    "language", "de",
                    "email", EMAIL,
                    "mobile", MOBILE))
            .expect(201);
    JsonNode client = created.json();
    assertThat(created.headers().firstValue("Location"))
        .contains("/api/clients/" + client.get("id").asLong());
    assertThat(client.get("clinician").asText()).isEqualTo("ann");
    assertThat(client.get("birthDate").asText()).isEqualTo("1990-04-23");
    assertThat(client.get("ageBand").asText()).isEqualTo("36-45");
    assertThat(client.get("language").asText()).isEqualTo("de");
    assertThat(client.get("email").asText()).isEqualTo("kim.example+measures@example.org");
    assertThat(client.get("mobile").asText()).isEqualTo("+4915123456789");
    assertThat(client.get("dischargedAt").isNull()).isTrue();

    long id = client.get("id").asLong();
    JsonNode read = clinic.get("/api/clients/" + id, "ann").expect(200).json();
    assertThat(read.get("mobile").asText()).isEqualTo("+4915123456789");
    assertThat(read.get("administrations")).isEmpty();
    // A list never carries the contacts; it has the language and the age band.
    JsonNode line =
        clinic.get("/api/clients?q=ann-details", "ann").expect(200).json().get("clients").get(0);
    assertThat(line.get("language").asText()).isEqualTo("de");
    assertThat(line.get("ageBand").asText()).isEqualTo("36-45");
    assertThat(line.has("email")).isFalse();
    assertThat(line.has("mobile")).isFalse();

    AuditEntry added =
        audit(id).stream()
            .filter(e -> e.action().equals("client.create"))
            .findFirst()
            .orElseThrow();
    assertThat(added.detail())
        .contains("for clinician ann", "date of birth", "e-mail address", "mobile number")
        .doesNotContain("example", "151", "1990");
  }

  @Test
  void aNewClientWithoutDetailsReadsInEnglish() {
    JsonNode client =
        clinic.post("/api/clients", "ann", Map.of("reference", "ann-plain")).expect(201).json();
    assertThat(client.get("language").asText()).isEqualTo("en");
    assertThat(client.get("birthDate").isNull()).isTrue();
    assertThat(client.get("ageBand").isNull()).isTrue();
    assertThat(client.get("email").isNull()).isTrue();
  }

  @Test
  void everyWrongFieldIsNamedAndNothingIsStored() {
    Reply refused =
        clinic
            .post(
                "/api/clients",
                "ann",
                fields(
                    "reference", "ann wrong",
                    "birthDate", "2023-02-30",
                    "language", "it",
                    "email", "kim@example",
                    "mobile", "07400 123456",
                    "nickname", "K"))
            .expect(400);
    assertThat(problemFields(refused))
        .containsExactlyInAnyOrder(
            "reference", "birthDate", "language", "email", "mobile", "nickname");
    assertThat(refused.body())
        .contains("not a date of the calendar")
        .contains("en, de, es or fr")
        .contains("an e-mail address such as name@example.org")
        .contains("start with + and the country code")
        .doesNotContain("kim@example");
    assertThat(clinic.get("/api/clients?q=ann%20wrong", "ann").json().get("total").asInt())
        .isZero();
  }

  @Test
  void aDateOfBirthIsARealPastDateAtMost120YearsAgoAndNotBesideAnAgeBand() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (String date :
        List.of(today.toString(), today.plusDays(3).toString(), today.minusYears(121).toString())) {
      Reply refused =
          clinic
              .post("/api/clients", "ann", fields("reference", "ann-born", "birthDate", date))
              .expect(400);
      assertThat(problemFields(refused)).containsExactly("birthDate");
    }
    Reply both =
        clinic
            .post(
                "/api/clients",
                "ann",
                fields("reference", "ann-born", "birthDate", "1980-01-01", "ageBand", "36-45"))
            .expect(400);
    assertThat(both.body()).contains("a date of birth or an age band, not both");
    assertThat(
            clinic
                .post("/api/clients", "ann", fields("reference", "ann-born", "ageBand", "over-65"))
                .expect(201)
                .json()
                .get("ageBand")
                .asText())
        .isEqualTo("over-65");
    Reply band =
        clinic
            .post("/api/clients", "ann", fields("reference", "ann-band", "ageBand", "40-50"))
            .expect(400);
    assertThat(band.body()).contains("under-18, 18-25, 26-35, 36-45, 46-55, 56-65, over-65");
  }

  @Test
  void detailsAreChangedOneFieldAtATimeAndTheAuditNamesTheFieldsNotTheContacts() {
    long id =
        clinic
            .post(
                "/api/clients",
                "ann",
                fields("reference", "ann-edit", "ageBand", "18-25", "email", "old@example.org"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    String c = "/api/clients/" + id;
    JsonNode changed =
        clinic
            .patch(c, "ann", fields("language", "es", "email", "new@example.org"))
            .expect(200)
            .json();
    assertThat(changed.get("language").asText()).isEqualTo("es");
    assertThat(changed.get("email").asText()).isEqualTo("new@example.org");
    assertThat(changed.get("ageBand").asText()).isEqualTo("18-25");
    // A date of birth replaces the band; null clears the address.
    Map<String, Object> clear = fields("birthDate", "2001-06-30");
    clear.put("email", null);
    changed = clinic.patch(c, "ann", clear).expect(200).json();
    assertThat(changed.get("birthDate").asText()).isEqualTo("2001-06-30");
    assertThat(changed.get("email").isNull()).isTrue();
    assertThat(changed.get("language").asText()).isEqualTo("es");
    // The same again changes nothing, and writes no audit entry.
    int entries = audit(id).size();
    clinic.patch(c, "ann", fields("language", "es")).expect(200);
    assertThat(audit(id)).hasSize(entries);
    List<String> edits =
        audit(id).stream()
            .filter(entry -> entry.action().equals("client.edit"))
            .map(AuditEntry::detail)
            .toList();
    assertThat(edits)
        .containsExactly(
            "changed date of birth, age band, e-mail address", "changed language, e-mail address");
    assertThat(String.join(" ", edits)).doesNotContain("example", "2001");
    // The reference can be corrected, but not to another client's.
    assertThat(clinic.patch(c, "ann", fields("reference", "ann-1")).expect(409).body())
        .contains("cannot be used");
    assertThat(
            clinic
                .patch(c, "ann", fields("reference", "ann-edited"))
                .expect(200)
                .json()
                .get("reference")
                .asText())
        .isEqualTo("ann-edited");
    assertThat(audit(id).get(0).detail()).isEqualTo("changed reference");
    assertThat(problemFields(clinic.patch(c, "ann", fields("clinician", "ben")).expect(400)))
        .containsExactly("clinician");
    assertThat(problemFields(clinic.patch(c, "ann", fields("mobile", 4915123456789L)).expect(400)))
        .containsExactly("mobile");
    clinic.patch(c, "ben", fields("language", "fr")).expect(404);
  }

  @Test
  void twoKeystrokesFindAClientAmong300AndTheListComesInPages() {
    JsonNode found = clinic.get("/api/clients?q=42", "dee").expect(200).json();
    assertThat(found.get("clients"))
        .extracting(line -> line.get("reference").asText())
        .containsExactly("d-042", "d-142", "d-242");
    assertThat(found.get("total").asInt()).isEqualTo(3);
    // Ignoring case, anywhere in the reference; '_' and '%' are letters, not wildcards.
    assertThat(clinic.get("/api/clients?q=D-29", "dee").json().get("total").asInt()).isEqualTo(10);
    assertThat(clinic.get("/api/clients?q=d_0", "dee").json().get("total").asInt()).isZero();
    assertThat(clinic.get("/api/clients?q=%25", "dee").json().get("total").asInt()).isZero();

    JsonNode first = clinic.get("/api/clients", "dee").expect(200).json();
    assertThat(first.get("total").asInt()).isEqualTo(300);
    assertThat(first.get("pages").asInt()).isEqualTo(6);
    assertThat(first.get("pageSize").asInt()).isEqualTo(50);
    assertThat(first.get("clients")).hasSize(50);
    assertThat(first.get("clients").get(0).get("reference").asText()).isEqualTo("d-001");
    JsonNode last = clinic.get("/api/clients?page=3&size=120", "dee").expect(200).json();
    assertThat(last.get("clients")).hasSize(60);
    assertThat(last.get("clients").get(0).get("reference").asText()).isEqualTo("d-241");
    assertThat(clinic.get("/api/clients?page=99", "dee").expect(200).json().get("clients"))
        .isEmpty();
    assertThat(clinic.get("/api/clients?size=0", "dee").expect(400).body()).contains("size");
    assertThat(clinic.get("/api/clients?page=x", "dee").expect(400).body()).contains("page");
    assertThat(clinic.get("/api/clients?status=gone", "dee").expect(400).body())
        .contains("active, discharged or all");
    assertThat(clinic.get("/api/clients?q=" + "a".repeat(101), "dee").expect(400).body())
        .contains("q: at most 100");
    // A supervisor searches the whole team; another team's supervisor finds nothing of it.
    assertThat(clinic.get("/api/clients?q=d-3", "north-sup").json().get("total").asInt())
        .isEqualTo(1);
    assertThat(clinic.get("/api/clients?q=d-", "south-sup").json().get("total").asInt()).isZero();
  }

  @Test
  void theCaseloadPageSearchesAndPagesWithoutJavaScript() {
    SignedIn dee = SignedIn.as(clinic, "dee");
    String page = dee.get("/?q=42").expect(200).body();
    assertThat(page)
        .contains(">d-042</a>", ">d-142</a>", ">d-242</a>")
        .doesNotContain(">d-041</a>")
        .contains("3 clients whose reference contains &ldquo;42&rdquo;")
        .contains("value=\"42\"");
    String first = dee.get("/").expect(200).body();
    assertThat(first)
        .contains(">d-001</a>", ">d-050</a>")
        .doesNotContain(">d-051</a>")
        .contains("page 1 of 6")
        .contains("href=\"/?page=2\"");
    String second = dee.get("/?page=2").expect(200).body();
    assertThat(second)
        .contains(">d-051</a>")
        .doesNotContain(">d-001</a>")
        .contains("href=\"/?page=1\"", "href=\"/?page=3\"");
    assertThat(dee.get("/?q=4&page=2").expect(200).body()).contains("href=\"/?q=4&amp;page=1\"");
    assertThat(dee.get("/?page=0").expect(400).body()).contains("page");
  }

  @Test
  void aDischargedClientLeavesTheCaseloadKeepsEverythingAndComesBack() {
    long id =
        clinic
            .post("/api/clients", "ann", fields("reference", "ann-leaving"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    String c = "/api/clients/" + id;
    clinic
        .post(c + "/administrations", "ann", TestClinic.phq9(1, 2, 2, 2, 2, 2, 2, 2, 2, 1))
        .expect(201);
    assertThat(clinic.get("/api/alerts", "ann").expect(200).body()).contains("ann-leaving");
    JsonNode discharged =
        clinic.post(c + "/discharge", "ann", "{\"reason\": \"moved\"}").expect(200).json();
    assertThat(discharged.get("dischargedAt").isNull()).isFalse();
    assertThat(discharged.get("dischargedBy").asText()).isEqualTo("ann");
    assertThat(clinic.post(c + "/discharge", "ann", "{\"reason\": \"moved\"}").expect(409).body())
        .contains("already discharged");

    assertThat(clinic.get("/api/clients?q=ann-leaving", "ann").json().get("total").asInt())
        .isZero();
    assertThat(
            clinic
                .get("/api/clients?q=ann-leaving&status=discharged", "ann")
                .json()
                .get("clients")
                .get(0)
                .get("dischargedAt")
                .isNull())
        .isFalse();
    assertThat(
            clinic.get("/api/clients?q=ann-leaving&status=all", "ann").json().get("total").asInt())
        .isEqualTo(1);
    // Off the caseload, their alerts are nobody's to act on; everything stays readable, and
    // nothing new is recorded without an open episode of care (none is opened unasked).
    assertThat(clinic.get("/api/alerts", "ann").expect(200).body()).doesNotContain("ann-leaving");
    assertThat(clinic.get(c, "ann").expect(200).json().get("administrations")).hasSize(1);
    clinic.get(c + "/trend", "ann").expect(200);
    clinic.get("/clients/" + id, "ann").expect(200);
    assertThat(
            clinic
                .post(c + "/administrations", "ann", TestClinic.phq9(2, 1, 1, 1, 1, 1, 1, 1, 1, 0))
                .expect(409)
                .body())
        .contains("has no open episode of care");
    SignedIn ann = SignedIn.as(clinic, "ann");
    assertThat(ann.get("/").body()).doesNotContain(">ann-leaving</a>");
    assertThat(ann.get("/?status=discharged").body())
        .contains(">ann-leaving</a>")
        .doesNotContain(">ann-1</a>");
    assertThat(ann.get("/clients/" + id).body())
        .contains("Off the active caseload: discharged on")
        .contains("action=\"/clients/" + id + "/episodes\"");

    assertThat(
            clinic
                .post(c + "/readmit", "ann", "{}")
                .expect(200)
                .json()
                .get("dischargedAt")
                .isNull())
        .isTrue();
    assertThat(clinic.post(c + "/readmit", "ann", "{}").expect(409).body())
        .contains("not discharged");
    assertThat(clinic.get("/api/clients?q=ann-leaving", "ann").json().get("total").asInt())
        .isEqualTo(1);
    assertThat(audit(id))
        .extracting(AuditEntry::action)
        .contains("client.discharge", "client.readmit");
    clinic.post(c + "/discharge", "ben", "{\"reason\": \"moved\"}").expect(404);
  }

  @Test
  void aSupervisorMovesAClientWithinTheTeamOnly() {
    long id =
        clinic
            .post("/api/clients", "ann", fields("reference", "ann-moving"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    String c = "/api/clients/" + id + "/reassign";
    assertThat(clinic.post(c, "ann", Map.of("clinician", "ben")).expect(403).body())
        .contains("only a supervisor or an admin");
    clinic.post(c, "south-sup", Map.of("clinician", "cay")).expect(404);
    assertThat(clinic.post(c, "north-sup", Map.of("clinician", "cay")).expect(400).body())
        .contains("clinician: 'cay' is not an active clinician of your team");
    assertThat(clinic.post(c, "north-sup", Map.of("clinician", "north-sup")).expect(400).body())
        .contains("clinician:");
    assertThat(clinic.post(c, "north-sup", Map.of("clinician", "ann")).expect(400).body())
        .contains("already on ann's caseload");
    assertThat(clinic.post(c, "north-sup", "{}").expect(400).body()).contains("clinician");

    assertThat(
            clinic
                .post(c, "north-sup", Map.of("clinician", "ben"))
                .expect(200)
                .json()
                .get("clinician")
                .asText())
        .isEqualTo("ben");
    clinic.get("/api/clients/" + id, "ben").expect(200);
    clinic.get("/api/clients/" + id, "ann").expect(404);
    assertThat(audit(id))
        .filteredOn(entry -> entry.action().equals("client.reassign"))
        .extracting(AuditEntry::detail)
        .containsExactly("from ann to ben");
    // An admin may move a client to another team.
    clinic.post(c, "admin", Map.of("clinician", "cay")).expect(200);
    clinic.get("/api/clients/" + id, "south-sup").expect(200);

    // The page offers only the team's other clinicians.
    long ann1 = clinic.clients.get("ann-1");
    String page = SignedIn.as(clinic, "north-sup").get("/clients/" + ann1).expect(200).body();
    assertThat(page)
        .contains("id=\"reassign\"")
        .contains("value=\"ben\"")
        .contains("value=\"dee\"");
    assertThat(page.substring(page.indexOf("id=\"reassign\"")))
        .doesNotContain("value=\"cay\"")
        .doesNotContain("value=\"ann\"");
    assertThat(SignedIn.as(clinic, "ann").get("/clients/" + ann1).body())
        .doesNotContain("id=\"reassign\"");
  }

  @Test
  void theFormsAddChangeDischargeAndMoveAClient() {
    SignedIn ann = SignedIn.as(clinic, "ann");
    // A form with problems comes back with what was typed and each problem beside its field.
    Map<String, String> wrong = new LinkedHashMap<>();
    wrong.put("reference", "ann-form");
    wrong.put("clinician", "ann");
    wrong.put("language", "en");
    wrong.put("birthDate", "");
    wrong.put("ageBand", "");
    wrong.put("email", "ann-form@");
    wrong.put("mobile", "+44 20 7946 0000");
    Reply back = ann.post("/clients", wrong).expect(400);
    assertThat(back.body())
        .contains("Nothing was saved")
        .contains("value=\"ann-form@\"")
        .contains("expected an e-mail address such as name@example.org")
        .contains("this is not a mobile number");
    wrong.put("email", "ann.form@example.org");
    wrong.put("mobile", "+44 7400 123456");
    Reply added = ann.post("/clients", wrong).expect(303);
    String location = added.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/clients/\\d+\\?done=added");
    String page = ann.get(location).expect(200).body();
    assertThat(page)
        .contains("The client ann-form was added")
        .contains("ann.form@example.org")
        .contains("+447400123456");
    long id = Long.parseLong(location.replaceAll("\\D", ""));
    // The same reference again: the form comes back saying so.
    assertThat(ann.post("/clients", wrong).expect(409).body())
        .contains("you already have a client with reference 'ann-form'");

    Map<String, String> edit = new LinkedHashMap<>(wrong);
    edit.remove("clinician");
    edit.put("language", "fr");
    edit.put("mobile", "");
    assertThat(
            ann.post("/clients/" + id + "/details", edit)
                .expect(303)
                .headers()
                .firstValue("Location"))
        .contains("/clients/" + id + "?done=saved#details");
    assertThat(ann.get("/clients/" + id).body())
        .contains("French (Français)")
        .doesNotContain("+447400123456");
    edit.put("birthDate", "1850-01-01");
    assertThat(ann.post("/clients/" + id + "/details", edit).expect(400).body())
        .contains("more than 120 years ago");

    ann.post(
            "/clients/" + id + "/discharge",
            Map.of("reason", "finished", "date", LocalDate.now(ZoneOffset.UTC).toString()))
        .expect(303);
    assertThat(clinic.get("/api/clients/" + id, "ann").json().get("dischargedAt").isNull())
        .isFalse();
    ann.post("/clients/" + id + "/readmit", Map.of()).expect(303);
    assertThat(clinic.get("/api/clients/" + id, "ann").json().get("dischargedAt").isNull())
        .isTrue();
    ann.post("/clients/" + id + "/reassign", Map.of("clinician", "ben")).expect(403);
    SignedIn.as(clinic, "north-sup")
        .post("/clients/" + id + "/reassign", Map.of("clinician", "ben"))
        .expect(303);
    assertThat(clinic.get("/api/clients/" + id, "ben").json().get("clinician").asText())
        .isEqualTo("ben");
    // Without the form's CSRF token nothing changes.
    SignedIn ben = SignedIn.as(clinic, "ben");
    ben.postForm("/clients/" + id + "/discharge", Map.of()).expect(403);
  }

  @Test
  void contactsStayOutOfTheLogsTheFhirExportAndTheReport() {
    long id =
        clinic
            .post(
                "/api/clients",
                "ann",
                fields(
                    "reference",
                    "ann-private",
                    "email",
                    "private.person@example.net",
                    "mobile",
                    "+33 6 12 34 56 78"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    String c = "/api/clients/" + id;
    clinic.patch(c, "ann", fields("email", "other.person@example.net")).expect(200);
    clinic
        .post(c + "/administrations", "ann", TestClinic.phq9(1, 1, 1, 1, 1, 1, 1, 1, 1, 0))
        .expect(201);
    clinic.patch(c, "ann", fields("email", "not an address")).expect(400);
    assertThat(clinic.get(c + "/fhir", "ann").expect(200).body())
        .doesNotContain("person@example.net")
        .doesNotContain("612345678");
    assertThat(clinic.get("/clients/" + id + "/report", "ann").expect(200).body())
        .doesNotContain("person@example.net")
        .doesNotContain("612345678");
    assertThat(clinic.get("/api/audit?client=" + id, "admin").expect(200).body())
        .doesNotContain("person@example.net")
        .doesNotContain("612345678");
    List<String> lines = new ArrayList<>();
    synchronized (log) {
      log.list.forEach(event -> lines.add(event.getFormattedMessage()));
    }
    assertThat(String.join("\n", lines))
        .isNotEmpty()
        .doesNotContain("person@example.net")
        .doesNotContain("612345678")
        .doesNotContain("not an address");
  }
}
