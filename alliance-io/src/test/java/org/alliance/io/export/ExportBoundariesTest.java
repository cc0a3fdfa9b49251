package org.alliance.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cutoffs, bands and risk flags in an export at their exact boundaries, and sessions that are
 * missing.
 */
class ExportBoundariesTest {

  static Administration phq9(String client, int session, int... answers) {
    Map<String, Answer> map = new LinkedHashMap<>();
    for (int i = 0; i < answers.length; i++) {
      if (answers[i] >= 0) {
        map.put("phq9_" + (i + 1), Answer.of(answers[i]));
      }
    }
    return Administration.of("phq-9", client, session, Optional.empty(), map);
  }

  static Administration visual(String instrument, double... marks) {
    Map<String, Answer> map = new LinkedHashMap<>();
    for (int i = 0; i < marks.length; i++) {
      map.put(instrument + "_" + (i + 1), Answer.of(marks[i]));
    }
    return Administration.of(instrument, "c1", 1, Optional.empty(), map);
  }

  /** The wide score row's cells after the ids. */
  static List<String> scores(Administration administration) throws IOException {
    String data =
        AnalysisExportTest.export(ExportLayout.WIDE, ExportLevel.SCORES, List.of(administration))
            .data();
    String row = data.lines().skip(1).findFirst().orElseThrow();
    return List.of(row.split(",", -1)).subList(5, row.split(",", -1).length);
  }

  @ParameterizedTest
  @CsvSource({
    // SRS: an alliance concern below 36, so 36 itself is not one.
    "srs, 9, 9, 9, 9, 36, 0",
    "srs, 9, 9, 9, 8.9, 35.9, 1",
    // ORS: clinical at 25 and below.
    "ors, 6.4, 9.8, 8.8, 0.0, 25, 1",
    "ors, 6.5, 9.8, 8.8, 0.0, 25.1, 0"
  })
  void theClinicalFlagFollowsTheCutoffsSide(
      String instrument, double a, double b, double c, double d, String total, String clinical)
      throws IOException {
    List<String> cells = scores(visual(instrument, a, b, c, d));

    assertThat(cells.get(0)).isEqualTo(total);
    assertThat(cells.get(2)).isEqualTo(clinical);
  }

  @ParameterizedTest
  @CsvSource({
    // total, band number, clinical (PHQ-9 caseness at 10 and above)
    "'0,0,0,0,0,0,0,0,0', 0, 1, 0",
    "'1,1,1,1,0,0,0,0,0', 4, 1, 0",
    "'1,1,1,1,1,0,0,0,0', 5, 2, 0",
    "'2,2,2,1,1,1,1,0,0', 10, 3, 1",
    "'3,3,3,3,3,3,2,0,0', 20, 5, 1",
  })
  void phq9BandsAndCasenessAtTheirBoundaries(
      String answers, String total, String band, String clinical) throws IOException {
    int[] values =
        java.util.Arrays.stream(answers.split(",")).mapToInt(Integer::parseInt).toArray();

    List<String> cells = scores(phq9("c1", 1, values));

    // total, mean, band, clinical, risk_item
    assertThat(List.of(cells.get(0), cells.get(2), cells.get(3), cells.get(4)))
        .containsExactly(total, band, clinical, "0");
  }

  @Test
  void theRiskFlagIsSetEvenOnAnInvalidFormAndUnknownWhenTheRiskItemIsMissing() throws IOException {
    // Item 1 off the scale: no total, but item 9 at 1 still raises the flag.
    assertThat(scores(phq9("c1", 1, 7, 0, 0, 0, 0, 0, 0, 0, 1)))
        .containsExactly("-66", "-66", "-66", "-66", "1");
    // Item 9 missing: no total (-55), and no claim that there is no risk.
    assertThat(scores(phq9("c1", 1, 0, 0, 0, 0, 0, 0, 0, 0, -1)))
        .containsExactly("-55", "-55", "-55", "-55", "");
    // Item 9 declined: the same.
    Map<String, Answer> declined =
        new LinkedHashMap<>(phq9("c1", 1, 0, 0, 0, 0, 0, 0, 0, 0, -1).answers());
    declined.put("phq9_9", Answer.NotAnswered.DECLINED);
    assertThat(scores(Administration.of("phq-9", "c1", 1, Optional.empty(), declined)).get(4))
        .isEmpty();
  }

  @Test
  void aMissingSessionHasNoRowAndAnOneMissingItemCore10IsProrated() throws IOException {
    String data =
        AnalysisExportTest.export(
                ExportLayout.WIDE,
                ExportLevel.SCORES,
                List.of(
                    phq9("c1", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
                    phq9("c1", 4, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
            .data();
    assertThat(data.lines().skip(1).map(line -> line.split(",")[3])).containsExactly("1", "4");

    Map<String, Answer> core = new LinkedHashMap<>();
    for (int i = 1; i <= 9; i++) {
      core.put("core10_" + i, Answer.of(1));
    }
    // Items 2 and 3 are reversed (4 - 1 = 3): sum 7 x 1 + 2 x 3 = 13 over 9 items, prorated to 10 x
    // 13 / 9.
    List<String> cells = scores(Administration.of("core-10", "c1", 1, Optional.empty(), core));
    // Item 6 (the risk item) at 1 raises the risk flag.
    assertThat(cells).containsExactly("14.444444", "1.444444", "3", "1", "1", "1");
  }
}
