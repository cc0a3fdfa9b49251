package org.alliance.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.alliance.io.csv.InstrumentInference;
import picocli.CommandLine;

/** The check every command makes of the file it is given to read, before it opens it. */
final class InputFiles {
  private InputFiles() {}

  /** Files from this size up show a progress bar while read; smaller ones are read in a blink. */
  private static final long LARGE = 1 << 20;

  static final String ENCODING_DESCRIPTION =
      "Character encoding of the file, such as windows-1252 or iso-8859-1. Default: UTF-8.";

  /**
   * Whether reading this file shows a progress bar: a large file, on a terminal only
   * (System.console is null whenever standard input or output is a pipe or a file), so a pipe never
   * receives one.
   */
  static boolean showsProgress(Path file) throws IOException {
    return !isStdin(file) && System.console() != null && Files.size(file) >= LARGE;
  }

  /** The file (or standard input for {@code -}) with a progress bar when {@code progress}. */
  static InputStream open(Path file, boolean progress) throws IOException {
    if (isStdin(file)) {
      return System.in;
    }
    InputStream in = Files.newInputStream(file);
    return ProgressInput.wrap(in, Files.size(file), "reading " + file.getFileName(), progress);
  }

  /** How messages name the file. */
  static String name(Path file) {
    return isStdin(file) ? "<stdin>" : file.toString();
  }

  /**
   * Names the instrument told from the item columns, so nobody is left to guess what was scored.
   */
  static void noteInstrument(Optional<InstrumentInference> inferred, PrintWriter err) {
    inferred.ifPresent(inference -> err.println(inference.note("scored")));
  }

  /** Whether the file is standard input ({@code -}). */
  static boolean isStdin(Path file) {
    return file.toString().equals("-");
  }

  /**
   * A usage error saying what is wrong with the input file: missing, a directory or unreadable. A
   * directory used to be reported as "no such file", which sent users looking for a typo.
   */
  static void check(Path file, CommandLine commandLine) {
    if (isStdin(file)) {
      return;
    }
    if (Files.isDirectory(file)) {
      throw new CommandLine.ParameterException(
          commandLine, file + " is a directory; give a file inside it");
    }
    if (!Files.exists(file)) {
      throw new CommandLine.ParameterException(commandLine, "no such file: " + file);
    }
    if (!Files.isReadable(file)) {
      throw new CommandLine.ParameterException(
          commandLine, "cannot read " + file + ": permission denied");
    }
  }
}
