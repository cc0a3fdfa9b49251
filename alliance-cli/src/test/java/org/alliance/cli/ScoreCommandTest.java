package org.alliance.cli;

import static org.alliance.cli.Cli.PHQ9_HEADER;
import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
  private static final String NL = System.lineSeparator();
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Two valid PHQ-9 rows (one with the risk item), an unreadable answer on line 4, a bad session on
   * line 5.
   */
  private static final String EXAMPLE =
      PHQ9_HEADER
          + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n"
          + "c1,2,2024-01-08,0,1,2,3,0,1,2,3,1\n"
          + "c2,1,2024-01-02,0,1,x,3,0,1,2,3,0\n"
          + "c3,abc,2024-01-02,0,0,0,0,0,0,0,0,0\n";

  @TempDir Path dir;

  private Path example() throws IOException {
    return write(dir, "example.csv", EXAMPLE);
  }

  private static List<JsonNode> jsonLines(String text) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : text.lines().toList()) {
      JsonNode node = JSON.readTree(line);
      assertThat(node.isObject()).as(line).isTrue();
      nodes.add(node);
    }
    return nodes;
  }

  private List<Path> partialFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".partial")).toList();
    }
  }

  @Test
  void writesCsvWithTheKeyColumnsScoresAndProblems() throws IOException {
    Path file = example();

    Cli.Run run = run("score", file.toString(), "--instrument", "phq-9");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            ""
                + "client,session,date,instrument,total,band,clinical,flags,valid,problems\n"
                + "c1,1,2024-01-01,phq-9,12,moderate,true,,true,\n"
                + "c1,2,2024-01-08,phq-9,13,moderate,true,phq9_9,true,\n"
                + "c2,1,2024-01-02,phq-9,,,,,false,\"item phq9_3: expected a number 0-3, found 'x'\"\n"
                + "c3,abc,2024-01-02,phq-9,,,,,false,\"session: expected a session number (a whole number from 0 to 1000), found 'abc'\"\n");
    assertThat(run.err())
        .isEqualTo(
            ""
                + file
                + " line 4, column 6 (q3): item phq9_3: expected a number 0-3, found 'x'"
                + NL
                + file
                + " line 5, column 2 (session): expected a session number (a whole number from 0 to 1000), found 'abc'"
                + NL
                + "scored 4 administrations: 2 valid, 2 invalid (2 problems)"
                + NL);
  }

  @Test
  void writesJsonLinesAndOnlyTheSummaryOnStderr() throws IOException {
    Cli.Run run = run("score", example().toString(), "--instrument", "phq-9", "--format", "jsonl");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("scored 4 administrations: 2 valid, 2 invalid (2 problems)" + NL);
    List<JsonNode> rows = jsonLines(run.out());
    assertThat(rows).hasSize(4);

    JsonNode first = rows.get(0);
    assertThat(first.get("client").asText()).isEqualTo("c1");
    assertThat(first.get("session").asInt()).isEqualTo(1);
    assertThat(first.get("date").asText()).isEqualTo("2024-01-01");
    assertThat(first.get("instrument").asText()).isEqualTo("phq-9");
    assertThat(first.get("total").isDouble()).as("written as 12.0, as the API writes it").isTrue();
    assertThat(first.get("total").asDouble()).isEqualTo(12.0);
    assertThat(first.get("subscales").isObject()).isTrue();
    assertThat(first.get("band").asText()).isEqualTo("moderate");
    assertThat(first.get("clinical").asBoolean()).isTrue();
    assertThat(first.get("prorated").asBoolean()).isFalse();
    assertThat(first.get("missing").isArray()).isTrue();
    assertThat(first.get("flags").size()).isZero();
    assertThat(first.get("valid").asBoolean()).isTrue();
    assertThat(first.get("problems").size()).isZero();

    assertThat(rows.get(1).get("flags").get(0).asText()).isEqualTo("phq9_9");

    JsonNode invalid = rows.get(2);
    assertThat(invalid.get("total").isNull()).isTrue();
    assertThat(invalid.get("valid").asBoolean()).isFalse();
    JsonNode problem = invalid.get("problems").get(0);
    assertThat(problem.get("kind").asText()).isEqualTo("unreadable");
    assertThat(problem.get("item").asText()).isEqualTo("phq9_3");
    assertThat(problem.get("message").asText())
        .isEqualTo("item phq9_3: expected a number 0-3, found 'x'");

    JsonNode badKey = rows.get(3);
    assertThat(badKey.get("client").asText()).isEqualTo("c3");
    assertThat(badKey.get("total").isNull()).isTrue();
    assertThat(badKey.get("session").asText()).isEqualTo("abc");
    assertThat(badKey.get("problems").get(0).get("kind").asText()).isEqualTo("unreadable-row");
    assertThat(badKey.get("problems").get(0).get("message").asText())
        .startsWith("session: ")
        .contains("'abc'");
  }

  @Test
  void writesATableAndTheProblemsOnStderr() throws IOException {
    Path file = example();

    Cli.Run run = run("score", file.toString(), "--instrument", "phq-9", "--format", "table");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0).split(" +"))
        .containsExactly(
            "client",
            "session",
            "date",
            "instrument",
            "total",
            "band",
            "clinical",
            "flags",
            "valid");
    assertThat(lines.get(1).split(" +"))
        .containsExactly("c1", "1", "2024-01-01", "phq-9", "12", "moderate", "yes", "yes");
    assertThat(lines.get(2).split(" +"))
        .containsExactly(
            "c1", "2", "2024-01-08", "phq-9", "13", "moderate", "yes", "phq9_9", "yes");
    assertThat(lines.get(3).split(" +"))
        .containsExactly("c2", "1", "2024-01-02", "phq-9", "-", "NO");
    assertThat(lines.get(4).split(" +"))
        .containsExactly("c3", "abc", "2024-01-02", "phq-9", "-", "NO");
    // Columns line up: every row has its date where the header has "date".
    int dateColumn = lines.get(0).indexOf("date");
    assertThat(lines.subList(1, 5))
        .allSatisfy(line -> assertThat(line.substring(dateColumn)).startsWith("2024-"));
    assertThat(run.err())
        .contains(file + " line 4, column 6 (q3): item phq9_3")
        .contains(file + " line 5, column 2 (session)")
        .endsWith("scored 4 administrations: 2 valid, 2 invalid (2 problems)" + NL);
  }

  @Test
  void givesWaiSrSubscalesTheirOwnColumnsWhenTheInstrumentIsGiven() throws IOException {
    Path file =
        write(
            dir,
            "wai.csv",
            "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12\n"
                + "c1,1,1,2,3,4,5,1,2,3,4,5,1,2\n");

    Cli.Run run = run("score", file.toString(), "--instrument", "wai-sr");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .isEqualTo(
            ""
                + "client,session,date,instrument,total,goal,task,bond,band,clinical,flags,valid,problems\n"
                + "c1,1,,wai-sr,33,9,10,14,,,,true,\n");
  }

  @Test
  void writesOneSubscalesColumnForAFileWithAnInstrumentColumn() throws IOException {
    Path file =
        write(
            dir,
            "mixed.csv",
            "client,session,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12\n"
                + "c1,1,wai-sr,1,2,3,4,5,1,2,3,4,5,1,2\n"
                + "c1,1,gad-7,3,3,3,3,3,3,3,,,,,\n");

    Cli.Run run = run("score", file.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .isEqualTo(
            ""
                + "client,session,date,instrument,total,subscales,band,clinical,flags,valid,problems\n"
                + "c1,1,,wai-sr,33,goal=9;task=10;bond=14,,,,true,\n"
                + "c1,1,,gad-7,21,,severe,true,,true,\n");
  }

  @Test
  void scoresTheLongLayout() throws IOException {
    StringBuilder rows = new StringBuilder("client,session,date,instrument,item,value\n");
    for (int i = 1; i <= 10; i++) {
      if (i != 4) {
        rows.append("c1,3,2024-05-01,core-10,q").append(i).append(",2\n");
      }
    }
    Path file = write(dir, "long.csv", rows.toString());

    Cli.Run run = run("score", file.toString(), "--format", "jsonl");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode row = jsonLines(run.out()).get(0);
    assertThat(row.get("prorated").asBoolean()).isTrue();
    assertThat(row.get("missing").get(0).asText()).isEqualTo("core10_4");
    assertThat(row.get("total").asDouble()).isCloseTo(10 * 18 / 9.0, within(1e-9));
  }

  @Test
  void writesTheOutFileOnSuccess() throws IOException {
    Path out = dir.resolve("scores.csv");

    Cli.Run run =
        run("score", example().toString(), "--instrument", "phq-9", "--out", out.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(out).exists();
    assertThat(Files.readString(out))
        .startsWith("client,session,date,instrument,total,band,clinical,flags,valid,problems\n")
        .contains("c1,2,2024-01-08,phq-9,13,moderate,true,phq9_9,true,\n");
    assertThat(Files.readAllLines(out)).hasSize(5);
    assertThat(partialFiles()).isEmpty();
  }

  @Test
  void replacesAnExistingOutFileOnSuccess() throws IOException {
    Path out = write(dir, "scores.jsonl", "old results\n");

    Cli.Run run =
        run(
            "score",
            example().toString(),
            "--instrument",
            "phq-9",
            "--format",
            "jsonl",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(jsonLines(Files.readString(out))).hasSize(4);
    assertThat(partialFiles()).isEmpty();
  }

  @Test
  void writesTheValidRowsWhenOneRowIsNotUtf8() throws IOException {
    Path file = write(dir, "latin.csv", ExitCodesTest.Fixtures.withBadByteOnLastLine(5000));
    Path out = dir.resolve("scores.csv");

    Cli.Run run = run("score", file.toString(), "--instrument", "phq-9", "--out", out.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(Files.readAllLines(out)).hasSize(5001);
    assertThat(partialFiles()).isEmpty();
    assertThat(run.err())
        .contains("line 5001, column 1 (client)")
        .contains("UTF-8")
        .doesNotContain("\tat ");
  }

  @Test
  void leavesNoOutFileWhenTheHeaderIsWrong() throws IOException {
    Path file = write(dir, "nosession.csv", "client,q1\nc1,1\n");
    Path out = dir.resolve("scores.csv");

    Cli.Run run = run("score", file.toString(), "--instrument", "phq-9", "--out", out.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(out).doesNotExist();
    assertThat(partialFiles()).isEmpty();
  }

  // Regression (was a bug): an unclosed quote is not a InputFormatException (FastCSV reads it
  // leniently to the end of the file),
  // so the run "succeeds" with one odd invalid row, the rest of the file is swallowed, and the
  // --out file is
  // written. Expected: the file is reported as unreadable and --out is not created.
  @Test
  void leavesNoOutFileWhenAQuoteIsNeverClosed() throws IOException {
    Path file =
        write(
            dir,
            "quote.csv",
            PHQ9_HEADER
                + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n"
                + "c2,2,\"2024-01-08,0,1,2,3,0,1,2,3,0\n"
                + "c3,1,2024-01-09,0,1,2,3,0,1,2,3,0\n"
                + "c4,1,2024-01-10,0,1,2,3,0,1,2,3,0\n");
    Path out = dir.resolve("scores.csv");

    Cli.Run run = run("score", file.toString(), "--instrument", "phq-9", "--out", out.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(out).as(run.toString()).doesNotExist();
    assertThat(partialFiles()).isEmpty();
    assertThat(run.err()).contains("line 3").doesNotContain("\tat ");
  }

  // Regression (was a bug): same cause as above; an existing results file is overwritten with a
  // truncated one.
  @Test
  void leavesAnExistingOutFileUntouchedWhenAQuoteIsNeverClosed() throws IOException {
    Path file =
        write(
            dir,
            "quote.csv",
            PHQ9_HEADER
                + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n"
                + "c2,2,\"2024-01-08,0,1,2,3,0,1,2,3,0\n"
                + "c3,1,2024-01-09,0,1,2,3,0,1,2,3,0\n");
    Path out = write(dir, "scores.csv", "results of last week\n");

    Cli.Run run = run("score", file.toString(), "--instrument", "phq-9", "--out", out.toString());

    assertThat(Files.readString(out)).as(run.toString()).isEqualTo("results of last week\n");
    assertThat(partialFiles()).isEmpty();
  }

  // Regression (was a bug): when the final move fails (here the --out target is an existing
  // directory), Output.close() throws
  // from Files.move and never deletes its temporary file, so a ".scores....partial" file with the
  // full
  // results is left beside the target, and the error message names that temporary file.
  @Test
  void leavesNoPartialFileWhenTheOutTargetCannotBeReplaced() throws IOException {
    Path target = Files.createDirectory(dir.resolve("scores"));

    Cli.Run run =
        run("score", example().toString(), "--instrument", "phq-9", "--out", target.toString());

    assertThat(run.exit()).as(run.toString()).isIn(1, 2);
    assertThat(target).isDirectory().isEmptyDirectory();
    assertThat(run.err()).doesNotContain("\tat ");
    assertThat(partialFiles()).as(run.toString()).isEmpty();
  }

  @Test
  void readsStandardInputForADash() throws IOException {
    InputStream original = System.in;
    try {
      System.setIn(new ByteArrayInputStream(EXAMPLE.getBytes(StandardCharsets.UTF_8)));

      Cli.Run run = run("score", "-", "--instrument", "phq-9", "--format", "jsonl");

      assertThat(run.exit()).as(run.toString()).isEqualTo(1);
      List<JsonNode> rows = jsonLines(run.out());
      assertThat(rows)
          .extracting(row -> row.get("client").asText())
          .containsExactly("c1", "c1", "c2", "c3");
      assertThat(rows.get(0).get("total").asInt()).isEqualTo(12);
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void namesStandardInputInProblems() throws IOException {
    InputStream original = System.in;
    try {
      System.setIn(new ByteArrayInputStream(EXAMPLE.getBytes(StandardCharsets.UTF_8)));

      Cli.Run run = run("score", "-", "--instrument", "phq-9");

      assertThat(run.exit()).as(run.toString()).isEqualTo(1);
      assertThat(run.out().lines()).hasSize(5);
      assertThat(run.err()).contains("<stdin> line 4, column 6 (q3)");
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void listsIgnoredColumnsOnStderr() throws IOException {
    Path file =
        write(
            dir,
            "extra.csv",
            "client,session,therapist,q1,q2,q3,q4,q5,q6,q7,q8,q9\nc1,1,T1,0,0,0,0,0,0,0,0,0\n");

    Cli.Run run = run("score", file.toString(), "--instrument", "phq-9");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).contains("therapist").contains("not items");
    assertThat(run.out()).doesNotContain("T1");
  }

  @Test
  void scoresAManyRowFileInOrder() throws IOException {
    // More rows than any internal batch, so ordering and counting across batches are exercised.
    StringBuilder rows = new StringBuilder(PHQ9_HEADER);
    for (int i = 0; i < 5000; i++) {
      rows.append("c")
          .append(i)
          .append(',')
          .append(i % 30)
          .append(",2024-01-01,")
          .append(i % 4)
          .append(",0,0,0,0,0,0,0,")
          .append(i % 7 == 0 ? "x" : "0")
          .append('\n');
    }
    Path file = write(dir, "many.csv", rows.toString());

    Cli.Run run = run("score", file.toString(), "--instrument", "phq-9");

    assertThat(run.exit()).isEqualTo(1);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(5001);
    for (int i = 0; i < 5000; i++) {
      assertThat(lines.get(i + 1)).startsWith("c" + i + "," + (i % 30) + ",");
    }
    int invalid = (5000 + 6) / 7;
    assertThat(run.err())
        .endsWith(
            "scored 5000 administrations: "
                + (5000 - invalid)
                + " valid, "
                + invalid
                + " invalid ("
                + invalid
                + " problems)"
                + NL);
  }
}
