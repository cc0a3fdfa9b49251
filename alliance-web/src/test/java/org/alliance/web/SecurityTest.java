package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.platform.http.SecurityHeaders;
import org.alliance.web.platform.security.LoginThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in and its throttling, session cookies, CSRF protection, API token lifecycle, security
 * headers, disabled accounts, and what a user sees when the server itself fails. Each test has a
 * fresh clinic on H2 with a clock it moves by hand (throttling is in the application, not the
 * database).
 */
class SecurityTest {
  @TempDir Path dataDir;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T09:00:00Z"));
  private TestClinic clinic;

  private TestClinic clinic(boolean secureCookies) {
    clinic =
        TestClinic.start(
            ServerSettings.embedded(dataDir).withSecureCookies(secureCookies),
            clock,
            LoginThrottle.defaults());
    return clinic;
  }

  @AfterEach
  void stop() {
    if (clinic != null) {
      clinic.close();
    }
  }

  @Test
  void signingInSetsAStrictHttpOnlySessionCookie() {
    Browser browser = new Browser(clinic(false));
    Reply signedIn = browser.signIn("ann", TestClinic.PASSWORD).expect(303);
    assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
    String cookie = Browser.setCookies(signedIn, "alliance_session").get(0);
    assertThat(cookie)
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/")
        .doesNotContain("Secure");
    assertThat(browser.get("/").expect(200).body()).contains("ANN").contains("clinician");
    assertThat(browser.get("/api/me").expect(200).json().get("username").asText()).isEqualTo("ann");
  }

