package org.alliance.io.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectedCoursesTest {
  @TempDir Path dir;

  /**
   * Scores that fall by about log(t) from an intake spread between 15 and 25, with seeded noise.
   */
  private Path reference(int clients, int sessions) throws IOException {
    Random random = new Random(11);
    StringBuilder csv = new StringBuilder("client,session,phq\n");
    for (int client = 1; client <= clients; client++) {
      double intake = 15 + random.nextInt(11);
      for (int session = 1; session <= sessions; session++) {
        double score =
            Math.max(0, Math.round(intake - 4 * Math.log(session) + random.nextGaussian() * 2));
        csv.append("c")
            .append(client)
            .append(',')
            .append(session)
            .append(',')
            .append(score)
            .append('\n');
      }
    }
    return Files.writeString(dir.resolve("reference.csv"), csv);
  }

  private static ExpectedCourses.Fit fit(Path file) throws IOException {
    try (EpisodeReader reader =
        EpisodeReader.fromScoreColumn(
            file,
            "phq",
            Direction.HIGHER_IS_WORSE,
            Construct.OUTCOME,
            problem -> {
              throw new AssertionError(problem.toString());
            })) {
      return ExpectedCourses.fit(reader);
    }
  }

  @Test
  void fitsEachOutcomeMeasureWithEnoughReferenceEpisodes() throws IOException {
    ExpectedCourses.Fit fit = fit(reference(40, 8));

    assertThat(fit.notes()).isEmpty();
    assertThat(fit.courses())
        .singleElement()
        .satisfies(
            course -> {
              assertThat(course.measure().id()).isEqualTo("phq");
              assertThat(course.episodes()).isEqualTo(40);
              assertThat(course.observations()).isEqualTo(40 * 7);
              // The data fall by 4 ln(t): the fitted log slope at a typical intake is close to -4.
              assertThat(course.logSlope() + course.intakeByLogSlope() * 20).isBetween(-5.0, -3.0);
            });
  }

  @Test
  void explainsAMeasureWithTooFewEpisodesInsteadOfFitting() throws IOException {
    ExpectedCourses.Fit fit = fit(reference(29, 12));

    assertThat(fit.courses()).isEmpty();
    assertThat(fit.notes()).containsOnlyKeys("phq");
    assertThat(fit.notes().get("phq"))
        .contains("phq needs at least 30 reference episodes")
        .contains("has 29 and 319");
  }
}
