package org.alliance.io.csv;

import static org.alliance.io.csv.CsvFiles.PHQ9_ITEMS;
import static org.alliance.io.csv.CsvFiles.any;
import static org.alliance.io.csv.CsvFiles.phq9;
import static org.alliance.io.csv.CsvFiles.readAll;
import static org.alliance.io.csv.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.SourceLocation;
import org.alliance.io.score.ScoredRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wide layout: one row per administration, one column per item. */
class WideLayoutReaderTest {
  @TempDir Path dir;

  private static Administration administration(AdministrationRow row) {
    assertThat(row.administration()).as("administration of %s", row.location()).isPresent();
    return row.administration().get();
  }

  private static ScoredRow scored(AdministrationRow row) {
    return ScoredRow.score(row, Scorer.builtIn());
  }

  @Test
  void readsItemNumberColumnsWithTheInstrumentFromTheOptions() throws IOException {
    Path file =
        write(
            dir,
            "phq.csv",
            "client,session,date,"
                + PHQ9_ITEMS
                + "\n"
                + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n"
                + "c2,0,,3,3,3,3,3,3,3,3,3\n");

    try (AdministrationCsvReader reader = AdministrationCsvReader.open(file, phq9())) {
      assertThat(reader.layout()).isEqualTo(CsvLayout.WIDE);
      assertThat(reader.hasInstrumentColumn()).isFalse();
      assertThat(reader.ignoredColumns()).isEmpty();

      AdministrationRow first = reader.next();
      assertThat(first.problems()).isEmpty();
      assertThat(first.readable()).isTrue();
      assertThat(first.location()).isEqualTo(SourceLocation.line(file.toString(), 2));
      assertThat(first.key())
          .isEqualTo(new AdministrationRow.RawKey("c1", "1", "2024-01-01", "phq-9"));
      Administration a = administration(first);
      assertThat(a.instrumentId()).isEqualTo("phq-9");
      assertThat(a.client()).isEqualTo("c1");
      assertThat(a.session()).isEqualTo(1);
      assertThat(a.date()).contains(LocalDate.of(2024, 1, 1));
      assertThat(a.answers())
          .containsExactly(
              Map.entry("phq9_1", Answer.of(0)),
              Map.entry("phq9_2", Answer.of(1)),
              Map.entry("phq9_3", Answer.of(2)),
              Map.entry("phq9_4", Answer.of(3)),
              Map.entry("phq9_5", Answer.of(0)),
              Map.entry("phq9_6", Answer.of(1)),
              Map.entry("phq9_7", Answer.of(2)),
              Map.entry("phq9_8", Answer.of(3)),
              Map.entry("phq9_9", Answer.of(0)));
      assertThat(scored(first).total()).hasValue(12);

      AdministrationRow second = reader.next();
      assertThat(second.problems()).isEmpty();
      assertThat(administration(second).session()).isZero();
      assertThat(administration(second).date()).isEmpty();
      assertThat(scored(second).total()).hasValue(27);
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void readsItemIdColumnsInAnyOrderAndMatchesInstrumentIdsWithoutCase() throws IOException {
    Path file =
        write(
            dir,
            "ids.csv",
            "client,session,instrument,phq9_9,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,PHQ9_8\n"
                + "c1,1,PHQ-9,1,0,0,0,0,0,0,0,2\n");

    List<AdministrationRow> rows = readAll(file, any());

    assertThat(rows).hasSize(1);
    AdministrationRow row = rows.get(0);
    assertThat(row.problems()).isEmpty();
    assertThat(administration(row).answers())
        .containsEntry("phq9_9", Answer.of(1))
        .containsEntry("phq9_8", Answer.of(2))
        .containsEntry("phq9_1", Answer.of(0))
        .hasSize(9);
    ScoredRow scored = scored(row);
    assertThat(scored.valid()).isTrue();
    assertThat(scored.instrument()).isEqualTo("phq-9");
    assertThat(scored.total()).hasValue(3);
    assertThat(scored.score().get().flags()).containsExactly("phq9_9");
  }

  @Test
  void readsSemicolonFilesWithDecimalCommas() throws IOException {
    Path file =
        write(
            dir,
            "ors.csv",
            "client;session;date;instrument;q1;q2;q3;q4\n"
                + "c1;1;2024-03-01;ors;5,3;6,1;7;8\n"
                + "\"c;2\";2;2024-03-08;ors;\"9,9\";10;0,5;0\n");

    List<AdministrationRow> rows = readAll(file, any());

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).problems()).isEmpty();
    assertThat(administration(rows.get(0)).answers())
        .containsEntry("ors_1", Answer.of(5.3))
        .containsEntry("ors_2", Answer.of(6.1))
        .containsEntry("ors_3", Answer.of(7))
        .containsEntry("ors_4", Answer.of(8));
    assertThat(scored(rows.get(0)).total().getAsDouble()).isCloseTo(26.4, within(1e-9));
    assertThat(rows.get(1).key().client()).isEqualTo("c;2");
    assertThat(administration(rows.get(1)).answers())
        .containsEntry("ors_1", Answer.of(9.9))
        .containsEntry("ors_3", Answer.of(0.5));
    assertThat(scored(rows.get(1)).total().getAsDouble()).isCloseTo(20.4, within(1e-9));
  }

