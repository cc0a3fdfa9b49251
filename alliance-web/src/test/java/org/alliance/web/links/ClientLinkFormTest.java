package org.alliance.web.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.web.TestClinic;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.TestDatabase;
import org.alliance.web.administrations.Administrations;
import org.alliance.web.administrations.StoredAdministration;
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
 * The client's own form behind a link, over HTTP on H2: what it shows, what it stores, and single
 * use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientLinkFormTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    volatile Instant now = Instant.parse("2025-03-03T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final HandClock clock = new HandClock();
  TestClinic clinic;
  long client;
  int nextSession = 10;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic = TestClinic.start(TestDatabase.H2.settings(dataDir), clock, LoginThrottle.defaults());
    client = clinic.clients.get("ann-1");
  }

  @AfterAll
  void stop() {
    if (clinic != null) {
      clinic.close();
    }
  }

  /**
   * A new link of ann's for ann-1, as the clinician creates it on the client's page; returns its
   * token.
   */
  String link(String instrument) {
    Reply reply =
        clinic
            .send(
                clinic
                    .request("/clients/" + client + "/links", "ann")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "instrument=" + instrument + "&session=" + nextSession++))
                    .build())
            .expect(200);
    return ClientLinkTest.token(reply);
  }

  /** What a phone holds while filling in a form: the form's cookie and field. */
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

  Reply send(String token, Opened opened, String answers) {
    return clinic.send(
        clinic
            .request("/f/" + token, null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", "alliance_form_csrf=" + opened.cookie())
            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + opened.csrf() + "&" + answers))
            .build());
  }

  List<StoredAdministration> stored() {
    return clinic.server.database().read(handle -> Administrations.ofClient(handle, client));
  }

  @Test
  void anOrsIsFilledInOnceAndStoredAtTheLinksSession() {
    String token = link("ors");
    int session = nextSession - 1;
    Opened opened = open(token);
    assertThat(opened.page().expect(200).body())
        .contains("Outcome Rating Scale")
        .contains("type=\"range\"")
        // Nothing that identifies the client or the clinician.
        .doesNotContain("ann-1")
        .doesNotContain("ANN")
        .doesNotContain("Sign out")
        .doesNotContain("session " + session);
    assertThat(opened.page().headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(opened.page().headers().allValues("Set-Cookie"))
        .allMatch(cookie -> !cookie.startsWith("alliance_session"));

    Reply done = send(token, opened, "ors_1=2.5&ors_2=3&ors_3=4.1&ors_4=0").expect(200);
    assertThat(done.body())
        .contains("Thank you")
        .doesNotContain("id=\"guidance\"")
        .doesNotContain("ann-1");
    assertThat(stored())
        .filteredOn(a -> a.session() == session && a.instrumentId().equals("ors"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.total()).hasValue(9.6);
              assertThat(a.createdBy()).isEqualTo(clinic.users.get("ann").id());
            });
    List<AuditEntry> audit =
        clinic
            .server
            .database()
            .read(handle -> AuditLog.latest(handle, Optional.of(client), Optional.empty(), 10));
    assertThat(audit)
        .anySatisfy(
            entry -> {
              assertThat(entry.action()).isEqualTo("administration.create");
              assertThat(entry.detail()).contains("client link");
            });
    // Used: both the form and a second sending find the neutral page, and nothing more is stored.
    assertThat(open(token).page().status()).isEqualTo(404);
    assertThat(send(token, opened, "ors_1=9&ors_2=9&ors_3=9&ors_4=9").status()).isEqualTo(404);
    assertThat(stored()).filteredOn(a -> a.session() == session).hasSize(1);
  }

  @Test
  void unknownUsedAndExpiredLinksLookTheSame() {
    String used = link("srs");
    Opened opened = open(used);
    send(used, opened, "srs_1=8&srs_2=8&srs_3=8&srs_4=8").expect(200);
    String expired = link("srs");
    Opened beforeExpiry = open(expired);
    beforeExpiry.page().expect(200);
    // At the very instant of expiry the link is closed.
    Instant saved = clock.now;
    clock.now = saved.plus(ClientLinkPage.LINK_LIFETIME);
    try {
      Reply unknown = open(Secrets.random()).page();
      Reply usedReply = open(used).page();
      Reply expiredReply = open(expired).page();
      assertThat(List.of(unknown.status(), usedReply.status(), expiredReply.status()))
          .containsOnly(404);
      assertThat(usedReply.body())
          .isEqualTo(unknown.body())
          .isEqualTo(expiredReply.body())
          .contains("cannot be used");
      assertThat(send(expired, beforeExpiry, "srs_1=8&srs_2=8&srs_3=8&srs_4=8").body())
          .isEqualTo(unknown.body());
    } finally {
      clock.now = saved;
    }
    // A second before expiry it still opens.
    String open = link("ors");
    clock.now = saved.plus(ClientLinkPage.LINK_LIFETIME).minusSeconds(1);
    try {
      open(open).page().expect(200);
    } finally {
      clock.now = saved;
    }
  }

  @Test
  void aSelfCheckWithANoGivesGentleGuidanceAndTheClinicianSeesTheTheme() {
    String token = link("self-check");
    Opened opened = open(token);
    assertThat(opened.page().expect(200).body()).contains("I feel comfortable with my therapist.");
    Reply done =
        send(
                token,
                opened,
                "selfcheck_1=1&selfcheck_2=1&selfcheck_3=0&selfcheck_4=1&selfcheck_5=1&selfcheck_6=1&selfcheck_7=0&selfcheck_8=1")
            .expect(200);
    assertThat(done.body())
        .contains("id=\"guidance\"")
        .contains("talk")
        .contains("I can talk with my therapist about anything, even things that are hard to say.")
        .contains("My therapist and I decide the goals of our work together.")
        .doesNotContain("I feel comfortable with my therapist.");
    String page = clinic.get("/clients/" + client, "ann").expect(200).body();
    String card = page.substring(page.indexOf("Self-check: answered"));
    card = card.substring(0, card.indexOf("</div>"));
    assertThat(card)
        .contains("Can talk about anything")
        .contains("Goals set together")
        .doesNotContain("Want to come back");
  }

  @Test
  void aSelfCheckAllYesGivesNoGuidance() {
    String token = link("self-check");
    Opened opened = open(token);
    Reply done =
        send(
                token,
                opened,
                "selfcheck_1=1&selfcheck_2=1&selfcheck_3=1&selfcheck_4=1&selfcheck_5=1&selfcheck_6=1&selfcheck_7=1&selfcheck_8=1")
            .expect(200);
    assertThat(done.body()).contains("Thank you").doesNotContain("id=\"guidance\"");
  }

  @Test
  void aMissingAnswerBringsTheFormBackAndTheLinkStaysOpen() {
    String token = link("phq-9");
    Opened opened = open(token);
    Reply again =
        send(
                token,
                opened,
                "phq9_1=1&phq9_2=1&phq9_3=&phq9_5=1&phq9_6=1&phq9_7=1&phq9_8=1&phq9_9=0")
            .expect(400);
    assertThat(again.body())
        .contains("Question 3: not answered yet; choose an answer.")
        .contains("Question 4: not answered yet; choose an answer.")
        .contains("value=\"" + opened.csrf() + "\"");
    assertThat(open(token).page().status()).isEqualTo(200);
    Reply risk =
        send(
                token,
                opened,
                "phq9_1=1&phq9_2=1&phq9_3=1&phq9_4=1&phq9_5=1&phq9_6=1&phq9_7=1&phq9_8=1&phq9_9=2")
            .expect(200);
    assertThat(risk.body()).contains("id=\"safety\"");
  }

  @Test
  void slidersNobodyMovedAreNotAnswersAndNothingIsStored() {
    String before = clinic.get("/api/clients/" + client, "ann").body();
    String token = link("ors");
    Opened opened = open(token);
    // The form offers no answer: the sliders start without a value the form would send.
    assertThat(opened.page().body())
        .contains("id=\"ors_1-answer\" name=\"ors_1\"")
        .doesNotContain("value=\"5.0\"");
    // What a browser sends for a form whose sliders were never moved.
    Reply again = send(token, opened, "ors_1=&ors_2=&ors_3=&ors_4=").expect(400);
    assertThat(again.body())
        .contains("Question 1: not answered yet; move the slider")
        .contains("Question 4: not answered yet; move the slider");
    Reply partly = send(token, opened, "ors_1=7.5&ors_2=&ors_3=6&ors_4=").expect(400);
    assertThat(partly.body())
        .contains("Question 2: not answered yet")
        .doesNotContain("Question 1: not answered")
        .contains("value=\"7.5\"");
    assertThat(clinic.get("/api/clients/" + client, "ann").body()).isEqualTo(before);
    assertThat(open(token).page().status()).isEqualTo(200);
  }

  @Test
  void aQuestionIsSkippedOnlyOnPurposeAndOnlyWhereTheMeasureAllowsIt() {
    String core = link("core-10");
    Opened opened = open(core);
    assertThat(opened.page().body()).contains("value=\"skip\"");
    String nine =
        "core10_1=1&core10_2=2&core10_3=2&core10_4=1&core10_5=1&core10_6=0&core10_7=1&core10_8=1";
    assertThat(send(core, opened, nine + "&core10_9=1").expect(400).body())
        .contains("Question 10: not answered yet; choose an answer, or Skip.");
    assertThat(send(core, opened, nine + "&core10_9=skip&core10_10=skip").expect(400).body())
        .contains("Too many questions were skipped");
    send(core, opened, nine + "&core10_9=1&core10_10=skip").expect(200);

    String phq = link("phq-9");
    Opened phqForm = open(phq);
    assertThat(phqForm.page().body()).doesNotContain("value=\"skip\"");
    assertThat(
            send(
                    phq,
                    phqForm,
                    "phq9_1=1&phq9_2=1&phq9_3=skip&phq9_4=1&phq9_5=1&phq9_6=1&phq9_7=1&phq9_8=1&phq9_9=0")
                .expect(400)
                .body())
        .contains("Question 3: every question of this measure needs an answer.");
  }

  @Test
  void anOutOfRangeAnswerIsNamed() {
    String token = link("srs");
    Reply again = send(token, open(token), "srs_1=5&srs_2=5&srs_3=5&srs_4=11").expect(400);
    assertThat(again.body()).contains("Question 4: this answer cannot be used");
  }

  @Test
  void withoutTheFormsCookieNothingIsStored() {
    String token = link("srs");
    int session = nextSession - 1;
    Opened opened = open(token);
    Reply forged =
        send(
            token, new Opened(opened.page(), "", opened.csrf()), "srs_1=5&srs_2=5&srs_3=5&srs_4=5");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(
            send(
                    token,
                    new Opened(opened.page(), opened.cookie(), Secrets.random()),
                    "srs_1=5&srs_2=5&srs_3=5&srs_4=5")
                .status())
        .isEqualTo(403);
    assertThat(stored()).noneMatch(a -> a.session() == session);
    send(token, opened, "srs_1=5&srs_2=5&srs_3=5&srs_4=5").expect(200);
  }

  @Test
  void aSessionThatAlreadyHasTheMeasureKeepsItsAnswersAndTheLinkStaysOpen() {
    String token = link("ors");
    int session = nextSession - 1;
    clinic
        .post(
            "/api/clients/" + client + "/administrations",
            "ann",
            TestClinic.vas("ors", session, 5, 5, 5, 5))
        .expect(201);
    Reply reply = send(token, open(token), "ors_1=1&ors_2=1&ors_3=1&ors_4=1");
    assertThat(reply.status()).isEqualTo(409);
    assertThat(stored())
        .filteredOn(a -> a.session() == session)
        .singleElement()
        .satisfies(a -> assertThat(a.total()).hasValue(20));
    assertThat(open(token).page().status()).isEqualTo(200);
  }

  @Test
  void twoConcurrentSubmissionsStoreOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      String token = link("srs");
      int session = nextSession - 1;
      Opened first = open(token);
      Opened second = open(token);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Integer>> replies = new ArrayList<>();
        for (Opened opened : List.of(first, second)) {
          Callable<Integer> call =
              () -> {
                go.await();
                return send(token, opened, "srs_1=6&srs_2=6&srs_3=6&srs_4=6").status();
              };
          replies.add(pool.submit(call));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> reply : replies) {
          statuses.add(reply.get());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 404);
      } finally {
        pool.shutdownNow();
      }
      assertThat(stored())
          .filteredOn(a -> a.session() == session && a.instrumentId().equals("srs"))
          .hasSize(1);
    }
  }

  @Test
  void markingALinkUsedSucceedsOnce() {
    String token = link("ors");
    long id =
        clinic
            .server
            .database()
            .read(handle -> ClientLinks.open(handle, Secrets.hash(token), clock.now))
            .orElseThrow()
            .id();
    boolean first =
        clinic.server.database().write(handle -> ClientLinks.markUsed(handle, id, clock.now));
    boolean second =
        clinic.server.database().write(handle -> ClientLinks.markUsed(handle, id, clock.now));
    Optional<ClientLinks.OpenLink> after =
        clinic
            .server
            .database()
            .read(handle -> ClientLinks.open(handle, Secrets.hash(token), clock.now));
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(after).isEmpty();
  }

  @Test
  void manyUnusableLinksFromOneAddressMustWait(@TempDir Path otherDir) {
    LoginThrottle tight =
        new LoginThrottle(5, 3, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1));
    try (TestClinic other = TestClinic.start(TestDatabase.H2.settings(otherDir), clock, tight)) {
      for (int i = 0; i < 3; i++) {
        other.get("/f/" + Secrets.random(), null).expect(404);
      }
      Reply waiting = other.get("/f/" + Secrets.random(), null).expect(429);
      assertThat(waiting.headers().firstValue("Retry-After")).isPresent();
      Instant saved = clock.now;
      clock.now = saved.plus(Duration.ofMinutes(2));
      try {
        other.get("/f/" + Secrets.random(), null).expect(404);
      } finally {
        clock.now = saved;
      }
    }
  }
}
