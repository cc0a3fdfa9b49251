package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.platform.security.LoginThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browser sessions end after the server's idle time (here 10 minutes, as {@code
 * --session-idle-minutes 10} sets it) on a clock the test moves: any request starts the time again,
 * the page script's question does not, "stay signed in" does, and the next request after the end
 * leads to the sign-in page, which says why; a form sent too late says nothing was saved. The end
 * is audited once.
 */
class SessionIdleTest {
  private static final Duration IDLE = Duration.ofMinutes(10);

  @TempDir Path dataDir;
  MutableClock clock;
  TestClinic clinic;
  Browser browser;

  @BeforeEach
  void start() {
    clock = new MutableClock(Instant.parse("2026-02-02T09:00:00Z"));
    clinic =
        TestClinic.start(
            TestDatabase.H2.settings(dataDir).withSessionIdle(IDLE),
            clock,
            LoginThrottle.defaults());
    browser = new Browser(clinic);
    browser.signIn("ann", TestClinic.PASSWORD).expect(303);
  }

  @AfterEach
  void stop() {
    clinic.close();
  }

  private long secondsLeft() {
    Reply reply = browser.get("/api/session").expect(200);
    assertThat(reply.json().get("idleMinutes").asLong()).isEqualTo(10);
    return reply.json().get("secondsLeft").asLong();
  }

  private long expiries() {
    return clinic
        .get("/api/audit?limit=100", "admin")
        .expect(200)
        .json()
        .get("entries")
        .findValues("action")
        .stream()
        .filter(action -> action.asText().equals("session.expire"))
        .count();
  }

  @Test
  void everyRequestStartsTheIdleTimeAgainButAskingHowLongIsLeftDoesNot() {
    String page = browser.get("/").expect(200).body();
    assertThat(page)
        .contains("data-session-seconds=\"600\"")
        .contains("id=\"session-warning\"")
        .contains("Stay signed in");
    assertThat(secondsLeft()).isEqualTo(600);

    clock.advance(Duration.ofMinutes(9));
    assertThat(secondsLeft()).isEqualTo(60);
    assertThat(secondsLeft()).as("asking is not using").isEqualTo(60);
    browser.get("/").expect(200);
    assertThat(secondsLeft()).isEqualTo(600);

    // "Stay signed in" from the warning: a POST with the session's CSRF token.
    clock.advance(Duration.ofMinutes(9));
    String csrf = Browser.csrf(browser.get("/account/password"));
    clock.advance(Duration.ofSeconds(50));
    browser.postJson("/api/session", "{}", null).expect(403);
    Reply stayed = browser.postJson("/api/session", "{}", csrf).expect(200);
    assertThat(stayed.json().get("secondsLeft").asLong()).isEqualTo(600);

    clock.advance(Duration.ofMinutes(9).plusSeconds(59));
    browser.get("/").expect(200);
    assertThat(expiries()).isZero();
  }

  @Test
  void afterTheIdleTimeTheNextPageLeadsToSignInWhichSaysWhy() {
    browser.get("/").expect(200);
    clock.advance(IDLE);
    Reply reply = browser.get("/clients/" + clinic.clients.get("ann-1"));
    assertThat(reply.status()).isEqualTo(302);
    assertThat(reply.headers().firstValue("Location")).contains("/login");
    assertThat(Browser.setCookies(reply, "alliance_signed_out"))
        .singleElement()
        .asString()
        .contains("alliance_signed_out=idle")
        .contains("Path=/login")
        .contains("HttpOnly");
    assertThat(browser.get("/login").expect(200).body())
        .contains("You were signed out after 10 minutes without activity");
    // Said once: the sign-in page forgets it.
    assertThat(browser.get("/login").expect(200).body()).doesNotContain("You were signed out");
    browser.get("/").expect(302);
    browser.get("/api/session").expect(401);
    assertThat(expiries()).isEqualTo(1);

    browser.signIn("ann", TestClinic.PASSWORD).expect(303);
    browser.get("/").expect(200);
  }

  @Test
  void whenThePageScriptFindsTheSessionOverTheSignInPageSaysWhy() {
    clock.advance(IDLE.plusSeconds(1));
    Reply over = browser.get("/api/session").expect(401);
    assertThat(over.json().get("error").asText()).contains("signed out after 10 minutes");
    assertThat(Browser.setCookies(over, "alliance_signed_out")).isNotEmpty();
    assertThat(browser.get("/login").expect(200).body())
        .contains("You were signed out after 10 minutes without activity");
  }

  @Test
  void aFormSentAfterTheIdleTimeSaysNothingWasSaved() {
    String csrf = Browser.csrf(browser.get("/clients/" + clinic.clients.get("ann-1")).expect(200));
    clock.advance(IDLE.plusMinutes(5));
    Reply late =
        browser
            .postForm(
                "/clients/" + clinic.clients.get("ann-1") + "/notes",
                Map.of("_csrf", csrf, "note", "typed for a long while"))
            .expect(401);
    assertThat(late.body())
        .contains("you were signed out after 10 minutes without activity")
        .contains("nothing of this request was saved");
    assertThat(clinic.get("/api/audit?limit=100", "admin").body()).doesNotContain("note.create");
    assertThat(expiries()).isEqualTo(1);
  }

  @Test
  void apiTokensHaveNoIdleTime() {
    clinic.get("/api/me", "ann").expect(200);
    clock.advance(Duration.ofHours(5));
    clinic.get("/api/me", "ann").expect(200);
    clinic.get("/api/session", "ann").expect(403);
  }
}