  @Test
  void aCommaFileDoesNotReadDecimalCommas() throws IOException {
    Path file =
        write(dir, "ors.csv", "client,session,instrument,q1,q2,q3,q4\nc1,1,ors,\"5,3\",6,7,8\n");

    AdministrationRow row = readAll(file, any()).get(0);

    assertThat(administration(row).answers()).containsEntry("ors_1", new Answer.Unreadable("5,3"));
    assertThat(scored(row).valid()).isFalse();
  }

  @Test
  void readsTabSeparatedFiles() throws IOException {
    Path file =
        write(
            dir,
            "ors.tsv",
            "client\tsession\tdate\tq1\tq2\tq3\tq4\tnote\n"
                + "c1\t1\t2024-03-01\t5.5\t6\t7\t8\tsaid \"fine\", mostly\n");

    try (AdministrationCsvReader reader =
        AdministrationCsvReader.open(file, any().withInstrument("ors"))) {
      assertThat(reader.ignoredColumns()).containsExactly("note");
      AdministrationRow row = reader.next();
      assertThat(row.problems()).isEmpty();
      assertThat(row.key().date()).isEqualTo("2024-03-01");
      assertThat(administration(row).answers()).containsEntry("ors_1", Answer.of(5.5)).hasSize(4);
      assertThat(scored(row).total()).hasValue(26.5);
    }
  }

