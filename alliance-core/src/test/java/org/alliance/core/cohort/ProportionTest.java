package org.alliance.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionTest {

  // Hand-computed: (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n), z =
  // 1.959963984540054.
  @ParameterizedTest(name = "{0}/{1}: {2} - {3}")
  @CsvSource({
    "8, 10, 0.490162471537, 0.943317848546",
    "0, 10, 0,              0.277532799863",
    "10, 10, 0.722467200137, 1",
    "1, 1,  0.206549314377, 1",
    "3, 14, 0.075713867127, 0.475892305866"
  })
  void wilsonIntervalMatchesTheFormula(int successes, int denominator, double lower, double upper) {
    Proportion proportion = new Proportion(successes, denominator);

    Interval ci = proportion.wilson().orElseThrow();
    assertThat(ci.lower()).isCloseTo(lower, within(1e-11));
    assertThat(ci.upper()).isCloseTo(upper, within(1e-11));
    assertThat(proportion.rate()).hasValue((double) successes / denominator);
  }

  @Test
  void boundsAtNoneAndAllAreExactlyZeroAndOne() {
    assertThat(new Proportion(0, 10).wilson().orElseThrow().lower()).isEqualTo(0.0);
    assertThat(new Proportion(10, 10).wilson().orElseThrow().upper()).isEqualTo(1.0);
  }

  @Test
  void anEmptyDenominatorHasNoRateAndNoInterval() {
    Proportion none = new Proportion(0, 0);

    assertThat(none.isEmpty()).isTrue();
    assertThat(none.rate()).isEmpty();
    assertThat(none.wilson()).isEmpty();
    assertThat(none).hasToString("0/0 = no clients");
  }

  @Test
  void printsCountRateAndInterval() {
    assertThat(new Proportion(8, 10)).hasToString("8/10 = 80.0% (49.0-94.3%)");
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThatThrownBy(() -> new Proportion(11, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11 of 10");
    assertThatThrownBy(() -> new Proportion(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Proportion(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
