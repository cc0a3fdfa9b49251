package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.alliance.web.SubmissionLoad.Key;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.platform.access.Clients;
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
      List<List<Long>> clients = clientsOfAnn(clinic, SENDERS, CLIENTS_PER_SENDER);
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

        Map<Key, Integer> stored = storedTotals(postgres.url());
        Map<Key, Integer> rows = rowsPerSession(postgres.url());
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
        assertThat(auditedSubmissions(postgres.url())).isEqualTo(stored.size());

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

  /** New clients of ann's, a list of them per sending thread. */
  static List<List<Long>> clientsOfAnn(TestClinic clinic, int senders, int perSender) {
    long ann = clinic.users.get("ann").id();
    Instant now = Instant.now();
    return clinic
        .server
        .database()
        .write(
            handle -> {
              List<List<Long>> clients = new ArrayList<>();
              for (int s = 0; s < senders; s++) {
                List<Long> own = new ArrayList<>();
                for (int c = 0; c < perSender; c++) {
                  own.add(Clients.create(handle, "load-" + s + "-" + c, ann, now));
                }
                clients.add(own);
              }
              return clients;
            });
  }

  private static int total(Key key) {
    return SubmissionLoad.total(key);
  }

  private static java.util.Set<Key> union(java.util.Set<Key> a, java.util.Set<Key> b) {
    java.util.Set<Key> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** The PHQ-9 totals stored, read straight from the database, per client and session. */
  static Map<Key, Integer> storedTotals(String url) throws Exception {
    Map<Key, Integer> totals = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT client_id, session_number, total FROM administrations"
                    + " WHERE instrument_id = 'phq-9'")) {
      while (rows.next()) {
        totals.put(new Key(rows.getLong(1), rows.getInt(2)), (int) Math.round(rows.getDouble(3)));
      }
    }
    return totals;
  }

  /** How many rows each client and session has (the unique constraint says one; this checks). */
  static Map<Key, Integer> rowsPerSession(String url) throws Exception {
    Map<Key, Integer> counts = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT client_id, session_number, COUNT(*) FROM administrations"
                    + " GROUP BY client_id, session_number")) {
      while (rows.next()) {
        counts.put(new Key(rows.getLong(1), rows.getInt(2)), rows.getInt(3));
      }
    }
    return counts;
  }

  static int auditedSubmissions(String url) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'administration.create'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}
