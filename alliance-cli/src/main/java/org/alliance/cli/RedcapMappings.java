package org.alliance.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.io.redcap.RedcapMapping;
import org.alliance.io.redcap.RedcapMappingException;
import picocli.CommandLine;

/** Loads the {@code --mapping} of a REDCap export for the commands that read one. */
final class RedcapMappings {
  static final String OPTION_DESCRIPTION =
      "JSON file mapping a REDCap project's forms and fields to instruments and "
          + "items (see docs/exports.md); default: the field names this toolkit's own REDCap export uses.";

  private RedcapMappings() {}

  /**
   * The mapping in the file, or the conventions when there is none; empty after printing its
   * problems.
   */
  static Optional<RedcapMapping> load(Path mapping, Catalog catalog, CommandLine commandLine)
      throws IOException {
    if (mapping == null) {
      return Optional.of(RedcapMapping.conventions());
    }
    if (!Files.isRegularFile(mapping)) {
      throw new CommandLine.ParameterException(commandLine, "no such file: " + mapping);
    }
    try {
      return Optional.of(RedcapMapping.read(mapping, catalog));
    } catch (RedcapMappingException e) {
      e.problems().forEach(problem -> commandLine.getErr().println(e.file() + ": " + problem));
      commandLine
          .getErr()
          .println(
              "alliance: the REDCap mapping has "
                  + e.problems().size()
                  + (e.problems().size() == 1 ? " problem" : " problems")
                  + "; nothing was read");
      return Optional.empty();
    }
  }
}
