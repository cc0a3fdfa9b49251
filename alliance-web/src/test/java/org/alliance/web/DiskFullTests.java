package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.platform.security.LoginThrottle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database's directory is a small tmpfs that the test fills until the disk is full, with
 * submissions under way. Every submission refused is answered 507 with a message saying the server
 * cannot store data (never a stack trace); what needs no writing keeps being answered; once the
 * tmpfs is made bigger the same server stores again without a restart; and every submission
 * answered 201 is there, nothing else is, also after a restart of the server. Needs root to mount a
 * tmpfs; skipped with a message saying so where mounting is refused. Run on H2 and on a private
 * PostgreSQL by the subclasses; the figures it prints are quoted in docs/reliability.md.
 */
abstract class DiskFullTests {

  @TempDir Path temp;

  /** Which database, for the figures printed. */
  abstract String name();

  /** The size of the tmpfs: room for the database with a little to spare. */
  abstract int megabytes();

  /** Starts the database in the directory (the tmpfs) and returns the server's settings for it. */
  abstract ServerSettings startDatabase(Path directory) throws Exception;

  /** Room left on the disk before the submissions start: some dozens or hundreds fill it. */
  long room() {
    return 512 * 1024;
  }

  /** Stops what {@link #startDatabase} started, once the servers are stopped. */
  void stopDatabase() {}

