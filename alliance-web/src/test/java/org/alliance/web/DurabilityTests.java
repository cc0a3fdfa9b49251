package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Scorer;
import org.alliance.web.administrations.StoredAdministration;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.db.Database;
import org.alliance.web.platform.security.ApiTokens;
import org.alliance.web.platform.security.Passwords;
import org.alliance.web.platform.security.Role;
import org.alliance.web.platform.security.Secrets;
import org.alliance.web.platform.security.Teams;
import org.alliance.web.platform.security.User;
import org.alliance.web.platform.security.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server runs as a separate JVM; many submissions are sent at once and the process is killed
 * with SIGKILL while they are in flight. After a restart on the same data directory (or database),
 * every submission that was answered 201 is there with its score, and nothing half-written is: each
 * stored administration re-scores to the total stored with it and has its audit entry. Run on H2
 * and PostgreSQL by the subclasses.
 */
abstract class DurabilityTests {
  private static final int CLIENTS = 12;
  private static final int ACKED_BEFORE_KILL = 400;
  private static final Pattern LISTENING = Pattern.compile("listening on http://127.0.0.1:(\\d+)");

  @TempDir Path dataDir;

  abstract TestDatabase database();

  /** One acknowledged submission: which client, which session, and the answers sent. */
  private record Acked(long client, int session, int[] answers) {}

  @Test
  void everyAcknowledgedSubmissionSurvivesSigkill() throws Exception {
    ServerSettings settings = database().settings(dataDir);
    String token = Secrets.apiToken();
    List<Long> clients = new ArrayList<>();
    try (Database database =
        Database.open(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword())) {
      Instant now = Instant.now();
      database.write(
          handle -> {
            long team = Teams.create(handle, "Durable", now);
            User clinician =
                Users.create(
                    handle,
                    "dora",
                    "Dora",
                    Role.CLINICIAN,
                    Optional.of(team),
                    Passwords.hash("unused password"),
                    now);
            ApiTokens.create(handle, clinician.id(), "load", Secrets.hash(token), now);
            for (int i = 0; i < CLIENTS; i++) {
              clients.add(Clients.create(handle, "durable-" + i, clinician.id(), now));
            }
            return null;
          });
    }

    Path log = dataDir.resolve("server.log");
    List<String> where =
        settings.dbUrl().isPresent()
            ? List.of("--db-url", settings.dbUrl().get())
            : List.of("--data-dir", dataDir.toString());
    List<String> arguments = new ArrayList<>(List.of("--port", "0"));
    arguments.addAll(where);
    Process server =
        new ProcessBuilder(javaCommand(arguments))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Set<Acked> acked = ConcurrentHashMap.newKeySet();
    AtomicInteger answered = new AtomicInteger();
    try {
      int port = awaitPort(server, log);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      ExecutorService senders = Executors.newFixedThreadPool(CLIENTS);
      CountDownLatch enough = new CountDownLatch(ACKED_BEFORE_KILL);
      for (long client : clients) {
        senders.submit(
            () -> {
              for (int session = 1; session < 100_000; session++) {
                int[] answers = answers(client, session);
                HttpRequest request =
                    HttpRequest.newBuilder(
                            URI.create(
                                "http://localhost:"
                                    + port
                                    + "/api/clients/"
                                    + client
                                    + "/administrations"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                TestClinic.write(TestClinic.phq9(session, answers))))
                        .build();
                try {
                  HttpResponse<String> response =
                      http.send(request, HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() == 201) {
                    acked.add(new Acked(client, session, answers));
                    answered.incrementAndGet();
                    enough.countDown();
                  } else {
                    throw new AssertionError(
                        "unexpected " + response.statusCode() + ": " + response.body());
                  }
                } catch (IOException e) {
                  return null; // the server is gone
                }
              }
              return null;
            });
      }
      assertThat(enough.await(120, TimeUnit.SECONDS))
          .as("%s submissions acknowledged in time", ACKED_BEFORE_KILL)
          .isTrue();
      server.destroyForcibly(); // SIGKILL, with requests still in flight
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      senders.shutdown();
      assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      server.destroyForcibly();
    }
    assertThat(answered.get()).isGreaterThanOrEqualTo(ACKED_BEFORE_KILL);

    // Restarted on the same data directory: everything acknowledged is served, and nothing is
    // half-written.
    try (TestClinic restarted = TestClinic.around(ClinicServer.start(settings))) {
      Map<Long, Map<Integer, Double>> served = new java.util.HashMap<>();
      for (long client : clients) {
        Map<Integer, Double> totals = new java.util.HashMap<>();
        restarted
            .get("/api/clients/" + client, "Bearer " + token)
            .expect(200)
            .json()
            .get("administrations")
            .forEach(
                stored ->
                    totals.put(stored.get("session").asInt(), stored.get("total").asDouble()));
        served.put(client, totals);
      }
      for (Acked submission : acked) {
        assertThat(served.get(submission.client()))
            .as("client %s session %s was answered 201", submission.client(), submission.session())
            .containsEntry(
                submission.session(), (double) java.util.Arrays.stream(submission.answers()).sum());
      }
      Database database = restarted.server.database();
      List<StoredAdministration> stored = new ArrayList<>();
      for (long client : clients) {
        stored.addAll(
            database
                .jdbi()
                .withHandle(
                    handle ->
                        org.alliance.web.administrations.Administrations.ofClient(handle, client)));
      }
      Scorer scorer = Scorer.builtIn();
      for (StoredAdministration administration : stored) {
        var rescored =
            scorer.score(
                Administration.of(
                    administration.instrumentId(),
                    "x",
                    administration.session(),
                    administration.date(),
                    administration.answers()));
        assertThat(rescored.valid()).isTrue();
        assertThat(administration.total().getAsDouble()).isEqualTo(rescored.total().getAsDouble());
      }
      int audited =
          database
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery(
                              "SELECT COUNT(*) FROM audit_log WHERE action = 'administration.create'")
                          .mapTo(Integer.class)
                          .one());
      assertThat(audited).isEqualTo(stored.size());
      assertThat(stored.size()).isGreaterThanOrEqualTo(acked.size());
    }
  }

  /** Answers that differ by client and session, so a mixed-up row would show. */
  private static int[] answers(long client, int session) {
    int[] answers = new int[9];
    for (int i = 0; i < 9; i++) {
      answers[i] = (int) ((client * 7 + session * 3 + i) % 4);
    }
    return answers;
  }

  private static List<String> javaCommand(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(WebCommand.class.getName());
    command.addAll(args);
    return command;
  }

  private static int awaitPort(Process server, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        Matcher matcher = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (matcher.find()) {
          return Integer.parseInt(matcher.group(1));
        }
      }
      if (!server.isAlive()) {
        throw new AssertionError(
            "the server stopped: " + Files.readString(log, StandardCharsets.UTF_8));
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "the server did not start in time: " + Files.readString(log, StandardCharsets.UTF_8));
  }
}
