package org.alliance.cli;

import static org.alliance.cli.Cli.PHQ9_HEADER;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code alliance convert big.csv --to fhir-ndjson | head -c 100}: once the reader of standard
 * output has gone, the command stops at once and quietly (it used to run on for minutes).
 */
class ClosedOutputTest {
  @TempDir Path dir;

  private Path big(int rows) throws IOException {
    StringBuilder file = new StringBuilder(PHQ9_HEADER);
    for (int i = 0; i < rows; i++) {
      file.append("c").append(i).append(",1,2024-01-01,0,1,2,3,0,1,2,3,0\n");
    }
    return write(dir, "big.csv", file.toString());
  }

  /** Standard output whose reader takes {@code limit} bytes and then closes the pipe. */
  private static final class Pipe extends OutputStream {
    private final int limit;
    private int written;
    int attemptsAfterClosing;

    Pipe(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (written >= limit) {
        attemptsAfterClosing++;
        throw new IOException("Broken pipe");
      }
      written += length;
    }
  }

  @Test
  void aClosedOutputStopsTheCommandQuietly() throws IOException {
    Path file = big(3000);
    Pipe pipe = new Pipe(100);
    StringWriter err = new StringWriter();
    CommandLine commandLine = AllianceCommand.commandLine();
    commandLine.setOut(ClosedOutput.writer(pipe, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(err, true));

    int exit = AllianceCommand.run(commandLine, "convert", file.toString(), "--to", "fhir-ndjson");

    assertThat(exit).isEqualTo(ExitCode.OK);
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("internal error");
    // It stopped: no summary of a finished conversion, and no more writes into the closed pipe
    // than the one that found it closed and the final flush.
    assertThat(err.toString()).doesNotContain("converted");
    assertThat(pipe.attemptsAfterClosing).isLessThanOrEqualTo(2);
  }

  @Tag("slow")
  @Test
  void aRealProcessStopsAtOnceWhenItsPipeIsClosed() throws Exception {
    Path file = big(20_000);
    String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                javaCommand,
                "-cp",
                System.getProperty("java.class.path"),
                AllianceCommand.class.getName(),
                "convert",
                file.toString(),
                "--to",
                "fhir-ndjson")
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    try (InputStream out = process.getInputStream()) {
      assertThat(out.readNBytes(100)).hasSize(100);
    }

    boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }

    String err = java.nio.file.Files.readString(dir.resolve("stderr.txt"));
    assertThat(ended).as("ended after its pipe closed; stderr: " + err).isTrue();
    assertThat(process.exitValue()).as(err).isEqualTo(ExitCode.OK);
    assertThat(err).doesNotContain("Exception").doesNotContain("converted");
  }
}
