package org.alliance.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.junit.jupiter.api.Test;

class ClientOutcomesTest {
  private static final Measure PHQ9 = Measure.of(Catalog.builtIn().get("phq-9"));

  private static Course course(String client, double first, double last) {
    return new Course(client, PHQ9, List.of(Observation.of(1, first), Observation.of(8, last)));
  }

  private static ClientOutcome judge(double first, double last) {
    return ClientOutcomes.byPublishedValues(
            List.of(course("c", first, last)), client -> Optional.of("dr"))
        .get(0);
  }

  @Test
  void recoveryNeedsReliableImprovementOutOfTheClinicalRange() {
    // PHQ-9: reliable change 6, clinical at 10 or more.
    assertThat(judge(16, 10))
        .satisfies(
            o -> {
              assertThat(o.reliablyImproved()).isTrue();
              assertThat(o.recovered()).isFalse();
            });
    assertThat(judge(15, 9).recovered()).isTrue();
    assertThat(judge(15, 10).reliablyImproved()).isFalse();
    assertThat(judge(9, 2))
        .satisfies(
            o -> {
              assertThat(o.clinicalAtIntake()).isFalse();
              assertThat(o.recovered()).isFalse();
            });
    assertThat(judge(4, 10).reliablyDeteriorated()).isTrue();
    assertThat(judge(4, 10).clinician()).contains("dr");
  }

  @Test
  void aMeasureWithoutPublishedValuesIsRefusedWithTheReason() {
    Measure bdi = Measure.column("bdi", Direction.HIGHER_IS_WORSE, Construct.OUTCOME);
    Course course = new Course("c", bdi, List.of(Observation.of(1, 30), Observation.of(2, 12)));
    assertThatThrownBy(
            () -> ClientOutcomes.byPublishedValues(List.of(course), client -> Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bdi has no published reliable-change value");
    assertThat(ClientOutcomes.missingPublishedValues(PHQ9)).isEmpty();
  }
}