  @Test
  void skipsAUtf8ByteOrderMark() throws IOException {
    Path file =
        write(dir, "bom.csv", "\uFEFFclient,session," + PHQ9_ITEMS + "\nc1,1,1,1,1,1,1,1,1,1,1\n");

    List<AdministrationRow> rows = readAll(file, phq9());

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).problems()).isEmpty();
    assertThat(rows.get(0).key().client()).isEqualTo("c1");
    assertThat(scored(rows.get(0)).total()).hasValue(9);
  }

  @Test
  void skipsAByteOrderMarkBeforeASemicolonHeader() throws IOException {
    Path file = write(dir, "bom.csv", "\uFEFFclient;session;q1;q2;q3;q4\r\nc1;1;1,5;2;3;4\r\n");

    AdministrationRow row = readAll(file, any().withInstrument("ors")).get(0);

    assertThat(row.problems()).isEmpty();
    assertThat(administration(row).answers()).containsEntry("ors_1", Answer.of(1.5));
  }

  @Test
  void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws IOException {
    Path file =
        write(
            dir,
            "quoted.csv",
            "\"client\",\"session\",note,"
                + PHQ9_ITEMS
                + "\n"
                + "\"Smith, J \"\"JJ\"\"\",\"3\",\"first line\nsecond line, still the note\",\"1\",1,1,1,1,1,1,1,\"2\"\n"
                + "c2,4,plain,0,0,0,0,0,0,0,0,0\n");

    List<AdministrationRow> rows = readAll(file, phq9());

    assertThat(rows).hasSize(2);
    AdministrationRow quoted = rows.get(0);
    assertThat(quoted.problems()).isEmpty();
    assertThat(quoted.key().client()).isEqualTo("Smith, J \"JJ\"");
    assertThat(administration(quoted).client()).isEqualTo("Smith, J \"JJ\"");
    assertThat(administration(quoted).session()).isEqualTo(3);
    assertThat(scored(quoted).total()).hasValue(10);
    // The note spans lines 2 and 3, so the next record starts on line 4.
    assertThat(rows.get(0).location().line()).isEqualTo(2);
    assertThat(rows.get(1).location().line()).isEqualTo(4);
    assertThat(rows.get(1).problems()).isEmpty();
  }

  @Test
  void readsCrlfLineEnds() throws IOException {
    Path file =
        write(
            dir,
            "crlf.csv",
            "client,session,date,"
                + PHQ9_ITEMS
                + "\r\n"
                + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,3\r\n"
                + "c2,2,2024-01-02,1,1,1,1,1,1,1,1,1\r\n");

    List<AdministrationRow> rows = readAll(file, phq9());

    assertThat(rows).hasSize(2);
    assertThat(rows).allSatisfy(row -> assertThat(row.problems()).isEmpty());
    // The last cell of each row must not keep the carriage return.
    assertThat(administration(rows.get(0)).answers()).containsEntry("phq9_9", Answer.of(3));
    assertThat(scored(rows.get(0)).total()).hasValue(15);
    assertThat(scored(rows.get(1)).total()).hasValue(9);
    assertThat(rows.get(1).location().line()).isEqualTo(3);
  }

  @Test
  void skipsBlankLinesButKeepsTrueLineNumbers() throws IOException {
    Path file =
        write(
            dir,
            "blank.csv",
            "client,session,"
                + PHQ9_ITEMS
                + "\n"
                + "\n"
                + "c1,1,1,1,1,1,1,1,1,1,1\n"
                + "\r\n"
                + "\n"
                + "c2,1,2,2,2,2,2,2,2,2,2\n"
                + "\n");

    List<AdministrationRow> rows = readAll(file, phq9());

    assertThat(rows).extracting(row -> row.key().client()).containsExactly("c1", "c2");
    assertThat(rows).extracting(row -> row.location().line()).containsExactly(3L, 6L);
    assertThat(rows).allSatisfy(row -> assertThat(row.problems()).isEmpty());
  }

  @Test
  void readsEveryDateOfAFileWithThousandsOfDistinctDates() throws IOException {
    StringBuilder content = new StringBuilder("client,session,date," + PHQ9_ITEMS + "\n");
    LocalDate first = LocalDate.of(2000, 1, 1);
    int rows = 6000;
    for (int i = 0; i < rows; i++) {
      // Dates repeat out of order, so remembered and new dates alternate.
      content
          .append("c")
          .append(i)
          .append(",1,")
          .append(first.plusDays((i * 7919L) % 5000))
          .append(",0,0,0,0,0,0,0,0,0\n");
    }
    Path file = write(dir, "dates.csv", content.toString());

    List<AdministrationRow> read = readAll(file, phq9());

    assertThat(read).hasSize(rows);
    for (int i = 0; i < rows; i++) {
      assertThat(administration(read.get(i)).date())
          .as("row %s", i)
          .contains(first.plusDays((i * 7919L) % 5000));
    }
  }

  @Test
  void readsMissingSkippedAndDeclinedCells() throws IOException {
    Path file =
        write(
            dir,
            "missing.csv",
            "client,session,"
                + PHQ9_ITEMS
                + "\n"
                + "c1,1,NA,,skipped,Declined, ,SKIPPED,declined,1,2\n");

    AdministrationRow row = readAll(file, phq9()).get(0);

    assertThat(row.problems()).isEmpty();
    assertThat(administration(row).answers())
        .containsExactly(
            Map.entry("phq9_3", Answer.NotAnswered.SKIPPED),
            Map.entry("phq9_4", Answer.NotAnswered.DECLINED),
            Map.entry("phq9_6", Answer.NotAnswered.SKIPPED),
            Map.entry("phq9_7", Answer.NotAnswered.DECLINED),
            Map.entry("phq9_8", Answer.of(1)),
            Map.entry("phq9_9", Answer.of(2)));
    assertThat(administration(row).answer("phq9_1")).isEqualTo(Answer.NotAnswered.MISSING);
    ScoredRow scored = scored(row);
    assertThat(scored.valid()).isFalse();
    assertThat(scored.score().get().missing())
        .containsExactly("phq9_1", "phq9_2", "phq9_3", "phq9_4", "phq9_5", "phq9_6", "phq9_7");
  }

  @Test
  void readsPhq9AndGad7RowsFromOneFileByTheirInstrumentColumn() throws IOException {
    Path file =
        write(
            dir,
            "mixed.csv",
            "client,session,date,instrument,"
                + PHQ9_ITEMS
                + "\n"
                + "c1,1,2024-01-01,phq-9,0,1,2,3,0,1,2,3,0\n"
                + "c1,1,2024-01-01,gad-7,0,1,2,3,0,1,2,,\n"
                + "c2,1,2024-01-02,GAD-7,3,3,3,3,3,3,3,,\n");

    try (AdministrationCsvReader reader = AdministrationCsvReader.open(file, any())) {
      assertThat(reader.hasInstrumentColumn()).isTrue();
      List<ScoredRow> rows = new java.util.ArrayList<>();
      reader.forEachRemaining(row -> rows.add(scored(row)));

      assertThat(rows).extracting(ScoredRow::instrument).containsExactly("phq-9", "gad-7", "gad-7");
      assertThat(rows)
          .allSatisfy(row -> assertThat(row.valid()).as(row.problemMessages().toString()).isTrue());
      assertThat(rows)
          .extracting(row -> row.total().getAsDouble())
          .containsExactly(12.0, 9.0, 21.0);
      assertThat(rows.get(1).row().administration().get().answers())
          .containsOnlyKeys("gad7_1", "gad7_2", "gad7_3", "gad7_4", "gad7_5", "gad7_6", "gad7_7");
      assertThat(rows.get(2).score().get().band().get().label()).isEqualTo("severe");
    }
  }

  @Test
  void listsAndIgnoresColumnsThatAreNotItems() throws IOException {
    Path file =
        write(
            dir,
            "extra.csv",
            "therapist,client,session,"
                + PHQ9_ITEMS
                + ",note,\n"
                + "T7,c1,1,1,1,1,1,1,1,1,1,1,\"3,4\",99\n");

    try (AdministrationCsvReader reader = AdministrationCsvReader.open(file, phq9())) {
      assertThat(reader.ignoredColumns())
          .containsExactly("therapist", "note", "column 14 (no name)");
      AdministrationRow row = reader.next();
      assertThat(row.problems()).isEmpty();
      assertThat(administration(row).answers())
          .hasSize(9)
          .allSatisfy((id, answer) -> assertThat(id).startsWith("phq9_"));
      assertThat(scored(row).valid()).isTrue();
    }
  }

  // Regression (was a bug): CsvInput marks the stream with a 64 KiB read-ahead limit to sniff the
  // header line, so a header
  // longer than 65,536 characters (a wide export with a few thousand extra columns) makes reset()
  // fail
  // with IOException "Mark invalid": a valid file is rejected, and not even with a
  // InputFormatException.
  @Test
  void readsAHeaderLongerThan64KiB() throws IOException {
    StringBuilder header = new StringBuilder("client,session," + PHQ9_ITEMS);
    StringBuilder row = new StringBuilder("c1,1,1,1,1,1,1,1,1,1,1");
    for (int i = 0; i < 4000; i++) {
      header.append(",redcap_field_").append(String.format("%04d", i));
      row.append(',');
    }
    assertThat(header.length()).isGreaterThan(1 << 16);
    Path file = write(dir, "redcap.csv", header + "\n" + row + "\n");

    List<AdministrationRow> rows;
    try (AdministrationCsvReader reader = AdministrationCsvReader.open(file, phq9())) {
      assertThat(reader.ignoredColumns()).hasSize(4000).startsWith("redcap_field_0000");
      rows = new java.util.ArrayList<>();
      reader.forEachRemaining(rows::add);
    }

    assertThat(rows)
        .singleElement()
        .satisfies(
            only -> {
              assertThat(only.problems()).isEmpty();
              assertThat(scored(only).total()).hasValue(9);
            });
  }

  @Test
  void reportsAValueInQ10OfPhq9AsAnUnknownItemAtItsColumn() throws IOException {
    Path file =
        write(
            dir,
            "q10.csv",
            "client,session,date,instrument,"
                + PHQ9_ITEMS
                + ",q10\n"
                + "c1,1,2024-01-01,phq-9,0,1,2,3,0,1,2,3,0,\n"
                + "c2,1,2024-01-01,phq-9,0,1,2,3,0,1,2,3,0,2\n");

    List<ScoredRow> rows = readAll(file, any()).stream().map(WideLayoutReaderTest::scored).toList();

    assertThat(rows.get(0).valid()).isTrue();
    ScoredRow bad = rows.get(1);
    assertThat(bad.row().problems()).isEmpty();
    assertThat(bad.valid()).isFalse();
    assertThat(bad.total()).isEmpty();
    assertThat(bad.locatedProblems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where())
                  .isEqualTo(SourceLocation.cell(file.toString(), 3, 14, "q10"));
              assertThat(problem.where().toString()).isEqualTo(file + " line 3, column 14 (q10)");
              assertThat(problem.message()).contains("q10").contains("not an item of phq-9");
            });
  }

  @Test
  void locatesScorerProblemsAtTheItemCell() throws IOException {
    Path file =
        write(dir, "range.csv", "client,session," + PHQ9_ITEMS + "\n" + "c1,1,0,0,0,0,0,7,0,0,0\n");

    ScoredRow row = scored(readAll(file, phq9()).get(0));

    assertThat(row.locatedProblems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where().line()).isEqualTo(2);
              assertThat(problem.where().column()).isEqualTo(8);
              assertThat(problem.where().field()).contains("q6");
              assertThat(problem.message()).contains("phq9_6").contains("found 7");
            });
  }

  @Test
  void reportsRowsWithTooFewOrTooManyFields() throws IOException {
    Path file =
        write(
            dir,
            "fields.csv",
            "client,session,date,"
                + PHQ9_ITEMS
                + "\n"
                + "c1,1,2024-01-01,0,1\n"
                + "c2,1,2024-01-01,0,1,2,3,0,1,2,3,0,9\n"
                + "c3,1,2024-01-01,0,1,2,3,0,1,2,3,0\n");

    List<AdministrationRow> rows = readAll(file, phq9());

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where()).isEqualTo(SourceLocation.line(file.toString(), 2));
              assertThat(problem.message())
                  .isEqualTo("the row has 5 fields where the header has 12");
            });
    assertThat(rows.get(1).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where()).isEqualTo(SourceLocation.line(file.toString(), 3));
              assertThat(problem.message())
                  .isEqualTo("the row has 13 fields where the header has 12");
              assertThat(problem.toString())
                  .isEqualTo(file + " line 3: the row has 13 fields where the header has 12");
            });
    assertThat(scored(rows.get(0)).valid()).isFalse();
    assertThat(scored(rows.get(1)).valid()).isFalse();
    // The rows around them are still read.
    assertThat(rows.get(2).problems()).isEmpty();
    assertThat(scored(rows.get(2)).total()).hasValue(12);
  }

  @Test
  void rowsWithoutAnyInstrumentAreReported() throws IOException {
    Path file =
        write(
            dir, "noinstrument.csv", "client,session," + PHQ9_ITEMS + "\nc1,1,0,0,0,0,0,0,0,0,0\n");

    AdministrationRow row = readAll(file, any()).get(0);

    assertThat(row.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where().line()).isEqualTo(2);
              assertThat(problem.message()).contains("--instrument");
            });
    assertThat(row.readable()).isFalse();
  }

  @Test
  void anEmptyInstrumentCellFallsBackToTheOptions() throws IOException {
    Path file =
        write(
            dir,
            "fallback.csv",
            "client,session,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
                + "c1,1,,1,1,1,1,1,1,1,1,1\n"
                + "c1,1,gad-7,1,1,1,1,1,1,1,,\n");

    List<ScoredRow> rows =
        readAll(file, phq9()).stream().map(WideLayoutReaderTest::scored).toList();

    assertThat(rows).extracting(ScoredRow::instrument).containsExactly("phq-9", "gad-7");
    assertThat(rows).extracting(row -> row.total().getAsDouble()).containsExactly(9.0, 7.0);
  }

  @Test
  void administrationsMatchTheirKeyAfterBadRows() throws IOException {
    // A rejected row must not shift the columns or keys of the rows after it.
    Path file =
        write(
            dir,
            "after.csv",
            "client,session,date,"
                + PHQ9_ITEMS
                + "\n"
                + ",x,2024-99-99,a,b,c\n"
                + "c9,9,2024-02-29,1,0,0,0,0,0,0,0,0\n");

    List<AdministrationRow> rows = readAll(file, phq9());

    assertThat(rows.get(0).administration()).isEmpty();
    Administration next = administration(rows.get(1));
    assertThat(next.client()).isEqualTo("c9");
    assertThat(next.session()).isEqualTo(9);
    assertThat(next.date()).isEqualTo(Optional.of(LocalDate.of(2024, 2, 29)));
    assertThat(scored(rows.get(1)).total()).hasValue(1);
  }
}
