package org.alliance.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.input.SourceLocation;
import org.alliance.io.redcap.RedcapRoundTripAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VariableNamesTest {
  private static final List<String> RESERVED =
      List.of(
          "ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH", "_all",
          "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_N",
          "_pi", "_pred", "_rc", "_skip", "strL", "using", "with", "str1", "str2045");

  /** Fails unless every name suits SPSS and Stata and no two are equal ignoring case. */
  static void assertAcceptable(List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      assertThat(name).matches("[A-Za-z][A-Za-z0-9_]*").hasSizeLessThanOrEqualTo(32);
      assertThat(RESERVED.stream().map(r -> r.toLowerCase(Locale.ROOT)))
          .doesNotContain(name.toLowerCase(Locale.ROOT));
      assertThat(name.toLowerCase(Locale.ROOT)).doesNotMatch("str\\d+");
      assertThat(seen.add(name.toLowerCase(Locale.ROOT))).as("%s is used twice", name).isTrue();
    }
  }

  @Test
  void reservedWordsAndBadShapesAreRefusedOrMadeSafe() {
    for (String reserved : RESERVED) {
      assertThat(VariableNames.problem(reserved)).as(reserved).isPresent();
    }
    assertThat(VariableNames.problem("phq_9_total")).isEmpty();
    assertThat(VariableNames.problem("9lives"))
        .contains("'9lives' must start with a letter and hold only letters, digits and _");
    assertThat(VariableNames.problem("a".repeat(33)))
        .contains("'" + "a".repeat(33) + "' is longer than 32 characters");

    VariableNames names = new VariableNames();
    assertThat(
            List.of(
                names.claim("phq-9_total"),
                names.claim("PHQ_9_TOTAL"),
                names.claim("with"),
                names.claim("_all"),
                names.claim("9lives"),
                names.claim("str12"),
                names.claim("x".repeat(40)),
                names.claim("x".repeat(40)),
                names.claim("")))
        .containsExactly(
            "phq_9_total",
            "phq_9_total_2",
            "with_",
            "v__all",
            "v_9lives",
            "str12_",
            "x".repeat(32),
            "x".repeat(30) + "_2",
            "v_");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomWantedNamesAlwaysComeOutAcceptableAndUnique(long seed) {
    Random random = new Random(seed);
    String alphabet = "aZ_9-. é" + "wITHbyTo";
    VariableNames names = new VariableNames();
    List<String> claimed = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      StringBuilder wanted = new StringBuilder();
      int length = random.nextInt(45);
      for (int j = 0; j < length; j++) {
        wanted.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String name =
          random.nextInt(5) == 0
              ? RESERVED.get(random.nextInt(RESERVED.size()))
              : wanted.toString();
      claimed.add(names.claim(name));
    }
    assertAcceptable(claimed);
  }

  @Test
  void everyColumnOfEveryExportOfEveryInstrumentIsAcceptable() throws IOException {
    Catalog catalog = Catalog.builtIn();
    List<Administration> administrations = RedcapRoundTripAccess.administrations(5);
    for (ExportLayout layout : ExportLayout.values()) {
      for (ExportLevel level : ExportLevel.values()) {
        AnalysisExport export = new AnalysisExport(catalog, layout, level);
        administrations.forEach(
            a -> export.add(a, Scorer.builtIn().score(a), SourceLocation.line("in.csv", 1)));
        StringWriter data = new StringWriter();
        export.write(data, new StringWriter());
        List<String> header = List.of(data.toString().lines().findFirst().orElseThrow().split(","));
        assertThat(administrations.stream().map(Administration::instrumentId).distinct())
            .hasSize(catalog.instruments().size());
        assertAcceptable(header);
      }
    }
  }
}
