package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.web.RawHttp.Answer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz test of the HTTP API itself: thousands of random and mutated requests (JSON with
 * fields removed, retyped, huge, deep, repeated or cut short; CSV and FHIR imports; forms and
 * uploads; lying headers; mutated, encoded and traversing paths; any method) against a real server,
 * signed in with API tokens and with a browser session and its CSRF token. Every answer must be a
 * 2xx, 3xx or 4xx with the security headers, every 4xx under {@code /api} a JSON {@code error} in
 * plain words, and the server's heap must not grow grossly.
 *
 * <p>{@code -Dalliance.fuzz.seed=N} replays a run (the seed is printed; each client thread draws
 * its requests from its own generator seeded from it, so a seed gives the same requests, in an
 * order the threads interleave), {@code -Dalliance.fuzz.requests=N} sets how many requests are sent
 * and {@code -Dalliance.fuzz.threads=N} from how many client threads (4: concurrent requests find
 * races, such as two imports adding the same clients).
 */
@Tag("slow")
class HttpFuzzTest {
  static final long SEED = Long.getLong("alliance.fuzz.seed", 20_251_107L);
  static final int REQUESTS = Integer.getInteger("alliance.fuzz.requests", 20_000);
  static final int THREADS = Integer.getInteger("alliance.fuzz.threads", 4);

  /**
   * Whether requests share kept-alive connections ({@code -Dalliance.fuzz.keepAlive=true}). Off by
   * default: with four threads on kept-alive connections, about one run in ten saw, once, one
   * answer too many on a connection (after which every answer on it is one behind), which the
   * requests around it do not reproduce alone; {@code -Dalliance.fuzz.history=N} shows the last N
   * requests on the connection of a failure.
   */
  static final boolean KEEP_ALIVE = Boolean.getBoolean("alliance.fuzz.keepAlive");

  /** Growth of the used heap (after a full GC) that counts as a leak. */
  static final long LEAK_BYTES = 200L << 20;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Anything that names Java, a library or a stack frame: never in an error answer. */
  static final Pattern INTERNALS =
      Pattern.compile(
          "\\b(?:java|javax|jakarta|org|com|io|kotlin)\\.[a-z]\\w*\\.[\\w.$]*"
              + "|\\b\\w+(?:Exception|Error)\\b"
              + "|\\bat [\\w.$]+\\([\\w.]*:\\d+\\)"
              + "|StreamRead|JsonReadFeature|DeserializationFeature|Jackson|Javalin|Jetty"
              + "|HAPI-\\d+|NullPointer|\\.java:\\d+");

  /**
   * A request target Jetty refuses before any route sees it (broken or forbidden %-encodings, dot
   * segments, backslashes, bytes beyond ASCII), and so answers without knowing it was for the API.
   */
  static final Pattern MALFORMED_TARGET =
      Pattern.compile(
          "%(?![0-9A-Fa-f]{2})|%00|%2[eE]|%5[cC]|%[89a-fA-F][0-9a-fA-F]|\\.\\.|\\\\|[^\\x21-\\x7e]|^[^/]");

  private static final Pattern LINK = Pattern.compile("/f/([A-Za-z0-9_-]{16,})");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @TempDir Path dataDir;

  @Test
  void onH2() {
    fuzz(TestDatabase.H2, REQUESTS);
  }

  /** Half as many on PostgreSQL: the same requests, to find what only its driver refuses. */
  @Test
  void onPostgresql() {
    fuzz(TestDatabase.POSTGRESQL, REQUESTS / 2);
  }

  private void fuzz(TestDatabase database, int requests) {
    // One request log line per request is 20,000 lines through the test's output: not wanted here.
    var requestLog =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("alliance.request");
    var level = requestLog.getLevel();
    requestLog.setLevel(ch.qos.logback.classic.Level.WARN);
    try (TestClinic clinic = TestClinic.start(database, dataDir)) {
      new Run(clinic, database, SEED, requests, THREADS).run();
    } finally {
      requestLog.setLevel(level);
    }
  }

  /** One request as the fuzzer builds it. */
  record Sent(
      String label,
      String method,
      String target,
      List<String> headers,
      byte[] body,
      boolean malformed,
      boolean fresh) {
    byte[] bytes(int port, boolean close) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      boolean host = false;
      boolean length = false;
      for (String header : headers) {
        String lower = header.toLowerCase(Locale.ROOT);
        host |= lower.startsWith("host:");
        length |= lower.startsWith("content-length:") || lower.startsWith("transfer-encoding:");
        head.append(header).append("\r\n");
      }
      if (!host) {
        head.append("Host: localhost:").append(port).append("\r\n");
      }
      if (!length && (body.length > 0 || !method.equals("GET") && !method.equals("HEAD"))) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      if (close) {
        head.append("Connection: close\r\n");
      }
      head.append("\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      out.writeBytes(body);
      return out.toByteArray();
    }

    String shown() {
      String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
      return label
          + ": "
          + method
          + " "
          + (target.length() > 200 ? target.substring(0, 200) + "..." : target)
          + " "
          + headers.stream().map(h -> h.length() > 120 ? h.substring(0, 120) + "..." : h).toList()
          + " body("
          + body.length
          + ")="
          + text.replaceAll("\\p{Cntrl}", "?");
    }
  }

  /** The state of one run: the server, who signs in how, what exists, and what was seen. */
  static final class Run {
    private final TestClinic clinic;
    private final TestDatabase database;
    private final long seed;
    private final int requests;
    private final int port;
    private final int threads;
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, Integer> labels = new ConcurrentHashMap<>();
    private final Map<String, Long> nanos = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final AtomicInteger failureCount = new AtomicInteger();

    private String annToken;
    private String adminToken;
    private String sessionCookie;
    private String csrf;
    // Grown as the run goes: clients the API creates or lists, links the pages make, so that later
    // requests read and write them too.
    private final List<Long> clientIds = new CopyOnWriteArrayList<>();
    private final List<Long> safeUserIds = new ArrayList<>();
    private final List<Long> tokenIdsInUse = new ArrayList<>();
    private final Map<String, List<String>> itemIds = new LinkedHashMap<>();
    private final List<String> linkTokens = new CopyOnWriteArrayList<>();
    private final Map<String, String> linkCsrf = new ConcurrentHashMap<>();
    private final List<JsonNode> administrationBodies = new ArrayList<>();
    private String fhirBundle = "{}";
    private String instrumentDefinition = "{}";

