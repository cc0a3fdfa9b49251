package org.alliance.io.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.scoring.Scorer;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Observation;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeReaderTest {
  @TempDir Path dir;
  private final List<InputProblem> problems = new ArrayList<>();

  private List<EpisodeReader.ClientEpisode> readAnswers(String csv) throws IOException {
    Path file = dir.resolve("answers.csv");
    Files.writeString(file, csv);
    try (EpisodeReader reader =
        EpisodeReader.fromAnswers(
            file, CsvReadOptions.of(Catalog.builtIn()), Scorer.builtIn(), problems::add)) {
      List<EpisodeReader.ClientEpisode> episodes = new ArrayList<>();
      reader.forEachRemaining(episodes::add);
      return episodes;
    }
  }

  @Test
  void groupsEachClientsRowsIntoAnEpisodeWithACoursePerInstrumentInSessionOrder()
      throws IOException {
    List<EpisodeReader.ClientEpisode> episodes =
        readAnswers(
            """
        client,session,date,instrument,clinician,q1,q2,q3,q4,q5,q6,q7,q8,q9
        c1,2,2026-01-14,phq-9,dr-a,1,1,1,1,1,1,1,1,0
        c1,1,2026-01-07,phq-9,dr-a,2,2,2,2,2,2,2,2,1
        c1,1,2026-01-07,srs,dr-a,9,9,9,9.5,,,,,
        c2,1,2026-01-08,phq-9,,0,0,0,0,0,0,0,0,0
        """);

    assertThat(episodes).hasSize(2);
    var first = episodes.get(0);
    assertThat(first.episode().client()).isEqualTo("c1");
    assertThat(first.episode().clinician()).hasValue("dr-a");
    Course phq9 = first.episode().course("phq-9").orElseThrow();
    assertThat(phq9.observations()).extracting(Observation::session).containsExactly(1, 2);
    assertThat(phq9.observations()).extracting(Observation::score).containsExactly(17.0, 8.0);
    assertThat(first.episode().courses(Construct.ALLIANCE))
        .singleElement()
        .satisfies(srs -> assertThat(srs.observations().get(0).score()).isEqualTo(36.5));
    assertThat(first.riskFlags())
        .singleElement()
        .satisfies(
            flag -> {
              assertThat(flag.session()).isEqualTo(1);
              assertThat(flag.itemId()).isEqualTo("phq9_9");
              assertThat(flag.answer()).isEqualTo(1);
            });
    assertThat(episodes.get(1).episode().clinician()).isEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void leavesOutInvalidRowsAndReportsThemWithTheirPlace() throws IOException {
    List<EpisodeReader.ClientEpisode> episodes =
        readAnswers(
            """
        client,session,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9
        c1,1,phq-9,1,1,1,1,1,1,1,1,0
        c1,2,phq-9,1,1,1,7,1,1,1,1,0
        """);

    assertThat(episodes.get(0).episode().course("phq-9").orElseThrow().observations()).hasSize(1);
    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where().line()).isEqualTo(3);
              assertThat(problem.where().field()).hasValue("q4");
            });
  }

  @Test
  void keepsTheRiskFlagOfAnInvalidForm() throws IOException {
    List<EpisodeReader.ClientEpisode> episodes =
        readAnswers(
            """
        client,session,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9
        c1,1,phq-9,1,1,1,1,1,1,1,1,0
        c1,2,phq-9,1,,1,1,1,1,1,1,3
        """);

    assertThat(episodes.get(0).episode().course("phq-9").orElseThrow().observations()).hasSize(1);
    assertThat(episodes.get(0).riskFlags())
        .singleElement()
        .satisfies(
            flag -> {
              assertThat(flag.session()).isEqualTo(2);
              assertThat(flag.answer()).isEqualTo(3);
            });
    assertThat(problems).hasSize(1);
  }

  @Test
  void reportsASecondScoreForTheSameSessionAndKeepsTheFirst() throws IOException {
    List<EpisodeReader.ClientEpisode> episodes =
        readAnswers(
            """
        client,session,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9
        c1,1,phq-9,1,1,1,1,1,1,1,1,0
        c1,1,phq-9,3,3,3,3,3,3,3,3,0
        """);

    assertThat(episodes.get(0).episode().course("phq-9").orElseThrow().observations())
        .extracting(Observation::score)
        .containsExactly(8.0);
    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where().line()).isEqualTo(3);
              assertThat(problem.message())
                  .contains("already has a phq-9 score for session 1")
                  .contains("line 2");
            });
  }

  @Test
  void refusesAClientWhoseRowsAreNotTogether() throws IOException {
    assertThatThrownBy(
            () ->
                readAnswers(
                    """
        client,session,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9
        c1,1,phq-9,1,1,1,1,1,1,1,1,0
        c2,1,phq-9,1,1,1,1,1,1,1,1,0
        c1,2,phq-9,1,1,1,1,1,1,1,1,0
        """))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("client c1 are not together");
  }

  @Test
  void readsAReadyScoreColumnWithMissingSessions() throws IOException {
    Path file = dir.resolve("bdi.csv");
    Files.writeString(
        file, "client,session,bdi,other\nc1,1,30,x\nc1,2,,x\nc1,3,NA,x\nc1,4,21,x\nc2,1,abc,x\n");

    List<EpisodeReader.ClientEpisode> episodes = new ArrayList<>();
    try (EpisodeReader reader =
        EpisodeReader.fromScoreColumn(
            file, "bdi", Direction.HIGHER_IS_WORSE, Construct.OUTCOME, problems::add)) {
      reader.forEachRemaining(episodes::add);
      assertThat(reader.rows()).isEqualTo(5);
      assertThat(reader.invalidRows()).isEqualTo(1);
    }

    Course bdi = episodes.get(0).episode().course("bdi").orElseThrow();
    assertThat(bdi.measure().direction()).isEqualTo(Direction.HIGHER_IS_WORSE);
    assertThat(bdi.observations()).extracting(Observation::session).containsExactly(1, 4);
    assertThat(episodes).hasSize(1);
    assertThat(problems)
        .singleElement()
        .satisfies(problem -> assertThat(problem.where().line()).isEqualTo(6));
  }
}
