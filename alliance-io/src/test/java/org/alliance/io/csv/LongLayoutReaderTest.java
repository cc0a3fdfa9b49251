package org.alliance.io.csv;

import static org.alliance.io.csv.CsvFiles.any;
import static org.alliance.io.csv.CsvFiles.readAll;
import static org.alliance.io.csv.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.SourceLocation;
import org.alliance.io.score.ScoredRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The long layout: one row per answer, consecutive rows of one administration grouped. */
class LongLayoutReaderTest {
  private static final String HEADER = "client,session,date,instrument,item,value\n";

  @TempDir Path dir;

  private static String phq9Rows(String client, int session, String date, int... values) {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      rows.append(client)
          .append(',')
          .append(session)
          .append(',')
          .append(date)
          .append(",phq-9,phq9_")
          .append(i + 1)
          .append(',')
          .append(values[i])
          .append('\n');
    }
    return rows.toString();
  }

  private static ScoredRow scored(AdministrationRow row) {
    return ScoredRow.score(row, Scorer.builtIn());
  }

  @Test
  void isDetectedFromItemAndValueColumns() throws IOException {
    Path file = write(dir, "long.csv", "Client,Session,Instrument,Item,Value\nc1,1,gad-7,1,0\n");

    try (AdministrationCsvReader reader = AdministrationCsvReader.open(file, any())) {
      assertThat(reader.layout()).isEqualTo(CsvLayout.LONG);
      assertThat(reader.ignoredColumns()).isEmpty();
    }
    try (AdministrationCsvReader reader =
        AdministrationCsvReader.open(file, any().withLayout(CsvLayout.WIDE))) {
      assertThat(reader.layout()).isEqualTo(CsvLayout.WIDE);
      assertThat(reader.ignoredColumns()).containsExactly("Item", "Value");
    }
    Path wide = write(dir, "wide.csv", "client,session,instrument,item_count,q1\nc1,1,gad-7,1,0\n");
    try (AdministrationCsvReader reader = AdministrationCsvReader.open(wide, any())) {
      assertThat(reader.layout()).isEqualTo(CsvLayout.WIDE);
    }
  }

  @Test
  void groupsConsecutiveRowsIntoOneAdministration() throws IOException {
    Path file =
        write(
            dir,
            "long.csv",
            HEADER
                + phq9Rows("c1", 1, "2024-01-01", 0, 1, 2, 3, 0, 1, 2, 3, 0)
                + phq9Rows("c1", 2, "2024-01-08", 1, 1, 1, 1, 1, 1, 1, 1, 1)
                + phq9Rows("c2", 1, "", 3, 3, 3, 3, 3, 3, 3, 3, 3));

    List<AdministrationRow> rows = readAll(file, any());

    assertThat(rows).hasSize(3);
    assertThat(rows).extracting(row -> row.location().line()).containsExactly(2L, 11L, 20L);
    assertThat(rows).allSatisfy(row -> assertThat(row.problems()).isEmpty());
    assertThat(rows)
        .extracting(row -> row.key().client() + "/" + row.key().session())
        .containsExactly("c1/1", "c1/2", "c2/1");
    assertThat(rows.get(0).administration().get().date()).contains(LocalDate.of(2024, 1, 1));
    assertThat(rows.get(2).administration().get().date()).isEmpty();
    assertThat(rows)
        .extracting(row -> scored(row).total().getAsDouble())
        .containsExactly(12.0, 9.0, 27.0);
  }

  @Test
  void aChangeOfInstrumentStartsANewAdministration() throws IOException {
    Path file =
        write(
            dir,
            "long.csv",
            HEADER
                + "c1,1,2024-01-01,gad-7,1,1\nc1,1,2024-01-01,gad-7,2,1\nc1,1,2024-01-01,gad-7,3,1\nc1,1,2024-01-01,gad-7,4,1\n"
                + "c1,1,2024-01-01,gad-7,5,1\nc1,1,2024-01-01,gad-7,6,1\nc1,1,2024-01-01,gad-7,7,1\n"
                + phq9Rows("c1", 1, "2024-01-01", 2, 2, 2, 2, 2, 2, 2, 2, 2));

    List<ScoredRow> rows = readAll(file, any()).stream().map(LongLayoutReaderTest::scored).toList();

    assertThat(rows).extracting(ScoredRow::instrument).containsExactly("gad-7", "phq-9");
    assertThat(rows).extracting(row -> row.total().getAsDouble()).containsExactly(7.0, 18.0);
  }

  @Test
  void readsItemsByIdByQNumberAndByNumber() throws IOException {
    Path file =
        write(
            dir,
            "long.csv",
            HEADER
                + "c1,1,2024-01-01,phq-9,phq9_1,1\n"
                + "c1,1,2024-01-01,phq-9,q2,2\n"
                + "c1,1,2024-01-01,phq-9,3,3\n"
                + "c1,1,2024-01-01,phq-9,Q4,0\n"
                + "c1,1,2024-01-01,phq-9,PHQ9_5,1\n"
                + "c1,1,2024-01-01,phq-9,6,0\n"
                + "c1,1,2024-01-01,phq-9,7,0\n"
                + "c1,1,2024-01-01,phq-9,8,0\n"
                + "c1,1,2024-01-01,phq-9,9,2\n");

    AdministrationRow row = readAll(file, any()).get(0);

    assertThat(row.problems()).isEmpty();
    assertThat(row.administration().get().answers())
        .containsEntry("phq9_1", Answer.of(1))
        .containsEntry("phq9_2", Answer.of(2))
        .containsEntry("phq9_3", Answer.of(3))
        .containsEntry("phq9_4", Answer.of(0))
        .containsEntry("phq9_5", Answer.of(1))
        .containsEntry("phq9_9", Answer.of(2))
        .hasSize(9);
    ScoredRow scored = scored(row);
    assertThat(scored.total()).hasValue(9);
    assertThat(scored.score().get().flags()).containsExactly("phq9_9");
  }

  @Test
  void takesTheInstrumentFromTheOptionsWhenThereIsNoInstrumentColumn() throws IOException {
    Path file =
        write(
            dir,
            "long.csv",
            "client;session;item;value\n" + "c1;1;q1;5,5\nc1;1;q2;6\nc1;1;q3;7\nc1;1;q4;8,1\n");

    AdministrationRow row = readAll(file, any().withInstrument("ors")).get(0);

    assertThat(row.problems()).isEmpty();
    assertThat(row.administration().get().answers())
        .containsEntry("ors_1", Answer.of(5.5))
        .containsEntry("ors_4", Answer.of(8.1));
    assertThat(scored(row).total().getAsDouble())
        .isCloseTo(26.6, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void aDuplicateItemIsReportedWithBothLines() throws IOException {
    Path file =
        write(
            dir,
            "long.csv",
            HEADER
                + "c1,1,2024-01-01,phq-9,q1,1\n"
                + "c1,1,2024-01-01,phq-9,q2,1\n"
                + "c1,1,2024-01-01,phq-9,1,2\n"
                + phq9Rows("c2", 1, "2024-01-01", 0, 0, 0, 0, 0, 0, 0, 0, 0));

    List<AdministrationRow> rows = readAll(file, any());

    assertThat(rows).hasSize(2);
    AdministrationRow bad = rows.get(0);
    assertThat(bad.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where())
                  .isEqualTo(SourceLocation.cell(file.toString(), 4, 5, "item"));
              assertThat(problem.message()).contains("phq9_1").contains("twice").contains("line 2");
            });
    // The first answer is kept; the row as a whole is invalid.
    assertThat(bad.administration().get().answers()).containsEntry("phq9_1", Answer.of(1));
    assertThat(scored(bad).valid()).isFalse();
    assertThat(scored(rows.get(1)).valid()).isTrue();
  }

  @Test
  void aDateThatChangesInsideAnAdministrationIsReported() throws IOException {
    Path file =
        write(
            dir,
            "long.csv",
            HEADER
                + "c1,1,2024-01-01,gad-7,1,1\nc1,1,2024-01-01,gad-7,2,1\nc1,1,2024-01-01,gad-7,3,1\nc1,1,2024-01-01,gad-7,4,1\n"
                + "c1,1,2024-01-02,gad-7,5,1\nc1,1,2024-01-01,gad-7,6,1\nc1,1,2024-01-01,gad-7,7,1\n");

    AdministrationRow row = readAll(file, any()).get(0);

    assertThat(row.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where())
                  .isEqualTo(SourceLocation.cell(file.toString(), 6, 3, "date"));
              assertThat(problem.message()).contains("'2024-01-02'").contains("'2024-01-01'");
            });
    assertThat(row.administration().get().date()).contains(LocalDate.of(2024, 1, 1));
    assertThat(scored(row).valid()).isFalse();
  }

  @Test
  void locatesAnUnreadableValueAtItsLineAndValueColumn() throws IOException {
    Path file =
        write(
            dir,
            "long.csv",
            HEADER
                + "c1,1,2024-01-01,gad-7,1,1\nc1,1,2024-01-01,gad-7,2,1\nc1,1,2024-01-01,gad-7,3,often\nc1,1,2024-01-01,gad-7,4,1\n"
                + "c1,1,2024-01-01,gad-7,5,1\nc1,1,2024-01-01,gad-7,6,1\nc1,1,2024-01-01,gad-7,7,1\n");

    ScoredRow row = scored(readAll(file, any()).get(0));

    assertThat(row.valid()).isFalse();
    assertThat(row.locatedProblems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where())
                  .isEqualTo(SourceLocation.cell(file.toString(), 4, 6, "value"));
              assertThat(problem.message()).contains("gad7_3").contains("'often'");
            });
  }

  @Test
  void anEmptyItemIsReported() throws IOException {
    Path file = write(dir, "long.csv", HEADER + "c1,1,2024-01-01,gad-7,,1\n");

    AdministrationRow row = readAll(file, any()).get(0);

    assertThat(row.problems())
        .singleElement()
        .satisfies(
            problem ->
                assertThat(problem.where())
                    .isEqualTo(SourceLocation.cell(file.toString(), 2, 5, "item")));
  }
}