    Run(TestClinic clinic, TestDatabase database, long seed, int requests, int threads) {
      this.clinic = clinic;
      this.threads = threads;
      this.database = database;
      this.seed = seed;
      this.requests = requests;
      this.port = clinic.server.port();
    }

    void run() {
      prepare();
      long heapBefore = usedHeapAfterGc();
      long start = System.nanoTime();
      // Each client thread sends its share with a generator seeded from the run's seed, so a seed
      // replays the same requests (in an order the threads interleave).
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        int share = requests / threads + (t < requests % threads ? 1 : 0);
        done.add(pool.submit(() -> send(new Generator(seed * 31 + thread), thread, share)));
      }
      try {
        for (Future<?> future : done) {
          future.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a client thread failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long heapAfter = usedHeapAfterGc();
      // The server still serves ordinary requests as before.
      clinic.get("/health", null).expect(200);
      clinic.get("/api/clients", "ann").expect(200);
      String report = report(seconds, heapBefore, heapAfter);
      System.out.println(report);
      assertThat(failures)
          .as(
              "%d of %d answers broke a rule (seed %d, -Dalliance.fuzz.seed=%d replays it);"
                  + " the first ones:%n%s",
              failureCount.get(), requests, seed, seed, String.join("\n\n", failures))
          .isEmpty();
      assertThat(heapAfter - heapBefore)
          .as("heap growth over the run, %s", report)
          .isLessThan(LEAK_BYTES);
    }

    private void send(Generator generator, int thread, int count) {
      try (RawHttp.Connection connection = new RawHttp.Connection(port, 30_000)) {
        // The requests sent on the current kept-alive connection, latest last, for a failure
        // report:
        // a request that leaves bytes behind shows in the answers to those after it.
        java.util.ArrayDeque<String> history = new java.util.ArrayDeque<>();
        for (int i = 0; i < count; i++) {
          Sent sent = generator.next();
          long began = System.nanoTime();
          // Jetty answers a target it cannot parse without knowing the request was HEAD, and
          // then closes: such requests get a connection of their own.
          boolean alone =
              !KEEP_ALIVE || sent.fresh() || MALFORMED_TARGET.matcher(sent.target()).find();
          boolean kept = !alone && connection.isOpen();
          Answer answer =
              alone
                  ? RawHttp.send(port, sent.bytes(port, true), 30_000)
                  : connection.exchange(sent.bytes(port, false), sent.method().equals("HEAD"));
          labels.merge(sent.label(), 1, Integer::sum);
          nanos.merge(sent.label(), System.nanoTime() - began, Long::sum);
          statuses.merge(answer.status(), 1, Integer::sum);
          if (!kept) {
            history.clear();
          }
          check(thread + "." + i, sent, answer, alone ? "" : String.join("\n", history));
          learn(sent, answer);
          if (!alone) {
            history.addLast(
                "  before: "
                    + sent.shown()
                    + "\n    answered "
                    + answer.status()
                    + " "
                    + answer.headers()
                    + " body("
                    + answer.body().length
                    + ")");
            if (history.size() > Integer.getInteger("alliance.fuzz.history", 4)) {
              history.removeFirst();
            }
          }
        }
      }
    }

    /** What a successful answer shows that later requests can use. */
    private void learn(Sent sent, Answer answer) {
      if (answer.status() < 200 || answer.status() >= 300 || answer.body().length == 0) {
        return;
      }
      String path = path(sent.target());
      String text = answer.text();
      try {
        if (path.equals("/api/clients") && answer.status() == 201) {
          remember(clientIds, JSON.readTree(text).path("id").asLong(), 300);
        } else if (path.equals("/api/clients") && sent.method().equals("GET")) {
          for (JsonNode client : JSON.readTree(text).path("clients")) {
            remember(clientIds, client.path("id").asLong(), 300);
          }
        }
      } catch (java.io.IOException e) {
        throw new AssertionError("a 2xx answer that is not JSON: " + text, e);
      }
      if (path.matches("/clients/\\d+/links")) {
        Matcher token = LINK.matcher(text);
        if (token.find()) {
          remember(linkTokens, token.group(1), 100);
        }
      } else if (path.startsWith("/f/") && sent.method().equals("GET")) {
        Matcher csrf = CSRF.matcher(text);
        if (csrf.find()) {
          linkCsrf.put(path.substring(3), csrf.group(1));
        }
      }
    }

    private static <T> void remember(List<T> known, T value, int limit) {
      if (known.size() < limit && !known.contains(value) && !"0".equals(String.valueOf(value))) {
        known.add(value);
      }
    }

    private String report(double seconds, long before, long after) {
      StringBuilder out = new StringBuilder();
      out.append("HTTP fuzz on ")
          .append(database)
          .append(": ")
          .append(requests)
          .append(" requests from ")
          .append(threads)
          .append(" client threads, seed ")
          .append(seed)
          .append(
              String.format(
                  Locale.ROOT, ", %.1f s (%.0f requests/s)%n", seconds, requests / seconds));
      out.append("  statuses: ").append(new TreeMap<>(statuses)).append('\n');
      out.append("  kinds: ").append(new TreeMap<>(labels)).append('\n');
      Map<String, Long> millis = new TreeMap<>();
      nanos.forEach((kind, time) -> millis.put(kind, time / 1_000_000 / labels.get(kind)));
      out.append("  mean ms by kind: ").append(millis).append('\n');
      out.append(
          String.format(
              Locale.ROOT,
              "  used heap after a full GC: %.1f MB before, %.1f MB after (%+.1f MB)%n",
              before / 1048576.0,
              after / 1048576.0,
              (after - before) / 1048576.0));
      return out.toString();
    }

    private static long usedHeapAfterGc() {
      var memory = ManagementFactory.getMemoryMXBean();
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      return memory.getHeapMemoryUsage().getUsed();
    }

    // ------------------------------------------------------------------ preparation

    /** Real data to mutate: clients with administrations, a link, a FHIR bundle, a session. */
    private void prepare() {
      annToken = clinic.tokens.get("ann");
      adminToken = clinic.tokens.get("admin");
      Browser browser = new Browser(clinic);
      browser.signIn("admin", TestClinic.PASSWORD).expect(303);
      csrf = Browser.csrf(browser.get("/"));
      sessionCookie =
          browser.cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .reduce((a, b) -> a + "; " + b)
              .orElseThrow();
      clinic.users.forEach(
          (name, user) -> {
            if (!name.equals("ann") && !name.equals("admin")) {
              safeUserIds.add(user.id());
            }
          });
      // The seeded tokens are numbered in the order of the users; the fuzzer never revokes them.
      for (long id = 1; id <= clinic.tokens.size(); id++) {
        tokenIdsInUse.add(id);
      }
      JsonNode instruments = clinic.get("/api/instruments", "ann").expect(200).json();
      for (JsonNode instrument : instruments.get("instruments")) {
        List<String> items = new ArrayList<>();
        instrument.get("items").forEach(item -> items.add(item.get("id").asText()));
        itemIds.put(instrument.get("id").asText(), items);
      }
      clientIds.addAll(clinic.clients.values());
      long ann1 = clinic.clients.get("ann-1");
      for (int session = 1; session <= 4; session++) {
        Map<String, Object> body = TestClinic.phq9(session, 2, 2, 1, 1, 2, 1, 1, 0, 0);
        clinic.post("/api/clients/" + ann1 + "/administrations", "ann", body).expect(201);
        administrationBodies.add(JSON.valueToTree(body));
        Map<String, Object> ors = TestClinic.vas("ors", session, 4.5, 5.1, 6.2, 3.3);
        clinic.post("/api/clients/" + ann1 + "/administrations", "ann", ors).expect(201);
        administrationBodies.add(JSON.valueToTree(ors));
      }
      fhirBundle = clinic.get("/api/clients/" + ann1 + "/fhir", "ann").expect(200).body();
      var link =
          clinic.send(
              clinic
                  .request("/clients/" + ann1 + "/links", "ann")
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString("instrument=ors"))
                  .build());
      Matcher token = LINK.matcher(link.body());
      if (token.find()) {
        linkTokens.add(token.group(1));
      }
      instrumentDefinition =
          "{\"id\": \"fuzz-check\", \"version\": \"1\", \"title\": {\"en\": \"Fuzz check\"},"
              + " \"respondent\": \"client\", \"items\": [{\"id\": \"fc_1\", \"text\": {\"en\":"
              + " \"How are you?\"}, \"scale\": {\"min\": 0, \"max\": 3}}], \"scoring\": \"sum\"}";
    }

