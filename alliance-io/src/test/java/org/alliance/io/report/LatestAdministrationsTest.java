package org.alliance.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.alliance.core.instrument.Catalog;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestAdministrationsTest {
  @TempDir Path dir;

  private List<ItemAnswers> latest(String csv, String client) throws IOException {
    Path file = ReportFixtures.write(dir, csv);
    try (AdministrationCsvReader reader =
        AdministrationCsvReader.open(file, CsvReadOptions.of(Catalog.builtIn()))) {
      return LatestAdministrations.of(reader, client, Catalog.builtIn());
    }
  }

  @Test
  void keepsTheLatestAdministrationOfEachInstrumentOfTheClient() throws IOException {
    List<ItemAnswers> answers =
        latest(
            """
        client,session,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9
        c1,1,phq-9,3,3,3,3,3,3,3,3,3
        c1,1,srs,9,9,9,9,,,,,
        c1,3,phq-9,2,2,2,2,2,2,2,2,2
        c1,3,phq-9,0,0,0,0,0,0,0,0,0
        c1,2,phq-9,1,1,1,1,1,1,1,1,1
        c1,2,srs,8,8,8,8,,,,,
        c1,4,xyz,1,1,1,1,,,,,
        c2,9,phq-9,1,1,1,1,1,1,1,1,1
        """,
            "c1");

    assertThat(answers).extracting(a -> a.instrument().id()).containsExactly("phq-9", "srs");
    // Of two administrations at session 3 the first is kept, as the trend models keep the first
    // score.
    assertThat(answers.get(0).session()).isEqualTo(3);
    assertThat(answers.get(0).items().get(0).answer()).isEqualTo("2 (More than half the days)");
    assertThat(answers.get(1).session()).isEqualTo(2);
  }

  @Test
  void keepsAnInvalidAdministrationSoItsAnswersCanBeSeen() throws IOException {
    List<ItemAnswers> answers =
        latest(
            """
        client,session,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9
        c1,1,phq-9,1,1,1,1,1,1,1,1,0
        c1,2,phq-9,1,,,,,,,,2
        """,
            "c1");

    assertThat(answers)
        .singleElement()
        .satisfies(
            phq9 -> {
              assertThat(phq9.session()).isEqualTo(2);
              assertThat(phq9.items().get(1).answer()).isEqualTo("missing");
              assertThat(phq9.items().get(8).risk()).isTrue();
            });
  }

  @Test
  void findsNothingForAnotherClient() throws IOException {
    assertThat(latest(ReportFixtures.ANSWERS, "c9")).isEmpty();
  }
}
