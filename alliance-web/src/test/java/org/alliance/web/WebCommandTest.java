package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin commands: adding the first admin and a token from the server's machine, and their
 * errors.
 */
class WebCommandTest {
  @TempDir Path dataDir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String stdin, String... args) {
    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int exit = WebCommand.run(args);
      return new Run(
          exit,
          outBytes.toString(StandardCharsets.UTF_8),
          errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(in);
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void theFirstAdminAndTheirTokenReachTheApi() {
    Run added =
        run(
            "a long enough password\n",
            "add-user",
            "--data-dir",
            dataDir.toString(),
            "--username",
            "root",
            "--display-name",
            "Clinic Root",
            "--role",
            "admin");
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(added.out()).contains("added admin root");
    Run token =
        run(
            "",
            "add-token",
            "--data-dir",
            dataDir.toString(),
            "--username",
            "root",
            "--name",
            "laptop");
    assertThat(token.exit()).as(token.err()).isZero();
    String secret = token.out().trim();
    assertThat(secret).startsWith("alliance_");
    try (TestClinic clinic =
        TestClinic.around(ClinicServer.start(ServerSettings.embedded(dataDir)))) {
      assertThat(
              clinic
                  .get("/api/me", "Bearer " + secret)
                  .expect(200)
                  .json()
                  .get("displayName")
                  .asText())
          .isEqualTo("Clinic Root");
      new Browser(clinic).signIn("root", "a long enough password").expect(303);
    }
  }

  @Test
  void badInputIsAClearMessageNotAStackTrace() {
    Run shortPassword =
        run(
            "short\n",
            "add-user",
            "--data-dir",
            dataDir.toString(),
            "--username",
            "x",
            "--role",
            "admin");
    assertThat(shortPassword.exit()).isEqualTo(1);
    assertThat(shortPassword.err()).contains("at least 10 characters");
    Run role =
        run("", "add-user", "--data-dir", dataDir.toString(), "--username", "x", "--role", "boss");
    assertThat(role.exit()).isEqualTo(2);
    assertThat(role.err()).contains("--role must be admin, supervisor or clinician");
    Run supervisor =
        run(
            "",
            "add-user",
            "--data-dir",
            dataDir.toString(),
            "--username",
            "x",
            "--role",
            "supervisor");
    assertThat(supervisor.err()).contains("a supervisor needs --team");
    Run noUser =
        run(
            "",
            "add-token",
            "--data-dir",
            dataDir.toString(),
            "--username",
            "ghost",
            "--name",
            "x");
    assertThat(noUser.exit()).isEqualTo(1);
    assertThat(noUser.err()).contains("no enabled user ghost").doesNotContain("\tat ");
    Run url = run("", "--db-url", "jdbc:mysql://db/x", "--port", "0");
    assertThat(url.exit()).isEqualTo(1);
    assertThat(url.err()).contains("unsupported database URL").doesNotContain("\tat ");
    assertThat(run("", "--port", "many").exit()).isEqualTo(2);
    Run everywhere = run("", "--data-dir", dataDir.toString(), "--port", "0", "--host", "0.0.0.0");
    assertThat(everywhere.exit()).isEqualTo(2);
    assertThat(everywhere.err()).contains("--public-url is needed").doesNotContain("\tat ");
    Run tiny = run("", "--data-dir", dataDir.toString(), "--port", "0", "--max-body-mb", "0");
    assertThat(tiny.exit()).isEqualTo(2);
    assertThat(tiny.err()).contains("at least 16 KB");
    Run idle =
        run("", "--data-dir", dataDir.toString(), "--port", "0", "--session-idle-minutes", "0");
    assertThat(idle.exit()).isEqualTo(2);
    assertThat(idle.err()).contains("--session-idle-minutes must lie in 1..720");
    Run common =
        run(
            "password123\n",
            "add-user",
            "--data-dir",
            dataDir.toString(),
            "--username",
            "x",
            "--role",
            "admin");
    assertThat(common.exit()).isEqualTo(1);
    assertThat(common.err()).contains("100,000 most common passwords");
  }

  @Test
  void createAdminAddsTheFirstAdminOnceAndRefusesAWeakPassword() {
    ServerSettings settings = ServerSettings.embedded(dataDir);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(createAdmin(settings, Optional.of("password123"), out, err)).isEqualTo(1);
    assertThat(err.toString()).contains("--create-admin: this is one of the 100,000");
    assertThat(createAdmin(settings, Optional.empty(), out, err)).isEqualTo(1);
    assertThat(err.toString()).contains("set the environment variable ALLIANCE_ADMIN_PASSWORD");
    assertThat(createAdmin(settings, Optional.of("a long enough password"), out, err)).isZero();
    assertThat(out.toString()).contains("added admin boss");
    // Starting again with the same option changes nothing, whatever the password.
    assertThat(createAdmin(settings, Optional.of("another long password"), out, err)).isZero();
    assertThat(out.toString()).contains("there is already a user boss (admin); left as it is");
    try (TestClinic clinic =
        TestClinic.around(ClinicServer.start(ServerSettings.embedded(dataDir)))) {
      assertThat(clinic.server.hasUsers()).isTrue();
      new Browser(clinic).signIn("boss", "a long enough password").expect(303);
      assertThat(clinic.get("/login", null).body()).doesNotContain("No one can sign in yet");
    }
  }

  private static int createAdmin(
      ServerSettings settings, Optional<String> password, StringWriter out, StringWriter err) {
    return WebCommand.createAdmin(
        settings, "boss", () -> password, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void aServerWithoutUsersSaysHowToAddTheFirstAdminWithItsOwnDatabaseOptions() {
    String embedded = WebCommand.firstAdminHint(ServerSettings.embedded(Path.of("data")));
    assertThat(embedded)
        .contains("No one can sign in yet")
        .contains("--create-admin admin")
        .contains("./alliance-web.sh add-user --username admin --role admin\n")
        .doesNotContain("--data-dir");
    assertThat(WebCommand.firstAdminHint(ServerSettings.embedded(dataDir)))
        .contains("add-user --username admin --role admin --data-dir '" + dataDir + "'");
    String postgres =
        WebCommand.firstAdminHint(
            ServerSettings.embedded(dataDir)
                .withDatabase(
                    "jdbc:postgresql://db:5432/alliance?password=secret",
                    Optional.empty(),
                    Optional.empty()));
    assertThat(postgres)
        .contains("--db-url 'jdbc:postgresql://db:5432/alliance'")
        .contains("PostgreSQL allows both")
        .doesNotContain("secret");
  }

  @Test
  void aPortInUseIsNamedAndNoDatabaseIsCreated() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Path fresh = dataDir.resolve("fresh");

      Run run =
          run("", "--port", String.valueOf(taken.getLocalPort()), "--data-dir", fresh.toString());

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err()).contains("port " + taken.getLocalPort()).contains("in use");
      assertThat(fresh).doesNotExist();
    }
  }
}
