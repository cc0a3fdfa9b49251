package org.alliance.io.instrument;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;

/**
 * A clinic's own instrument definitions, loaded from one JSON file or every {@code *.json} file of
 * a directory (in name order). A definition whose id is a built-in one replaces the built-in: that
 * is how a clinic adds the licensed item text of the SRS, for example.
 */
public final class InstrumentLibrary {
  private InstrumentLibrary() {}

  /** A problem in one definition file. */
  public record Problem(Path file, DefinitionProblem problem) {
    @Override
    public String toString() {
      return file + (problem.where().isEmpty() ? ": " : " ") + problem;
    }
  }

  /**
   * What loading gave: the valid instruments, and the problems of the others. A file with problems
   * contributes no instrument, and callers should refuse to go on while there are problems.
   */
  public record Loaded(List<Instrument> instruments, List<Problem> problems) {
    public Loaded {
      instruments = List.copyOf(instruments);
      problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
      return !problems.isEmpty();
    }

    /** The built-in instruments with these added, or replacing the built-ins of the same id. */
    public Catalog catalog() {
      return Catalog.builtIn().with(instruments);
    }
  }

  /** Loads one definition file, or every {@code *.json} file of a directory. */
  public static Loaded load(Path fileOrDirectory) {
    List<Path> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (Files.isDirectory(fileOrDirectory)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(fileOrDirectory, "*.json")) {
        entries.forEach(files::add);
      } catch (IOException e) {
        problems.add(
            new Problem(
                fileOrDirectory, DefinitionProblem.file("cannot list the directory: " + e)));
      }
      if (files.isEmpty() && problems.isEmpty()) {
        problems.add(
            new Problem(
                fileOrDirectory,
                DefinitionProblem.file("no instrument definitions (*.json files) here")));
      }
      files.sort(null);
    } else {
      files.add(fileOrDirectory);
    }
    Map<String, Path> fileById = new LinkedHashMap<>();
    List<Instrument> instruments = new ArrayList<>();
    for (Path file : files) {
      DefinitionResult result = readFile(file);
      result.problems().forEach(problem -> problems.add(new Problem(file, problem)));
      result
          .instrument()
          .ifPresent(
              instrument -> {
                Path earlier = fileById.putIfAbsent(instrument.id(), file);
                if (earlier != null) {
                  problems.add(
                      new Problem(
                          file,
                          DefinitionProblem.at(
                              "$.id",
                              "instrument '"
                                  + instrument.id()
                                  + "' is already defined in "
                                  + earlier
                                  + "; keep one definition per id")));
                } else {
                  instruments.add(instrument);
                }
              });
    }
    return new Loaded(instruments, problems);
  }

  /** Reads one definition file; an unreadable file is a problem, not an exception. */
  public static DefinitionResult readFile(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return InstrumentJson.read(reader);
    } catch (NoSuchFileException e) {
      return DefinitionResult.invalid(List.of(DefinitionProblem.file("no such file")));
    } catch (CharacterCodingException e) {
      return DefinitionResult.invalid(
          List.of(DefinitionProblem.file("not UTF-8 text: save the definition as UTF-8")));
    } catch (IOException e) {
      return DefinitionResult.invalid(
          List.of(DefinitionProblem.file("cannot read the file: " + e.getMessage())));
    }
  }
}