  @Test
  void behindTlsCookiesAreSecureAndHstsIsSent() {
    Browser browser = new Browser(clinic(true));
    Reply signedIn = browser.signIn("ann", TestClinic.PASSWORD).expect(303);
    assertThat(Browser.setCookies(signedIn, "alliance_session").get(0)).contains("Secure");
    assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).isPresent();
  }

  @Test
  void aWrongPasswordOrUnknownUserIsRefusedAlike() {
    Browser browser = new Browser(clinic(false));
    Reply wrong = browser.signIn("ann", "not the password").expect(401);
    Reply unknown = browser.signIn("nobody", "not the password").expect(401);
    assertThat(wrong.body()).contains("Wrong username or password");
    assertThat(unknown.body()).contains("Wrong username or password");
    assertThat(Browser.setCookies(wrong, "alliance_session")).isEmpty();
  }

  @Tag("slow") // dozens of argon2 sign-ins
  @Test
  void fiveFailuresMakeTheAccountWaitAndTheWaitGrows() {
    Browser browser = new Browser(clinic(false));
    for (int i = 0; i < 5; i++) {
      browser.signIn("ann", "wrong " + i).expect(401);
    }
    // Throttled before the password is even checked: the right one is refused too.
    Reply throttled = browser.signIn("ann", TestClinic.PASSWORD).expect(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(throttled.body()).contains("Try again in 30 seconds");
    // Another account from the same address is not held up by ann's failures.
    browser.signIn("ben", TestClinic.PASSWORD).expect(303);

    clock.advance(Duration.ofSeconds(29));
    browser.signIn("ann", TestClinic.PASSWORD).expect(429);
    clock.advance(Duration.ofSeconds(2));
    browser.signIn("ann", "wrong again").expect(401);
    // The sixth failure doubles the wait.
    assertThat(
            browser
                .signIn("ann", TestClinic.PASSWORD)
                .expect(429)
                .headers()
                .firstValue("Retry-After"))
        .hasValue("60");
    clock.advance(Duration.ofSeconds(61));
    browser.signIn("ann", TestClinic.PASSWORD).expect(303);
    // A success forgets the account's failures.
    browser.signIn("ann", "wrong after success").expect(401);
    browser.signIn("ann", TestClinic.PASSWORD).expect(303);
  }

  @Tag("slow") // dozens of argon2 sign-ins
  @Test
  void manyFailuresFromOneAddressMakeItWaitForEveryAccount() {
    Browser browser = new Browser(clinic(false));
    for (int i = 0; i < 20; i++) {
      browser.signIn("guess-" + i, "wrong").expect(401);
    }
    browser.signIn("ben", TestClinic.PASSWORD).expect(429);
    clock.advance(Duration.ofSeconds(31));
    browser.signIn("ben", TestClinic.PASSWORD).expect(303);
  }

  @Test
  void theLoginFormNeedsItsOwnCsrfToken() {
    Browser browser = new Browser(clinic(false));
    String csrf = Browser.csrf(browser.get("/login"));
    browser.cookies.clear();
    Reply noCookie =
        browser.postForm(
            "/login", Map.of("_csrf", csrf, "username", "ann", "password", TestClinic.PASSWORD));
    noCookie.expect(403);
    assertThat(noCookie.body()).contains("sign-in form");
    browser.get("/login");
    browser
        .postForm(
            "/login", Map.of("_csrf", "forged", "username", "ann", "password", TestClinic.PASSWORD))
        .expect(403);
  }

  @Test
  void aSessionMustRepeatItsCsrfTokenToChangeAnything() {
    Browser browser = new Browser(clinic(false));
    browser.signIn("ann", TestClinic.PASSWORD).expect(303);
    String csrf = Browser.csrf(browser.get("/"));
    assertThat(
            browser
                .postJson("/api/clients", "{\"reference\": \"s-1\"}", null)
                .expect(403)
                .json()
                .get("error")
                .asText())
        .contains("CSRF");
    browser.postJson("/api/clients", "{\"reference\": \"s-1\"}", "wrong").expect(403);
    browser.postJson("/api/clients", "{\"reference\": \"s-1\"}", csrf).expect(201);
    // Reading needs no token.
    browser.get("/api/clients").expect(200);
    browser.postForm("/logout", Map.of()).expect(403);
    browser.postForm("/logout", Map.of("_csrf", csrf)).expect(303);
    browser.get("/api/me").expect(401);
  }

  @Test
  void aSessionCreatesListsAndRevokesApiTokens() {
    Browser browser = new Browser(clinic(false));
    browser.signIn("ben", TestClinic.PASSWORD).expect(303);
    String csrf = Browser.csrf(browser.get("/"));
    JsonNode created =
        browser.postJson("/api/tokens", "{\"name\": \"laptop\"}", csrf).expect(201).json();
    String token = created.get("token").asText();
    assertThat(token).startsWith("alliance_");
    browser.postJson("/api/tokens", "{\"name\": \"\"}", csrf).expect(400);

    assertThat(clinic.get("/api/me", "Bearer " + token).expect(200).json().get("username").asText())
        .isEqualTo("ben");
    JsonNode listed = clinic.get("/api/tokens", "Bearer " + token).expect(200).json().get("tokens");
    assertThat(listed.toString()).contains("laptop").doesNotContain(token);
    JsonNode laptop = listed.get(1);
    assertThat(laptop.get("lastUsedAt").isNull()).isFalse();
    clinic.delete("/api/tokens/" + created.get("id").asLong(), "Bearer " + token).expect(204);
    clinic.get("/api/me", "Bearer " + token).expect(401);
  }

  @Test
  void aDisabledUserCanNeitherSignInNorUseTokens() {
    TestClinic started = clinic(false);
    started
        .server
        .database()
        .write(handle -> handle.execute("UPDATE users SET disabled = TRUE WHERE username = 'cay'"));
    started.get("/api/me", "cay").expect(401);
    new Browser(started).signIn("cay", TestClinic.PASSWORD).expect(401);
  }

  @Test
  void aTokenIsRefusedAsSoonAsItsOwnerIsDisabledOrChanged() {
    TestClinic started = clinic(false);
    // Used once, so the server remembers whose token it is.
    long south = started.get("/api/me", "cay").expect(200).json().get("team").asLong();
    started.get("/api/clients/" + started.clients.get("cay-1"), "cay").expect(200);
    Browser admin = new Browser(started);
    admin.signIn("admin", TestClinic.PASSWORD).expect(303);
    String csrf = Browser.csrf(admin.get("/"));
    long cay = started.users.get("cay").id();
    admin
        .postForm(
            "/admin/users/" + cay, Map.of("_csrf", csrf, "role", "clinician", "team", "North"))
        .expect(303);
    assertThat(started.get("/api/me", "cay").expect(200).json().get("team").asLong())
        .isNotEqualTo(south);
    admin
        .postForm("/admin/users/" + cay + "/disabled", Map.of("_csrf", csrf, "disabled", "true"))
        .expect(303);
    started.get("/api/me", "cay").expect(401);
    started.get("/api/clients/" + started.clients.get("cay-1"), "cay").expect(401);
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    TestClinic started = clinic(false);
    Reply stylesheet = started.get("/static/alliance.css", null).expect(200);
    List<Reply> replies =
        List.of(
            started.get("/api/clients", "ann"),
            started.get("/api/clients", null),
            started.get("/login", null),
            started.get("/nowhere", null),
            stylesheet,
            started.get("/health", null));
    for (Reply reply : replies) {
      var headers = reply.headers();
      assertThat(headers.firstValue("Content-Security-Policy"))
          .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
      assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
      if (reply != stylesheet) {
        // Anything but the stylesheet may hold clinical data: never cached.
        assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
      }
      assertThat(headers.firstValue("Server")).isEmpty();
    }
    assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY)
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
  }

  @Test
  void stoppingLetsRequestsUnderWayFinish() {
    TestClinic started = clinic(false);
    var server = started.server.javalin().jettyServer().server();
    assertThat(server.getHandler())
        .isInstanceOf(org.eclipse.jetty.server.handler.GracefulHandler.class);
    assertThat(server.getStopTimeout()).isEqualTo(10_000);
    started.close();
    assertThat(server.isStopped()).isTrue();
  }

  @Test
  void aFailingDatabaseGivesAReferenceNotAStackTrace() {
    TestClinic started = clinic(false);
    started.server.database().close();
    JsonNode error = started.get("/api/clients", "ann").expect(500).json();
    assertThat(error.get("error").asText()).contains("internal error").contains("reference");
    assertThat(error.toString()).doesNotContain("Exception").doesNotContain("at org.");
    assertThat(started.get("/health", null).expect(503).json().get("status").asText())
        .contains("unreachable");
    Reply page = started.get("/", "ann").expect(500);
    assertThat(page.body()).contains("Something went wrong").doesNotContain("Exception");
  }
}
