package org.alliance.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.platform.access.Clients;

/**
 * Submissions sent without pause by several threads, each to clients of its own, so that every
 * session is sent by one thread only and every outcome can be accounted for: a 201 is remembered, a
 * 503 (the database is away) is sent again like a careful client would until it is answered
 * otherwise, and a 409 is expected only for a retry (the first attempt was in fact stored). Every
 * other answer is a failure of the test. With more than one server the submissions alternate
 * between them, and every {@code duplicateEvery}-th submission is sent to two servers at once.
 */
final class SubmissionLoad implements AutoCloseable {
  /** No client gets more sessions than this, well below any limit the server has. */
  static final int SESSIONS_PER_CLIENT = 900;

  /** A submission: which client, which session. */
  record Key(long client, int session) {}

  private final List<TestClinic> servers;
  private final String user;
  private final List<List<Long>> clientsPerSender;
  private final int duplicateEvery;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<Thread> senders = new ArrayList<>();
  private volatile boolean stopping;

  final AtomicInteger sent = new AtomicInteger();
  final AtomicInteger created = new AtomicInteger();
  final AtomicInteger unavailable = new AtomicInteger();
  final AtomicInteger duplicatePairs = new AtomicInteger();
  final AtomicLong slowestUnavailableNanos = new AtomicLong();
  final Set<Key> acknowledged = ConcurrentHashMap.newKeySet();
  final Set<Key> retriedAfterUnavailable = ConcurrentHashMap.newKeySet();
  final Set<Key> alreadyStoredOnRetry = ConcurrentHashMap.newKeySet();
  final Map<String, AtomicInteger> unavailableMessages = new ConcurrentHashMap<>();
  final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final Queue<Long> createdAt = new ConcurrentLinkedQueue<>();

  /**
   * @param user the user whose API token is sent (a key of {@link TestClinic#tokens} of the first
   *     server; every server shares the database, so the token is valid on each)
   * @param clientsPerSender one list of clients per sending thread
   * @param duplicateEvery send every n-th submission to two servers at once; 0 for never
   */
  SubmissionLoad(
      List<TestClinic> servers,
      String user,
      List<List<Long>> clientsPerSender,
      int duplicateEvery) {
    this.servers = List.copyOf(servers);
    this.user = "Bearer " + servers.get(0).tokens.get(user);
    this.clientsPerSender = clientsPerSender;
    this.duplicateEvery = duplicateEvery;
  }

  void start() {
    for (int i = 0; i < clientsPerSender.size(); i++) {
      int sender = i;
      Thread thread = new Thread(() -> send(sender), "submissions-" + i);
      thread.setDaemon(true);
      senders.add(thread);
      thread.start();
    }
  }

  private void send(int sender) {
    int count = 0;
    for (long client : clientsPerSender.get(sender)) {
      for (int session = 1; session <= SESSIONS_PER_CLIENT; session++) {
        if (stopping) {
          return;
        }
        count++;
        Key key = new Key(client, session);
        try {
          if (duplicateEvery > 0 && servers.size() > 1 && count % duplicateEvery == 0) {
            sendTwice(key);
          } else {
            sendUntilAnswered(key, servers.get((sender + count) % servers.size()));
          }
        } catch (RuntimeException | AssertionError e) {
          // Recorded rather than thrown: a sender that died silently would hide its submissions.
          failures.add(key + ": " + e);
        }
      }
    }
  }

  /** One submission, sent again after each 503 until it is answered otherwise. */
  private void sendUntilAnswered(Key key, TestClinic server) {
    boolean retry = false;
    while (true) {
      long began = System.nanoTime();
      Reply reply = server.send(request(server, key));
      sent.incrementAndGet();
      switch (reply.status()) {
        case 201 -> {
          created(key);
          return;
        }
        case 503 -> {
          slowestUnavailableNanos.accumulateAndGet(System.nanoTime() - began, Math::max);
          unavailable.incrementAndGet();
          unavailableMessages
              .computeIfAbsent(reply.json().path("error").asText(), message -> new AtomicInteger())
              .incrementAndGet();
          if (!reply.headers().firstValue("Content-Type").orElse("").contains("json")) {
            failures.add(key + ": a 503 that is not JSON: " + reply.body());
          }
          retriedAfterUnavailable.add(key);
          retry = true;
          pause();
        }
        case 409 -> {
          if (retry) {
            alreadyStoredOnRetry.add(key);
          } else {
            failures.add(key + ": 409 on the first attempt: " + reply.body());
          }
          return;
        }
        default -> {
          failures.add(key + ": " + reply.status() + " " + reply.body());
          return;
        }
      }
    }
  }

