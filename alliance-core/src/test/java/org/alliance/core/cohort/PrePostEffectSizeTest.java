package org.alliance.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Direction;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.junit.jupiter.api.Test;

class PrePostEffectSizeTest {
  private static final Measure PHQ9 = Measure.of(Catalog.builtIn().get("phq-9"));

  @Test
  void unitCaseLowerIsBetter() {
    // Intake 20, 15, 10 (mean 15, SD 5), last 10, 11, 6 (mean 9): (15 - 9) / 5 = 1.2.
    PrePostEffectSize effect =
        PrePostEffectSize.of(
            Direction.HIGHER_IS_WORSE, new double[] {20, 15, 10}, new double[] {10, 11, 6});

    assertThat(effect.n()).isEqualTo(3);
    assertThat(effect.intakeMean()).hasValue(15);
    assertThat(effect.lastMean()).hasValue(9);
    assertThat(effect.intakeSd().getAsDouble()).isCloseTo(5, within(1e-12));
    assertThat(effect.value().getAsDouble()).isCloseTo(1.2, within(1e-12));
    // r = 0.7559289; SE = sqrt(2 (1 - r) / 3 + 1.2^2 / 6) = 0.6345975
    Interval ci = effect.interval().orElseThrow();
    assertThat(ci.lower()).isCloseTo(-0.0437883203, within(1e-9));
    assertThat(ci.upper()).isCloseTo(2.4437883203, within(1e-9));
    assertThat(effect.notes()).isEmpty();
  }

  @Test
  void improvementIsPositiveWhenHigherIsBetter() {
    PrePostEffectSize effect =
        PrePostEffectSize.of(
            Direction.HIGHER_IS_BETTER, new double[] {10, 15, 20}, new double[] {16, 21, 26});

    assertThat(effect.value().getAsDouble()).isCloseTo(1.2, within(1e-12));
  }

  @Test
  void worseningIsNegative() {
    PrePostEffectSize effect =
        PrePostEffectSize.of(
            Direction.HIGHER_IS_WORSE, new double[] {10, 15, 20}, new double[] {16, 21, 26});

    assertThat(effect.value().getAsDouble()).isCloseTo(-1.2, within(1e-12));
  }

  @Test
  void pairsWithAMissingScoreAreLeftOutFirst() {
    PrePostEffectSize effect =
        PrePostEffectSize.of(
            Direction.HIGHER_IS_WORSE,
            new double[] {20, 15, 10, Double.NaN, 30},
            new double[] {10, 11, 6, 3, Double.NaN});

    assertThat(effect.n()).isEqualTo(3);
    assertThat(effect.value().getAsDouble()).isCloseTo(1.2, within(1e-12));
  }

  @Test
  void oneClientGivesNoEffectSizeAndSaysWhy() {
    PrePostEffectSize effect =
        PrePostEffectSize.of(Direction.HIGHER_IS_WORSE, new double[] {20}, new double[] {10});

    assertThat(effect.n()).isEqualTo(1);
    assertThat(effect.intakeMean()).hasValue(20);
    assertThat(effect.value()).isEmpty();
    assertThat(effect.interval()).isEmpty();
    assertThat(effect.notes()).singleElement().asString().contains("n = 1");
  }

  @Test
  void noClientsAndEqualIntakesAreExplained() {
    assertThat(
            PrePostEffectSize.of(Direction.HIGHER_IS_WORSE, new double[0], new double[0]).notes())
        .singleElement()
        .asString()
        .contains("no client");
    PrePostEffectSize flat =
        PrePostEffectSize.of(Direction.HIGHER_IS_WORSE, new double[] {12, 12}, new double[] {5, 9});
    assertThat(flat.value()).isEmpty();
    assertThat(flat.notes()).singleElement().asString().contains("SD 0");
  }

  @Test
  void twoClientsGiveAnEffectSizeButNoInterval() {
    PrePostEffectSize effect =
        PrePostEffectSize.of(
            Direction.HIGHER_IS_WORSE, new double[] {20, 10}, new double[] {10, 8});

    assertThat(effect.value()).isPresent();
    assertThat(effect.interval()).isEmpty();
    assertThat(effect.notes()).singleElement().asString().contains("at least 3 clients");
  }

  @Test
  void fromCoursesUsesFirstAndLastScoreAndSkipsSingleScores() {
    List<Course> courses = new ArrayList<>();
    courses.add(course("a", 1, 20, 2, 18, 5, 10));
    courses.add(course("b", 1, 15, 4, 11));
    courses.add(course("c", 2, 10, 3, 6));
    courses.add(course("d", 1, 25)); // intake only: no later score

    PrePostEffectSize effect = PrePostEffectSize.of(courses);

    assertThat(effect.n()).isEqualTo(3);
    assertThat(effect.value().getAsDouble()).isCloseTo(1.2, within(1e-12));
  }

  @Test
  void coursesOfTwoMeasuresAreRejected() {
    Course ors =
        new Course(
            "x",
            Measure.of(Catalog.builtIn().get("ors")),
            List.of(Observation.of(1, 20), Observation.of(2, 25)));

    assertThatThrownBy(() -> PrePostEffectSize.of(List.of(course("a", 1, 20, 2, 10), ors)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two measures");
  }

  /** A PHQ-9 course from (session, score) pairs. */
  static Course course(String client, double... sessionsAndScores) {
    List<Observation> observations = new ArrayList<>();
    for (int i = 0; i < sessionsAndScores.length; i += 2) {
      observations.add(Observation.of((int) sessionsAndScores[i], sessionsAndScores[i + 1]));
    }
    return new Course(client, PHQ9, observations);
  }
}