    // ------------------------------------------------------------------ checking

    /**
     * @param before the requests sent before on the same kept-alive connection, if any: a request
     *     that leaves bytes behind on it shows in the answer to a later one
     */
    private void check(String index, Sent sent, Answer answer, String before) {
      List<String> broken = new ArrayList<>();
      int status = answer.status();
      if (status == 0) {
        broken.add("no answer: the server closed the connection");
      } else if (status < 0) {
        broken.add("an answer that does not start with a status line: " + answer.headers());
      } else if (status < 200 || status >= 500) {
        broken.add("status " + status);
      }
      if (status != 0 && answer.header("Content-Security-Policy").isEmpty()) {
        broken.add("no Content-Security-Policy header");
      }
      if (status != 0 && answer.header("X-Content-Type-Options").isEmpty()) {
        broken.add("no X-Content-Type-Options header");
      }
      boolean head = sent.method().equals("HEAD");
      if (status >= 400 && !head) {
        String text = answer.text();
        if (text.isBlank()) {
          broken.add("an error answer without a body");
        }
        Matcher internal = INTERNALS.matcher(text);
        if (internal.find()) {
          broken.add("the answer names internals: '" + internal.group() + "'");
        }
        boolean plainFromJetty =
            (sent.malformed() || MALFORMED_TARGET.matcher(sent.target()).find())
                && answer.header("Content-Type").map(t -> t.startsWith("text/plain")).orElse(false);
        if (path(sent.target()).startsWith("/api") && !plainFromJetty) {
          checkJsonError(answer, broken);
        }
      }
      if (!broken.isEmpty() && failureCount.incrementAndGet() <= 25) {
        synchronized (failures) {
          String body = answer.text();
          failures.add(
              "#"
                  + index
                  + " "
                  + String.join("; ", broken)
                  + "\n  sent "
                  + sent.shown()
                  + "\n  got "
                  + status
                  + " "
                  + answer.header("Content-Type").orElse("")
                  + " "
                  + (body.length() > 400 ? body.substring(0, 400) + "..." : body)
                  + (before.isEmpty() ? "" : "\n" + before));
        }
      }
    }

    private static void checkJsonError(Answer answer, List<String> broken) {
      if (!answer.header("Content-Type").orElse("").startsWith("application/json")) {
        broken.add("an API error that is not JSON");
        return;
      }
      try {
        JsonNode error = JSON.readTree(answer.body()).get("error");
        if (error == null || !error.isTextual() || error.asText().isBlank()) {
          broken.add("an API error without a non-empty 'error' string");
        }
      } catch (java.io.IOException e) {
        broken.add("an API error whose body is not JSON");
      }
    }

    private static String path(String target) {
      int query = target.indexOf('?');
      return query < 0 ? target : target.substring(0, query);
    }

    // ------------------------------------------------------------------ generating

    /** One client thread's requests, from its own seeded random. */
    final class Generator {
      private final Random random;

      Generator(long seed) {
        this.random = new Random(seed);
      }

      private Sent next() {
        int kind = random.nextInt(100);
        if (kind < 30) {
          return jsonRequest();
        } else if (kind < 40) {
          return importRequest();
        } else if (kind < 58) {
          return readRequest();
        } else if (kind < 70) {
          return pageForm();
        } else if (kind < 80) {
          return anyMethod();
        } else if (kind < 92) {
          return oddPath();
        } else {
          return lyingHeaders();
        }
      }

      /** Who asks: 0 ann's token, 1 admin's token, 2 admin's browser session, 3 nobody, 4 junk. */
      private int who() {
        int roll = random.nextInt(100);
        return roll < 40 ? 0 : roll < 60 ? 1 : roll < 88 ? 2 : roll < 94 ? 3 : 4;
      }