  /** The same submission to two servers at once: exactly one must store it. */
  private void sendTwice(Key key) {
    TestClinic first = servers.get(0);
    TestClinic second = servers.get(1);
    CompletableFuture<HttpResponse<String>> one =
        http.sendAsync(request(first, key), HttpResponse.BodyHandlers.ofString());
    CompletableFuture<HttpResponse<String>> other =
        http.sendAsync(request(second, key), HttpResponse.BodyHandlers.ofString());
    int a = one.join().statusCode();
    int b = other.join().statusCode();
    sent.addAndGet(2);
    duplicatePairs.incrementAndGet();
    if (a == 201 && b == 409 || a == 409 && b == 201) {
      created(key);
    } else {
      failures.add(
          key
              + ": sent to both servers at once, answered "
              + a
              + " and "
              + b
              + " ("
              + one.join().body()
              + " / "
              + other.join().body()
              + ")");
    }
  }

  private void created(Key key) {
    if (!acknowledged.add(key)) {
      failures.add(key + ": answered 201 twice");
    }
    created.incrementAndGet();
    createdAt.add(System.nanoTime());
  }

  private HttpRequest request(TestClinic server, Key key) {
    return server
        .request("/api/clients/" + key.client() + "/administrations", user)
        .header("Content-Type", "application/json")
        // Far beyond the pool's connection timeout: a request that hangs fails the test.
        .timeout(Duration.ofSeconds(30))
        .POST(
            HttpRequest.BodyPublishers.ofString(
                TestClinic.write(TestClinic.phq9(key.session(), answers(key)))))
        .build();
  }

  /** Answers that differ by client and session, so a row stored for the wrong one would show. */
  static int[] answers(Key key) {
    int[] answers = new int[9];
    for (int i = 0; i < 9; i++) {
      answers[i] = (int) ((key.client() * 7 + key.session() * 3L + i) % 4);
    }
    return answers;
  }

  static int total(Key key) {
    return java.util.Arrays.stream(answers(key)).sum();
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until this many submissions in all were answered 201; false if not within the time. */
  boolean awaitCreated(int count, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (created.get() < count && System.nanoTime() < deadline && running()) {
      Thread.sleep(20);
    }
    return created.get() >= count;
  }

  /** Waits until this many 503s were seen; false if not within the time. */
  boolean awaitUnavailable(int count, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (unavailable.get() < count && System.nanoTime() < deadline && running()) {
      Thread.sleep(20);
    }
    return unavailable.get() >= count;
  }

  /** When the first 201 after this moment ({@link System#nanoTime()}) was received, if one was. */
  java.util.OptionalLong firstCreatedAfter(long moment) {
    return createdAt.stream().mapToLong(Long::longValue).filter(at -> at > moment).min();
  }

  private boolean running() {
    return senders.stream().anyMatch(Thread::isAlive);
  }

  /** Lets each sender finish the submission it is on (retries included), then returns. */
  @Override
  public void close() {
    stopping = true;
    for (Thread sender : senders) {
      try {
        sender.join(TimeUnit.SECONDS.toMillis(60));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (sender.isAlive()) {
        failures.add(sender.getName() + " did not finish within 60 s");
      }
    }
  }

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

  /** The PHQ-9 totals stored, read straight from the database, per client and session. */
  static Map<Key, Integer> storedTotals(String url) throws SQLException {
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
  static Map<Key, Integer> rowsPerSession(String url) throws SQLException {
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

  /** How many submissions the audit log records. */
  static int auditedSubmissions(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'administration.create'")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
