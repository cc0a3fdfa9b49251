package org.alliance.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.input.AdministrationRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdministrationCsvWriterTest {
  private static final Catalog CATALOG = Catalog.builtIn();

  @TempDir Path dir;

  /** The answers in item order; null leaves the item out (missing). */
  private static Map<String, Answer> answers(String instrumentId, Answer... values) {
    List<Item> items = CATALOG.get(instrumentId).items();
    assertThat(values).hasSize(items.size());
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        answers.put(items.get(i).id(), values[i]);
      }
    }
    return answers;
  }

  private static Answer v(double value) {
    return Answer.of(value);
  }

  private String written(
      List<Instrument> instruments, List<Administration> administrations, List<String> clinicians)
      throws IOException {
    StringWriter out = new StringWriter();
    try (AdministrationCsvWriter writer = new AdministrationCsvWriter(out, CATALOG, instruments)) {
      for (int i = 0; i < administrations.size(); i++) {
        writer.write(administrations.get(i), clinicians.get(i));
      }
      writer.flush();
    }
    return out.toString();
  }

  private List<AdministrationRow> readBack(String csv) throws IOException {
    Path file = Files.writeString(dir.resolve("written.csv"), csv, StandardCharsets.UTF_8);
    List<AdministrationRow> rows = new ArrayList<>();
    try (AdministrationCsvReader reader =
        AdministrationCsvReader.open(file, CsvReadOptions.of(CATALOG))) {
      reader.forEachRemaining(rows::add);
    }
    return rows;
  }

  private static void assertSameAnswers(Administration read, Administration original) {
    Instrument instrument = CATALOG.get(original.instrumentId());
    for (Item item : instrument.items()) {
      assertThat(read.answer(item.id()))
          .as(original.client() + " " + item.id())
          .isEqualTo(original.answer(item.id()));
    }
  }

  @Test
  void writesTheWideHeaderWithItemColumnsForTheLargestInstrument() throws IOException {
    String csv = written(List.of(CATALOG.get("srs"), CATALOG.get("phq-9")), List.of(), List.of());

    assertThat(csv)
        .isEqualTo("client,session,date,clinician,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9\n");
  }

  @Test
  void writesOneRowPerAdministrationWithSkippedDeclinedAndMissingAsSuch() throws IOException {
    Administration phq9 =
        Administration.of(
            "phq-9",
            "c1",
            3,
            Optional.of(LocalDate.of(2024, 5, 6)),
            answers(
                "phq-9",
                v(0),
                v(1),
                Answer.NotAnswered.SKIPPED,
                v(3),
                Answer.NotAnswered.DECLINED,
                null,
                v(2),
                v(1),
                v(0)));
    Administration srs =
        Administration.of(
            "srs", "c1", 3, Optional.empty(), answers("srs", v(9.5), v(8), v(7.3), v(10)));

    String csv =
        written(
            List.of(CATALOG.get("phq-9"), CATALOG.get("srs")),
            List.of(phq9, srs),
            List.of("dr-a", ""));

    assertThat(csv)
        .isEqualTo(
            ""
                + "client,session,date,clinician,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
                + "c1,3,2024-05-06,dr-a,phq-9,0,1,skipped,3,declined,,2,1,0\n"
                + "c1,3,,,srs,9.5,8,7.3,10,,,,,\n");
  }

  @Test
  void roundTripsThroughTheReaderWithSkippedDeclinedAndMissingPreserved() throws IOException {
    List<Administration> administrations =
        List.of(
            Administration.of(
                "phq-9",
                "c1",
                1,
                Optional.of(LocalDate.of(2024, 1, 8)),
                answers(
                    "phq-9",
                    v(0),
                    Answer.NotAnswered.SKIPPED,
                    v(2),
                    Answer.NotAnswered.DECLINED,
                    null,
                    v(3),
                    v(1),
                    v(1),
                    v(2))),
            Administration.of(
                "srs",
                "c1",
                1,
                Optional.of(LocalDate.of(2024, 1, 8)),
                answers("srs", v(9.5), Answer.NotAnswered.DECLINED, v(0.1), null)),
            Administration.of(
                "gad-7",
                "client, \"two\"",
                0,
                Optional.empty(),
                answers("gad-7", v(3), v(3), v(2), v(1), v(0), null, Answer.NotAnswered.SKIPPED)),
            Administration.of(
                "phq-9",
                "c3",
                12,
                Optional.empty(),
                answers(
                    "phq-9",
                    new Answer.Unreadable("x"),
                    v(1),
                    v(1),
                    v(1),
                    v(1),
                    v(1),
                    v(1),
                    v(1),
                    v(1))));
    List<String> clinicians = List.of("dr-a", "dr-a", "dr, b", "");

    String csv =
        written(
            List.of(CATALOG.get("phq-9"), CATALOG.get("srs"), CATALOG.get("gad-7")),
            administrations,
            clinicians);
    List<AdministrationRow> rows = readBack(csv);

    assertThat(rows).hasSize(administrations.size());
    for (int i = 0; i < rows.size(); i++) {
      AdministrationRow row = rows.get(i);
      Administration original = administrations.get(i);
      Administration read =
          row.administration().orElseThrow(() -> new AssertionError(row.problems().toString()));
      assertThat(read.instrumentId()).isEqualTo(original.instrumentId());
      assertThat(read.client()).isEqualTo(original.client());
      assertThat(read.session()).isEqualTo(original.session());
      assertThat(read.date()).isEqualTo(original.date());
      assertThat(row.key().clinician()).isEqualTo(clinicians.get(i));
      assertSameAnswers(read, original);
    }
    // The unreadable answer comes back as the same text, for the scorer to report.
    assertThat(rows.get(3).administration().orElseThrow().answer("phq9_1"))
        .isEqualTo(new Answer.Unreadable("x"));
    assertThat(rows.get(0).administration().orElseThrow().answer("phq9_5"))
        .isEqualTo(Answer.NotAnswered.MISSING);
    assertThat(rows.get(0).administration().orElseThrow().answer("phq9_2"))
        .isEqualTo(Answer.NotAnswered.SKIPPED);
    assertThat(rows.get(1).administration().orElseThrow().answer("srs_2"))
        .isEqualTo(Answer.NotAnswered.DECLINED);
  }

  @Test
  void aWrittenFormScoresTheSameAfterReadingBack() throws IOException {
    // An SRS row in a file as wide as the PHQ-9 has empty q5..q9, which must not count against it.
    Administration srs =
        Administration.of(
            "srs", "c9", 2, Optional.empty(), answers("srs", v(9.2), v(9.2), v(9.2), v(9.1)));
    Administration phq9 =
        Administration.of(
            "phq-9",
            "c9",
            2,
            Optional.empty(),
            answers("phq-9", v(3), v(3), v(3), v(3), v(2), v(2), v(2), v(2), v(1)));

    List<AdministrationRow> rows =
        readBack(
            written(
                List.of(CATALOG.get("phq-9"), CATALOG.get("srs")),
                List.of(srs, phq9),
                List.of("", "")));

    Scorer scorer = new Scorer(CATALOG);
    Score srsScore = scorer.score(rows.get(0).administration().orElseThrow());
    Score phq9Score = scorer.score(rows.get(1).administration().orElseThrow());
    assertThat(srsScore.valid()).as(srsScore.problems().toString()).isTrue();
    assertThat(srsScore.total()).hasValue(36.7);
    assertThat(phq9Score.valid()).isTrue();
    assertThat(phq9Score.total()).hasValue(21.0);
    assertThat(phq9Score.flags()).containsExactly("phq9_9");
    assertThat(srsScore).isEqualTo(scorer.score(srs));
  }
}
