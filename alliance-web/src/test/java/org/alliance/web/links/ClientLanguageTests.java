package org.alliance.web.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.web.SignedIn;
import org.alliance.web.TestClinic;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.TestDatabase;
import org.alliance.web.platform.audit.AuditEntry;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.security.LoginThrottle;
import org.alliance.web.platform.security.Secrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's language end to end over HTTP on a real database: the link pages in the client's
 * language, the client's own choice stored for their next link and audited, the English fallback of
 * a stored language that is not offered, the clinician told when a measure has no text in the
 * client's language, and a clinic's own translations (a German PHQ-9, a licensed SRS wording in two
 * languages) shown to the client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientLanguageTests {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern DEFINITION =
      Pattern.compile("name=\"definition\" value=\"([^\"]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A Monday morning; links made now expire a week later, on 10 March 2025. */
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

  TestClinic clinic;
  SignedIn ann;
  int clients;

  abstract TestDatabase database();

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic =
        TestClinic.start(
            database().settings(dataDir),
            Clock.fixed(NOW, ZoneOffset.UTC),
            LoginThrottle.defaults());
    ann = SignedIn.as(clinic, "ann");
  }

  @AfterAll
  void stop() {
    if (clinic != null) {
      clinic.close();
    }
  }

  /** A new client of ann's whose pages are in this language; returns its id. */
  long client(String language) {
    return clinic
        .post(
            "/api/clients",
            "ann",
            Map.of("reference", "lang-" + language + "-" + ++clients, "language", language))
        .expect(201)
        .json()
        .get("id")
        .asLong();
  }

  /** The page the clinician sees after making a link. */
  Reply makeLink(long client, String instrument) {
    return ann.post("/clients/" + client + "/links", Map.of("instrument", instrument)).expect(200);
  }

  String link(long client, String instrument) {
    return ClientLinkTest.token(makeLink(client, instrument));
  }

  /** What a phone holds while filling in a form: the page, its cookie and field. */
  record Opened(Reply page, String cookie, String csrf) {}

  Opened open(String token) {
    Reply page = clinic.get("/f/" + token, null);
    String cookie =
        page.headers().allValues("Set-Cookie").stream()
            .filter(header -> header.startsWith("alliance_form_csrf="))
            .map(header -> header.substring("alliance_form_csrf=".length()).split(";", 2)[0])
            .findFirst()
            .orElse("");
    Matcher matcher = CSRF.matcher(page.body());
    return new Opened(page, cookie, matcher.find() ? matcher.group(1) : "");
  }

  Reply send(String path, Opened opened, String fields) {
    return clinic.send(
        clinic
            .request(path, null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", "alliance_form_csrf=" + opened.cookie())
            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + opened.csrf() + "&" + fields))
            .build());
  }

  String storedLanguage(long client) {
    return clinic.get("/api/clients/" + client, "ann").expect(200).json().get("language").asText();
  }

  List<AuditEntry> audit(long client) {
    return clinic
        .server
        .database()
        .read(handle -> AuditLog.latest(handle, Optional.of(client), Optional.empty(), 50));
  }

  private static String selfCheck(int... answers) {
    StringBuilder fields = new StringBuilder();
    for (int i = 0; i < answers.length; i++) {
      fields.append(i == 0 ? "" : "&").append("selfcheck_").append(i + 1).append('=');
      fields.append(answers[i]);
    }
    return fields.toString();
  }

  @Test
  void aGermanClientsLinkIsGermanFromTheFormToTheGuidance() {
    long client = client("de");
    String token = link(client, "self-check");
    Opened opened = open(token);
    assertThat(opened.page().expect(200).headers().firstValue("Content-Language")).contains("de");
    assertThat(opened.page().body())
        .contains("<html lang=\"de\">")
        .contains("Selbstcheck zur therapeutischen Beziehung")
        .contains("Ich möchte zur nächsten Sitzung wiederkommen.")
        .contains("<span>Ja</span>")
        .contains("<span>Nein</span>")
        .contains("Absenden")
        .contains("Sie können den Fragebogen bis zum 10. März 2025 ausfüllen.")
        .contains("<option value=\"de\" lang=\"de\" selected>Deutsch</option>")
        .doesNotContain("id=\"in-english\"")
        .doesNotContain("Yes</span>");

    // Half answered: the form comes back naming the questions in German.
    Reply incomplete = send("/f/" + token, opened, selfCheck(1, 1)).expect(400);
    assertThat(incomplete.body())
        .contains("<html lang=\"de\">")
        .contains("Bitte prüfen Sie:")
        .contains("Frage 3: Noch nicht beantwortet. Bitte wählen Sie eine Antwort.");

    Reply done = send("/f/" + token, opened, selfCheck(1, 1, 1, 1, 0, 1, 1, 1)).expect(200);
    assertThat(done.body())
        .contains("<html lang=\"de\">")
        .contains("Vielen Dank")
        .contains("Selbstcheck zur therapeutischen Beziehung")
        .contains("Mit „Nein“ haben Sie geantwortet bei:")
        .contains("Ich werde gefragt, wie ich unsere Zusammenarbeit und unsere Beziehung erlebe.")
        .contains("Ich würde gern über den Fragebogen sprechen.")
        .doesNotContain("Thank you");
  }

  @Test
  void theClientSwitchesToSpanishAndTheNextLinkIsSpanish() {
    long client = client("de");
    String token = link(client, "self-check");
    Opened opened = open(token);

    Reply switched = send("/f/" + token + "/language", opened, "language=es").expect(303);
    assertThat(switched.headers().firstValue("Location")).contains("/f/" + token);
    assertThat(storedLanguage(client)).isEqualTo("es");
    assertThat(audit(client))
        .anySatisfy(
            entry -> {
              assertThat(entry.action()).isEqualTo("client.language");
              assertThat(entry.user()).isEmpty();
              assertThat(entry.detail()).contains("de -> es").contains("chosen by the client");
            });

    Opened again = open(token);
    assertThat(again.page().expect(200).body())
        .contains("<html lang=\"es\">")
        .contains("Autoevaluación de la relación terapéutica")
        .contains("Quiero volver a la próxima sesión.")
        .contains("<span>Sí</span>")
        .contains("Puede rellenar el cuestionario hasta el 10 de marzo de 2025.");
    // The next link opens in the client's choice.
    assertThat(open(link(client, "self-check")).page().body())
        .contains("<html lang=\"es\">")
        .contains("Enviar");
    // The clinician's page says so too.
    assertThat(ann.get("/clients/" + client).expect(200).body()).contains("Spanish (Español)");

    // Choosing the language already chosen changes and records nothing.
    long entries = audit(client).stream().filter(e -> e.action().equals("client.language")).count();
    send("/f/" + token + "/language", again, "language=es").expect(303);
    assertThat(audit(client).stream().filter(e -> e.action().equals("client.language")))
        .hasSize((int) entries);

    // A language the menu does not offer is refused, in the client's language, and nothing changes.
    assertThat(send("/f/" + token + "/language", again, "language=pt").expect(400).body())
        .contains("Idioma no disponible");
    assertThat(storedLanguage(client)).isEqualTo("es");
    // Without the form's cookie nothing changes either.
    Opened forged = new Opened(again.page(), "", again.csrf());
    send("/f/" + token + "/language", forged, "language=fr").expect(403);
    assertThat(storedLanguage(client)).isEqualTo("es");
  }

  @Test
  void aStoredLanguageThatIsNotOfferedFallsBackToEnglish() {
    long client = client("de");
    clinic
        .server
        .database()
        .write(
            handle ->
                handle
                    .createUpdate("UPDATE clients SET language = 'pt' WHERE id = :id")
                    .bind("id", client)
                    .execute());
    assertThat(open(link(client, "self-check")).page().expect(200).body())
        .contains("<html lang=\"en\">")
        .contains("Alliance self-check")
        .contains("I want to come back for my next session.")
        .contains("You can fill this in until March 10, 2025.");
    assertThat(storedLanguage(client)).isEqualTo("en");
  }

  @Test
  void theClinicianIsToldWhenAMeasureFallsBackToEnglish() {
    long french = client("fr");
    String page = ann.get("/clients/" + french).expect(200).body();
    assertThat(page)
        .contains("id=\"language-note\"")
        .contains("PHQ-9")
        .contains("no French text here: the client will see them in English.");
    assertThat(page.substring(page.indexOf("id=\"language-note\""))).doesNotContain("SELF-CHECK");

    Reply phq9 = makeLink(french, "phq-9");
    assertThat(phq9.body())
        .contains("The client's pages are in French (Français)")
        .contains("The PHQ-9 has no French text here: the client will see it in English.");
    Reply selfCheck = makeLink(french, "self-check");
    assertThat(selfCheck.body()).doesNotContain("id=\"language-note\"");

    // The client's page is French around English questions, and says why.
    assertThat(open(ClientLinkTest.token(phq9)).page().expect(200).body())
        .contains("<html lang=\"fr\">")
        .contains("Les questions ci-dessous sont en anglais")
        .contains("Little interest or pleasure in doing things")
        .contains("Not at all")
        .contains("Envoyer");

    // An English-speaking client's page has no such note.
    long english = client("en");
    assertThat(ann.get("/clients/" + english).expect(200).body())
        .doesNotContain("id=\"language-note\"");
    assertThat(makeLink(english, "phq-9").body()).doesNotContain("id=\"language-note\"");
  }

  @Test
  void aClinicsGermanPhq9IsWhatAGermanClientSees() throws IOException {
    addInstrument(Files.readAllBytes(Path.of("../examples/instruments/phq-9-de.json")));

    long german = client("de");
    Reply made = makeLink(german, "phq-9");
    assertThat(made.body()).doesNotContain("id=\"language-note\"");
    String token = ClientLinkTest.token(made);
    Opened opened = open(token);
    assertThat(opened.page().expect(200).body())
        .contains("<html lang=\"de\">")
        .contains("[PHQ-9: den Titel der veröffentlichten deutschen Fassung hier einfügen]")
        .contains("[PHQ-9 Frage 9: den Wortlaut der veröffentlichten deutschen Fassung")
        .contains("0 [Antwort 0: Wortlaut der veröffentlichten deutschen Fassung]")
        .doesNotContain("id=\"in-english\"")
        .doesNotContain("Little interest or pleasure in doing things");
    JsonNode phq9 = instrument("phq-9");
    assertThat(phq9.get("clientLanguages").toString()).isEqualTo("[\"en\",\"de\"]");

    // Scored as the built-in PHQ-9.
    send(
            "/f/" + token,
            opened,
            "phq9_1=2&phq9_2=1&phq9_3=0&phq9_4=1&phq9_5=0&phq9_6=1&phq9_7=0&phq9_8=0&phq9_9=0")
        .expect(200);
    JsonNode stored = clinic.get("/api/clients/" + german, "ann").expect(200).json();
    assertThat(stored.get("administrations").get(0).get("total").asDouble()).isEqualTo(5.0);

    // A French client still sees the English, and the clinician is told.
    long french = client("fr");
    assertThat(makeLink(french, "phq-9").body())
        .contains("The PHQ-9 has no French text here: the client will see it in English.");
  }

  @Test
  void aLicensedWordingCarriesSeveralLanguagesAndTheLinkUsesTheClients() throws IOException {
    ObjectNode wording =
        (ObjectNode) JSON.readTree(Path.of("../examples/instruments/srs-licensed.json").toFile());
    ((ObjectNode) wording.get("title")).put("fr", "Échelle d'évaluation de la séance");
    for (JsonNode item : wording.get("items")) {
      ((ObjectNode) item.get("text"))
          .put("fr", "[Question " + item.get("number").asInt() + " : texte français sous licence]");
    }
    addInstrument(JSON.writeValueAsBytes(wording));

    long french = client("fr");
    Reply made = makeLink(french, "srs");
    assertThat(made.body()).doesNotContain("id=\"language-note\"");
    assertThat(open(ClientLinkTest.token(made)).page().expect(200).body())
        .contains("<html lang=\"fr\">")
        .contains("<h1>Échelle d'évaluation de la séance</h1>")
        .contains("[Question 1 : texte français sous licence]")
        .doesNotContain("paste the wording");

    long german = client("de");
    Reply germanLink = makeLink(german, "srs");
    assertThat(germanLink.body())
        .contains("The SRS has no German text here: the client will see it in English.");
    assertThat(open(ClientLinkTest.token(germanLink)).page().body())
        .contains("[Item 1 (Relationship): paste the wording from your SRS licence here]")
        .contains("Die folgenden Fragen sind auf Englisch");
  }

  @Test
  void aLinkThatCannotBeUsedFollowsTheBrowsersLanguageAndStillLooksTheSame() {
    long client = client("fr");
    String used = link(client, "self-check");
    Opened opened = open(used);
    send("/f/" + used, opened, selfCheck(1, 1, 1, 1, 1, 1, 1, 1)).expect(200);

    Reply unknown = inGerman("/f/" + Secrets.random());
    Reply usedReply = inGerman("/f/" + used);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(usedReply.status()).isEqualTo(404);
    assertThat(usedReply.body())
        .isEqualTo(unknown.body())
        .contains("<html lang=\"de\">")
        .contains("Dieser Link kann nicht verwendet werden");
    assertThat(clinic.get("/f/" + Secrets.random(), null).body())
        .contains("<html lang=\"en\">")
        .contains("This link cannot be used");
  }

  private Reply inGerman(String path) {
    return clinic.send(
        clinic.request(path, null).header("Accept-Language", "de-DE,de;q=0.9").GET().build());
  }

  private JsonNode instrument(String id) {
    for (JsonNode instrument :
        clinic.get("/api/instruments", "ann").expect(200).json().get("instruments")) {
      if (instrument.get("id").asText().equals(id)) {
        return instrument;
      }
    }
    throw new AssertionError("no instrument " + id);
  }

  /** An admin adds a definition on the instruments page: preview, then confirm. */
  private void addInstrument(byte[] definition) {
    SignedIn admin = SignedIn.as(clinic, "admin");
    String preview =
        admin
            .upload("/admin/instruments/preview", Map.of(), "definition", "def.json", definition)
            .expect(200)
            .body();
    Matcher field = DEFINITION.matcher(preview);
    assertThat(field.find()).as(preview).isTrue();
    String carried =
        field
            .group(1)
            .replace("&quot;", "\"")
            .replace("&#34;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    admin.post("/admin/instruments/confirm", Map.of("definition", carried)).expect(303);
    assertThat(new String(definition, StandardCharsets.UTF_8)).isNotEmpty();
  }
}
