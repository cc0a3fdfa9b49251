package org.alliance.web.clients;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliance.io.fhir.Fhir;
import org.alliance.web.SignedIn;
import org.alliance.web.TestClinic;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.TestDatabase;
import org.alliance.web.alerts.AlertAcknowledgements;
import org.alliance.web.platform.audit.AuditEntry;
import org.alliance.web.platform.audit.AuditLog;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasing a client's personal data (anonymise or remove everything) and the subject-access export
 * (PDF and FHIR), end to end over HTTP on a real database. Each test makes its own client, holding
 * a reference, contacts and free texts distinctive enough to be searched for in every text column
 * of every table afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ErasureTests {
  TestClinic clinic;
  private final HttpClient http = HttpClient.newHttpClient();

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

  /** A client of ann's with everything a client can have, and the texts that name them. */
  private record Held(long id, String reference, List<String> personal) {}

  private Held client(String tag) {
    String reference = "zed-" + tag;
    String email = "zed." + tag + "@example.org";
    String mobile = "+447400123" + tag.substring(0, 3);
    String note = "Zed " + tag + " lives on Xylophone Street";
    String edited = "Zed " + tag + " moved to Quokka Lane";
    String reason = "Zed " + tag + " mother Yvaine filled it in";
    String followUp = "called Zed " + tag + " at Wombat Road";
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("reference", reference);
    fields.put("birthDate", "1990-05-17");
    fields.put("language", "fr");
    fields.put("email", email);
    fields.put("mobile", mobile);
    long id = clinic.post("/api/clients", "ann", fields).expect(201).json().get("id").asLong();
    String c = "/api/clients/" + id;
    for (int session = 1; session <= 3; session++) {
      clinic
          .post(c + "/administrations", "ann", TestClinic.phq9(session, 3, 3, 2, 2, 2, 2, 1, 1, 0))
          .expect(201);
    }
    clinic.post(c + "/administrations", "ann", TestClinic.vas("srs", 1, 9, 9, 9, 9)).expect(201);
    JsonNode administrations = clinic.get(c, "ann").expect(200).json().get("administrations");
    long first = administrations.get(0).get("id").asLong();
    long second = administrations.get(1).get("id").asLong();
    clinic
        .post(
            c + "/administrations/" + first + "/correction",
            "ann",
            Map.of(
                "reason", reason, "administration", TestClinic.phq9(1, 3, 3, 3, 2, 2, 2, 1, 1, 0)))
        .expect(201);
    clinic
        .post(
            c + "/administrations/" + second + "/void", "ann", Map.of("reason", reason + " again"))
        .expect(204);
    SignedIn ann = SignedIn.as(clinic, "ann");
    ann.post("/clients/" + id + "/notes", Map.of("note", note, "session", "2")).expect(303);
    long noteId =
        clinic
            .server
            .database()
            .read(
                handle ->
                    handle
                        .createQuery("SELECT id FROM chart_notes WHERE client_id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one());
    ann.post("/clients/" + id + "/notes/" + noteId, Map.of("note", edited, "session", "2"))
        .expect(303);
    ann.post("/clients/" + id + "/links", Map.of("instrument", "srs")).expect(200);
    clinic
        .server
        .database()
        .write(
            handle ->
                AlertAcknowledgements.add(
                    handle,
                    id,
                    org.alliance.web.episodes.Episodes.openOf(handle, id).orElseThrow(),
                    "reliable-deterioration",
                    "1",
                    3,
                    followUp,
                    clinic.users.get("ann").id(),
                    Instant.now()));
    return new Held(
        id,
        reference,
        List.of(reference, email, mobile, "1990-05-17", note, edited, reason, followUp));
  }

  private static Map<String, Object> erasure(String mode, String reason, String confirm) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("mode", mode);
    body.put("reason", reason);
    body.put("confirm", confirm);
    return body;
  }

  private static List<String> problemFields(Reply reply) {
    List<String> fields = new ArrayList<>();
    reply.json().get("problems").forEach(problem -> fields.add(problem.get("field").asText()));
    return fields;
  }

  /** The text columns of every table of the clinic's schema, by table. */
  private static Map<String, List<String>> textColumns(Connection connection) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    try (ResultSet rs = connection.getMetaData().getColumns(null, null, "%", "%")) {
      while (rs.next()) {
        int type = rs.getInt("DATA_TYPE");
        if (String.valueOf(rs.getString("TABLE_SCHEM")).equalsIgnoreCase("public")
            && (type == Types.VARCHAR
                || type == Types.CHAR
                || type == Types.LONGVARCHAR
                || type == Types.CLOB
                || type == Types.NVARCHAR
                || type == Types.NCHAR)) {
          columns
              .computeIfAbsent(rs.getString("TABLE_NAME"), t -> new ArrayList<>())
              .add(rs.getString("COLUMN_NAME"));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return columns;
  }

  /** Every table of the clinic's schema with a client_id column. */
  private static List<String> clientTables(Connection connection) {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getColumns(null, null, "%", "%")) {
      while (rs.next()) {
        if (String.valueOf(rs.getString("TABLE_SCHEM")).equalsIgnoreCase("public")
            && rs.getString("COLUMN_NAME").equalsIgnoreCase("client_id")) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return tables;
  }

  /** Every place (table.column: value) where a text column holds one of the texts. */
  private List<String> foundAnywhere(List<String> texts) {
    return clinic
        .server
        .database()
        .read(
            handle -> {
              Map<String, List<String>> columns = textColumns(handle.getConnection());
              assertThat(columns).isNotEmpty();
              List<String> found = new ArrayList<>();
              for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                for (String column : table.getValue()) {
                  for (String text : texts) {
                    handle
                        .createQuery(
                            "SELECT \""
                                + column
                                + "\" FROM \""
                                + table.getKey()
                                + "\" WHERE LOWER(\""
                                + column
                                + "\") LIKE :text")
                        .bind("text", "%" + text.toLowerCase(Locale.ROOT) + "%")
                        .mapTo(String.class)
                        .forEach(value -> found.add(table.getKey() + "." + column + ": " + value));
                  }
                }
              }
              return found;
            });
  }

  /** Every table with a client_id column that has a row of this client, with the count. */
  private List<String> rowsOf(long client) {
    return clinic
        .server
        .database()
        .read(
            handle -> {
              List<String> tables = clientTables(handle.getConnection());
              assertThat(tables).hasSizeGreaterThanOrEqualTo(6);
              List<String> found = new ArrayList<>();
              for (String table : tables) {
                if (table.equalsIgnoreCase("audit_log")) {
                  continue;
                }
                int rows =
                    handle
                        .createQuery("SELECT COUNT(*) FROM \"" + table + "\" WHERE client_id = :id")
                        .bind("id", client)
                        .mapTo(Integer.class)
                        .one();
                if (rows > 0) {
                  found.add(table + ": " + rows);
                }
              }
              int clients =
                  handle
                      .createQuery("SELECT COUNT(*) FROM clients WHERE id = :id")
                      .bind("id", client)
                      .mapTo(Integer.class)
                      .one();
              if (clients > 0) {
                found.add("clients: " + clients);
              }
              return found;
            });
  }

  private List<AuditEntry> audit(long client) {
    return clinic
        .server
        .database()
        .read(handle -> AuditLog.latest(handle, Optional.of(client), Optional.empty(), 100));
  }

  private byte[] bytes(String path, String user) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              clinic.request(path, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int cohortClients() {
    return clinic
        .get("/api/cohort?measure=phq-9", "admin")
        .expect(200)
        .json()
        .get("clients")
        .asInt();
  }

  @Test
  void theSubjectAccessPdfHoldsEverything() throws IOException {
    Held held = client("101");
    byte[] pdf = bytes("/clients/" + held.id() + "/subject-access.pdf", "ann");
    String text;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
    assertThat(text)
        .contains("Everything we hold about client " + held.reference())
        .contains("zed.101@example.org")
        .contains("+447400123101")
        .contains("1990-05-17")
        .contains("Zed 101 moved to Quokka Lane")
        .contains("Zed 101 lives on Xylophone Street")
        .contains("Zed 101 mother Yvaine filled it in")
        .contains("called Zed 101 at Wombat Road")
        .contains("Links sent to the client's phone")
        // The corrected PHQ-9 of session 1 scores 17, that of session 3, 16.
        .contains("Score 17")
        .contains("Score 16");
    assertThat(audit(held.id()).get(0).action()).isEqualTo("client.subject-access");
    assertThat(audit(held.id()).get(0).detail()).isEqualTo("PDF");
    // The team's supervisor and an admin may have it, a colleague may not.
    bytes("/clients/" + held.id() + "/subject-access.pdf", "north-sup");
    bytes("/clients/" + held.id() + "/subject-access.pdf", "admin");
    clinic.get("/clients/" + held.id() + "/subject-access.pdf", "ben").expect(404);
  }

  @Tag("slow") // FHIR profile validation
  @Test
  void theSubjectAccessBundleHoldsThePatientWithContacts() {
    Held held = client("102");
    Reply reply = clinic.get("/api/clients/" + held.id() + "/subject-access", "ann").expect(200);
    assertThat(reply.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/fhir+json");
    Bundle bundle = Fhir.context().newJsonParser().parseResource(Bundle.class, reply.body());
    Bundle.BundleEntryComponent patientEntry = bundle.getEntryFirstRep();
    Patient patient = (Patient) patientEntry.getResource();
    assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(held.reference());
    assertThat(patient.getTelecom())
        .extracting(ContactPoint::getValue)
        .containsExactly("zed.102@example.org", "+447400123102");
    assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1990-05-17");
    assertThat(patient.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode())
        .isEqualTo("fr");
    List<QuestionnaireResponse> responses =
        bundle.getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(QuestionnaireResponse.class::isInstance)
            .map(QuestionnaireResponse.class::cast)
            .toList();
    // Three PHQ-9 (one corrected, one voided away, so two) and the SRS.
    assertThat(responses).hasSize(3);
    assertThat(responses)
        .allSatisfy(
            response ->
                assertThat(response.getSubject().getReference())
                    .isEqualTo(patientEntry.getFullUrl()));
    var context = Fhir.context();
    var validator =
        context
            .newValidator()
            .registerValidatorModule(
                new FhirInstanceValidator(
                    new ValidationSupportChain(
                        new DefaultProfileValidationSupport(context),
                        new InMemoryTerminologyServerValidationSupport(context),
                        new CommonCodeSystemsTerminologyService(context))));
    assertThat(
            validator.validateWithResult(patient).getMessages().stream()
                .filter(
                    message ->
                        message.getSeverity() == ResultSeverityEnum.ERROR
                            || message.getSeverity() == ResultSeverityEnum.FATAL)
                .map(message -> message.getLocationString() + ": " + message.getMessage())
                .toList())
        .isEmpty();
    assertThat(audit(held.id()).get(0).detail()).isEqualTo("FHIR");
    clinic.get("/api/clients/" + held.id() + "/subject-access", "ben").expect(404);
    clinic.get("/api/clients/" + held.id() + "/subject-access", "north-sup").expect(200);
  }

  @Test
  void onlyAnAdminErasesAndOnlyWithTheReferenceTyped() {
    Held held = client("103");
    String c = "/api/clients/" + held.id();
    for (String user : new String[] {"ann", "north-sup", "ben", "south-sup"}) {
      assertThat(
              clinic
                  .post(c + "/erasure", user, erasure("remove", "asked", held.reference()))
                  .expect(403)
                  .body())
          .contains("only an admin");
    }
    assertThat(
            problemFields(
                clinic
                    .post(c + "/erasure", "admin", erasure("anonymise", "asked", "zed-10"))
                    .expect(400)))
        .containsExactly("confirm");
    assertThat(problemFields(clinic.post(c + "/erasure", "admin", "{}").expect(400)))
        .containsExactly("mode", "reason", "confirm");
    assertThat(
            problemFields(
                clinic
                    .post(
                        c + "/erasure",
                        "admin",
                        erasure("shred", "x".repeat(1001), held.reference()))
                    .expect(400)))
        .containsExactly("mode", "reason");
    clinic
        .post("/api/clients/999999/erasure", "admin", erasure("remove", "asked", "x"))
        .expect(404);
    // Nothing changed.
    JsonNode client = clinic.get(c, "ann").expect(200).json();
    assertThat(client.get("reference").asText()).isEqualTo(held.reference());
    assertThat(client.get("email").asText()).isEqualTo("zed.103@example.org");
    assertThat(audit(held.id())).noneMatch(entry -> entry.action().equals("client.erase"));
  }

  @Test
  void anonymisingLeavesNothingThatNamesThePersonAndKeepsTheScores() {
    Held held = client("104");
    String c = "/api/clients/" + held.id();
    // The trend is cached with the reference in it; the erasure must drop it.
    assertThat(clinic.get(c + "/trend", "ann").expect(200).body()).contains(held.reference());
    int before = cohortClients();
    assertThat(foundAnywhere(held.personal())).isNotEmpty();
    JsonNode erased =
        clinic
            .post(
                c + "/erasure",
                "admin",
                erasure(
                    "anonymise",
                    "The client " + held.reference() + " asked on 3 May (zed.104@example.org)",
                    held.reference()))
            .expect(200)
            .json();
    String reference = erased.get("reference").asText();
    assertThat(reference).matches("erased-[0-9a-f]{16}");
    assertThat(erased.get("scoresKept").asInt()).isEqualTo(3);
    assertThat(erased.get("notesRemoved").asInt()).isEqualTo(1);
    assertThat(erased.get("noteVersionsRemoved").asInt()).isEqualTo(1);
    assertThat(erased.get("acknowledgementsRemoved").asInt()).isEqualTo(1);
    assertThat(erased.get("linksRemoved").asInt()).isEqualTo(1);

    // Nowhere in the database, the audit log included (it names the client by id only).
    assertThat(foundAnywhere(held.personal())).isEmpty();
    JsonNode client = clinic.get(c, "admin").expect(200).json();
    assertThat(client.get("reference").asText()).isEqualTo(reference);
    assertThat(client.get("email").isNull()).isTrue();
    assertThat(client.get("mobile").isNull()).isTrue();
    assertThat(client.get("birthDate").isNull()).isTrue();
    assertThat(client.get("ageBand").asText())
        .isEqualTo(AgeBand.of(LocalDate.of(1990, 5, 17), LocalDate.now(ZoneOffset.UTC)).code());
    assertThat(client.get("language").asText()).isEqualTo("en");
    assertThat(client.get("dischargedAt").isNull()).isFalse();
    assertThat(client.get("administrations")).hasSize(3);
    assertThat(client.get("administrations").get(0).get("date").asText()).endsWith("-01");
    assertThat(client.get("history").toString()).contains("(erased)");
    assertThat(clinic.get(c + "/trend", "ann").expect(200).body())
        .doesNotContain(held.reference())
        .contains(reference);
    assertThat(cohortClients()).isEqualTo(before);

    AuditEntry entry =
        audit(held.id()).stream()
            .filter(found -> found.action().equals("client.erase"))
            .findFirst()
            .orElseThrow();
    assertThat(entry.user()).contains(clinic.users.get("admin").id());
    assertThat(entry.detail())
        .startsWith("anonymised: new reference, date of birth and contacts removed")
        .contains("1 chart note", "1 client link", "3 scores kept")
        .contains("reason: The client (the client) asked on 3 May ((the client))");

    // Once is enough; the details cannot be given back; removing what is left is still possible.
    assertThat(
            clinic
                .post(c + "/erasure", "admin", erasure("anonymise", "again", reference))
                .expect(409)
                .body())
        .contains("erased already");
    clinic.patch(c, "ann", Map.of("email", "zed@example.org")).expect(409);
    clinic.post(c + "/erasure", "admin", erasure("remove", "the rest", reference)).expect(200);
    assertThat(rowsOf(held.id())).isEmpty();
  }

  @Test
  void removingLeavesNoRowOfTheClient() {
    Held held = client("105");
    String c = "/api/clients/" + held.id();
    int before = cohortClients();
    JsonNode removed =
        clinic
            .post(c + "/erasure", "admin", erasure("remove", "asked on 3 May", held.reference()))
            .expect(200)
            .json();
    assertThat(removed.get("reference").isNull()).isTrue();
    assertThat(removed.get("administrationsRemoved").asInt()).isEqualTo(3);
    assertThat(removed.get("correctionsRemoved").asInt()).isEqualTo(2);
    assertThat(rowsOf(held.id())).isEmpty();
    assertThat(foundAnywhere(held.personal())).isEmpty();
    assertThat(cohortClients()).isEqualTo(before - 1);
    clinic.get(c, "admin").expect(404);
    // A second erasure finds nobody.
    clinic.post(c + "/erasure", "admin", erasure("remove", "again", held.reference())).expect(404);
    assertThat(audit(held.id()).get(0).detail())
        .startsWith("removed entirely (removed 3 administrations, 2 corrected or voided entries");
  }

  /**
   * A failure half way (here a row of a table the erasure does not know, which refers to the
   * client) leaves everything as it was.
   */
  @Test
  void aFailedErasureChangesNothing() {
    Held held = client("106");
    clinic
        .server
        .database()
        .write(
            handle -> {
              handle.execute(
                  "CREATE TABLE erasure_test_hold (client_id BIGINT REFERENCES clients (id))");
              handle.execute("INSERT INTO erasure_test_hold (client_id) VALUES (?)", held.id());
              return null;
            });
    try {
      clinic
          .post(
              "/api/clients/" + held.id() + "/erasure",
              "admin",
              erasure("remove", "asked", held.reference()))
          .expect(500);
      assertThat(foundAnywhere(held.personal())).hasSizeGreaterThanOrEqualTo(8);
      assertThat(rowsOf(held.id()))
          .contains("clients: 1")
          .anyMatch(row -> row.toLowerCase(Locale.ROOT).startsWith("chart_notes"))
          .anyMatch(row -> row.toLowerCase(Locale.ROOT).startsWith("client_links"));
    } finally {
      clinic
          .server
          .database()
          .write(
              handle -> {
                handle.execute("DROP TABLE erasure_test_hold");
                return null;
              });
    }
  }

  @Test
  void theConfirmationPageSaysWhatWillHappenAndErases() {
    Held held = client("107");
    String page = "/clients/" + held.id() + "/erasure";
    SignedIn admin = SignedIn.as(clinic, "admin");
    assertThat(admin.get("/clients/" + held.id()).body())
        .contains("Everything we hold about this client")
        .contains(page);
    assertThat(SignedIn.as(clinic, "ann").get("/clients/" + held.id()).body())
        .contains("Everything we hold about this client")
        .doesNotContain(page);
    String form = admin.get(page).expect(200).body();
    assertThat(form)
        .contains("3 questionnaires", "2 corrected or voided entries", "1 chart notes")
        .contains("1 links sent", "a date of birth or contact details")
        .contains("Anonymise", "Remove everything");
    String refused =
        admin
            .post(page, Map.of("mode", "anonymise", "reason", "asked", "confirm", "zed"))
            .expect(400)
            .body();
    assertThat(refused).contains("Nothing was erased").contains("not the client's reference");
    assertThat(
            admin
                .post(
                    page,
                    Map.of("mode", "anonymise", "reason", "asked", "confirm", held.reference()))
                .expect(200)
                .body())
        .contains("The client's personal data was erased")
        .doesNotContain(held.reference());
    SignedIn.as(clinic, "north-sup").get(page).expect(403);
  }
}
