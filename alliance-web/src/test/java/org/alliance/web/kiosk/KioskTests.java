package org.alliance.web.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.alliance.web.Browser;
import org.alliance.web.MutableClock;
import org.alliance.web.TestClinic;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.TestDatabase;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.security.Authentication;
import org.alliance.web.platform.security.LoginThrottle;
import org.alliance.web.platform.security.Passwords;
import org.alliance.web.platform.security.Role;
import org.alliance.web.platform.security.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kiosk mode end to end over HTTP on a real database: the clinician starts it on the client's page,
 * the browser shows the questions and then only the thanks, reaches nothing else whatever address
 * it asks for, and leaves with the clinician's password or PIN (wrong ones refused, counted,
 * audited and throttled); the answers are stored as a client link's, and a risk answer raises the
 * clinician's alert. Each test has a clinician of its own ({@code ann} and the ones added here), so
 * that their wrong passwords do not meet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KioskTests {
  private static final Duration IDLE = Duration.ofMinutes(30);

  TestClinic clinic;
  MutableClock clock;

  abstract TestDatabase database();

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    clinic =
        TestClinic.start(
            database().settings(dataDir).withSessionIdle(IDLE), clock, LoginThrottle.defaults());
    clinic
        .server
        .database()
        .write(
            handle -> {
              long north = clinic.users.get("ann").team().orElseThrow();
              String hash = Passwords.hash(TestClinic.PASSWORD);
              for (String name : List.of("dan", "eve", "fay", "gus")) {
                var user =
                    Users.create(
                        handle,
                        name,
                        name.toUpperCase(java.util.Locale.ROOT),
                        Role.CLINICIAN,
                        Optional.of(north),
                        hash,
                        clock.instant());
                clinic.clients.put(
                    name + "-1", Clients.create(handle, name + "-1", user.id(), clock.instant()));
              }
              return null;
            });
  }

  @AfterAll
  void stop() {
    if (clinic != null) {
      clinic.close();
    }
  }

  /** A browser signed in as this user. */
  private Browser signedIn(String user) {
    Browser browser = new Browser(clinic);
    browser.signIn(user, TestClinic.PASSWORD).expect(303);
    return browser;
  }

  private static Reply post(Browser browser, String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent(
        "_csrf", Browser.csrf(browser.get(path.startsWith("/kiosk") ? "/kiosk/exit" : "/")));
    return browser.postForm(path, all);
  }

  private static String location(Reply reply) {
    return reply.headers().firstValue("Location").orElse("");
  }

  /** Starts kiosk mode for this client; the browser is then on the kiosk page. */
  private static void startKiosk(Browser browser, long client, String instrument, int session) {
    Reply started =
        post(
            browser,
            "/clients/" + client + "/kiosk",
            Map.of("instrument", instrument, "session", Integer.toString(session)));
    started.expect(303);
    assertThat(location(started)).isEqualTo("/kiosk");
  }

  private static Map<String, String> phq9(int... answers) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < answers.length; i++) {
      fields.put("phq9_" + (i + 1), Integer.toString(answers[i]));
    }
    return fields;
  }

  private List<String> auditActions(long client) {
    JsonNode entries =
        clinic.get("/api/audit?client=" + client + "&limit=200", "admin").expect(200).json();
    return StreamSupport.stream(entries.get("entries").spliterator(), false)
        .map(entry -> entry.get("action").asText() + " " + entry.get("detail").asText())
        .toList();
  }

  @Test
  void theClientSeesOnlyTheQuestionsThenTheThanksAndTheClinicianFindsTheEntryWithItsAlert() {
    long client = clinic.clients.get("ann-1");
    Browser tablet = signedIn("ann");
    String clientPage = tablet.get("/clients/" + client).expect(200).body();
    // The session is suggested and shown, never guessed silently.
    assertThat(clientPage)
        .contains("action=\"/clients/" + client + "/kiosk\"")
        .contains("id=\"kiosk-session\" name=\"session\"")
        .contains("value=\"1\" required");

    startKiosk(tablet, client, "phq-9", 1);
    String questions = tablet.get("/kiosk").expect(200).body();
    assertThat(questions)
        .contains("name=\"phq9_1\"")
        .contains("name=\"phq9_9\"")
        .contains("action=\"/kiosk\"")
        .doesNotContain("ann-1")
        .doesNotContain("ANN")
        .doesNotContain("Caseload")
        .doesNotContain("Sign out")
        .doesNotContain("/clients/")
        .doesNotContain("data-session-seconds")
        .doesNotContain("name=\"session\"");

    // A question left open is named; nothing is filled in for the client, nothing stored.
    Map<String, String> partial = phq9(1, 1, 1, 1, 1, 1, 1, 1, 2);
    partial.remove("phq9_3");
    Reply refused = post(tablet, "/kiosk", partial);
    refused.expect(400);
    assertThat(refused.body())
        .contains("Question 3")
        .contains("value=\"2\" checked")
        .doesNotContain("ann-1");
    assertThat(clinic.get("/api/clients/" + client, "ann").json().get("administrations")).isEmpty();

    // Every other page leads back to the kiosk, every API call is refused, whatever is typed.
    for (String path :
        List.of(
            "/",
            "/clients/" + client,
            "/clients/" + client + "/entry?instrument=phq-9",
            "/clients/" + client + "/report",
            "/account",
            "/account/kiosk-pin",
            "/admin/users",
            "/login",
            "/team",
            "/health",
            "/openapi.json",
            "/no/such/page",
            "/f/anything")) {
      Reply blocked = tablet.get(path);
      assertThat(blocked.status()).as(path).isEqualTo(303);
      assertThat(location(blocked)).as(path).isEqualTo("/kiosk");
      assertThat(blocked.body()).as(path).doesNotContain("ann-1");
    }
    for (String path :
        List.of(
            "/api/clients", "/api/clients/" + client, "/api/me", "/api/session", "/api/alerts")) {
      Reply blocked = tablet.get(path);
      assertThat(blocked.status()).as(path).isEqualTo(403);
      assertThat(blocked.body()).as(path).contains("kiosk mode").doesNotContain("ann-1");
    }
    String csrf = Browser.csrf(tablet.get("/kiosk"));
    for (String path :
        List.of(
            "/logout",
            "/clients/" + client + "/entry",
            "/clients/" + client + "/kiosk",
            "/account/password",
            "/account/kiosk-pin")) {
      Reply blocked = tablet.postForm(path, Map.of("_csrf", csrf));
      assertThat(blocked.status()).as(path).isEqualTo(303);
      assertThat(location(blocked)).as(path).isEqualTo("/kiosk");
    }
    assertThat(tablet.postJson("/api/session", "{}", csrf).status()).isEqualTo(403);
    // A token sent with the kiosk's cookie changes nothing: the cookie decides.
    Reply withToken =
        clinic.send(
            clinic
                .request("/api/clients", "ann")
                .header(
                    "Cookie",
                    Authentication.SESSION_COOKIE
                        + "="
                        + tablet.cookie(Authentication.SESSION_COOKIE))
                .GET()
                .build());
    assertThat(withToken.status()).isEqualTo(403);
    // Still in kiosk mode after all that.
    assertThat(tablet.get("/kiosk").body()).contains("name=\"phq9_1\"");

    // The answers, with the risk question answered 2.
    Reply sent = post(tablet, "/kiosk", phq9(1, 2, 1, 0, 1, 2, 1, 0, 2));
    sent.expect(303);
    assertThat(location(sent)).isEqualTo("/kiosk");
    String thanks = tablet.get("/kiosk").expect(200).body();
    assertThat(thanks).contains("Thank you, please hand the tablet back.");
    String text = thanks.replaceAll("(?s)<head>.*</head>", "").replaceAll("<[^>]+>", " ");
    assertThat(text.replaceAll("\\s+", " ").trim())
        .isEqualTo("Thank you, please hand the tablet back. For the clinician: leave kiosk mode");
    // Sent twice (a double tap), stored once.
    post(tablet, "/kiosk", phq9(1, 2, 1, 0, 1, 2, 1, 0, 2)).expect(303);
    JsonNode record = clinic.get("/api/clients/" + client, "ann").expect(200).json();
    assertThat(record.get("administrations")).hasSize(1);
    JsonNode stored = record.get("administrations").get(0);
    assertThat(stored.get("instrument").asText()).isEqualTo("phq-9");
    assertThat(stored.get("session").asInt()).isEqualTo(1);
    assertThat(stored.get("total").asDouble()).isEqualTo(10);
    assertThat(stored.get("riskFlags").get("phq9_9").asDouble()).isEqualTo(2);
    assertThat(stored.get("answers").get("phq9_3").asInt()).isEqualTo(1);
    // Still nothing but the kiosk.
    assertThat(location(tablet.get("/clients/" + client))).isEqualTo("/kiosk");

    // A wrong password is refused and audited; the right one leaves, to the client's page.
    Reply wrong = post(tablet, "/kiosk/exit", Map.of("secret", "not the password"));
    wrong.expect(400);
    assertThat(wrong.body()).contains("That is not right").doesNotContain("ann-1");
    Reply left = post(tablet, "/kiosk/exit", Map.of("secret", TestClinic.PASSWORD));
    left.expect(303);
    assertThat(location(left)).isEqualTo("/clients/" + client + "?done=kiosk-saved");
    String page = tablet.get(location(left)).expect(200).body();
    assertThat(page)
        .contains("Kiosk mode has ended")
        .contains("Risk item answered")
        .contains("Client ann-1");
    assertThat(tablet.get("/").status()).isEqualTo(200);
    assertThat(tablet.get("/kiosk").status()).as("no kiosk any more").isEqualTo(303);
    JsonNode trend = clinic.get("/api/clients/" + client + "/trend", "ann").expect(200).json();
    assertThat(trend.get("alerts").findValuesAsText("rule")).contains("critical-item");

    List<String> audit = auditActions(client);
    assertThat(audit)
        .anyMatch(line -> line.startsWith("kiosk.start phq-9 session 1"))
        .anyMatch(line -> line.startsWith("administration.create") && line.contains("kiosk mode"))
        .anyMatch(line -> line.startsWith("kiosk.finish phq-9 session 1"))
        .anyMatch(line -> line.startsWith("kiosk.exit-failed wrong password"))
        .anyMatch(
            line ->
                line.startsWith("kiosk.exit")
                    && line.contains("with the password, after the answers were stored"));

    // The next kiosk suggests the next session.
    assertThat(tablet.get("/clients/" + client).body()).contains("value=\"2\" required");
  }

  @Test
  void aSessionThatHasTheMeasureAlreadyIsRefusedBeforeTheTabletIsHandedOver() {
    long client = clinic.clients.get("gus-1");
    clinic
        .post(
            "/api/clients/" + client + "/administrations",
            "admin",
            TestClinic.phq9(3, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        .expect(201);
    Browser tablet = signedIn("gus");
    Reply refused =
        post(
            tablet, "/clients/" + client + "/kiosk", Map.of("instrument", "phq-9", "session", "3"));
    refused.expect(400);
    assertThat(refused.body()).contains("session 3").contains("already has the PHQ-9");
    Reply blank =
        post(tablet, "/clients/" + client + "/kiosk", Map.of("instrument", "phq-9", "session", ""));
    blank.expect(400);
    assertThat(blank.body()).contains("session");
    assertThat(tablet.get("/").status()).as("not in kiosk mode").isEqualTo(200);
    // Another clinician's client is out of reach, as for entering scores.
    Browser other = signedIn("dan");
    post(other, "/clients/" + client + "/kiosk", Map.of("instrument", "ors", "session", "4"))
        .expect(404);
  }

  @Test
  void aPinLeavesUntilThreeWrongTriesThenOnlyThePasswordDoes() {
    long client = clinic.clients.get("dan-1");
    Browser tablet = signedIn("dan");
    // Setting a PIN needs the password and a PIN that is not guessed first.
    assertThat(tablet.get("/account/kiosk-pin").body()).contains("You have no kiosk PIN");
    Map<String, String> weak =
        Map.of("pin", "1234", "repeatPin", "1234", "currentPassword", TestClinic.PASSWORD);
    assertThat(post(tablet, "/account/kiosk-pin", weak).expect(400).body()).contains("PIN: ");
    Map<String, String> shortPin =
        Map.of("pin", "482", "repeatPin", "482", "currentPassword", TestClinic.PASSWORD);
    assertThat(post(tablet, "/account/kiosk-pin", shortPin).expect(400).body())
        .contains("4 to 8 digits");
    Map<String, String> differ =
        Map.of("pin", "4827", "repeatPin", "4828", "currentPassword", TestClinic.PASSWORD);
    assertThat(post(tablet, "/account/kiosk-pin", differ).expect(400).body()).contains("PIN again");
    Map<String, String> badPassword =
        Map.of("pin", "4827", "repeatPin", "4827", "currentPassword", "wrong password");
    assertThat(post(tablet, "/account/kiosk-pin", badPassword).expect(400).body())
        .contains("Current password: that is not your current password");
    Reply set =
        post(
            tablet,
            "/account/kiosk-pin",
            Map.of("pin", "4827", "repeatPin", "4827", "currentPassword", TestClinic.PASSWORD));
    set.expect(303);
    assertThat(tablet.get(location(set)).body()).contains("You have a kiosk PIN");
    long danId = userId("dan");
    String hash =
        clinic.server.database().read(handle -> Kiosks.pinHash(handle, danId)).orElseThrow();
    assertThat(hash).startsWith("$argon2id$").doesNotContain("4827");

    // The right PIN leaves; nothing was answered, and the client's page says so.
    startKiosk(tablet, client, "ors", 1);
    assertThat(tablet.get("/kiosk/exit").body()).contains("Your kiosk PIN or your password");
    Reply left = post(tablet, "/kiosk/exit", Map.of("secret", "4827"));
    left.expect(303);
    assertThat(location(left)).isEqualTo("/clients/" + client + "?done=kiosk-unsaved");
    assertThat(tablet.get(location(left)).body()).contains("nothing was stored from the tablet");

    // Three wrong PINs: the PIN no longer works on this kiosk, the password still does.
    startKiosk(tablet, client, "ors", 1);
    post(tablet, "/kiosk/exit", Map.of("secret", "1111")).expect(400);
    post(tablet, "/kiosk/exit", Map.of("secret", "2222")).expect(400);
    Reply third = post(tablet, "/kiosk/exit", Map.of("secret", "3333"));
    third.expect(400);
    assertThat(third.body()).contains("the PIN no longer works here").contains("Your password<");
    Reply rightPinTooLate = post(tablet, "/kiosk/exit", Map.of("secret", "4827"));
    rightPinTooLate.expect(400);
    assertThat(rightPinTooLate.body()).contains("enter your password");
    assertThat(location(tablet.get("/"))).as("still in kiosk mode").isEqualTo("/kiosk");
    post(tablet, "/kiosk/exit", Map.of("secret", TestClinic.PASSWORD)).expect(303);
    assertThat(tablet.get("/").status()).isEqualTo(200);

    // A new kiosk takes the PIN again.
    startKiosk(tablet, client, "ors", 1);
    post(tablet, "/kiosk/exit", Map.of("secret", "4827")).expect(303);

    // Removing the PIN needs the password too.
    post(
            tablet,
            "/account/kiosk-pin",
            Map.of("remove", "yes", "currentPassword", TestClinic.PASSWORD))
        .expect(303);
    long dan = userId("dan");
    Optional<String> removed = clinic.server.database().read(handle -> Kiosks.pinHash(handle, dan));
    assertThat(removed).isEmpty();
    List<String> audit = auditActions(client);
    assertThat(audit.stream().filter(line -> line.startsWith("kiosk.exit-failed")).count())
        .isEqualTo(4);
    assertThat(audit).anyMatch(line -> line.contains("with the PIN, before any answers"));
    JsonNode all = clinic.get("/api/audit?limit=500", "admin").json();
    assertThat(all.get("entries").findValuesAsText("action"))
        .contains("kiosk.pin-set", "kiosk.pin-remove");
  }

  @Test
  void wrongPasswordsAreThrottledAsAtSignIn() {
    long client = clinic.clients.get("eve-1");
    Browser tablet = signedIn("eve");
    startKiosk(tablet, client, "srs", 1);
    // Failures count from the last success on (the sign-in), on a clock that moves.
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 5; i++) {
      post(tablet, "/kiosk/exit", Map.of("secret", "wrong password " + i)).expect(400);
    }
    Reply throttled = post(tablet, "/kiosk/exit", Map.of("secret", TestClinic.PASSWORD));
    throttled.expect(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    assertThat(throttled.body()).contains("Too many wrong tries");
    assertThat(location(tablet.get("/"))).isEqualTo("/kiosk");
    clock.advance(Duration.ofSeconds(31));
    post(tablet, "/kiosk/exit", Map.of("secret", TestClinic.PASSWORD)).expect(303);
    assertThat(tablet.get("/").status()).isEqualTo(200);
  }

  @Test
  void aKioskLeftIdleEndsOnTheSignInPageNeverOnTheCliniciansPages() {
    long client = clinic.clients.get("fay-1");
    Browser tablet = signedIn("fay");
    startKiosk(tablet, client, "phq-9", 1);
    clock.advance(IDLE.minusMinutes(1));
    // Still the kiosk within the idle time.
    assertThat(tablet.get("/kiosk").body()).contains("name=\"phq9_1\"");
    clock.advance(IDLE.plusMinutes(1));
    // The session ends with the kiosk: whatever is asked for, the sign-in page.
    Reply typed = tablet.get("/clients/" + client);
    assertThat(typed.status()).isEqualTo(302);
    assertThat(location(typed)).isEqualTo("/login");
    Reply kiosk = tablet.get("/kiosk");
    assertThat(kiosk.status()).isEqualTo(302);
    assertThat(location(kiosk)).isEqualTo("/login");
    assertThat(tablet.get("/login").body()).contains("without activity");
    // The kiosk ended with its session.
    int kiosks =
        clinic
            .server
            .database()
            .read(
                handle ->
                    handle
                        .createQuery("SELECT COUNT(*) FROM kiosks WHERE client_id = :client")
                        .bind("client", client)
                        .mapTo(Integer.class)
                        .one());
    assertThat(kiosks).isZero();
  }

  @Test
  void aKioskIsStartedFromABrowserNotWithAToken() {
    long client = clinic.clients.get("ann-1");
    Reply refused =
        clinic.send(
            clinic
                .request("/clients/" + client + "/kiosk", "ann")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("instrument=ors&session=9"))
                .build());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("kiosk mode is for a browser");
  }

  private long userId(String username) {
    return clinic
        .server
        .database()
        .read(handle -> Users.findByUsername(handle, username))
        .orElseThrow()
        .id();
  }
}