      private List<String> auth(int who, boolean unsafe) {
        List<String> headers = new ArrayList<>();
        switch (who) {
          case 0 -> headers.add("Authorization: Bearer " + annToken);
          case 1 -> headers.add("Authorization: Bearer " + adminToken);
          case 2 -> {
            headers.add("Cookie: " + sessionCookie);
            if (unsafe && random.nextInt(10) < 8) {
              headers.add("X-CSRF-Token: " + (random.nextInt(10) == 0 ? "wrong" : csrf));
            }
          }
          case 4 ->
              headers.add(
                  pick(
                      "Authorization: Bearer ",
                      "Authorization: Bearer " + annToken + "x",
                      "Authorization: Basic YWRtaW46YWRtaW4=",
                      "Authorization: " + longText(5000),
                      "Cookie: alliance_session=" + longText(40),
                      "Cookie: alliance_session=; alliance_session=x",
                      "Authorization: Bearer \u00e9\u00e8"));
          default -> {}
        }
        return headers;
      }

      private List<String> withAccept(List<String> headers) {
        if (random.nextInt(4) == 0) {
          headers.add(
              "Accept: "
                  + pick(
                      "application/json",
                      "text/html",
                      "*/*",
                      "text/csv",
                      "application/xml",
                      "",
                      "application/json;q=0, text/html;q=0.1",
                      "\u00ff\u00fe",
                      "image/*"));
        }
        if (random.nextInt(8) == 0) {
          headers.add(
              pick(
                  "X-Forwarded-For: 10.0.0." + random.nextInt(255),
                  "X-Forwarded-Proto: https",
                  "Origin: http://evil.example",
                  "Referer: http://evil.example/",
                  "Accept-Language: " + pick("de", "*", "xx-YY;q=2", ""),
                  "Accept-Encoding: gzip, br",
                  "If-None-Match: \"x\"",
                  "Range: bytes=0-10",
                  "X-Custom: " + longText(random.nextInt(200))));
        }
        return headers;
      }

      // ---- JSON bodies

      private Sent jsonRequest() {
        int which = random.nextInt(10);
        String target;
        JsonNode body;
        int who = who();
        if (which < 6) {
          target = "/api/clients/" + clientId() + "/administrations";
          body = administrationBodies.get(random.nextInt(administrationBodies.size())).deepCopy();
          if (random.nextInt(3) == 0) {
            body = randomAdministration();
          }
        } else if (which < 9) {
          target = "/api/clients";
          ObjectNode client = NODES.objectNode();
          client.put("reference", "fz-" + Long.toString(random.nextLong() & 0xffffff, 36));
          if (random.nextBoolean()) {
            client.put("clinician", pick("ann", "ben", "cay", "admin", "north-sup", "nobody"));
          }
          body = client;
        } else {
          target = "/api/tokens";
          ObjectNode token = NODES.objectNode();
          token.put("name", "laptop " + random.nextInt(1000));
          body = token;
          if (random.nextBoolean()) {
            who = 2;
          }
        }
        if (random.nextInt(10) < 8) {
          body = mutate(body, 1 + random.nextInt(3));
        }
        String text = body.toString();
        if (random.nextInt(4) == 0) {
          text = mutateText(text);
        }
        List<String> headers = withAccept(auth(who, true));
        headers.add(
            "Content-Type: "
                + (random.nextInt(8) == 0
                    ? pick(
                        "text/plain",
                        "application/json; charset=utf-16",
                        "application/json; charset=bogus",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data",
                        "",
                        "application/fhir+json")
                    : "application/json"));
        return new Sent(
            "json " + path(target).replaceAll("/\\d+", "/{id}"),
            "POST",
            target,
            headers,
            text.getBytes(
                random.nextInt(30) == 0 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8),
            false,
            false);
      }

      private JsonNode randomAdministration() {
        ObjectNode body = NODES.objectNode();
        List<String> instruments = new ArrayList<>(itemIds.keySet());
        String instrument = instruments.get(random.nextInt(instruments.size()));
        body.put("instrument", instrument);
        if (random.nextBoolean()) {
          body.put("version", pick("1", "2", "0.9", ""));
        }
        body.put("session", random.nextInt(12));
        if (random.nextBoolean()) {
          body.put(
              "date",
              pick(
                  "2025-03-0" + (1 + random.nextInt(9)), "2024-02-29", "2025-02-29", "1900-01-01"));
        }
        ObjectNode answers = body.putObject("answers");
        for (String item : itemIds.get(instrument)) {
          if (random.nextInt(10) == 0) {
            continue;
          }
          switch (random.nextInt(8)) {
            case 0 -> answers.put(item, random.nextDouble() * 10);
            case 1 -> answers.putNull(item);
            case 2 -> answers.put(item, pick("missing", "skipped", "declined", "2", " 3 "));
            default -> answers.put(item, random.nextInt(5));
          }
        }
        return body;
      }

      /** One to a few changes to a JSON tree: fields removed, added, retyped or made huge. */
      private JsonNode mutate(JsonNode node, int times) {
        JsonNode root = node;
        for (int i = 0; i < times; i++) {
          List<ObjectNode> objects = new ArrayList<>();
          collect(root, objects);
          if (objects.isEmpty() || random.nextInt(20) == 0) {
            root = nasty(0);
            continue;
          }
          ObjectNode object = objects.get(random.nextInt(objects.size()));
          List<String> names = new ArrayList<>();
          object.fieldNames().forEachRemaining(names::add);
          String name =
              names.isEmpty() || random.nextInt(6) == 0
                  ? pick("extra", "", "answers", "session", "\u0000", "__proto__", longText(300))
                  : names.get(random.nextInt(names.size()));
          switch (random.nextInt(4)) {
            case 0 -> object.remove(name);
            default -> object.set(name, nasty(0));
          }
        }
        return root;
      }

      private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
          objects.add(object);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
          collect(children.next(), objects);
        }
      }