  @Test
  void aFullDiskIsAnsweredClearlyAndNothingIsLost() throws Exception {
    Path dataDir = temp.resolve("data");
    Files.createDirectories(dataDir);
    mount(dataDir, megabytes());
    try {
      ServerSettings settings = startDatabase(dataDir);
      Map<Integer, Integer> stored = new TreeMap<>(); // session -> total, as the server answered
      Set<Integer> refused = new LinkedHashSet<>();
      Set<Integer> unconfirmed = new LinkedHashSet<>();
      Map<String, Integer> whileFull = new java.util.LinkedHashMap<>();
      Map<String, String> tokens;
      long client;
      int createdBeforeFull;
      int storedOnRetry = 0;
      int alreadyStoredOnRetry = 0;
      try (TestClinic clinic =
          TestClinic.start(settings, Clock.systemUTC(), LoginThrottle.defaults())) {
        tokens = Map.copyOf(clinic.tokens);
        client = clinic.clients.get("ann-1");
        fill(dataDir, room());

        // Submit until five in a row are refused.
        int session = 1;
        for (int refusedInARow = 0; refusedInARow < 5; session++) {
          assertThat(session)
              .as("the disk filled up")
              .isLessThan(SubmissionLoad.SESSIONS_PER_CLIENT);
          Reply reply = submit(clinic, client, session);
          if (reply.status() == 201) {
            stored.put(session, total(session));
            refusedInARow = 0;
            continue;
          }
          assertThat(reply.status()).as("refused with %s", reply.body()).isEqualTo(507);
          assertClear(reply);
          String message = reply.json().get("error").asText();
          assertThat(message).contains("cannot store data").contains("disk is full");
          if (message.contains("may or may not have been saved")) {
            unconfirmed.add(session);
          } else {
            assertThat(message).contains("nothing was saved");
          }
          refused.add(session);
          refusedInARow++;
        }
        createdBeforeFull = stored.size();

        // While the disk is full: what needs no writing is answered. Client data is shown only
        // once its reading is recorded in the audit log: where that entry still finds room it is
        // shown, else refused clearly (H2 closes its file at the first failed write, PostgreSQL
        // may still have room in the audit log's last page).
        for (String path : List.of("/health", "/api/instruments", "/api/me")) {
          whileFull.put(path, clinic.get(path, "ann").expect(200).status());
        }
        Reply data = clinic.get("/api/clients/" + client, "ann");
        if (data.status() == 200) {
          assertThat(served(data)).isEqualTo(stored);
        } else {
          data.expect(507);
          assertClear(data);
          assertThat(data.json().get("error").asText())
              .contains("disk is full")
              .contains("audit log");
        }
        whileFull.put("/api/clients/{id}", data.status());
        Reply page = clinic.get("/clients/" + client, "ann");
        assertThat(page.status()).isIn(200, 507);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).contains("text/html");
        assertThat(page.body()).doesNotContain("Exception");
        if (page.status() == 507) {
          assertThat(page.body()).contains("disk is full");
        }
        whileFull.put("/clients/{id}", page.status());

        // Room again: the same server stores the refused submissions, sent again, and new ones.
        remount(dataDir, 2 * megabytes());
        for (int again : refused) {
          Reply reply = submit(clinic, client, again);
          if (reply.status() == 201) {
            stored.put(again, total(again));
            storedOnRetry++;
          } else {
            reply.expect(409);
            assertThat(unconfirmed)
                .as("only a submission whose commit was not confirmed may have been stored")
                .contains(again);
            stored.put(again, total(again));
            alreadyStoredOnRetry++;
          }
        }
        for (int i = 0; i < 20; i++, session++) {
          submit(clinic, client, session).expect(201);
          stored.put(session, total(session));
        }
        assertThat(served(clinic, client)).isEqualTo(stored);
      }

      // A restart on the same directory serves every stored submission and nothing else.
      try (TestClinic restarted = TestClinic.around(ClinicServer.start(settings))) {
        restarted.tokens.putAll(tokens);
        assertThat(served(restarted, client)).isEqualTo(stored);
        int audited =
            restarted
                .server
                .database()
                .read(
                    handle ->
                        handle
                            .createQuery(
                                "SELECT COUNT(*) FROM audit_log WHERE action ="
                                    + " 'administration.create'")
                            .mapTo(Integer.class)
                            .one());
        assertThat(audited).isEqualTo(stored.size());
      }

      System.out.printf(
          "%s disk full: %d submissions answered 201 before the disk was full (%d KB left),"
              + " then %d answered 507 (%d of them with the commit unconfirmed); while full: %s;"
              + " after the tmpfs was made bigger, the refused ones sent again: %d answered 201,"
              + " %d answered 409 (stored after all), then 20 new ones answered 201, without a"
              + " restart; %d rows stored and served, also after a restart%n",
          name(),
          createdBeforeFull,
          room() / 1024,
          refused.size(),
          unconfirmed.size(),
          whileFull,
          storedOnRetry,
          alreadyStoredOnRetry,
          stored.size());
    } finally {
      try {
        stopDatabase();
      } finally {
        PrivatePostgres.run(List.of("umount", dataDir.toString()), true);
      }
    }
  }

  private static Reply submit(TestClinic clinic, long client, int session) {
    return clinic.post(
        "/api/clients/" + client + "/administrations",
        "ann",
        TestClinic.phq9(session, answers(session)));
  }

  private static int[] answers(int session) {
    int[] answers = new int[9];
    for (int i = 0; i < 9; i++) {
      answers[i] = (session + i) % 4;
    }
    return answers;
  }

  private static int total(int session) {
    return java.util.Arrays.stream(answers(session)).sum();
  }

  /** The PHQ-9 totals the server serves for the client, by session. */
  private static Map<Integer, Integer> served(TestClinic clinic, long client) {
    return served(clinic.get("/api/clients/" + client, "ann").expect(200));
  }

  private static Map<Integer, Integer> served(Reply reply) {
    Map<Integer, Integer> totals = new HashMap<>();
    JsonNode administrations = reply.json().get("administrations");
    administrations.forEach(
        stored -> totals.put(stored.get("session").asInt(), (int) stored.get("total").asDouble()));
    return new TreeMap<>(totals);
  }

  /** A JSON error with a message, and nothing of the server's insides. */
  private static void assertClear(Reply reply) {
    assertThat(reply.headers().firstValue("Content-Type").orElseThrow()).contains("json");
    assertThat(reply.body())
        .doesNotContain("Exception")
        .doesNotContain("org.h2")
        .doesNotContain("\tat ");
  }

  /** Mounts a tmpfs on the directory, or skips the test where that is refused. */
  private static void mount(Path dir, int megabytes) throws IOException, InterruptedException {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "mounting a small tmpfs to fill needs root; this test runs as "
            + System.getProperty("user.name")
            + " and is skipped (CI runs it as root)");
    List<String> command =
        List.of(
            "mount",
            "-t",
            "tmpfs",
            "-o",
            "size=" + megabytes + "m,mode=0700",
            "tmpfs",
            dir.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(
        process.waitFor() == 0,
        "this machine refuses to mount a tmpfs ("
            + output.strip()
            + "), so the full disk cannot be made; skipped");
  }

  private static void remount(Path dir, int megabytes) throws IOException, InterruptedException {
    PrivatePostgres.run(
        List.of("mount", "-o", "remount,size=" + megabytes + "m", dir.toString()), true);
  }

  /** Fills the file system with a file of zeros until only {@code room} bytes are left. */
  private static void fill(Path dir, long room) throws IOException {
    long free = Files.getFileStore(dir).getUsableSpace();
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(dir.resolve("filler"))) {
      for (long written = 0; written < free - room; written += block.length) {
        out.write(block);
      }
    }
  }
}
