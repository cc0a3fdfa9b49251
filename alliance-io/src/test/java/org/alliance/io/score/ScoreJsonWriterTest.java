package org.alliance.io.score;

import static org.alliance.io.score.ScoreFixtures.options;
import static org.alliance.io.score.ScoreFixtures.parseObject;
import static org.alliance.io.score.ScoreFixtures.scoredRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreJsonWriterTest {
  @TempDir Path dir;

  private static List<Map<String, Object>> writeAndParse(List<ScoredRow> rows) throws IOException {
    StringWriter out = new StringWriter();
    ScoreJsonWriter writer = new ScoreJsonWriter(out);
    for (ScoredRow row : rows) {
      writer.write(row);
    }
    writer.flush();
    String text = out.toString();
    assertThat(text).endsWith("\n");
    List<String> lines = text.lines().toList();
    assertThat(lines).as("one JSON object per administration, one per line").hasSize(rows.size());
    List<Map<String, Object>> objects = new ArrayList<>();
    for (String line : lines) {
      assertThat(line).startsWith("{").endsWith("}");
      objects.add(parseObject(line));
    }
    return objects;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> problem(Map<String, Object> json) {
    List<?> problems = (List<?>) json.get("problems");
    assertThat(problems).hasSize(1);
    return (Map<String, Object>) problems.get(0);
  }

  @Test
  void writesOneObjectPerAdministrationWithEveryField() throws IOException {
    List<ScoredRow> rows =
        scoredRows(
            dir,
            "mixed.csv",
            "client,session,date,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n"
                + "c1,1,2024-01-01,phq-9,0,1,2,3,0,1,2,3,1,\n"
                + "c2,1,2024-01-02,phq-9,0,1,x,3,0,1,2,3,0,\n"
                + "c3,2,,core-10,2,1,3,2,2,0,1,2,3,\n"
                + "c4,abc,2024-01-02,gad-7,0,0,0,0,0,0,0,,,\n",
            options());

    List<Map<String, Object>> json = writeAndParse(rows);

    Map<String, Object> valid = json.get(0);
    assertThat(valid.keySet())
        .containsExactly(
            "client",
            "session",
            "date",
            "instrument",
            "total",
            "mean",
            "subscales",
            "band",
            "clinical",
            "flags",
            "prorated",
            "missing",
            "valid",
            "problems",
            "line");
    assertThat(valid)
        .containsEntry("client", "c1")
        .containsEntry("session", 1L)
        .containsEntry("date", "2024-01-01")
        .containsEntry("instrument", "phq-9")
        .containsEntry("total", 13.0)
        .containsEntry("subscales", Map.of())
        .containsEntry("band", "moderate")
        .containsEntry("clinical", true)
        .containsEntry("prorated", false)
        .containsEntry("missing", List.of())
        .containsEntry("flags", List.of("phq9_9"))
        .containsEntry("valid", true)
        .containsEntry("problems", List.of());

    Map<String, Object> invalid = json.get(1);
    assertThat(invalid)
        .containsEntry("client", "c2")
        .containsEntry("total", null)
        .containsEntry("band", null)
        .containsEntry("clinical", null)
        .containsEntry("subscales", Map.of())
        .containsEntry("prorated", false)
        .containsEntry("valid", false)
        .containsEntry(
            "problems",
            List.of(
                Map.of(
                    "kind",
                    "unreadable",
                    "item",
                    "phq9_3",
                    "message",
                    "item phq9_3: expected a number 0-3, found 'x'")));

    // CORE-10 with item 10 missing: 10 x sum / 9, where items 2 and 3 are reversed (4 - answer).
    double sum = 2 + (4 - 1) + (4 - 3) + 2 + 2 + 0 + 1 + 2 + 3;
    Map<String, Object> prorated = json.get(2);
    assertThat(prorated)
        .containsEntry("instrument", "core-10")
        .containsEntry("date", null)
        .containsEntry("prorated", true)
        .containsEntry("missing", List.of("core10_10"))
        .containsEntry("valid", true)
        .containsEntry("band", "moderate")
        .containsEntry("clinical", true);
    assertThat(((Number) prorated.get("total")).doubleValue())
        .isCloseTo(10 * sum / 9, within(1e-9));

    Map<String, Object> badKey = json.get(3);
    assertThat(badKey)
        .containsEntry("client", "c4")
        .containsEntry("instrument", "gad-7")
        .containsEntry("total", null)
        .containsEntry("valid", false);
    assertThat(badKey).containsEntry("session", "abc").containsEntry("line", 5L);
    assertThat(problem(badKey)).containsEntry("kind", "unreadable-row").containsEntry("item", null);
    assertThat((String) problem(badKey).get("message")).startsWith("session: ").contains("'abc'");
  }

  @Test
  void writesSubscalesAsAnObject() throws IOException {
    List<ScoredRow> rows =
        scoredRows(
            dir,
            "wai.csv",
            "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12\n"
                + "c1,1,1,2,3,4,5,1,2,3,4,5,1,2\n",
            options().withInstrument("wai-sr"));

    Map<String, Object> json = writeAndParse(rows).get(0);

    assertThat(json)
        .containsEntry("total", 33.0)
        .containsEntry("band", null)
        .containsEntry("clinical", null);
    @SuppressWarnings("unchecked")
    Map<String, Object> subscales = (Map<String, Object>) json.get("subscales");
    assertThat(subscales).containsOnlyKeys("goal", "task", "bond");
    assertThat(((Number) subscales.get("goal")).doubleValue()).isEqualTo(9.0);
    assertThat(((Number) subscales.get("task")).doubleValue()).isEqualTo(10.0);
    assertThat(((Number) subscales.get("bond")).doubleValue()).isEqualTo(14.0);
  }

  @Test
  void keepsRiskFlagsOfAnInvalidAdministration() throws IOException {
    List<ScoredRow> rows =
        scoredRows(
            dir,
            "flag.csv",
            "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\n" + "c1,1,0,0,0,0,0,0,0,,3\n",
            options().withInstrument("phq-9"));

    Map<String, Object> json = writeAndParse(rows).get(0);

    assertThat(json)
        .containsEntry("valid", false)
        .containsEntry("total", null)
        .containsEntry("flags", List.of("phq9_9"))
        .containsEntry("missing", List.of("phq9_8"));
  }

  // Regression (was a bug): a rejected row keeps its raw key so it "can be written out in its
  // place"
  // (AdministrationRow), and the CSV writer does write its session and date, but the JSON writer
  // takes
  // session and date only from the parsed administration: a row whose only problem is an empty
  // client
  // comes out with "session":null and "date":null, so the jsonl output no longer says which session
  // failed.
  @Test
  void keepsTheReadableKeyFieldsOfARejectedRow() throws IOException {
    List<ScoredRow> rows =
        scoredRows(
            dir,
            "noclient.csv",
            "client,session,date,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
                + ",2,2024-01-08,0,1,2,3,0,1,2,3,0\n",
            options().withInstrument("phq-9"));

    Map<String, Object> json = writeAndParse(rows).get(0);

    assertThat(json).containsEntry("valid", false).containsEntry("total", null);
    assertThat(json)
        .as(json.toString())
        .containsEntry("session", 2L)
        .containsEntry("date", "2024-01-08");
  }

  @Test
  void aRowWithAProblemOfItsOwnHasNoScoreButKeepsItsFlags() throws IOException {
    List<ScoredRow> rows =
        scoredRows(
            dir,
            "extra.csv",
            "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\n" + "c1,1,0,0,0,0,0,0,0,0,2,surplus\n",
            options().withInstrument("phq-9"));

    Map<String, Object> json = writeAndParse(rows).get(0);

    assertThat(json)
        .containsEntry("session", 1L)
        .containsEntry("valid", false)
        .containsEntry("total", null)
        .containsEntry("mean", null)
        .containsEntry("subscales", Map.of())
        .containsEntry("flags", List.of("phq9_9"));
    assertThat(problem(json)).containsEntry("kind", "unreadable-row");
    assertThat((String) problem(json).get("message")).contains("12 fields");
  }

  @Test
  void escapesTextSoEachLineStaysValidJson() throws IOException {
    List<ScoredRow> rows =
        scoredRows(
            dir,
            "odd.csv",
            "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
                + "\"a \"\"quoted\"\"\nclient\\\",1,0,0,0,0,0,0,0,0,\"x\ty\"\n",
            options().withInstrument("phq-9"));

    Map<String, Object> json = writeAndParse(rows).get(0);

    assertThat(json).containsEntry("client", "a \"quoted\"\nclient\\");
    assertThat((String) problem(json).get("message")).contains("x\ty");
  }
}
