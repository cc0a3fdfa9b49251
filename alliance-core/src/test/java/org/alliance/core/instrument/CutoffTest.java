package org.alliance.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CutoffTest {

  private static Cutoff cutoff(double value, Cutoff.Side side) {
    return new Cutoff("c", "test", value, side, true);
  }

  @ParameterizedTest(name = "{1} {0}: {2} -> {3}")
  @CsvSource({
    "25, AT_OR_BELOW, 25, true",
    "25, AT_OR_BELOW, 25.1, false",
    "25, AT_OR_BELOW, 24.9, true",
    "32, AT_OR_BELOW, 32, true",
    "32, AT_OR_BELOW, 32.1, false",
    "36, BELOW, 36, false",
    "36, BELOW, 35.9, true",
    "36, BELOW, 36.1, false",
    "10, AT_OR_ABOVE, 10, true",
    "10, AT_OR_ABOVE, 9, false",
    "10, AT_OR_ABOVE, 9.999, false",
    "11, AT_OR_ABOVE, 11, true",
    "11, AT_OR_ABOVE, 10.888888888888889, false",
    "11, AT_OR_ABOVE, 11.111111111111111, true",
    "8, BELOW, 8, false",
    "8, BELOW, 7, true",
    "63, ABOVE, 63, false",
    "63, ABOVE, 64, true",
    "63, ABOVE, 63.5, true"
  })
  void isClinicalExactlyAtAndAroundTheBoundary(
      double value, Cutoff.Side side, double score, boolean clinical) {
    Cutoff cutoff = cutoff(value, side);

    assertThat(cutoff.isClinical(score)).isEqualTo(clinical);
    assertThat(cutoff.clinicalRange().contains(score)).isEqualTo(clinical);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "AT_OR_ABOVE, total >= 11",
    "ABOVE, total > 11",
    "AT_OR_BELOW, total <= 11",
    "BELOW, total < 11"
  })
  void describe(Cutoff.Side side, String description) {
    assertThat(cutoff(11, side).describe()).isEqualTo(description);
    assertThat(cutoff(25.5, side).describe()).endsWith(" 25.5");
  }

  @Test
  void needsAValidIdAndAFiniteValue() {
    assertThatThrownBy(() -> new Cutoff("Adult", "x", 25, Cutoff.Side.AT_OR_BELOW, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Cutoff("adult", "x", Double.NaN, Cutoff.Side.AT_OR_BELOW, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Cutoff("adult", "x", Double.POSITIVE_INFINITY, Cutoff.Side.AT_OR_BELOW, true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
