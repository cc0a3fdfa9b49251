package org.alliance.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.io.instrument.InstrumentLibrary;

/**
 * The catalog a command works with: the built-in instruments plus those of {@code --instruments}. A
 * problem in a definition stops the command before it reads any data, because scoring with a
 * half-loaded instrument would give wrong numbers without a word.
 */
final class InstrumentDefinitions {
  static final String OPTION_DESCRIPTION =
      "JSON instrument definition, or a directory of them (*.json), added to the "
          + "built-in instruments; one with a built-in id replaces it (see docs/instruments.md).";

  private InstrumentDefinitions() {}

  /** The catalog, or empty after printing every problem of the definitions on {@code err}. */
  static Optional<Catalog> catalog(Path definitions, PrintWriter err) {
    if (definitions == null) {
      return Optional.of(Catalog.builtIn());
    }
    InstrumentLibrary.Loaded loaded = InstrumentLibrary.load(definitions);
    if (loaded.hasProblems()) {
      loaded.problems().forEach(err::println);
      err.println(
          "alliance: the instrument definitions have "
              + loaded.problems().size()
              + (loaded.problems().size() == 1 ? " problem" : " problems")
              + "; nothing was read");
      err.flush();
      return Optional.empty();
    }
    return Optional.of(loaded.catalog());
  }

  /**
   * The instrument with this id from the built-ins and the definitions; empty when the definitions
   * have problems (already reported); an unknown id is a usage error.
   */
  static Optional<org.alliance.core.instrument.Instrument> instrument(
      Path definitions, String id, picocli.CommandLine commandLine) {
    return catalog(definitions, commandLine.getErr())
        .map(
            catalog ->
                catalog
                    .find(id)
                    .orElseThrow(
                        () ->
                            new picocli.CommandLine.ParameterException(
                                commandLine, catalog.unknown(id))));
  }
}
