package org.alliance.io.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.InputProblem;
import org.alliance.io.score.ScoredRow;
import org.junit.jupiter.api.Test;

class RedcapReaderTest {
  private static final Catalog CATALOG = Catalog.builtIn();

  /**
   * A longitudinal project of another design: its own field names, events for sessions, a shared
   * visit date.
   */
  private static final String LONGITUDINAL =
      """
      study_id,redcap_event_name,visit_date,dep_1,dep_2,dep_3,dep_4,dep_5,dep_6,dep_7,dep_8,dep_9,depression_complete
      s01,baseline_arm_1,2026-01-05,2,2,1,2,1,1,1,0,1,2
      s01,week_2_arm_1,2026-01-19,1,ASKU,1,1,0,1,NASK,0,0,2
      s01,week_4_arm_1,2026-02-02,,,,,,,,,,0
      s02,baseline_arm_1,2026-01-06,3,3,3,3,3,3,3,3,NI,1
      s02,week_9_arm_1,2026-03-09,0,0,0,0,0,0,0,0,0,2
      """;

  private static final String LONGITUDINAL_MAPPING =
      """
      {
        "recordField": "study_id",
        "missingCodes": {"NI": "missing"},
        "instruments": [
          {
            "instrument": "phq-9",
            "form": "depression",
            "session": "event",
            "events": {"baseline_arm_1": 0, "week_2_arm_1": 2, "week_4_arm_1": 4},
            "dateField": "visit_date",
            "items": {"1": "dep_1", "2": "dep_2", "3": "dep_3", "4": "dep_4", "5": "dep_5", "6": "dep_6",
                      "7": "dep_7", "8": "dep_8", "phq9_9": "dep_9"}
          }
        ]
      }
      """;

  static RedcapReader open(String csv, RedcapMapping mapping) throws IOException {
    return RedcapReader.open(
        "export.csv",
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
        mapping,
        CATALOG);
  }

  static List<AdministrationRow> readAll(String csv, RedcapMapping mapping) throws IOException {
    List<AdministrationRow> rows = new ArrayList<>();
    try (RedcapReader reader = open(csv, mapping)) {
      reader.forEachRemaining(rows::add);
    }
    return rows;
  }

