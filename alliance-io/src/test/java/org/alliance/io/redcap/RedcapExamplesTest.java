package org.alliance.io.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Answer;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.input.AdministrationRow;
import org.junit.jupiter.api.Test;

/** The files of examples/redcap read as documented, and stay what the writer writes. */
class RedcapExamplesTest {
  private static final Catalog CATALOG = Catalog.builtIn();

  static Path example(String name) {
    Path up = Path.of("../examples/redcap");
    return (Files.isDirectory(up) ? up : Path.of("examples/redcap")).resolve(name);
  }

  static List<AdministrationRow> read(Path file, RedcapMapping mapping) throws IOException {
    List<AdministrationRow> rows = new ArrayList<>();
    try (RedcapReader reader = RedcapReader.open(file, mapping, CATALOG)) {
      reader.forEachRemaining(rows::add);
      assertThat(reader.ignoredColumns()).isEmpty();
      assertThat(reader.unmappedForms()).isEmpty();
    }
    return rows;
  }

  @Test
  void theImportExampleHoldsTheAnswersOfTheWideExamples() throws IOException {
    List<AdministrationRow> rows = read(example("import.csv"), RedcapMapping.conventions());

    List<AdministrationRow> wide = new ArrayList<>();
    for (String name : List.of("phq9-wide.csv", "mixed-wide.csv")) {
      CsvReadOptions options =
          name.startsWith("phq9")
              ? CsvReadOptions.of(CATALOG).withInstrument("phq-9")
              : CsvReadOptions.of(CATALOG);
      try (AdministrationCsvReader reader =
          AdministrationCsvReader.open(example("../" + name), options)) {
        reader.forEachRemaining(wide::add);
      }
    }
    assertThat(rows).hasSameSizeAs(wide).allSatisfy(row -> assertThat(row.problems()).isEmpty());
    assertThat(rows.get(1).administration().orElseThrow().answer("phq9_8"))
        .isEqualTo(Answer.NotAnswered.SKIPPED);
    assertThat(rows.get(1).administration().orElseThrow().answer("phq9_9"))
        .isEqualTo(Answer.NotAnswered.DECLINED);
    for (int i = 2; i < rows.size(); i++) {
      assertThat(rows.get(i).administration()).isEqualTo(wide.get(i).administration());
    }
  }

  @Test
  void theDictionaryExampleIsWhatTheWriterWritesForTheImportExample() throws IOException {
    List<Instrument> instruments = new ArrayList<>();
    try (RedcapReader reader =
        RedcapReader.open(example("import.csv"), RedcapMapping.conventions(), CATALOG)) {
      instruments.addAll(reader.instruments());
    }
    StringWriter dictionary = new StringWriter();
    RedcapDictionaryWriter.write(dictionary, RedcapProject.of(instruments));

    assertThat(dictionary.toString()).isEqualTo(Files.readString(example("dictionary.csv")));
  }

  @Test
  void theLongitudinalExampleReadsThroughItsMapping() throws IOException {
    RedcapMapping mapping = RedcapMapping.read(example("longitudinal-mapping.json"), CATALOG);

    List<AdministrationRow> rows = read(example("longitudinal-export.csv"), mapping);

    assertThat(rows).hasSize(8).allSatisfy(row -> assertThat(row.problems()).isEmpty());
    assertThat(
            rows.stream()
                .map(row -> row.administration().orElseThrow())
                .map(
                    a ->
                        a.client()
                            + " "
                            + a.instrumentId()
                            + " "
                            + a.session()
                            + " "
                            + a.date().map(Object::toString).orElse("-")))
        .containsExactly(
            "s01 phq-9 0 2026-01-05",
            "s01 phq-9 2 2026-01-19",
            "s01 srs 2 -",
            "s01 phq-9 4 2026-02-02",
            "s01 srs 4 -",
            "s02 phq-9 0 2026-01-06",
            "s02 phq-9 2 2026-01-20",
            "s02 srs 2 -");
  }
}
