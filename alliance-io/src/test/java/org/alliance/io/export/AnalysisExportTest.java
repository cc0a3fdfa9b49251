package org.alliance.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.SourceLocation;
import org.junit.jupiter.api.Test;

class AnalysisExportTest {
  private static final Catalog CATALOG = Catalog.builtIn();
  private static final Scorer SCORER = Scorer.builtIn();

  /** What an export wrote. */
  record Written(String data, String dictionary, AnalysisExport.Result result) {}

  static Written export(
      ExportLayout layout, ExportLevel level, List<Administration> administrations)
      throws IOException {
    AnalysisExport export = new AnalysisExport(CATALOG, layout, level);
    int line = 2;
    for (Administration administration : administrations) {
      export.add(
          administration, SCORER.score(administration), SourceLocation.line("in.csv", line++));
    }
    StringWriter data = new StringWriter();
    StringWriter dictionary = new StringWriter();
    AnalysisExport.Result result = export.write(data, dictionary);
    return new Written(data.toString(), dictionary.toString(), result);
  }

  static Map<String, Answer> srs(Object... answers) {
    Map<String, Answer> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < answers.length; i++) {
      if (answers[i] != null) {
        map.put(
            "srs_" + (i + 1),
            answers[i] instanceof Answer a ? a : Answer.of(((Number) answers[i]).doubleValue()));
      }
    }
    return map;
  }

  static Optional<LocalDate> day(int day) {
    return Optional.of(LocalDate.of(2026, 1, day));
  }

  /**
   * c1: SRS at sessions 1 (complete) and 2 (skipped, declined, missing); ORS at session 1 only,
   * with a value off its scale.
   */
  static final List<Administration> SMALL =
      List.of(
          Administration.of(
              "srs",
              "c1",
              2,
              day(14),
              srs(9, Answer.NotAnswered.SKIPPED, Answer.NotAnswered.DECLINED, null)),
          Administration.of("srs", "c1", 1, day(7), srs(9, 8.5, 9, 9.1)),
          Administration.of(
              "ors",
              "c1",
              1,
              day(7),
              Map.of(
                  "ors_1",
                  Answer.of(4.2),
                  "ors_2",
                  Answer.of(3),
                  "ors_3",
                  Answer.of(5),
                  "ors_4",
                  Answer.of(12))));

  @Test
  void longItemsHaveOneRowPerItemWithCodesForSkippedDeclinedAndInvalid() throws IOException {
    Written written = export(ExportLayout.LONG, ExportLevel.ITEMS, SMALL);

    assertThat(written.data())
        .isEqualTo(
            """
        client,episode_id,episode,session,date,instrument,item,item_number,value
        c1,c1_1,1,1,2026-01-07,srs,srs_1,1,9
        c1,c1_1,1,1,2026-01-07,srs,srs_2,2,8.5
        c1,c1_1,1,1,2026-01-07,srs,srs_3,3,9
        c1,c1_1,1,1,2026-01-07,srs,srs_4,4,9.1
        c1,c1_1,1,1,2026-01-07,ors,ors_1,1,4.2
        c1,c1_1,1,1,2026-01-07,ors,ors_2,2,3
        c1,c1_1,1,1,2026-01-07,ors,ors_3,3,5
        c1,c1_1,1,1,2026-01-07,ors,ors_4,4,-66
        c1,c1_1,1,2,2026-01-14,srs,srs_1,1,9
        c1,c1_1,1,2,2026-01-14,srs,srs_2,2,-77
        c1,c1_1,1,2,2026-01-14,srs,srs_3,3,-88
        c1,c1_1,1,2,2026-01-14,srs,srs_4,4,
        """);
    assertThat(written.result().rows()).isEqualTo(12);
    assertThat(written.dictionary())
        .contains(
            "value,SRS item 2: Goals and Topics,decimal,0.0-10.0; empty=missing; -77=skipped; -88=declined; -66=invalid,srs,srs_2,\n");
  }

  @Test
  void wideScoresHaveOneRowPerSessionAndCodeWhatIsNotThere() throws IOException {
    Written written = export(ExportLayout.WIDE, ExportLevel.SCORES, SMALL);

    // SRS session 2 has a missing item (no score: -55); ORS session 1 has an answer off its scale
    // (-66); ORS was
    // not given at session 2 (-99).
    assertThat(written.data())
        .isEqualTo(
            """
        client,episode_id,episode,session,date,srs_total,srs_mean,srs_clinical,ors_total,ors_mean,ors_clinical
        c1,c1_1,1,1,2026-01-07,35.6,8.9,1,-66,-66,-66
        c1,c1_1,1,2,2026-01-14,-55,-55,-55,-99,-99,-99
        """);
    assertThat(written.dictionary())
        .contains(
            "srs_clinical,SRS alliance concern: talk about the relationship (total < 36),integer,"
                + "1=total < 36; 0=not; -55=too many items missing to score; -66=invalid; -99=not administered,srs,,clinical\n");
  }

  @Test
  void wideItemsCodeAnInstrumentNotGivenAtASession() throws IOException {
    Written written = export(ExportLayout.WIDE, ExportLevel.ITEMS, SMALL);

    assertThat(written.data())
        .isEqualTo(
            """
        client,episode_id,episode,session,date,srs_1,srs_2,srs_3,srs_4,ors_1,ors_2,ors_3,ors_4
        c1,c1_1,1,1,2026-01-07,9,8.5,9,9.1,4.2,3,5,-66
        c1,c1_1,1,2,2026-01-14,9,-77,-88,,-99,-99,-99,-99
        """);
  }

  @Test
  void longScoresListEveryScoreOfTheInstrument() throws IOException {
    Map<String, Answer> answers = new java.util.LinkedHashMap<>();
    for (int i = 1; i <= 34; i++) {
      answers.put("coreom_" + i, Answer.of(i == 9 ? 1 : 2));
    }
    answers.remove("coreom_5");
    Written written =
        export(
            ExportLayout.LONG,
            ExportLevel.SCORES,
            List.of(Administration.of("core-om", "c9", 0, Optional.empty(), answers)));

    assertThat(
            written
                .data()
                .lines()
                .skip(1)
                .map(line -> line.substring("c9,c9_1,1,0,,core-om,".length())))
        .containsExactly(
            "total,19.69697",
            "mean,1.969697",
            "wellbeing,20",
            "problems,20",
            "functioning,20",
            "risk,18.333333",
            "nonrisk,20",
            "clinical,1",
            "risk_item,1",
            "prorated,1");
  }

  @Test
  void aSecondAdministrationAtTheSameSessionIsReportedAndLeftOut() throws IOException {
    List<Administration> twice =
        List.of(
            Administration.of("srs", "c1", 1, day(7), srs(9, 9, 9, 9)),
            Administration.of("srs", "c1", 1, day(7), srs(1, 1, 1, 1)));

    Written written = export(ExportLayout.WIDE, ExportLevel.SCORES, twice);

    assertThat(written.data().lines())
        .containsExactly(
            "client,episode_id,episode,session,date,srs_total,srs_mean,srs_clinical",
            "c1,c1_1,1,1,2026-01-07,36,9,0");
    assertThat(written.result().problems())
        .extracting(InputProblem::toString)
        .containsExactly(
            "in.csv line 3: not exported: client c1 has srs at session 1 twice in one episode (also at in.csv line 2)");
  }

  @Test
  void theWideLayoutKeepsASessionsEarliestDateAndSaysSo() throws IOException {
    List<Administration> administrations =
        List.of(
            Administration.of("srs", "c1", 1, day(8), srs(9, 9, 9, 9)),
            Administration.of("ors", "c1", 1, day(7), Map.of()));

    Written written = export(ExportLayout.WIDE, ExportLevel.SCORES, administrations);

    assertThat(written.data().lines().skip(1))
        .containsExactly("c1,c1_1,1,1,2026-01-07,36,9,0,-55,-55,-55");
    assertThat(written.result().notes())
        .extracting(InputProblem::toString)
        .containsExactly(
            "in.csv line 2: client c1 session 1: srs is dated 2026-01-08, the session 2026-01-07; the wide layout keeps the earliest "
                + "(the long layout keeps each date)");
  }
}
