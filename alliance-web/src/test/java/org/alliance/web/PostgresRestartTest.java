package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.alliance.web.SubmissionLoad.Key;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.platform.security.LoginThrottle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL is stopped (fast mode, as an operator's restart does) while several threads submit
 * administrations, and started again a few seconds later. While it is away every answer is a 503
 * saying so, pages too, and {@code /health} says so; the server then recovers by itself, and every
 * submission answered 201 is stored exactly once, with the score it was answered with. A submission
 * answered 503 is sent again, and a retry that finds it stored is answered 409, never stored twice.
 * The database is a private PostgreSQL of the test's (see {@link PrivatePostgres}). The figures it
 * prints are quoted in docs/reliability.md.
 */
@Tag("slow")
class PostgresRestartTest {
  private static final int SENDERS = 8;
  private static final int CLIENTS_PER_SENDER = 3;
  private static final Duration AWAY = Duration.ofSeconds(4);

  @TempDir Path dataDir;

  @Test
  void submissionsSurviveARestartOfPostgres() throws Exception {
    try (PrivatePostgres postgres = PrivatePostgres.start();
        TestClinic clinic =
            TestClinic.start(
                ServerSettings.embedded(dataDir)
                    .withDatabase(postgres.url(), Optional.empty(), Optional.empty()),
                Clock.systemUTC(),
                LoginThrottle.defaults())) {
      List<List<Long>> clients = SubmissionLoad.clientsOfAnn(clinic, SENDERS, CLIENTS_PER_SENDER);
      long client = clinic.clients.get("ann-1");
      Outage outage;
      try (SubmissionLoad load = new SubmissionLoad(List.of(clinic), "ann", clients, 0)) {
        load.start();
        assertThat(load.awaitCreated(200, Duration.ofSeconds(60)))
            .as("submissions before the restart; failures: %s", load.failures)
            .isTrue();

        long stopping = System.nanoTime();
        postgres.stopFast();
        long stopped = System.nanoTime();
        int createdBefore = load.created.get();

        // While the database is away: the API, a page and /health each say so (asked at once,
        // since each waits for the pool's connection timeout).
        CompletableFuture<Reply> healthReply =
            CompletableFuture.supplyAsync(() -> clinic.get("/health", null));
        CompletableFuture<Reply> apiReply =
            CompletableFuture.supplyAsync(() -> clinic.get("/api/clients/" + client, "ann"));
        CompletableFuture<Reply> pageReply =
            CompletableFuture.supplyAsync(() -> clinic.get("/clients/" + client, "ann"));
        Reply health = healthReply.join().expect(503);
        assertThat(health.json().get("status").asText()).isEqualTo("database unreachable");
        Reply api = apiReply.join().expect(503);
        assertThat(api.json().get("error").asText())
            .contains("database is not reachable")
            .contains("try again");
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        Reply page = pageReply.join().expect(503);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).contains("text/html");
        assertThat(page.body()).contains("database is not reachable").doesNotContain("Exception");
        assertThat(load.awaitUnavailable(SENDERS, Duration.ofSeconds(30)))
            .as("the submitters saw the database away; failures: %s", load.failures)
            .isTrue();
        long sleep = AWAY.toNanos() - (System.nanoTime() - stopped);
        if (sleep > 0) {
          Thread.sleep(sleep / 1_000_000);
        }
        int unavailableWhileAway = load.unavailable.get();

        long starting = System.nanoTime();
        postgres.startServer();
        long started = System.nanoTime();
        assertThat(load.awaitCreated(load.created.get() + 200, Duration.ofSeconds(60)))
            .as("submissions after the restart; failures: %s", load.failures)
            .isTrue();
        long firstCreated = load.firstCreatedAfter(started).orElseThrow();
        clinic.get("/health", null).expect(200);
        outage =
            new Outage(
                millis(stopped - stopping),
                millis(starting - stopped),
                millis(started - starting),
                millis(firstCreated - started),
                createdBefore,
                unavailableWhileAway);
        load.close();

        assertThat(load.failures).as("answers other than 201, 409 after a 503, or 503").isEmpty();
        assertThat(load.unavailableMessages.keySet())
            .allSatisfy(
                message ->
                    assertThat(message)
                        .contains("database")
                        .contains("try again")
                        .doesNotContain("Exception"));

        Map<Key, Integer> stored = SubmissionLoad.storedTotals(postgres.url());
        Map<Key, Integer> rows = SubmissionLoad.rowsPerSession(postgres.url());
        assertThat(rows.values()).as("rows per client and session").allMatch(count -> count == 1);
        for (Key key : load.acknowledged) {
          assertThat(stored).as("%s was answered 201", key).containsEntry(key, total(key));
        }
        for (Key key : load.alreadyStoredOnRetry) {
          assertThat(load.retriedAfterUnavailable).contains(key);
          assertThat(stored).as("%s was answered 409 on a retry", key).containsKey(key);
        }
        // Nothing else: every stored row was acknowledged, at once or on a retry.
        assertThat(stored.keySet())
            .containsExactlyInAnyOrderElementsOf(
                union(load.acknowledged, load.alreadyStoredOnRetry));
        assertThat(SubmissionLoad.auditedSubmissions(postgres.url())).isEqualTo(stored.size());

        System.out.printf(
            "PostgreSQL restart: %d requests sent, %d answered 201, %d answered 503 (%d while"
                + " away), %d retries answered 409 (stored by the attempt answered 503), %d rows"
                + " stored, each session once; slowest 503 %d ms; stop took %d ms, away %d ms,"
                + " start took %d ms, first 201 %d ms after PostgreSQL was back; %d 201s before"
                + " the stop; 503 messages: %s%n",
            load.sent.get(),
            load.created.get(),
            load.unavailable.get(),
            outage.unavailableWhileAway(),
            load.alreadyStoredOnRetry.size(),
            stored.size(),
            millis(load.slowestUnavailableNanos.get()),
            outage.stopMillis(),
            outage.awayMillis(),
            outage.startMillis(),
            outage.recoveryMillis(),
            outage.createdBefore(),
            load.unavailableMessages);
      }
    }
  }

  private record Outage(
      long stopMillis,
      long awayMillis,
      long startMillis,
      long recoveryMillis,
      int createdBefore,
      int unavailableWhileAway) {}

  private static int total(Key key) {
    return SubmissionLoad.total(key);
  }

  private static Set<Key> union(Set<Key> a, Set<Key> b) {
    Set<Key> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}
