package org.alliance.io.corruption;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.io.instrument.DefinitionProblem;
import org.alliance.io.instrument.DefinitionResult;
import org.alliance.io.instrument.InstrumentJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeded random corruptions of instrument definitions: {@link InstrumentJson#read(String)} never
 * throws, and every problem has a JSON path from {@code $} (or, for text that is not JSON, a line
 * and column from 1).
 */
@Tag("slow")
class InstrumentJsonCorruptionTest {
  static final int INPUTS = 10_000;
  private static final Pattern SYNTAX = Pattern.compile("line (\\d+), column (\\d+)");

  static List<String> seeds() throws IOException {
    List<String> seeds = new ArrayList<>();
    try (var files =
        Files.list(AdministrationCsvCorruptionTest.examples().resolve("instruments"))) {
      for (Path file : files.sorted().toList()) {
        seeds.add(Files.readString(file));
      }
    }
    for (Instrument instrument : Catalog.builtIn().instruments()) {
      seeds.add(InstrumentJson.write(instrument));
    }
    return seeds;
  }

  static void check(DefinitionResult result) {
    if (result == null || result.instrument() == null || result.problems() == null) {
      throw new Mutator.UnlocatedProblem("an incomplete result: " + result);
    }
    if (result.instrument().isEmpty() && result.problems().isEmpty()) {
      throw new Mutator.UnlocatedProblem("no instrument and no problem");
    }
    for (DefinitionProblem problem : result.problems()) {
      String where = problem.where();
      Matcher syntax = SYNTAX.matcher(where);
      boolean located =
          where.startsWith("$") || (syntax.matches() && Long.parseLong(syntax.group(1)) >= 1);
      if (!located) {
        throw new Mutator.UnlocatedProblem(
            "a problem without a JSON path: '" + where + "': " + problem.message());
      }
    }
    result.isValid();
  }

  @Test
  void corruptedDefinitionsGiveProblemsWithTheirPathAndNeverThrow() throws IOException {
    List<String> seeds = seeds();
    assertThat(seeds).hasSizeGreaterThan(2);
    Mutator.run(
        "InstrumentJson.read",
        7_000_000L,
        INPUTS,
        m -> {
          String json = m.json(m.pick(seeds));
          m.input(json);
          check(InstrumentJson.read(json));
        });
  }
}
