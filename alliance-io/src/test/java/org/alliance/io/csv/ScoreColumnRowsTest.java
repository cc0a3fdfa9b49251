package org.alliance.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.io.input.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreColumnRowsTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static List<ScoreColumnRows.Row> readAll(ScoreColumnRows reader) {
    List<ScoreColumnRows.Row> rows = new ArrayList<>();
    Optional<ScoreColumnRows.Row> row;
    while ((row = reader.next()).isPresent()) {
      rows.add(row.get());
    }
    return rows;
  }

  private List<ScoreColumnRows.Row> readAll(
      Path file, String column, String clientColumn, String sessionColumn) throws IOException {
    try (ScoreColumnRows reader = ScoreColumnRows.open(file, column, clientColumn, sessionColumn)) {
      return readAll(reader);
    }
  }

  @Test
  void readsTheScoreByNamedClientAndSessionColumns() throws IOException {
    // The layout of claus_2020.csv: the client is "id", the session is "time", other columns are
    // ignored.
    Path file =
        write(
            "claus.csv",
            "\"id\",\"age\",\"time\",\"bdi\",\"hamd\"\n"
                + "1,54,1,33,25\n"
                + "1,54,2,28,17.5\n"
                + "2,40,1,20,19\n");

    List<ScoreColumnRows.Row> rows = readAll(file, "hamd", "id", "time");

    assertThat(rows).extracting(ScoreColumnRows.Row::client).containsExactly("1", "1", "2");
    assertThat(rows).extracting(ScoreColumnRows.Row::session).containsExactly(1, 2, 1);
    assertThat(rows).extracting(row -> row.score().getAsDouble()).containsExactly(25.0, 17.5, 19.0);
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.problems()).isEmpty();
              assertThat(row.date()).isEmpty();
              assertThat(row.clinician()).isEmpty();
            });
    assertThat(rows.get(1).location().line()).isEqualTo(3);
  }

  @Test
  void matchesColumnNamesWithoutRegardToCase() throws IOException {
    Path file = write("upper.csv", "ID,Time,HAMD\nx,4,12\n");

    List<ScoreColumnRows.Row> rows = readAll(file, "hamd", "id", "time");

    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.client()).isEqualTo("x");
              assertThat(row.session()).isEqualTo(4);
              assertThat(row.score()).hasValue(12.0);
            });
  }

  @Test
  void usesClientAndSessionByDefaultAndReadsDateAndClinician() throws IOException {
    Path file =
        write("default.csv", "client,session,date,clinician,bdi\nc1,0,2024-02-03,dr-a,31\n");

    try (ScoreColumnRows reader = ScoreColumnRows.open(file, "bdi")) {
      ScoreColumnRows.Row row = reader.next().orElseThrow();
      assertThat(row.client()).isEqualTo("c1");
      assertThat(row.session()).isZero();
      assertThat(row.date()).hasValue(LocalDate.of(2024, 2, 3));
      assertThat(row.clinician()).isEqualTo("dr-a");
      assertThat(row.score()).hasValue(31.0);
      assertThat(row.problems()).isEmpty();
      assertThat(reader.next()).isEmpty();
    }
  }

  @Test
  void anEmptyOrNaScoreIsAMissingSessionNotAProblem() throws IOException {
    Path file =
        write(
            "missing.csv",
            "client,session,bdi,other\n"
                + "c1,1,,7\n"
                + "c1,2,NA,7\n"
                + "c1,3,  ,7\n"
                + "c1,4\n"); // a short row: the score cell is absent

    List<ScoreColumnRows.Row> rows = readAll(file, "bdi", "client", "session");

    assertThat(rows).hasSize(4);
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.score()).isEmpty();
              assertThat(row.problems()).isEmpty();
              assertThat(row.client()).isEqualTo("c1");
            });
    assertThat(rows).extracting(ScoreColumnRows.Row::session).containsExactly(1, 2, 3, 4);
  }

  @Test
  void reportsABadNumberWithItsCell() throws IOException {
    Path file = write("bad.csv", "client,session,bdi\n" + "c1,1,20\n" + "c1,2,2x\n" + "c1,3,1e3\n");

    List<ScoreColumnRows.Row> rows = readAll(file, "bdi", "client", "session");

    assertThat(rows.get(0).problems()).isEmpty();
    ScoreColumnRows.Row bad = rows.get(1);
    assertThat(bad.score()).isEmpty();
    assertThat(bad.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where().line()).isEqualTo(3);
              assertThat(problem.where().column()).isEqualTo(3);
              assertThat(problem.where().field()).hasValue("bdi");
              assertThat(problem.message()).isEqualTo("expected a number, found '2x'");
              assertThat(problem.toString())
                  .isEqualTo(file + " line 3, column 3 (bdi): expected a number, found '2x'");
            });
    // Exponents are not a score either.
    assertThat(rows.get(2).problems())
        .singleElement()
        .satisfies(problem -> assertThat(problem.message()).contains("'1e3'"));
  }

  @Test
  void reportsABadSessionAnEmptyClientAndABadDateWithTheirCells() throws IOException {
    Path file =
        write(
            "keys.csv",
            "date,client,session,bdi\n"
                + "2024-01-01,c1,first,20\n"
                + "2024-01-01,,2,20\n"
                + "01/02/2024,c1,3,20\n"
                + "2024-01-01,c1,-1,20\n");

    List<ScoreColumnRows.Row> rows = readAll(file, "bdi", "client", "session");

    assertThat(rows.get(0).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where().line()).isEqualTo(2);
              assertThat(problem.where().column()).isEqualTo(3);
              assertThat(problem.where().field()).hasValue("session");
              assertThat(problem.message()).contains("'first'");
            });
    assertThat(rows.get(1).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where().field()).hasValue("client");
              assertThat(problem.message()).isEqualTo("the client reference is empty");
            });
    assertThat(rows.get(2).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where().column()).isEqualTo(1);
              assertThat(problem.where().field()).hasValue("date");
              assertThat(problem.message()).contains("'01/02/2024'");
            });
    assertThat(rows.get(3).problems())
        .singleElement()
        .satisfies(problem -> assertThat(problem.where().field()).hasValue("session"));
  }

  // Regression (was a bug): ScoreColumnRows does not check the client cell for bytes that are not
  // UTF-8 (CsvInput turns them into U+FFFD
  // and says the row readers report them; KeyColumns does, ScoreColumnRows does not). Two clients
  // of a Latin-1 file,
  // "Jos\xe9" and "Jos\xe8", both become "Jos\uFFFD" and are read as one client: "alliance change"
  // on such a file reports
  // "client Jos? already has a bdi score for session 1 (line 2); this one is left out", and with
  // other sessions the two
  // courses would silently merge. Expected, as for answer files: a problem on the client cell
  // saying the text is not
  // UTF-8.
  @Test
  void reportsAClientThatIsNotUtf8() throws IOException {
    byte[] latin1 =
        "client,session,bdi\nJos\u00e9,1,30\nJos\u00e8,1,25\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("latin1.csv"), latin1);

    List<ScoreColumnRows.Row> rows = readAll(file, "bdi", "client", "session");

    assertThat(rows)
        .hasSize(2)
        .allSatisfy(
            row ->
                assertThat(row.problems())
                    .as(row.toString())
                    .singleElement()
                    .satisfies(
                        problem -> {
                          assertThat(problem.where().field()).hasValue("client");
                          assertThat(problem.message()).contains("UTF-8");
                        }));
  }

  @Test
  void readsADecimalCommaInASemicolonFile() throws IOException {
    Path file = write("semicolon.csv", "client;session;ors\nc1;1;17,5\nc1;2;21.3\n");

    List<ScoreColumnRows.Row> rows = readAll(file, "ors", "client", "session");

    assertThat(rows).extracting(row -> row.score().getAsDouble()).containsExactly(17.5, 21.3);
    assertThat(rows).allSatisfy(row -> assertThat(row.problems()).isEmpty());
  }

  @Test
  void aMissingColumnMakesTheFileUnreadableNamingTheColumnAndWhatWasFound() throws IOException {
    Path file = write("nocolumn.csv", "id,time,bdi\n1,1,20\n");

    assertThatThrownBy(() -> ScoreColumnRows.open(file, "hamd", "id", "time"))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("'hamd'")
        .hasMessageContaining("id, time, bdi");
    // The default client column is "client", which this file does not have.
    assertThatThrownBy(() -> ScoreColumnRows.open(file, "bdi"))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("'client'");
  }
}
