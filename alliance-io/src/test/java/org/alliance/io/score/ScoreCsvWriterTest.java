package org.alliance.io.score;

import static org.alliance.io.score.ScoreFixtures.options;
import static org.alliance.io.score.ScoreFixtures.scoredRows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.alliance.core.instrument.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCsvWriterTest {
  private static final String WAI_ITEMS = "q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12";
  // goal = items 4, 6, 8, 11 = 4+1+3+1; task = 1, 2, 10, 12 = 1+2+5+2; bond = 3, 5, 7, 9 = 3+5+2+4.
  private static final String WAI_ANSWERS = "1,2,3,4,5,1,2,3,4,5,1,2";

  @TempDir Path dir;

  private static String write(List<ScoredRow> rows, ScoreColumns columns) throws IOException {
    StringWriter out = new StringWriter();
    ScoreCsvWriter writer = new ScoreCsvWriter(out, columns);
    rows.forEach(writer::write);
    writer.flush();
    return out.toString();
  }

  @Test
  void writesEveryRowWithItsScoreOrItsProblems() throws IOException {
    List<ScoredRow> rows =
        scoredRows(
            dir,
            "phq.csv",
            "client,session,date,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
                + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n"
                + "c1,2,2024-01-08,0,1,2,3,0,1,2,3,1\n"
                + "c2,1,2024-01-02,0,1,x,3,0,1,2,3,0\n"
                + "c3,abc,2024-01-02,0,0,0,0,0,0,0,0,0\n"
                + "c4,1,2024-01-03,0,0,0,0,0,0,0,,2\n"
                + "c5,1,2024-01-03,3,3,3,3,3,3,3,3,3\n",
            options().withInstrument("phq-9"));

    String csv = write(rows, ScoreColumns.of(Catalog.builtIn().get("phq-9")));

    assertThat(csv)
        .isEqualTo(
            ""
                + "client,session,date,instrument,total,band,clinical,flags,valid,problems\n"
                + "c1,1,2024-01-01,phq-9,12,moderate,true,,true,\n"
                + "c1,2,2024-01-08,phq-9,13,moderate,true,phq9_9,true,\n"
                + "c2,1,2024-01-02,phq-9,,,,,false,\"item phq9_3: expected a number 0-3, found 'x'\"\n"
                + "c3,abc,2024-01-02,phq-9,,,,,false,\"session: expected a session number (a whole number from 0 to 1000), found 'abc'\"\n"
                // A risk answer is never hidden, even on an invalid row.
                + "c4,1,2024-01-03,phq-9,,,,phq9_9,false,1 of 9 items missing (phq9_8); phq-9 allows none\n"
                + "c5,1,2024-01-03,phq-9,27,severe,true,phq9_9,true,\n");
  }

  @Test
  void joinsSeveralProblemsOfOneRow() throws IOException {
    List<ScoredRow> rows =
        scoredRows(
            dir,
            "phq.csv",
            "client,session,date,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
                + ",1,2024-13-01,0,0,0,0,0,0,0,0,0\n",
            options().withInstrument("phq-9"));

    String csv = write(rows, ScoreColumns.of(Catalog.builtIn().get("phq-9")));

    assertThat(csv.lines().toList())
        .element(1)
        .isEqualTo(
            ",1,2024-13-01,phq-9,,,,,false,\"client: the client reference is empty; date: expected a date as YYYY-MM-DD, found '2024-13-01'\"");
  }

  @Test
  void givesEachWaiSrSubscaleAColumnWhenTheInstrumentIsFixed() throws IOException {
    List<ScoredRow> rows =
        scoredRows(
            dir,
            "wai.csv",
            "client,session,date,"
                + WAI_ITEMS
                + "\n"
                + "c1,1,2024-02-01,"
                + WAI_ANSWERS
                + "\n"
                + "c2,1,,6,2,3,4,5,1,2,3,4,5,1,2\n"
                + "c3,4,2024-02-03,5,5,5,5,5,5,5,5,5,5,5,5\n",
            options().withInstrument("wai-sr"));

    String csv = write(rows, ScoreColumns.of(Catalog.builtIn().get("wai-sr")));

    assertThat(csv)
        .isEqualTo(
            ""
                + "client,session,date,instrument,total,goal,task,bond,band,clinical,flags,valid,problems\n"
                + "c1,1,2024-02-01,wai-sr,33,9,10,14,,,,true,\n"
                + "c2,1,,wai-sr,,,,,,,,false,\"item waisr_1: expected 1-5, found 6\"\n"
                + "c3,4,2024-02-03,wai-sr,60,20,20,20,,,,true,\n");
  }

  @Test
  void writesOneSubscalesColumnWhenInstrumentsAreMixed() throws IOException {
    List<ScoredRow> rows =
        scoredRows(
            dir,
            "mixed.csv",
            "client,session,date,instrument,"
                + WAI_ITEMS
                + "\n"
                + "c1,1,2024-02-01,wai-sr,"
                + WAI_ANSWERS
                + "\n"
                + "c1,1,2024-02-01,phq-9,0,1,2,3,0,1,2,3,0,,,\n"
                + "c1,1,2024-02-01,gad-7,0,0,0,0,0,0,0,,,,,\n",
            options());

    String csv = write(rows, ScoreColumns.mixed());

    assertThat(csv)
        .isEqualTo(
            ""
                + "client,session,date,instrument,total,subscales,band,clinical,flags,valid,problems\n"
                + "c1,1,2024-02-01,wai-sr,33,goal=9;task=10;bond=14,,,,true,\n"
                + "c1,1,2024-02-01,phq-9,12,,moderate,true,,true,\n"
                + "c1,1,2024-02-01,gad-7,0,,minimal,false,,true,\n");
  }

  @Test
  void keepsTheWarningOfAValidRowWithAnIncompleteSubscale() throws IOException {
    // CORE-OM with item 4 missing: the total is prorated, but Well-being allows no missing item.
    StringBuilder header = new StringBuilder("client,session");
    StringBuilder row = new StringBuilder("c1,1");
    for (int n = 1; n <= 34; n++) {
      header.append(",q").append(n);
      row.append(',').append(n == 4 ? "" : "2");
    }
    List<ScoredRow> rows =
        scoredRows(dir, "om.csv", header + "\n" + row + "\n", options().withInstrument("core-om"));

    String csv = write(rows, ScoreColumns.of(Catalog.builtIn().get("core-om")));

    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0).split(",", -1))
        .startsWith("client", "session", "date", "instrument", "total", "wellbeing");
    assertThat(lines.get(1).split(",", -1))
        .containsExactly(
            "c1",
            "1",
            "",
            "core-om",
            "20",
            "",
            "20",
            "20",
            "20",
            "20",
            "",
            "true",
            "coreom_6;coreom_9;coreom_16;coreom_22;coreom_24;coreom_34",
            "true",
            "Well-being has 1 of 4 items missing and allows none: no wellbeing score");
  }

  // Regression (was a bug): CORE-OM has a subscale with the id "problems", so with the instrument
  // fixed the CSV header is
  // client,...,total,wellbeing,problems,functioning,risk,nonrisk,band,clinical,flags,valid,problems: two
  // columns named "problems" (subscale score and problem messages). Any CSV consumer keyed by
  // column name
  // (and this toolkit's own reader, which rejects duplicate header names) cannot tell them apart.
  @Test
  void everyHeaderNameIsUniqueForEveryInstrument() throws IOException {
    for (var instrument : Catalog.builtIn().instruments()) {
      String header =
          write(List.of(), ScoreColumns.of(instrument)).lines().findFirst().orElseThrow();
      assertThat(header.split(",")).as(instrument.id() + ": " + header).doesNotHaveDuplicates();
    }
  }

  @Test
  void scoreColumnsNameTheSubscales() {
    assertThat(ScoreColumns.of(Catalog.builtIn().get("wai-sr")).subscaleIds())
        .containsExactly("goal", "task", "bond");
    assertThat(ScoreColumns.of(Catalog.builtIn().get("phq-9")).subscaleIds()).isEmpty();
    assertThat(ScoreColumns.mixed().subscaleIds()).containsExactly("subscales");
  }
}
