package org.alliance.cli;

import static org.alliance.cli.Cli.PHQ9_HEADER;
import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 0 on success, 1 when the input has invalid rows or cannot be read, 2 on a usage error. */
class ExitCodesTest {
  @TempDir Path dir;

  private Path clean() throws IOException {
    return write(
        dir,
        "clean.csv",
        PHQ9_HEADER
            + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n"
            + "c2,1,2024-01-02,1,1,1,1,1,1,1,1,1\n");
  }

  private static void assertNoStackTrace(Cli.Run run) {
    assertThat(run.err()).as(run.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.out()).as(run.toString()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "jsonl", "table"})
  void aCleanFileExitsWith0(String format) throws IOException {
    Cli.Run run = run("score", clean().toString(), "--instrument", "phq-9", "--format", format);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("c1").contains("c2");
    assertThat(run.err())
        .isEqualTo("scored 2 administrations: 2 valid, 0 invalid" + System.lineSeparator());
  }

  @Test
  void validateExitsWith0OnACleanFile() throws IOException {
    Cli.Run run = run("validate", clean().toString(), "--instrument", "phq-9");

    assertThat(run.exit()).as(run.toString()).isZero();
  }

  @Test
  void aFileWithAnInvalidRowExitsWith1AndStillScoresTheValidRows() throws IOException {
    Path file =
        write(
            dir,
            "invalid.csv",
            PHQ9_HEADER
                + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n"
                + "c2,1,2024-01-02,0,1,9,3,0,1,2,3,0\n"
                + "c3,1,2024-01-03,1,1,1,1,1,1,1,1,1\n");

    Cli.Run run = run("score", file.toString(), "--instrument", "phq-9");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out().lines())
        .contains(
            "c1,1,2024-01-01,phq-9,12,moderate,true,,true,",
            "c3,1,2024-01-03,phq-9,9,mild,false,phq9_9,true,");
    assertThat(run.out().lines())
        .anySatisfy(
            line -> assertThat(line).startsWith("c2,1,2024-01-02,phq-9,,").contains("false"));
    assertNoStackTrace(run);
  }

  @Test
  void aFileWithoutASessionColumnExitsWith1WithoutAStackTrace() throws IOException {
    Path file = write(dir, "nosession.csv", "client,date,q1\nc1,2024-01-01,1\n");

    for (String command : new String[] {"score", "validate"}) {
      Cli.Run run = run(command, file.toString(), "--instrument", "phq-9");

      assertThat(run.exit()).as(run.toString()).isEqualTo(1);
      assertThat(run.err())
          .as(run.toString())
          .startsWith("alliance: ")
          .contains(file.toString())
          .contains("line 1")
          .contains("'session'");
      assertNoStackTrace(run);
    }
  }

  @Test
  void aDuplicateHeaderExitsWith1WithoutAStackTrace() throws IOException {
    Path file = write(dir, "dup.csv", "client,session,q1,q1\nc1,1,1,1\n");

    Cli.Run run = run("score", file.toString(), "--instrument", "phq-9", "--format", "table");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("line 1, column 4 (q1)").contains("twice");
    assertNoStackTrace(run);
  }

  @Test
  void invalidUtf8DeepInAFileExitsWith1NamingItsLineWithoutAStackTrace() throws IOException {
    Path file = write(dir, "latin.csv", Fixtures.withBadByteOnLastLine(5000));

    for (String format : new String[] {"csv", "jsonl", "table"}) {
      Cli.Run run = run("score", file.toString(), "--instrument", "phq-9", "--format", format);

      assertThat(run.exit()).as(run.toString()).isEqualTo(1);
      String report = format.equals("jsonl") ? run.out() : run.err();
      assertThat(report).as(format).contains("UTF-8");
      if (!format.equals("jsonl")) {
        assertThat(run.err()).as(format).contains(file + " line 5001, column 1 (client)");
      }
      assertThat(run.err()).as(format).contains("4999 valid, 1 invalid");
      assertNoStackTrace(run);
    }
  }

  @Test
  void anEmptyFileExitsWith1() throws IOException {
    Path file = write(dir, "empty.csv", "");

    Cli.Run run = run("score", file.toString(), "--instrument", "phq-9");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("empty");
    assertNoStackTrace(run);
  }

  @Test
  void aMissingFileIsAUsageError() {
    String missing = dir.resolve("nope.csv").toString();

    for (String command : new String[] {"score", "validate"}) {
      Cli.Run run = run(command, missing, "--instrument", "phq-9");

      assertThat(run.exit()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).contains("no such file").contains("nope.csv");
      assertThat(run.out()).isEmpty();
      assertNoStackTrace(run);
    }
  }

  @Test
  void aDirectoryIsNotAFile() {
    Cli.Run run = run("score", dir.toString(), "--instrument", "phq-9");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
  }

  @Test
  void anUnknownInstrumentIsAUsageError() throws IOException {
    Cli.Run run = run("score", clean().toString(), "--instrument", "phq-99");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("unknown instrument 'phq-99'").contains("phq-9");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownOptionIsAUsageError() throws IOException {
    Cli.Run run = run("score", clean().toString(), "--instrument", "phq-9", "--colour");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--colour");
  }

  @Test
  void aBadFormatIsAUsageError() throws IOException {
    Cli.Run run = run("score", clean().toString(), "--instrument", "phq-9", "--format", "xml");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--format").contains("xml");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aBadLayoutIsAUsageError() throws IOException {
    Cli.Run run = run("score", clean().toString(), "--instrument", "phq-9", "--layout", "diagonal");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
  }

  @Test
  void aMissingFileArgumentIsAUsageError() {
    assertThat(run("score").exit()).isEqualTo(2);
    assertThat(run("validate", "--instrument", "phq-9").exit()).isEqualTo(2);
    assertThat(run("frobnicate").exit()).isEqualTo(2);
  }

  @Test
  void formatAndLayoutValuesIgnoreCase() throws IOException {
    assertThat(
            run(
                    "score",
                    clean().toString(),
                    "--instrument",
                    "phq-9",
                    "--format",
                    "JSONL",
                    "--layout",
                    "Wide")
                .exit())
        .isZero();
  }

  /** Fixture bytes shared by the CLI tests. */
  static final class Fixtures {
    private Fixtures() {}

    /**
     * A PHQ-9 file of a header and {@code rows} rows; the last row's client holds a byte that is
     * not UTF-8.
     */
    static byte[] withBadByteOnLastLine(int rows) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.write("client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 1; i < rows; i++) {
        bytes.write(("c" + i + ",1,0,1,2,3,0,1,2,3,0\n").getBytes(StandardCharsets.UTF_8));
      }
      bytes.write(new byte[] {'c', (byte) 0xFF});
      bytes.write(",1,0,1,2,3,0,1,2,3,0\n".getBytes(StandardCharsets.UTF_8));
      return bytes.toByteArray();
    }
  }
}