  static RedcapMapping mapping(String json) throws IOException {
    return RedcapMapping.read(
        "mapping.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), CATALOG);
  }

  @Test
  void readsALongitudinalProjectThroughAMappingWithEventsAndMissingDataCodes() throws IOException {
    List<AdministrationRow> rows = readAll(LONGITUDINAL, mapping(LONGITUDINAL_MAPPING));

    // The week 4 row has no answers (only the visit date, which other forms share): no
    // administration.
    assertThat(rows).hasSize(4);
    Administration week2 = rows.get(1).administration().orElseThrow();
    assertThat(week2.client()).isEqualTo("s01");
    assertThat(week2.session()).isEqualTo(2);
    assertThat(week2.date()).contains(LocalDate.of(2026, 1, 19));
    assertThat(week2.answer("phq9_2")).isEqualTo(Answer.NotAnswered.DECLINED);
    assertThat(week2.answer("phq9_7")).isEqualTo(Answer.NotAnswered.SKIPPED);
    assertThat(week2.answer("phq9_9")).isEqualTo(Answer.of(0));
    // NI is mapped to missing by this project's mapping.
    assertThat(rows.get(2).administration().orElseThrow().answer("phq9_9"))
        .isEqualTo(Answer.NotAnswered.MISSING);
    assertThat(rows.get(0).administration().orElseThrow().session()).isZero();
  }

  @Test
  void anUnknownEventIsAProblemAtItsCell() throws IOException {
    List<AdministrationRow> rows = readAll(LONGITUDINAL, mapping(LONGITUDINAL_MAPPING));

    AdministrationRow week9 = rows.get(3);
    assertThat(week9.administration()).isEmpty();
    assertThat(week9.problems())
        .extracting(InputProblem::toString)
        .containsExactly(
            "export.csv line 6, column 2 (redcap_event_name): unknown event 'week_9_arm_1'; the mapping gives a session for "
                + "baseline_arm_1, week_2_arm_1, week_4_arm_1");
    assertThat(week9.key().client()).isEqualTo("s02");
  }

  @Test
  void anUnmappedCodeReachesTheScorerAsUnreadableWithItsCell() throws IOException {
    String csv = LONGITUDINAL.replace("3,3,3,3,3,3,3,3,NI", "3,3,3,3,3,3,3,3,NAVU");
    AdministrationRow row = readAll(csv, mapping(LONGITUDINAL_MAPPING)).get(2);

    ScoredRow scored = ScoredRow.score(row, Scorer.builtIn());

    assertThat(scored.valid()).isFalse();
    assertThat(scored.locatedProblems())
        .extracting(InputProblem::toString)
        .containsExactly(
            "export.csv line 5, column 12 (dep_9): item phq9_9: expected a number 0-3, found 'NAVU'");
  }

  /**
   * A classic project with repeating instruments, named by the toolkit's conventions, plus REDCap's
   * extra columns.
   */
  private static final String REPEATING =
      """
      record_id,redcap_repeat_instrument,redcap_repeat_instance,redcap_survey_identifier,age,srs_session,srs_date,srs_1,srs_2,srs_3,srs_4,srs_complete,srs_timestamp,diary_note,diary_complete
      c1,,,,34,,,,,,,,,,
      c1,srs,2,,,1,2026-01-07 10:15,9.0,8.5,9.0,9.1,2,2026-01-07 10:00,,
      c1,srs,3,,,2,,7.0,NASK,8.0,ASKU,2,,,
      c1,diary,1,,,,,,,,,,,felt better,2
      c2,srs,1,,,x,2026-13-01,9,9,9,9,2,,,
      ,srs,1,,,1,,9,9,9,9,2,,,
      """;

  @Test
  void readsRepeatingFormsByConventionAndReportsWhatItDidNotRead() throws IOException {
    List<AdministrationRow> rows = new ArrayList<>();
    try (RedcapReader reader = open(REPEATING, RedcapMapping.conventions())) {
      reader.forEachRemaining(rows::add);
      assertThat(reader.instruments()).extracting(i -> i.id()).containsExactly("srs");
      assertThat(reader.ignoredColumns()).containsExactly("age", "diary_note");
      assertThat(reader.unmappedForms()).containsExactly("diary");
    }

    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).administration())
        .contains(
            Administration.of(
                "srs",
                "c1",
                1,
                Optional.of(LocalDate.of(2026, 1, 7)),
                Map.of(
                    "srs_1",
                    Answer.of(9),
                    "srs_2",
                    Answer.of(8.5),
                    "srs_3",
                    Answer.of(9),
                    "srs_4",
                    Answer.of(9.1))));
    assertThat(rows.get(1).administration().orElseThrow().answers())
        .isEqualTo(
            Map.of(
                "srs_1",
                Answer.of(7),
                "srs_2",
                Answer.NotAnswered.SKIPPED,
                "srs_3",
                Answer.of(8),
                "srs_4",
                Answer.NotAnswered.DECLINED));
    assertThat(rows.get(2).problems())
        .extracting(InputProblem::toString)
        .containsExactly(
            "export.csv line 6, column 6 (srs_session): expected a session number (a whole number from 0 to 1000), found 'x'",
            "export.csv line 6, column 7 (srs_date): expected a date as YYYY-MM-DD (REDCap's raw export), found '2026-13-01'");
    assertThat(rows.get(3).problems())
        .extracting(InputProblem::toString)
        .containsExactly("export.csv line 7, column 1 (record_id): the record id is empty");
  }

  @Test
  void aMappingThatNamesAbsentFieldsIsRefusedBeforeAnyRowIsRead() throws IOException {
    RedcapMapping mapping = mapping(LONGITUDINAL_MAPPING.replace("\"dep_9\"", "\"dep_09\""));

    assertThatThrownBy(() -> open(LONGITUDINAL, mapping))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(
            "export.csv line 1: the file has no field for item dep_09 (item phq9_9) of phq-9 ($.instruments[0]); add the field to the "
                + "export, or map the items to the project's fields in a mapping file (docs/exports.md)");
  }

  @Test
  void aFileWithNoKnownItemFieldsSaysHowToMapIt() {
    assertThatThrownBy(() -> open("record_id,q1,q2\nc1,1,2\n", RedcapMapping.conventions()))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith(
            "export.csv line 1: no column is named like an item of a known instrument (such as phq9_1)");
  }

  @Test
  void anInstrumentWithSomeOfItsFieldsMissingIsNamed() {
    assertThatThrownBy(
            () ->
                open(
                    "record_id,redcap_repeat_instrument,redcap_repeat_instance,srs_1,srs_2,srs_3\nc1,srs,1,1,2,3\n",
                    RedcapMapping.conventions()))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("the file has no field for item srs_4 of srs (conventions)");
  }

  @Test
  void withoutASessionFieldOrRepeatInstanceTheSessionCannotBeTold() {
    assertThatThrownBy(
            () ->
                open(
                    "record_id,redcap_event_name,srs_1,srs_2,srs_3,srs_4\nc1,e1,1,2,3,4\n",
                    RedcapMapping.conventions()))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining(
            "cannot tell the session of srs (conventions): the file has no field srs_session and no redcap_repeat_instance");
  }

  @Test
  void mappingProblemsNameTheirJsonPath() {
    assertThatThrownBy(
            () ->
                mapping(
                    """
        {"instruments": [
          {"instrument": "phq-99"},
          {"instrument": "gad-7", "session": "visit", "items": {"gad7_8": "x", "2": 5}},
          {"instrument": "srs", "session": "event"}
        ], "missingCodes": {"NI": "unknown"}, "colour": "red"}
        """))
        .isInstanceOfSatisfying(
            RedcapMappingException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "$.colour: unknown field; expected one of $schema, description, instruments, missingCodes, recordField",
                        "$.missingCodes.NI: expected \"missing\", \"skipped\" or \"declined\", found string \"unknown\"",
                        "$.instruments[0].instrument: " + CATALOG.unknown("phq-99"),
                        "$.instruments[1].session: expected \"field\", \"instance\" or \"event\", found \"visit\"",
                        "$.instruments[1].items.gad7_8: not an item of gad-7 (its items are gad7_1 to gad7_7, or their numbers 1 to 7)",
                        "$.instruments[1].items.2: expected a field name, found number 5",
                        "$.instruments[2].events: the session comes from the event, so list each event with its session number, "
                            + "such as {\"baseline_arm_1\": 0, \"week_1_arm_1\": 1}"));
  }

  @Test
  void aMappingThatIsNotJsonGivesItsLineAndColumn() {
    assertThatThrownBy(
            () -> mapping("{\n  \"instruments\": [\n    {\"instrument\": \"srs\",}\n  ]\n}"))
        .isInstanceOf(RedcapMappingException.class)
        .hasMessageStartingWith("mapping.json: line 3, column 26: not valid JSON");
  }

  @Test
  void sessionNumbersAndInstancesAtTheirBoundaries() throws IOException {
    String csv =
        """
        record_id,redcap_repeat_instrument,redcap_repeat_instance,srs_session,srs_1,srs_2,srs_3,srs_4
        c1,srs,1,0,9,9,9,9
        c1,srs,2,1000,9,9,9,9
        c1,srs,3,1001,9,9,9,9
        c1,srs,4,-1,9,9,9,9
        c1,srs,5,,9,9,9,9
        """;

    List<AdministrationRow> rows = readAll(csv, RedcapMapping.conventions());

    assertThat(rows.get(0).administration().orElseThrow().session()).isZero();
    assertThat(rows.get(1).administration().orElseThrow().session()).isEqualTo(1000);
    assertThat(rows.subList(2, 5))
        .extracting(row -> row.problems().get(0).toString())
        .containsExactly(
            "export.csv line 4, column 4 (srs_session): expected a session number (a whole number from 0 to 1000), found '1001'",
            "export.csv line 5, column 4 (srs_session): expected a session number (a whole number from 0 to 1000), found '-1'",
            "export.csv line 6, column 4 (srs_session): the session is empty");

    String byInstance =
        """
        record_id,redcap_repeat_instrument,redcap_repeat_instance,srs_1,srs_2,srs_3,srs_4
        c1,srs,1,9,9,9,9
        c1,srs,0,9,9,9,9
        c1,,,9,9,9,9
        """;
    List<AdministrationRow> instances = readAll(byInstance, RedcapMapping.conventions());
    assertThat(instances.get(0).administration().orElseThrow().session()).isEqualTo(1);
    assertThat(instances.subList(1, 3))
        .extracting(row -> row.problems().get(0).toString())
        .containsExactly(
            "export.csv line 3, column 3 (redcap_repeat_instance): expected a repeat instance (a whole number from 1 to 1000), found '0'",
            "export.csv line 4, column 3 (redcap_repeat_instance): no repeat instance: srs takes its session from the repeat instance of form srs");
  }

  @Test
  void readsASemicolonExportWithDecimalCommasAndTheDefaultCodes() throws IOException {
    String csv =
        "\uFEFFrecord_id;redcap_repeat_instrument;redcap_repeat_instance;srs_session;srs_1;srs_2;srs_3;srs_4\r\n"
            + "c1;srs;1;0;8,5;UNK;NASK;ASKU\r\n";

    Administration srs =
        readAll(csv, RedcapMapping.conventions()).get(0).administration().orElseThrow();

    assertThat(srs.answers())
        .isEqualTo(
            Map.of(
                "srs_1",
                Answer.of(8.5),
                "srs_3",
                Answer.NotAnswered.SKIPPED,
                "srs_4",
                Answer.NotAnswered.DECLINED));
  }

  @Test
  void aRowShorterThanTheHeaderIsAProblemOfItsAdministration() throws IOException {
    List<AdministrationRow> rows =
        readAll(
            "record_id,srs_session,srs_1,srs_2,srs_3,srs_4\nc1,1,9,9\n",
            RedcapMapping.conventions());

    assertThat(rows.get(0).administration()).isPresent();
    assertThat(rows.get(0).problems())
        .extracting(InputProblem::toString)
        .containsExactly("export.csv line 2: the row has 4 fields where the header has 6");
  }
}