      /** A value a server must refuse or take without breaking. */
      private JsonNode nasty(int depth) {
        switch (random.nextInt(depth > 2 ? 14 : 17)) {
          case 0:
            return NODES.nullNode();
          case 1:
            return NODES.booleanNode(random.nextBoolean());
          case 2:
            return NODES.numberNode(
                pickDouble(1e308, -1e308, Double.MIN_VALUE, 0.0, -0.0, 2147483648.0, 1e19, 4.5));
          case 3:
            return NODES.numberNode(
                new java.math.BigInteger(
                    pick("9223372036854775808", "-9223372036854775809", "1" + "0".repeat(60))));
          case 4:
            return NODES.numberNode(
                pickLong(
                    Long.MAX_VALUE,
                    Long.MIN_VALUE,
                    Integer.MAX_VALUE,
                    Integer.MIN_VALUE,
                    -1,
                    0,
                    1_000,
                    100_000,
                    2_147_483_647));
          case 5:
            return NODES.textNode(
                pick("NaN", "Infinity", "-Infinity", "1e999", "-0", "0x10", "1,5", "", " "));
          case 6:
            return NODES.textNode(unicode());
          case 7:
            return NODES.textNode(longText(pickInt(100, 5_000, 70_000)));
          case 8:
            return NODES.textNode(
                pick(
                    "<img src=x onerror=alert(1)>",
                    "../../etc/passwd",
                    "'; DROP TABLE clients; --",
                    "${jndi:ldap://x}",
                    "{{7*7}}",
                    "%00",
                    "phq-9",
                    "ors",
                    "2999-01-01",
                    "0000-00-00",
                    "2025-13-40",
                    "+999999999-12-31"));
          case 9:
            return NODES.numberNode(random.nextInt(40) - 5);
          case 10:
            return NODES.numberNode(random.nextDouble() * 100 - 20);
          case 11:
            return NODES.textNode(Integer.toString(random.nextInt(20)));
          case 12:
            return NODES.numberNode(new java.math.BigDecimal("1e-400"));
          case 13:
            return NODES.textNode(pick("missing", "skipped", "declined", "null", "true"));
          case 14:
            {
              ArrayNode array = NODES.arrayNode();
              // A long array holds plain values only, so a body stays a few hundred kilobytes.
              boolean long_ = depth == 0 && random.nextInt(20) == 0;
              int size = long_ ? 5_000 : random.nextInt(4);
              for (int i = 0; i < size; i++) {
                array.add(long_ ? NODES.numberNode(random.nextInt(5)) : nasty(depth + 1));
              }
              return array;
            }
          case 15:
            {
              ObjectNode object = NODES.objectNode();
              int size = random.nextInt(4);
              for (int i = 0; i < size; i++) {
                object.set(pick("a", "phq9_1", "ors_1", "answers", unicode()), nasty(depth + 1));
              }
              return object;
            }
          default:
            return NODES.textNode("x");
        }
      }

      /** Changes to JSON text that a tree cannot hold: duplicates, NaN, depth, truncation, junk. */
      private String mutateText(String text) {
        switch (random.nextInt(10)) {
          case 0:
            {
              int brace = text.indexOf('{');
              return brace < 0
                  ? text
                  : text.substring(0, brace + 1)
                      + pick("\"session\": 1, ", "\"reference\": \"dup-a\", ", "\"name\": \"x\", ")
                      + text.substring(brace + 1);
            }
          case 1:
            return text.replaceFirst(
                ":\\s*(-?\\d+(\\.\\d+)?)",
                ": "
                    + pick(
                        "NaN",
                        "Infinity",
                        "-Infinity",
                        "1e99999",
                        "0" + "9".repeat(1200),
                        "01",
                        "1.",
                        ".5",
                        "+1"));
          case 2:
            {
              int depth = pickInt(50, 99, 101, 2_000, 100_000);
              boolean objects = random.nextBoolean();
              String open = objects ? "{\"a\":" : "[";
              String close = objects ? "}" : "]";
              return open.repeat(depth) + "1" + close.repeat(random.nextInt(5) == 0 ? 0 : depth);
            }
          case 3:
            return text.substring(0, random.nextInt(Math.max(1, text.length())));
          case 4:
            return text + pick("}", "]", " x", "\u0000", "{}", "\n\n");
          case 5:
            return pick("", " ", "null", "[]", "1", "\"text\"", "true", "{}", "[{}]", "\uFEFF{}");
          case 6:
            {
              byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
              for (int i = 0; i < 1 + random.nextInt(4) && bytes.length > 0; i++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
              }
              return new String(bytes, StandardCharsets.ISO_8859_1);
            }
          case 7:
            return text.replace("\"", pick("'", "\\\"", "\u201c", ""));
          case 8:
            return "// comment\n" + text;
          default:
            return text.replaceFirst("\"", "\"\\ud800");
        }
      }

      // ---- imports

      private Sent importRequest() {
        int who = who();
        boolean fhir = random.nextInt(4) == 0;
        String body = fhir ? fhirBody() : csvBody();
        StringBuilder target = new StringBuilder("/api/import");
        List<String> query = new ArrayList<>();
        if (random.nextInt(3) == 0) {
          query.add("strict=" + pick("true", "false", "maybe", ""));
        }
        if (random.nextInt(4) == 0) {
          query.add("instrument=" + pick("phq-9", "ors", "nope", "", "%zz"));
        }
        if (random.nextInt(5) == 0) {
          query.add("layout=" + pick("wide", "long", "tall", ""));
        }
        if (random.nextInt(5) == 0) {
          query.add("format=" + pick("csv", "fhir", "xml", ""));
        }
        if (random.nextInt(5) == 0) {
          query.add("clinician=" + pick("ann", "ben", "cay", "nobody", "admin"));
        }
        if (!query.isEmpty()) {
          target.append('?').append(String.join("&", query));
        }
        List<String> headers = withAccept(auth(who, true));
        headers.add(
            "Content-Type: "
                + (fhir
                    ? pick("application/fhir+json", "application/json", "application/x-ndjson")
                    : pick(
                        "text/csv",
                        "text/csv; charset=utf-8",
                        "text/plain",
                        "application/octet-stream")));
        return new Sent(
            fhir ? "import fhir" : "import csv",
            "POST",
            target.toString(),
            headers,
            body.getBytes(StandardCharsets.UTF_8),
            target.toString().contains("%zz"),
            false);
      }

