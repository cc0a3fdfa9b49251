package org.alliance.web.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.alliance.web.RawHttp;
import org.alliance.web.RawHttp.Answer;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Error answers say what is wrong in the client's terms (never a Java class, a Jackson setting or
 * Jetty's page), and every answer carries the security headers, including those Jetty gives itself
 * to requests no route sees. Sent over a plain socket: the JDK's client would tidy the paths up.
 */
class ErrorAnswersTest {
  @TempDir static Path dataDir;
  private static TestClinic clinic;
  private static int port;
  private static String ann;

  @BeforeAll
  static void start() {
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    port = clinic.server.port();
    ann = "Authorization: Bearer " + clinic.tokens.get("ann");
  }

  @AfterAll
  static void stop() {
    clinic.close();
  }

  private static void assertSecurityHeaders(Answer answer) {
    assertThat(answer.header("Content-Security-Policy"))
        .as("%s", answer)
        .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(answer.header("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(answer.header("X-Frame-Options")).hasValue("DENY");
    assertThat(answer.header("Referrer-Policy")).hasValue("no-referrer");
    assertThat(answer.header("Cache-Control")).hasValue("no-store");
    assertThat(answer.header("Server")).isEmpty();
    assertThat(answer.text()).doesNotContainIgnoringCase("jetty").doesNotContain("<html");
  }

  @Test
  void requestsJettyRefusesItselfCarryTheHeadersAndAPlainSentence() {
    for (String target :
        new String[] {
          "/static/../../etc/passwd",
          "/%2e%2e/",
          "/static/%2e%2e/%2e%2e/etc/passwd",
          "/%zz",
          "/api/clients/%zz",
          "/a%00b",
          "/\\..\\",
          "*"
        }) {
      Answer answer = RawHttp.send(port, "GET", target, ann);
      assertThat(answer.status()).as(target).isEqualTo(400);
      assertSecurityHeaders(answer);
      assertThat(answer.text()).as(target).contains("the address is malformed or not allowed");
    }
    Answer badHost = raw("GET / HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n");
    assertThat(badHost.status()).isEqualTo(400);
    assertSecurityHeaders(badHost);
    assertThat(badHost.text()).isEqualTo("the request's Host header is missing or malformed\n");
    Answer noHost = raw("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    assertThat(noHost.status()).isEqualTo(400);
    assertSecurityHeaders(noHost);
    Answer control = raw("\u0001\u0002 hello\r\n\r\n");
    assertThat(control.status()).isEqualTo(400);
    assertSecurityHeaders(control);
    Answer largeHeaders = RawHttp.send(port, "GET", "/", "X-Padding: " + "a".repeat(20_000));
    assertThat(largeHeaders.status()).isEqualTo(431);
    assertSecurityHeaders(largeHeaders);
    assertThat(largeHeaders.text()).isEqualTo("the request's headers are too large\n");
  }

  @Test
  void underTheApiJettysOwnAnswersAreJson() {
    Answer answer =
        RawHttp.send(port, "POST", "/api/clients", ann, "Content-Length: 2", "Content-Length: 3");
    assertThat(answer.status()).isEqualTo(400);
    assertSecurityHeaders(answer);
    assertThat(answer.header("Content-Type")).hasValue("application/json");
    assertThat(answer.text())
        .isEqualTo(
            "{\"error\":\"the request's Content-Length or Transfer-Encoding header is malformed"
                + " or contradicts the other\"}");
  }

  @Test
  void aPathParameterWithABrokenEncodingIsRefusedNotAServerError() {
    Answer answer = RawHttp.send(port, "GET", "/api/clients/1;x%", ann);
    assertThat(answer.status()).isEqualTo(400);
    assertSecurityHeaders(answer);
    assertThat(answer.text()).contains("the address is malformed or not allowed");
  }

  @Test
  void anUnknownCharsetIsRefusedNotAServerError() {
    var reply =
        clinic.send(
            clinic
                .request("/api/clients", "ann")
                .header("Content-Type", "application/json; charset=bogus")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString("{\"reference\": \"cs-1\"}"))
                .build());
    reply.expect(415);
    assertThat(reply.json().get("error").asText()).contains("character set");
  }

  @Test
  void aMultipartUploadWithoutABoundaryIsRefusedNotAServerError() {
    Answer answer =
        raw(
            "POST /admin/import/preview HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer "
                + clinic.tokens.get("admin")
                + "\r\nContent-Type: multipart/form-data\r\nContent-Length: 5\r\n"
                + "Connection: close\r\n\r\nhello");
    // A page, not the API: the error page, with the headers every answer carries.
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Security-Policy"))
        .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(answer.text()).contains("the upload is not a valid multipart form");
  }

  @Test
  void aBodyShorterThanItsContentLengthIsTheClientsMistakeNotAServerError() {
    Answer answer =
        raw(
            "POST /api/clients HTTP/1.1\r\nHost: localhost\r\n"
                + ann
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n"
                + "Connection: close\r\n\r\n{\"reference\":");
    assertThat(answer.status()).isEqualTo(400);
    assertSecurityHeaders(answer);
    assertThat(answer.text()).contains("shorter than its Content-Length");
  }

  @Test
  void jsonErrorsSayWhatAndWhereWithoutJacksonsNames() {
    assertThat(error("[".repeat(150)))
        .isEqualTo("the body is refused: the JSON is nested too deeply (more than 100 levels)");
    assertThat(error("{\"reference\": \"a\",\n \"reference\": \"b\"}"))
        .isEqualTo(
            "the body is not valid JSON: line 2, column 13: the key \"reference\" appears more"
                + " than once in the same object");
    assertThat(error("{\"reference\": NaN}"))
        .isEqualTo(
            "the body is not valid JSON: line 1, column 18: 'NaN' is not a JSON number; send a"
                + " number, or null for no value");
    assertThat(error("{\"reference\": \"a\""))
        .isEqualTo(
            "the body is not valid JSON: line 1, column 18: the JSON ends before an object is"
                + " closed with '}'");
    assertThat(error("{\"reference\": 1" + "0".repeat(2000) + "}"))
        .isEqualTo("the body is refused: a number is too long (more than 1000 digits)");
    assertThat(error("{\"reference\": [1, 2]}"))
        .isEqualTo("reference: expected a string, found [1,2]");
  }

  @Test
  void aDuplicateKeyInAnAdministrationIsRefusedNotTakenAsTheLastValue() {
    String body =
        "{\"instrument\": \"phq-9\", \"session\": 1, \"answers\": {\"phq9_1\": 3, \"phq9_1\": 0}}";
    var reply =
        clinic.post(
            "/api/clients/" + clinic.clients.get("ann-1") + "/administrations", "ann", body);
    reply.expect(400);
    assertThat(reply.json().get("error").asText())
        .contains("the key \"phq9_1\" appears more than once");
    assertThat(
            clinic
                .get("/api/clients/" + clinic.clients.get("ann-1"), "ann")
                .json()
                .get("administrations"))
        .isEmpty();
  }

  @Test
  void javalinsOwnMessagesAreSaidInOurWords() {
    var missing = clinic.get("/api/nothing-here", "ann").expect(404);
    assertThat(missing.json().get("error").asText()).isEqualTo("there is nothing at this API path");
    var page = clinic.get("/nothing-here", null).expect(404);
    assertThat(page.body()).contains("there is nothing at this address").doesNotContain("Endpoint");
  }

  private static String error(String body) {
    return clinic.post("/api/clients", "ann", body).expect(400).json().get("error").asText();
  }

  private static Answer raw(String request) {
    return RawHttp.send(port, request.getBytes(StandardCharsets.ISO_8859_1), 10_000);
  }
}
