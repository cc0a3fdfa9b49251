package org.alliance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.io.instrument.DefinitionProblem;
import org.alliance.io.instrument.DefinitionResult;
import org.alliance.io.instrument.InstrumentLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code alliance instruments check FILE...}: validates instrument definitions and lists every
 * problem.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check JSON instrument definitions and list every problem with its JSON path (such as $.items[3].scale.max).",
      "A directory checks each of its *.json files. Exit code 0 when all are valid, 1 otherwise."
    })
final class InstrumentsCheckCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "Definition files (see docs/instruments.md), or directories of them.")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    boolean allValid = true;
    for (Path directory : files) {
      if (Files.isDirectory(directory) && expand(List.of(directory)).isEmpty()) {
        out.println(directory + ": no instrument definitions (*.json files) here");
        allValid = false;
      }
    }
    for (Path file : expand(files)) {
      DefinitionResult result = InstrumentLibrary.readFile(file);
      for (DefinitionProblem problem : result.problems()) {
        out.println(file + (problem.where().isEmpty() ? ": " : " ") + problem);
      }
      result
          .instrument()
          .ifPresent(instrument -> out.println(file + ": valid: " + describe(instrument)));
      allValid &= result.isValid();
    }
    out.flush();
    return allValid ? ExitCode.OK : ExitCode.INVALID_INPUT;
  }

  private static String describe(Instrument instrument) {
    String replaces =
        Catalog.builtIn().contains(instrument.id())
            ? " (replaces the built-in " + instrument.id() + ")"
            : "";
    return instrument.id()
        + " version "
        + instrument.version()
        + ", "
        + instrument.items().size()
        + (instrument.items().size() == 1 ? " item" : " items")
        + replaces;
  }

  /** Each file as given; each directory as its *.json files in name order. */
  private static List<Path> expand(List<Path> arguments) throws IOException {
    List<Path> result = new ArrayList<>();
    for (Path argument : arguments) {
      if (!Files.isDirectory(argument)) {
        result.add(argument);
        continue;
      }
      List<Path> inDirectory = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(argument, "*.json")) {
        entries.forEach(inDirectory::add);
      }
      inDirectory.sort(null);
      result.addAll(inDirectory);
    }
    return result;
  }
}