      private String csvBody() {
        List<String> header = new ArrayList<>(List.of("client", "session", "date", "instrument"));
        if (random.nextInt(4) == 0) {
          header.add("clinician");
        }
        for (int i = 1; i <= 9; i++) {
          header.add("q" + i);
        }
        char delimiter = random.nextInt(10) == 0 ? ';' : ',';
        StringBuilder csv = new StringBuilder();
        if (random.nextInt(20) == 0) {
          csv.append('\uFEFF');
        }
        csv.append(String.join(String.valueOf(delimiter), header)).append('\n');
        int rows = random.nextInt(30) == 0 ? 2_000 : 1 + random.nextInt(20);
        for (int row = 0; row < rows; row++) {
          List<String> cells = new ArrayList<>();
          cells.add(
              random.nextInt(6) == 0
                  ? pick(
                      "<img src=x onerror=alert(2)>",
                      "../../etc/passwd",
                      "",
                      "ann-1",
                      "cay-1",
                      "\"a,b\"",
                      unicode())
                  : "imp-" + random.nextInt(40));
          cells.add(
              random.nextInt(8) == 0
                  ? pick("-1", "100000", "2147483647", "2147483648", "x", "", "1.5")
                  : Integer.toString(1 + random.nextInt(10)));
          cells.add(
              random.nextInt(8) == 0
                  ? pick("2999-01-01", "2025-02-30", "yesterday", "", "01/02/2025")
                  : "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
          cells.add(random.nextInt(10) == 0 ? pick("ors", "nope", "", "PHQ-9") : "phq-9");
          if (header.contains("clinician")) {
            cells.add(pick("ann", "ben", "cay", "nobody", ""));
          }
          for (int i = 0; i < 9; i++) {
            cells.add(
                random.nextInt(15) == 0
                    ? pick(
                        "NaN", "1e999", "", "skipped", "-1", "9", "\"", "x", "2.5", longText(100))
                    : Integer.toString(random.nextInt(4)));
          }
          if (random.nextInt(30) == 0) {
            cells.remove(cells.size() - 1);
          }
          if (random.nextInt(30) == 0) {
            cells.add("extra");
          }
          csv.append(String.join(String.valueOf(delimiter), cells)).append('\n');
        }
        String text = csv.toString();
        if (random.nextInt(8) == 0) {
          text = text.substring(0, random.nextInt(text.length()));
        }
        if (random.nextInt(20) == 0) {
          text = pick("", "\n", "nothing,useful\n1,2\n", "\"", longText(10_000));
        }
        return text;
      }

      private String fhirBody() {
        String text = fhirBundle;
        if (random.nextInt(10) < 7) {
          try {
            text = mutate(JSON.readTree(fhirBundle), 1 + random.nextInt(3)).toString();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
        if (random.nextInt(4) == 0) {
          text = mutateText(text);
        }
        return text;
      }

      // ---- reads

      private static final String[] READS = {
        "/health",
        "/openapi.json",
        "/",
        "/login",
        "/api/me",
        "/api/tokens",
        "/api/instruments",
        "/api/clients",
        "/api/clients/{id}",
        "/api/clients/{id}/trend",
        "/api/clients/{id}/fhir",
        "/api/alerts",
        "/api/cohort",
        "/api/audit",
        "/clients/{id}",
        "/clients/{id}/report",
        "/clients/{id}/charts/{measure}",
        "/clients/{id}/entry",
        "/team",
        "/team/chart",
        "/admin/users",
        "/admin/audit",
        "/admin/instruments",
        "/admin/import",
        "/f/{token}",
        "/static/alliance.css"
      };

      private static final java.util.Set<String> HEAVY =
          java.util.Set.of(
              "/",
              "/team",
              "/team/chart",
              "/clients/{id}/report",
              "/clients/{id}/charts/{measure}",
              "/api/clients/{id}/fhir",
              "/api/alerts",
              "/admin/audit");

      private Sent readRequest() {
        String template = READS[random.nextInt(READS.length)];
        if (HEAVY.contains(template) && random.nextInt(3) != 0) {
          // Charts, reports and whole-clinic pages cost tens of times more than the rest.
          template = READS[random.nextInt(READS.length)];
        }
        String target = fill(template) + query();
        List<String> headers = withAccept(auth(who(), false));
        return new Sent(
            "read " + template,
            random.nextInt(15) == 0 ? "HEAD" : "GET",
            target,
            headers,
            new byte[0],
            false,
            false);
      }

      private String fill(String template) {
        return template
            .replace("{id}", id())
            .replace("{measure}", pick("ors", "srs", "phq-9", "nope", "..", "%2e", "a".repeat(300)))
            .replace("{token}", linkToken());
      }

      private String query() {
        if (random.nextInt(3) != 0) {
          return "";
        }
        List<String> parameters = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
          String name =
              pick(
                  "limit",
                  "client",
                  "measure",
                  "minCases",
                  "rule",
                  "alert",
                  "instrument",
                  "done",
                  "strict",
                  "format",
                  "x",
                  "page");
          String value =
              pick(
                  "1",
                  "0",
                  "-1",
                  "10000",
                  "10001",
                  "2147483648",
                  "abc",
                  "",
                  "ors",
                  "phq-9",
                  "true",
                  "nope",
                  "%20",
                  "%zz",
                  "%",
                  "1e3",
                  "\u00e9",
                  longText(50));
          parameters.add(encodeSome(name) + "=" + encodeSome(value));
        }
        return "?" + String.join("&", parameters);
      }

      private String encodeSome(String text) {
        if (text.contains("%") || random.nextInt(5) != 0) {
          return text.chars().allMatch(c -> c > 32 && c < 127)
              ? text
              : URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
      }

      private String id() {
        int roll = random.nextInt(20);
        if (roll < 12) {
          return Long.toString(clientId());
        }
        return pick(
            "0",
            "-1",
            "999999",
            "9223372036854775807",
            "9223372036854775808",
            "abc",
            "1.5",
            "1e3",
            "%20",
            "01",
            "+1",
            "%2B1",
            "\u00e9",
            "1%2F2",
            "1;x",
            "%00",
            "0x10",
            "00000000000000000001");
      }

      private long clientId() {
        return clientIds.get(random.nextInt(clientIds.size()));
      }

      private String linkToken() {
        if (!linkTokens.isEmpty() && random.nextBoolean()) {
          return linkTokens.get(random.nextInt(linkTokens.size()));
        }
        return pick("x", "A".repeat(43), "b".repeat(300), "%zz", "..", "abc%2Fdef");
      }

      // ---- page forms and uploads

      private Sent pageForm() {
        int form = random.nextInt(13);
        String target;
        Map<String, String> fields = new LinkedHashMap<>();
        switch (form) {
          case 0 -> {
            target = "/clients/" + id() + "/entry";
            String instrument = pick("ors", "srs", "phq-9", "gad-7", "nope");
            fields.put("instrument", instrument);
            fields.put("session", pick("1", "2", "", "-1", "100000", "2147483648", "x", "7"));
            fields.put("date", pick("2025-03-04", "", "2999-01-01", "04/03/2025", "2025-02-30"));
            for (String item : itemIds.getOrDefault(instrument, List.of("ors_1", "ors_2"))) {
              fields.put(item, pick("0", "1", "2", "5.5", "", "10", "-1", "NaN", "x", "skipped"));
            }
          }
          case 1 -> {
            target = "/clients/" + id() + "/notes";
            fields.put("note", pick("Better this week", "", longText(5_000), unicode()));
            fields.put("session", pick("1", "", "-5", "x", "100001"));
            fields.put("date", pick("2025-03-04", "", "x"));
          }
          case 2 -> {
            target = "/clients/" + id() + "/acknowledgements";
            fields.put(
                "rule",
                pick("not-on-track", "risk", "rupture", "", "nope", "reliable-deterioration"));
            fields.put("session", pick("1", "2", "", "x"));
            fields.put("followUp", pick("called", "", longText(3_000)));
          }
          case 3 -> {
            target = "/clients/" + id() + "/links";
            fields.put("instrument", pick("ors", "srs", "phq-9", "", "nope"));
            fields.put("session", pick("", "1", "2147483647", "-1", "x"));
          }
          case 4 -> {
            target = "/admin/users";
            fields.put(
                "username",
                pick("fz" + random.nextInt(100_000), "", "admin", "a b", longText(200)));
            fields.put("displayName", pick("Fuzz", "", unicode()));
            fields.put("password", pick("correct horse battery staple", "", "short"));
            fields.put("role", pick("clinician", "supervisor", "admin", "", "root"));
            fields.put("team", pick("North", "South", "", "Nowhere"));
          }
          case 5 -> {
            target = "/admin/users/" + userId();
            fields.put("role", pick("clinician", "supervisor", "", "root"));
            fields.put("team", pick("North", "South", "", "Nowhere"));
          }
          case 6 -> {
            target = "/admin/users/" + userId() + "/disabled";
            fields.put("disabled", pick("true", "false", "", "maybe"));
          }
          case 7 -> {
            target = "/admin/instruments/" + pick("phq-9", "ors", "nope", "%2e%2e", "x") + "/use";
            fields.put("in_use", pick("true", "false", "", "maybe"));
          }
          case 8 -> {
            target = "/admin/import/confirm";
            fields.put("upload", pick("1", "x", "", "99999"));
            fields.put("strict", pick("true", "false", ""));
          }
          case 9 -> {
            target = "/admin/instruments/confirm";
            fields.put("definition", pick(instrumentDefinition, "", "{", longText(100)));
          }
          case 10 -> {
            String token = linkToken();
            target = "/f/" + token;
            String formCsrf = linkCsrf.get(token);
            fields.put(
                "_csrf", formCsrf != null && random.nextInt(5) != 0 ? formCsrf : pick("x", ""));
            for (String item : List.of("ors_1", "ors_2", "ors_3", "ors_4")) {
              fields.put(item, pick("0", "5", "10", "", "x", "11", "-1", "NaN"));
            }
          }
          case 11 -> {
            return upload();
          }
          default -> {
            target = "/login";
            fields.put("_csrf", pick("x", ""));
            fields.put("username", pick("ann", "nobody", "", longText(500)));
            fields.put("password", pick("wrong", "", longText(2_000)));
          }
        }
        int who = who();
        boolean csrfField = who == 2 && random.nextInt(10) < 7;
        if (csrfField) {
          fields.put("_csrf", random.nextInt(10) == 0 ? "wrong" : csrf);
        }
        StringBuilder body = new StringBuilder();
        fields.forEach(
            (name, value) ->
                body.append(body.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(
                        random.nextInt(40) == 0
                            ? pick("%zz", "%", "%00", "a%ZZb")
                            : URLEncoder.encode(value, StandardCharsets.UTF_8)));
        List<String> headers = withAccept(auth(who, !csrfField));
        headers.add(
            "Content-Type: "
                + (random.nextInt(12) == 0
                    ? pick("application/json", "text/plain", "multipart/form-data; boundary=x", "")
                    : "application/x-www-form-urlencoded"));
        return new Sent(
            "form " + path(target).replaceAll("/(?!f/)[^/]*\\d[^/]*", "/{id}"),
            "POST",
            target,
            headers,
            body.toString().getBytes(StandardCharsets.UTF_8),
            false,
            false);
      }

      private String userId() {
        int roll = random.nextInt(10);
        if (roll < 7) {
          return Long.toString(safeUserIds.get(random.nextInt(safeUserIds.size())));
        }
        return pick("0", "-1", "99999", "x", "9223372036854775808");
      }

      /** A multipart upload to the import or instruments preview, with or without the session. */
      private Sent upload() {
        boolean instruments = random.nextBoolean();
        String target = instruments ? "/admin/instruments/preview" : "/admin/import/preview";
        String field = instruments ? "definition" : "file";
        if (random.nextInt(6) == 0) {
          field = pick("file", "definition", "other", "");
        }
        String file = instruments ? instrumentDefinition : csvBody();
        if (random.nextInt(3) == 0) {
          file = mutateText(file);
        }
        String boundary = "fuzz" + random.nextInt(1_000_000);
        StringBuilder body = new StringBuilder();
        int who = who();
        if (who == 2 && random.nextInt(10) < 8) {
          body.append("--")
              .append(boundary)
              .append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
              .append(csrf)
              .append("\r\n");
        }
        if (!instruments) {
          body.append("--")
              .append(boundary)
              .append("\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n")
              .append(pick("csv", "fhir", "xml", ""))
              .append("\r\n");
        }
        body.append("--")
            .append(boundary)
            .append("\r\nContent-Disposition: form-data; name=\"")
            .append(field)
            .append("\"; filename=\"")
            .append(pick("a.csv", "a.json", "", "../../x", "\u00e9.csv"))
            .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .append(file)
            .append("\r\n");
        if (random.nextInt(8) != 0) {
          body.append("--").append(boundary).append("--\r\n");
        }
        List<String> headers = withAccept(auth(who, false));
        headers.add(
            "Content-Type: "
                + (random.nextInt(10) == 0
                    ? pick("multipart/form-data", "multipart/form-data; boundary=", "text/csv")
                    : "multipart/form-data; boundary=" + boundary));
        return new Sent(
            "upload " + target,
            "POST",
            target,
            headers,
            body.toString().getBytes(StandardCharsets.UTF_8),
            false,
            false);
      }

      // ---- methods, paths and headers

      private static final String[] METHODS = {
        "GET",
        "POST",
        "PUT",
        "DELETE",
        "PATCH",
        "HEAD",
        "OPTIONS",
        "TRACE",
        "FOO",
        "get",
        "PROPFIND",
        "CONNECT"
      };

      private Sent anyMethod() {
        String template =
            random.nextBoolean()
                ? READS[random.nextInt(READS.length)]
                : pick(
                    "/api/tokens/{token-id}",
                    "/api/import",
                    "/api/clients/{id}/administrations",
                    "/logout-never",
                    "/admin/users/{user}",
                    "/clients/{id}/notes");
        String target = fill(template).replace("{token-id}", tokenId()).replace("{user}", userId());
        String method = METHODS[random.nextInt(METHODS.length)];
        if (method.equals("CONNECT")) {
          target = "localhost:" + port;
        }
        int who = who();
        List<String> headers = withAccept(auth(who, true));
        byte[] body = new byte[0];
        if (random.nextBoolean()) {
          headers.add("Content-Type: application/json");
          body =
              mutate(NODES.objectNode().put("name", "x"), 1)
                  .toString()
                  .getBytes(StandardCharsets.UTF_8);
        }
        return new Sent(
            "method " + method,
            method,
            target,
            headers,
            body,
            method.equals("CONNECT"),
            method.equals("CONNECT"));
      }

      private String tokenId() {
        long id = 1 + random.nextInt(40);
        return tokenIdsInUse.contains(id) ? "99999" : Long.toString(id);
      }

      private Sent oddPath() {
        String base = fill(READS[random.nextInt(READS.length)]);
        String target =
            switch (random.nextInt(14)) {
              case 0 -> "/static/../../etc/passwd";
              case 1 -> base + "/../../../etc/passwd";
              case 2 -> "/%2e%2e/%2e%2e/etc/passwd";
              case 3 -> base.replaceFirst("/", "/%2e%2e/");
              case 4 -> base + "%zz";
              case 5 -> base + "%";
              case 6 -> base + "%c0%af";
              case 7 -> base + "%ff%fe";
              case 8 -> "//" + base;
              case 9 -> base + "/";
              case 10 -> base.replace("/", "\\");
              case 11 -> base + ";jsessionid=x";
              case 12 -> base.toUpperCase(Locale.ROOT);
              default -> base + "/" + "a".repeat(pickInt(10, 3_000, 9_000));
            };
        List<String> headers = withAccept(auth(who(), false));
        return new Sent(
            "path",
            random.nextInt(5) == 0 ? "POST" : "GET",
            target,
            headers,
            new byte[0],
            true,
            true);
      }

      /** Headers that lie or contradict: a wrong Content-Length, a bad Host, junk encodings. */
      private Sent lyingHeaders() {
        String target =
            pick(
                "/api/clients",
                "/api/clients/" + clientId() + "/administrations",
                "/api/import",
                "/api/tokens",
                "/login");
        byte[] body = administrationBodies.get(0).toString().getBytes(StandardCharsets.UTF_8);
        List<String> headers = auth(who(), true);
        headers.add("Content-Type: application/json");
        String label;
        switch (random.nextInt(9)) {
          case 0 -> {
            label = "lie: length too short";
            headers.add("Content-Length: " + random.nextInt(body.length));
          }
          case 1 -> {
            label = "lie: length too long";
            headers.add("Content-Length: " + (body.length + 1 + random.nextInt(100)));
          }
          case 2 -> {
            label = "lie: two lengths";
            headers.add("Content-Length: " + body.length);
            headers.add("Content-Length: " + (body.length + 1));
          }
          case 3 -> {
            label = "lie: length not a number";
            headers.add("Content-Length: " + pick("-1", "abc", "99999999999999999999", " ", "1e3"));
          }
          case 4 -> {
            label = "lie: bad host";
            headers.add(
                "Host: " + pick("evil.example", "a b", "", "[::1", "localhost:99999", "\u00e9"));
            headers.add("Content-Length: " + body.length);
          }
          case 5 -> {
            label = "lie: chunked junk";
            headers.add("Transfer-Encoding: chunked");
            body =
                pick("zz\r\nabc\r\n0\r\n\r\n", "5\r\nab\r\n0\r\n\r\n", "0\r\n\r\n", "3\r\nabc\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
          }
          case 6 -> {
            label = "lie: chunked and length";
            headers.add("Transfer-Encoding: chunked");
            headers.add("Content-Length: 3");
            body = "3\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
          }
          case 7 -> {
            label = "lie: expect";
            headers.add("Expect: " + pick("200-ok", "100-continue-please"));
            headers.add("Content-Length: " + body.length);
          }
          default -> {
            label = "lie: header junk";
            headers.add(
                pick(
                    "X-A: \u0007",
                    "Bad Header: x",
                    ": empty",
                    "X-B:" + longText(9_000),
                    "Content-Type: " + longText(3_000)));
            headers.add("Content-Length: " + body.length);
          }
        }
        return new Sent(label, "POST", target, headers, body, true, true);
      }

      // ---- small helpers

      @SafeVarargs
      private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
      }

      private int pickInt(int... choices) {
        return choices[random.nextInt(choices.length)];
      }

      private long pickLong(long... choices) {
        return choices[random.nextInt(choices.length)];
      }

      private double pickDouble(double... choices) {
        return choices[random.nextInt(choices.length)];
      }

      private String longText(int length) {
        StringBuilder text = new StringBuilder(length);
        // No dots: echoed back in an error, "ab.cd.ef" would read as a Java package name.
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 -_";
        for (int i = 0; i < length; i++) {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
      }

      private String unicode() {
        return pick(
            "\u00e9l\u00e8ve",
            "\u0645\u0631\u062d\u0628\u0627",
            "\u202eevil",
            "\ud83d\ude00\ud83d\udc4d",
            "a\u0301\u0301\u0301",
            "\u0000",
            "\ufeff",
            "\uffff",
            "\u2028\u2029",
            "\u4e2d\u6587",
            "\u0130I\u0131i");
      }
    }
  }
}
