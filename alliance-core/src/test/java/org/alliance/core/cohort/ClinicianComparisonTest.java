package org.alliance.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.core.trend.Course;
import org.junit.jupiter.api.Test;

class ClinicianComparisonTest {

  @Test
  void warnsAtFourteenClientsButNotAtFifteen() {
    List<ClientOutcome> outcomes = new ArrayList<>();
    outcomes.addAll(clients("dr-a", 14, 7));
    outcomes.addAll(clients("dr-b", 15, 9));

    List<ClinicianSummary> summaries = new ClinicianComparison().compare(outcomes);

    assertThat(summaries)
        .extracting(ClinicianSummary::clinician)
        .containsExactly(Optional.of("dr-a"), Optional.of("dr-b"));
    ClinicianSummary a = summaries.get(0);
    assertThat(a.clients()).isEqualTo(14);
    assertThat(a.belowMinimum()).isTrue();
    assertThat(a.warnings())
        .singleElement()
        .asString()
        .contains("dr-a has 14 clients, fewer than the minimum of 15");
    ClinicianSummary b = summaries.get(1);
    assertThat(b.clients()).isEqualTo(15);
    assertThat(b.belowMinimum()).isFalse();
    assertThat(b.warnings()).isEmpty();
    assertThat(b.rates().improved()).isEqualTo(new Proportion(9, 15));
    assertThat(b.rates().improved().wilson()).isPresent();
  }

  @Test
  void theMinimumIsConfigurable() {
    List<ClinicianSummary> summaries = new ClinicianComparison(10).compare(clients("dr-a", 14, 7));

    assertThat(summaries.get(0).belowMinimum()).isFalse();
    assertThat(new ClinicianComparison().minimumClients())
        .isEqualTo(ClinicianComparison.DEFAULT_MINIMUM_CLIENTS)
        .isEqualTo(15);
    assertThatThrownBy(() -> new ClinicianComparison(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void effectSizePerClinicianFromTheirClientsCourses() {
    List<ClientOutcome> outcomes =
        List.of(
            outcome("a1", "dr-a"),
            outcome("a2", "dr-a"),
            outcome("a3", "dr-a"),
            outcome("b1", "dr-b"),
            outcome("b2", "dr-b"),
            new ClientOutcome("n1", Optional.empty(), true, false, false, false));
    List<Course> courses =
        List.of(
            PrePostEffectSizeTest.course("a1", 1, 20, 6, 10),
            PrePostEffectSizeTest.course("a2", 1, 15, 6, 11),
            PrePostEffectSizeTest.course("a3", 1, 10, 6, 6),
            PrePostEffectSizeTest.course("b1", 1, 20, 6, 22),
            PrePostEffectSizeTest.course("b2", 1, 10, 6, 12));

    List<ClinicianSummary> summaries = new ClinicianComparison().compare(outcomes, courses);

    assertThat(summaries)
        .extracting(ClinicianSummary::clinician)
        .as("clients without a clinician come last")
        .containsExactly(Optional.of("dr-a"), Optional.of("dr-b"), Optional.empty());
    assertThat(summaries.get(0).effectSize().value().getAsDouble()).isCloseTo(1.2, within(1e-12));
    assertThat(summaries.get(0).effectSize().interval()).isPresent();
    assertThat(summaries.get(1).effectSize().value().getAsDouble()).isNegative();
    assertThat(summaries.get(2).effectSize().n()).isZero();
    assertThat(summaries.get(2).warnings())
        .singleElement()
        .asString()
        .contains("clients without a clinician");
  }

  @Test
  void aCourseWithoutAnOutcomeIsRejected() {
    assertThatThrownBy(
            () ->
                new ClinicianComparison()
                    .compare(
                        List.of(outcome("a1", "dr-a")),
                        List.of(PrePostEffectSizeTest.course("zz", 1, 20, 2, 10))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zz");
  }

  private static List<ClientOutcome> clients(String clinician, int count, int improved) {
    List<ClientOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      outcomes.add(
          new ClientOutcome(
              clinician + "-" + i, Optional.of(clinician), true, i < improved, false, false));
    }
    return outcomes;
  }

  private static ClientOutcome outcome(String client, String clinician) {
    return new ClientOutcome(client, Optional.of(clinician), true, false, false, false);
  }
}
