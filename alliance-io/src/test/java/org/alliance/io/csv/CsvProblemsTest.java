package org.alliance.io.csv;

import static org.alliance.io.csv.CsvFiles.PHQ9_ITEMS;
import static org.alliance.io.csv.CsvFiles.any;
import static org.alliance.io.csv.CsvFiles.phq9;
import static org.alliance.io.csv.CsvFiles.readAll;
import static org.alliance.io.csv.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Problems in rows (located per cell) and files that cannot be read at all (InputFormatException).
 */
class CsvProblemsTest {
  private static final String HEADER = "client,session,date," + PHQ9_ITEMS + "\n";
  private static final String GOOD = "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "2.5", "", "1e2"})
  void aBadSessionIsLocatedAtItsCell(String session) throws IOException {
    Path file =
        write(
            dir,
            "session.csv",
            HEADER + GOOD + "c1," + session + ",2024-01-08,0,1,2,3,0,1,2,3,0\n" + GOOD);

    List<AdministrationRow> rows = readAll(file, phq9());

    assertThat(rows).hasSize(3);
    AdministrationRow bad = rows.get(1);
    assertThat(bad.administration()).isEmpty();
    assertThat(bad.readable()).isFalse();
    assertThat(bad.key().session()).isEqualTo(session);
    assertThat(bad.problems())
        .singleElement()
        .satisfies(
            problem -> {
              SourceLocation where = problem.where();
              assertThat(where.file()).isEqualTo(file.toString());
              assertThat(where.line()).isEqualTo(3);
              assertThat(where.column()).isEqualTo(2);
              assertThat(where.field()).contains("session");
              assertThat(where.toString()).isEqualTo(file + " line 3, column 2 (session)");
              assertThat(problem.message())
                  .contains("session number")
                  .contains("'" + session + "'");
              assertThat(problem.toString()).startsWith(file + " line 3, column 2 (session): ");
            });
    assertThat(rows.get(0).readable()).isTrue();
    assertThat(rows.get(2).readable()).isTrue();
  }

