package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.security.ApiTokens;
import org.alliance.web.platform.security.LoginThrottle;
import org.alliance.web.platform.security.Passwords;
import org.alliance.web.platform.security.Role;
import org.alliance.web.platform.security.Secrets;
import org.alliance.web.platform.security.Teams;
import org.alliance.web.platform.security.User;
import org.alliance.web.platform.security.Users;

/**
 * A running server on a test database with a small clinic: an admin; team North with supervisor
 * {@code north-sup} and clinicians {@code ann} and {@code ben}; team South with supervisor {@code
 * south-sup} and clinician {@code cay}. Each user has an API token, and each clinician one client
 * ({@code ann-1}, {@code ben-1}, {@code cay-1}). Requests are sent with the JDK's HTTP client.
 */
public final class TestClinic implements AutoCloseable {
  public static final String PASSWORD = "correct horse battery";
  static final ObjectMapper JSON = new ObjectMapper();

  public final ClinicServer server;
  public final Map<String, User> users = new LinkedHashMap<>();
  public final Map<String, String> tokens = new LinkedHashMap<>();
  public final Map<String, Long> clients = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private TestClinic(ClinicServer server) {
    this.server = server;
  }

  public static TestClinic start(TestDatabase database, Path dataDir) {
    return start(database.settings(dataDir), Clock.systemUTC(), LoginThrottle.defaults());
  }

  public static TestClinic start(ServerSettings settings, Clock clock, LoginThrottle throttle) {
    TestClinic clinic = new TestClinic(ClinicServer.start(settings, clock, throttle));
    clinic.seed(clock.instant());
    return clinic;
  }

  /** Requests to a server started elsewhere, without the test clinic's users. */
  public static TestClinic around(ClinicServer server) {
    return new TestClinic(server);
  }

  private void seed(Instant now) {
    String hash = Passwords.hash(PASSWORD);
    server
        .database()
        .write(
            handle -> {
              long north = Teams.create(handle, "North", now);
              long south = Teams.create(handle, "South", now);
              add(handle, "admin", Role.ADMIN, Optional.empty(), hash, now);
              add(handle, "north-sup", Role.SUPERVISOR, Optional.of(north), hash, now);
              add(handle, "ann", Role.CLINICIAN, Optional.of(north), hash, now);
              add(handle, "ben", Role.CLINICIAN, Optional.of(north), hash, now);
              add(handle, "south-sup", Role.SUPERVISOR, Optional.of(south), hash, now);
              add(handle, "cay", Role.CLINICIAN, Optional.of(south), hash, now);
              for (String clinician : new String[] {"ann", "ben", "cay"}) {
                clients.put(
                    clinician + "-1",
                    Clients.create(handle, clinician + "-1", users.get(clinician).id(), now));
              }
              return null;
            });
  }

  private void add(
      org.jdbi.v3.core.Handle handle,
      String username,
      Role role,
      Optional<Long> team,
      String hash,
      Instant now) {
    User user =
        Users.create(
            handle, username, username.toUpperCase(java.util.Locale.ROOT), role, team, hash, now);
    users.put(username, user);
    String token = Secrets.apiToken();
    ApiTokens.create(handle, user.id(), "test", Secrets.hash(token), now);
    tokens.put(username, token);
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }

  /** A response: status, headers and body, with the body as JSON when it is JSON. */
  public record Reply(int status, java.net.http.HttpHeaders headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }

    public Reply expect(int expected) {
      assertThat(status).as("status of a reply with body %s", body).isEqualTo(expected);
      return this;
    }
  }

  public Reply get(String path, String user) {
    return send(request(path, user).GET().build());
  }

  public Reply post(String path, String user, Object body) {
    return send(
        request(path, user)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    body instanceof String text ? text : write(body)))
            .build());
  }

  public Reply patch(String path, String user, Object body) {
    return send(
        request(path, user)
            .header("Content-Type", "application/json")
            .method(
                "PATCH",
                HttpRequest.BodyPublishers.ofString(
                    body instanceof String text ? text : write(body)))
            .build());
  }

  public Reply postCsv(String path, String user, String csv) {
    return send(
        request(path, user)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv))
            .build());
  }

  public Reply delete(String path, String user) {
    return send(request(path, user).DELETE().build());
  }

  /**
   * A request as a user (by their API token); {@code null} sends none, a string starting "Bearer "
   * is sent as is.
   */
  public HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
    if (user != null) {
      builder.header(
          "Authorization", user.startsWith("Bearer ") ? user : "Bearer " + tokens.get(user));
    }
    return builder;
  }

  public Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A complete PHQ-9 with these nine answers. */
  public static Map<String, Object> phq9(int session, int... answers) {
    Map<String, Object> items = new LinkedHashMap<>();
    for (int i = 0; i < answers.length; i++) {
      items.put("phq9_" + (i + 1), answers[i]);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("instrument", "phq-9");
    body.put("session", session);
    body.put("date", "2025-03-0" + Math.min(9, Math.max(1, session)));
    body.put("answers", items);
    return body;
  }

  /** An ORS or SRS with four visual-analogue marks. */
  public static Map<String, Object> vas(String instrument, int session, double... marks) {
    String prefix = instrument.equals("ors") ? "ors_" : "srs_";
    Map<String, Object> items = new LinkedHashMap<>();
    for (int i = 0; i < marks.length; i++) {
      items.put(prefix + (i + 1), marks[i]);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("instrument", instrument);
    body.put("session", session);
    body.put("answers", items);
    return body;
  }

  @Override
  public void close() {
    server.close();
  }
}
