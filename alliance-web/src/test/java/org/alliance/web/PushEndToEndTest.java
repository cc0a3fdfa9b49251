package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alliance push} against the real server: the command line tool's jar (built before this
 * module by the reactor; the CLI and the server never depend on each other) uploads files through
 * the HTTP API.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushEndToEndTest {
  private static final Path CLI_JAR = Path.of("../alliance-cli/target/alliance.jar");

  private TestClinic clinic;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    Assumptions.assumeTrue(
        Files.isRegularFile(CLI_JAR),
        "skipped: "
            + CLI_JAR
            + " is not built; run the whole build (mvn verify) so alliance-cli is packaged first");
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
  }

  @AfterAll
  void stop() {
    if (clinic != null) {
      clinic.close();
    }
  }

  private record Run(int exit, String out, String err) {}

  private Run push(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                CLI_JAR.toString(),
                "push"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private String server() {
    return clinic.uri("").toString().replaceAll("/$", "");
  }

  @Test
  void uploadsACsvAndReportsTheRowsTheServerRejected(@TempDir Path dir) throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("answers.csv"),
            "client,session,date,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
                + "push-1,1,2025-02-03,2,2,2,2,2,2,2,2,0\n"
                + "push-1,2,2025-02-10,2,2,9,2,2,2,2,2,0\n");

    Run run =
        push(
            csv.toString(),
            "--server",
            server(),
            "--token",
            clinic.tokens.get("ann"),
            "--instrument",
            "phq-9");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("stored 1 of 2 administrations").contains("1 rejected");
    assertThat(run.err()).contains("answers.csv line 3, column 6 (q3)");
    assertThat(clinic.get("/api/clients", "ann").expect(200).body()).contains("push-1");
  }

  @Test
  void aRefusedTokenAndAnUnreachableServerAreClearErrors(@TempDir Path dir) throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("answers.csv"),
            "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\n" + "push-2,1,0,0,0,0,0,0,0,0,0\n");

    Run refused =
        push(
            csv.toString(),
            "--server",
            server(),
            "--token",
            "not-a-token",
            "--instrument",
            "phq-9");
    Run unreachable =
        push(
            csv.toString(),
            "--server",
            "http://127.0.0.1:9",
            "--token",
            "x",
            "--instrument",
            "phq-9");

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("the server refused the token");
    assertThat(unreachable.exit()).isEqualTo(1);
    assertThat(unreachable.err())
        .contains("cannot reach http://127.0.0.1:9")
        .doesNotContain("\tat ");
  }
}
