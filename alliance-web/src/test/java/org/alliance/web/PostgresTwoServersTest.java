package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alliance.web.SubmissionLoad.Key;
import org.alliance.web.platform.security.Authentication;
import org.alliance.web.platform.security.LoginThrottle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database ({@code ALLIANCE_TEST_PG_URL}), both under submission
 * load, with some submissions sent to both at once: each session is stored exactly once, and of two
 * copies sent at once exactly one is answered 201 and the other 409. Meanwhile a token is revoked
 * and a browser session ended on one server: the other refuses the session at once and the token
 * once its memory of token owners has run out ({@link Authentication#tokenMemory()}, on the
 * servers' clock, which the test moves). The figures it prints are quoted in docs/reliability.md.
 */
@Tag("slow")
class PostgresTwoServersTest {
  private static final int SENDERS = 6;
  private static final int CLIENTS_PER_SENDER = 2;
  private static final int DUPLICATE_EVERY = 10;

  @TempDir Path dataDir;

  @Test
  void twoServersStoreEachSubmissionOnceAndShareRevocations() throws Exception {
    ServerSettings settings = TestDatabase.POSTGRESQL.settings(dataDir);
    MutableClock clock = new MutableClock(Instant.now());
    try (TestClinic first = TestClinic.start(settings, clock, LoginThrottle.defaults());
        TestClinic second =
            TestClinic.around(ClinicServer.start(settings, clock, LoginThrottle.defaults()))) {
      second.tokens.putAll(first.tokens);
      List<List<Long>> clients = SubmissionLoad.clientsOfAnn(first, SENDERS, CLIENTS_PER_SENDER);
      String url = settings.dbUrl().orElseThrow();
      try (SubmissionLoad load =
          new SubmissionLoad(List.of(first, second), "ann", clients, DUPLICATE_EVERY)) {
        load.start();
        assertThat(load.awaitCreated(300, Duration.ofSeconds(60)))
            .as("submissions under way; failures: %s", load.failures)
            .isTrue();

        // Ben signs in on the first server and makes a token there, used on both servers (so both
        // remember whose it is), then revoked on the first while the load goes on.
        Browser onFirst = new Browser(first);
        onFirst.signIn("ben", TestClinic.PASSWORD).expect(303);
        String csrf = Browser.csrf(onFirst.get("/"));
        var created =
            onFirst.postJson("/api/tokens", "{\"name\": \"revoked under load\"}", csrf).expect(201);
        String token = "Bearer " + created.json().get("token").asText();
        long tokenId = created.json().get("id").asLong();
        first.get("/api/me", token).expect(200);
        second.get("/api/me", token).expect(200);
        first.delete("/api/tokens/" + tokenId, "ben").expect(204);
        first.get("/api/me", token).expect(401);
        boolean secondStillAccepted = second.get("/api/me", token).status() == 200;
        clock.advance(Authentication.tokenMemory());
        second.get("/api/me", token).expect(401);

        // A browser session is not remembered by either server: ended on one, refused by both.
        Browser onSecond = new Browser(second);
        onSecond.cookies.putAll(onFirst.cookies);
        onSecond.get("/api/me").expect(200);
        onFirst.postForm("/logout", Map.of("_csrf", csrf)).expect(303);
        onSecond.get("/api/me").expect(401);

        assertThat(load.awaitCreated(load.created.get() + 300, Duration.ofSeconds(60)))
            .as("submissions after the revocations; failures: %s", load.failures)
            .isTrue();
        load.close();

        assertThat(load.failures).as("answers other than 201, or 201 + 409 for a pair").isEmpty();
        assertThat(load.unavailable.get()).isZero();
        assertThat(load.duplicatePairs.get()).isPositive();
        Map<Key, Integer> stored = SubmissionLoad.storedTotals(url);
        assertThat(SubmissionLoad.rowsPerSession(url).values()).allMatch(count -> count == 1);
        for (Key key : load.acknowledged) {
          assertThat(stored)
              .as("%s was answered 201", key)
              .containsEntry(key, SubmissionLoad.total(key));
        }
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(load.acknowledged);
        assertThat(SubmissionLoad.auditedSubmissions(url)).isEqualTo(stored.size());

        System.out.printf(
            "Two servers: %d requests sent, %d answered 201, %d pairs sent to both servers at"
                + " once (each one 201 and one 409), %d rows stored, each session once; a revoked"
                + " token refused by the revoking server at once and by the other %s; a signed-out"
                + " session refused by the other server at once%n",
            load.sent.get(),
            load.created.get(),
            load.duplicatePairs.get(),
            stored.size(),
            secondStillAccepted
                ? "after its token memory ("
                    + Authentication.tokenMemory().toSeconds()
                    + " s by the servers' clock) ran out"
                : "at once");
      }
    }
  }
}
