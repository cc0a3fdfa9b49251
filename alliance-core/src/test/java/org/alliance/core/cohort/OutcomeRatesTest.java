package org.alliance.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomeRatesTest {

  @Test
  void eachRateHasItsDenominatorAndInterval() {
    List<ClientOutcome> outcomes = new ArrayList<>();
    // 10 clients: 8 clinical at intake; 5 improved (3 of them recovered); 1 deteriorated.
    outcomes.add(outcome("c01", true, true, false, true));
    outcomes.add(outcome("c02", true, true, false, true));
    outcomes.add(outcome("c03", true, true, false, true));
    outcomes.add(outcome("c04", true, true, false, false));
    outcomes.add(outcome("c05", false, true, false, false));
    outcomes.add(outcome("c06", true, false, true, false));
    outcomes.add(outcome("c07", true, false, false, false));
    outcomes.add(outcome("c08", true, false, false, false));
    outcomes.add(outcome("c09", true, false, false, false));
    outcomes.add(outcome("c10", false, false, false, false));

    OutcomeRates rates = OutcomeRates.of(outcomes);

    assertThat(rates.clients()).isEqualTo(10);
    assertThat(rates.improved()).isEqualTo(new Proportion(5, 10));
    assertThat(rates.deteriorated()).isEqualTo(new Proportion(1, 10));
    assertThat(rates.recovered())
        .as("recovery is counted among the 8 clinical at intake")
        .isEqualTo(new Proportion(3, 8));
    assertThat(rates.improved().wilson()).isPresent();
    assertThat(rates.recovered().wilson()).isPresent();
  }

  @Test
  void noClientsGiveEmptyRates() {
    OutcomeRates rates = OutcomeRates.of(List.of());

    assertThat(rates.clients()).isZero();
    assertThat(rates.improved().wilson()).isEmpty();
    assertThat(rates.recovered().rate()).isEmpty();
  }

  @Test
  void contradictoryFlagsAreRejected() {
    assertThatThrownBy(() -> outcome("x", true, true, true, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both");
    assertThatThrownBy(() -> outcome("x", false, true, false, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clinical intake");
    assertThatThrownBy(() -> outcome("x", true, false, false, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reliable improvement");
  }

  static ClientOutcome outcome(
      String client, boolean clinical, boolean improved, boolean deteriorated, boolean recovered) {
    return new ClientOutcome(client, Optional.empty(), clinical, improved, deteriorated, recovered);
  }
}
