package org.alliance.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command writes its results: standard output, or a file that appears only when the command
 * finishes (written beside it and moved into place), so a failed run never leaves a half-written
 * file.
 */
final class Output implements AutoCloseable {
  private final Writer writer;
  private final OutputStream stream;
  private final Path target;
  private final Path temporary;
  private final PrintWriter heldFor;
  private boolean committed;

  private Output(
      Writer writer, OutputStream stream, Path target, Path temporary, PrintWriter heldFor) {
    this.writer = writer;
    this.stream = stream;
    this.target = target;
    this.temporary = temporary;
    this.heldFor = heldFor;
  }

  /**
   * Like {@link #open(Path, PrintWriter)}, but standard output too receives nothing until the
   * command commits: the results wait in a temporary file, for commands that must write all or
   * nothing.
   */
  static Output openAllOrNothing(Path file, PrintWriter stdout) throws IOException {
    if (file != null && !file.toString().equals("-")) {
      return open(file, stdout);
    }
    Path temporary = leftBehindOnExit(Files.createTempFile("alliance-", ".partial"));
    return new Output(
        Files.newBufferedWriter(temporary, StandardCharsets.UTF_8), null, null, temporary, stdout);
  }

  static Output open(Path file, PrintWriter stdout) throws IOException {
    checkNotDirectory(file);
    if (file == null || file.toString().equals("-")) {
      return new Output(new BufferedWriter(stdout, 1 << 16), null, null, null, null);
    }
    Path temporary = temporary(file);
    return new Output(
        Files.newBufferedWriter(temporary, StandardCharsets.UTF_8),
        null,
        file.toAbsolutePath(),
        temporary,
        null);
  }

  /** A file for bytes, such as a PDF, that appears only when committed, as with {@link #open}. */
  static Output openBytes(Path file) throws IOException {
    checkNotDirectory(file);
    Path temporary = temporary(file);
    return new Output(
        null,
        new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16),
        file.toAbsolutePath(),
        temporary,
        null);
  }

  private static void checkNotDirectory(Path file) throws IOException {
    if (file != null && Files.isDirectory(file)) {
      throw new IOException("cannot write " + file + ": it is a directory");
    }
  }

  private static Path temporary(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    // Say it here: otherwise the error names the hidden temporary file, which the user never asked
    // for.
    if (!Files.isDirectory(absolute.getParent())) {
      throw new IOException(
          "cannot write "
              + file
              + ": the folder "
              + absolute.getParent()
              + " does not exist; create it first");
    }
    return leftBehindOnExit(
        Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial"));
  }

  /**
   * Ctrl-C ends the JVM without running the close that deletes an unfinished file: the JVM's exit
   * hook deletes it instead (a committed file has been moved away by then, so nothing is lost).
   */
  private static Path leftBehindOnExit(Path temporary) {
    temporary.toFile().deleteOnExit();
    return temporary;
  }

  Writer writer() {
    if (writer == null) {
      throw new IllegalStateException("a byte output has no writer");
    }
    return writer;
  }

  OutputStream stream() {
    if (stream == null) {
      throw new IllegalStateException("a text output has no byte stream");
    }
    return stream;
  }

  /** Marks the output complete: on close the file is moved into place. */
  void commit() {
    committed = true;
  }

  @Override
  public void close() throws IOException {
    Flushable sink = writer != null ? writer : stream;
    sink.flush();
    if (temporary == null) {
      return;
    }
    if (writer != null) {
      writer.close();
    } else {
      stream.close();
    }
    if (!committed) {
      Files.deleteIfExists(temporary);
      return;
    }
    if (heldFor != null) {
      try (var held = Files.newBufferedReader(temporary, StandardCharsets.UTF_8)) {
        held.transferTo(heldFor);
        heldFor.flush();
      } finally {
        Files.deleteIfExists(temporary);
      }
      return;
    }
    try {
      if (Files.exists(target)) {
        // Keep the permissions of the file being replaced; a new file stays readable by its owner
        // only.
        Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
      }
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | UnsupportedOperationException e) {
      Files.deleteIfExists(temporary);
      throw new IOException(
          "cannot write " + target + ": " + (e.getMessage() == null ? e : e.getMessage()), e);
    }
  }
}