  @Test
  void aBadDateIsLocatedAtItsCell() throws IOException {
    Path file = write(dir, "date.csv", HEADER + "c1,1,2024-13-01,0,1,2,3,0,1,2,3,0\n");

    AdministrationRow row = readAll(file, phq9()).get(0);

    assertThat(row.administration()).isEmpty();
    assertThat(row.key().date()).isEqualTo("2024-13-01");
    assertThat(row.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where())
                  .isEqualTo(new SourceLocation(file.toString(), 2, 3, Optional.of("date")));
              assertThat(problem.where().toString()).isEqualTo(file + " line 2, column 3 (date)");
              assertThat(problem.message()).contains("YYYY-MM-DD").contains("'2024-13-01'");
            });
  }

  @Test
  void aRepeatedBadDateIsReportedOnEveryRow() throws IOException {
    Path file =
        write(
            dir,
            "dates.csv",
            HEADER
                + "c1,1,2023-02-29,0,1,2,3,0,1,2,3,0\n"
                + "c2,1,2024-02-29,0,1,2,3,0,1,2,3,0\n"
                + "c3,1,2023-02-29,0,1,2,3,0,1,2,3,0\n"
                + "c4,1,2024-02-29,0,1,2,3,0,1,2,3,0\n"
                + "c5,1,2023-02-29,0,1,2,3,0,1,2,3,0\n");

    List<AdministrationRow> rows = readAll(file, phq9());

    assertThat(rows).extracting(row -> row.problems().size()).containsExactly(1, 0, 1, 0, 1);
    assertThat(rows)
        .extracting(AdministrationRow::readable)
        .containsExactly(false, true, false, true, false);
    assertThat(rows.get(4).problems().get(0).where())
        .isEqualTo(SourceLocation.cell(file.toString(), 6, 3, "date"));
  }

  @Test
  void anEmptyClientIsLocatedAtItsCell() throws IOException {
    Path file = write(dir, "client.csv", HEADER + GOOD + "  ,2,2024-01-08,0,1,2,3,0,1,2,3,0\n");

    AdministrationRow row = readAll(file, phq9()).get(1);

    assertThat(row.administration()).isEmpty();
    assertThat(row.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where())
                  .isEqualTo(SourceLocation.cell(file.toString(), 3, 1, "client"));
              assertThat(problem.where().toString()).isEqualTo(file + " line 3, column 1 (client)");
              assertThat(problem.message()).contains("client");
            });
  }

  @Test
  void everyBadKeyFieldOfARowIsReported() throws IOException {
    Path file =
        write(
            dir,
            "keys.csv",
            "session,date,client," + PHQ9_ITEMS + "\n" + "-1,2024-02-30,,0,0,0,0,0,0,0,0,0\n");

    AdministrationRow row = readAll(file, phq9()).get(0);

    assertThat(row.problems())
        .extracting(problem -> problem.where().toString())
        .containsExactlyInAnyOrder(
            file + " line 2, column 1 (session)",
            file + " line 2, column 2 (date)",
            file + " line 2, column 3 (client)");
  }

  @Test
  void sourceLocationTextNamesFileLineColumnAndField() {
    assertThat(SourceLocation.cell("data.csv", 5, 7, "q6").toString())
        .isEqualTo("data.csv line 5, column 7 (q6)");
    assertThat(SourceLocation.line("data.csv", 5).toString()).isEqualTo("data.csv line 5");
    assertThat(SourceLocation.line("data.csv", 5).column()).isZero();
    assertThat(SourceLocation.line("data.csv", 5).field()).isEmpty();
  }

  @Test
  void aHeaderWithoutSessionIsAFormatErrorOnLine1() throws IOException {
    Path file =
        write(
            dir,
            "nosession.csv",
            "client,date," + PHQ9_ITEMS + "\nc1,2024-01-01,0,0,0,0,0,0,0,0,0\n");

    Throwable thrown = catchThrowable(() -> AdministrationCsvReader.open(file, phq9()));

    assertThat(thrown).isInstanceOf(InputFormatException.class);
    InputFormatException e = (InputFormatException) thrown;
    assertThat(e.where().file()).isEqualTo(file.toString());
    assertThat(e.where().line()).isEqualTo(1);
    assertThat(e.getMessage()).startsWith(file + " line 1").contains("'session'");
  }

  @Test
  void aLongHeaderWithoutItemIsAFormatErrorWhenLongIsChosen() throws IOException {
    Path file = write(dir, "noitem.csv", "client,session,instrument,value\nc1,1,phq-9,1\n");

    assertThatThrownBy(() -> AdministrationCsvReader.open(file, any().withLayout(CsvLayout.LONG)))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("'item'");
  }

  @Test
  void duplicateHeaderNamesAreAFormatError() throws IOException {
    Path file = write(dir, "dup.csv", "client,session,q1,q2,Q1\nc1,1,1,1,1\n");

    Throwable thrown = catchThrowable(() -> AdministrationCsvReader.open(file, phq9()));

    assertThat(thrown).isInstanceOf(InputFormatException.class);
    InputFormatException e = (InputFormatException) thrown;
    assertThat(e.where()).isEqualTo(SourceLocation.cell(file.toString(), 1, 5, "Q1"));
    assertThat(e.getMessage()).contains("appears twice").contains("column 3");
  }

  @Test
  void twoColumnsForTheSameItemAreAFormatError() throws IOException {
    Path file = write(dir, "sameitem.csv", "client,session,q1,phq9_1\nc1,1,1,1\n");

    Throwable thrown = catchThrowable(() -> readAll(file, phq9()));

    assertThat(thrown).isInstanceOf(InputFormatException.class).hasMessageContaining("phq9_1");
    assertThat(((InputFormatException) thrown).where().line()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "\r\n\r\n", "   \n"})
  void anEmptyFileIsAFormatErrorOnLine1(String content) throws IOException {
    Path file = write(dir, "empty.csv", content);

    Throwable thrown = catchThrowable(() -> AdministrationCsvReader.open(file, phq9()));

    assertThat(thrown).isInstanceOf(InputFormatException.class).hasMessageContaining("empty");
    assertThat(((InputFormatException) thrown).where().line()).isEqualTo(1);
    assertThat(((InputFormatException) thrown).where().file()).isEqualTo(file.toString());
  }

  @Test
  void aHeaderOnlyFileHasNoRows() throws IOException {
    Path file = write(dir, "header.csv", HEADER);

    assertThat(readAll(file, phq9())).isEmpty();
  }

  // Regression (was a bug): FastCSV reads an unclosed quote leniently to the end of the file, so
  // the reader swallows every
  // following line into one field and reports a single odd row ("the row has 2 fields...") instead
  // of
  // raising InputFormatException; the rows after the quote (c3 here) are silently lost.
  @Test
  void anUnclosedQuoteIsAFormatErrorWithItsLine() throws IOException {
    Path file =
        write(
            dir,
            "quote.csv",
            "client,session,"
                + PHQ9_ITEMS
                + "\n"
                + "c1,1,0,1,2,3,0,1,2,3,0\n"
                + "c2,\"2,0,1,2,3,0,1,2,3,0\n"
                + "c3,3,0,1,2,3,0,1,2,3,0\n");

    Throwable thrown = catchThrowable(() -> readAll(file, phq9()));

    assertThat(thrown)
        .as("an unclosed quote must raise InputFormatException")
        .isInstanceOf(InputFormatException.class);
    InputFormatException e = (InputFormatException) thrown;
    assertThat(e.where().file()).isEqualTo(file.toString());
    assertThat(e.where().line()).isEqualTo(3);
  }

  @Test
  void invalidUtf8InTheHeaderIsAFormatError() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(
        new byte[] {'c', 'l', 'i', 'e', 'n', 't', ',', 's', (byte) 0xE9, 's', ',', 'q', '1', '\n'});
    bytes.write("c1,1,0\n".getBytes(StandardCharsets.UTF_8));
    Path file = write(dir, "latin-header.csv", bytes.toByteArray());

    Throwable thrown = catchThrowable(() -> readAll(file, phq9()));

    assertThat(thrown).isInstanceOf(InputFormatException.class).hasMessageContaining("UTF-8");
    InputFormatException e = (InputFormatException) thrown;
    assertThat(e.where().file()).isEqualTo(file.toString());
    assertThat(e.where().line()).isEqualTo(1);
    assertThat(e.where().column()).isEqualTo(2);
  }

  @Test
  void invalidUtf8InACellIsReportedOnItsLineAndColumnWhileOtherRowsAreRead() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write((HEADER + GOOD).getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {'c', (byte) 0xE9});
    bytes.write(",2,2024-01-08,0,1,2,3,0,1,2,3,0\n".getBytes(StandardCharsets.UTF_8));
    bytes.write(GOOD.getBytes(StandardCharsets.UTF_8));
    Path file = write(dir, "latin.csv", bytes.toByteArray());

    List<AdministrationRow> rows = readAll(file, phq9());

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).readable()).isTrue();
    assertThat(rows.get(2).readable()).isTrue();
    assertThat(rows.get(1).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where().line()).isEqualTo(3);
              assertThat(problem.where().column()).isEqualTo(1);
              assertThat(problem.where().field()).hasValue("client");
              assertThat(problem.message()).contains("UTF-8");
            });
  }

  @Test
  void invalidUtf8DeepInALargeFileIsReportedOnItsLine() throws IOException {
    Path file = write(dir, "large-latin.csv", withBadByteOnLastLine(5000));

    List<AdministrationRow> rows = readAll(file, phq9());

    assertThat(rows).hasSize(5000);
    assertThat(rows.subList(0, 4999)).allMatch(AdministrationRow::readable);
    assertThat(rows.get(4999).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where().line()).isEqualTo(5001);
              assertThat(problem.message()).contains("UTF-8");
            });
  }

  /**
   * A header and {@code rows} good rows, the last of which has a byte that is not UTF-8 in its
   * client.
   */
  private static byte[] withBadByteOnLastLine(int rows) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(("client,session," + PHQ9_ITEMS + "\n").getBytes(StandardCharsets.UTF_8));
    for (int i = 1; i < rows; i++) {
      bytes.write(("c" + i + ",1,0,1,2,3,0,1,2,3,0\n").getBytes(StandardCharsets.UTF_8));
    }
    bytes.write(new byte[] {'c', (byte) 0xFF});
    bytes.write(",1,0,1,2,3,0,1,2,3,0\n".getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }
}
