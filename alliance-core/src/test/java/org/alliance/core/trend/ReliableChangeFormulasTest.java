package org.alliance.core.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The unit cases of METHODS.md section 1, and hand-worked cases of the other variants. */
class ReliableChangeFormulasTest {
  /** Agreement to the 6 decimals the method notes print. */
  private static final Offset<Double> SIX_DECIMALS = within(5e-7);

  @Test
  void standardErrorsOfTheUnitCase() {
    assertThat(ReliableChangeFormulas.standardError(5, 0.80)).isCloseTo(2.236068, SIX_DECIMALS);
    assertThat(ReliableChangeFormulas.standardErrorOfDifference(5, 0.80))
        .isCloseTo(3.162278, SIX_DECIMALS);
  }

  @ParameterizedTest(name = "change {0} -> RCI {1}")
  @CsvSource({"-8, -2.529822", "-4, -1.264911", "0, 0", "4, 1.264911", "8, 2.529822"})
  void jacobsonTruaxUnitCase(double change, double rci) {
    double pre = 20;
    assertThat(ReliableChangeFormulas.jacobsonTruax(pre, pre + change, 5, 0.80))
        .isCloseTo(rci, SIX_DECIMALS);
  }

  @Test
  void gulliksenLordNovickUnitCase() {
    assertThat(ReliableChangeFormulas.standardErrorOfPrediction(7, 0.8))
        .isCloseTo(4.2, within(1e-12));
    double[] pre = {30, 20, 10, 8, 6, 4, 2};
    double[] expected = {
      -5.4761905, -3.5714286, -1.6666667, -1.2857143, -0.9047619, -0.5238095, -0.1428571
    };
    for (int i = 0; i < pre.length; i++) {
      // The notes print 7 decimals here; agree to all of them.
      assertThat(ReliableChangeFormulas.gulliksenLordNovick(pre[i], 2, 5, 7, 0.8))
          .as("pre %s", pre[i])
          .isCloseTo(expected[i], within(5e-8));
    }
  }

  @Test
  void hsuLinnLordCentresThePostScoreOnThePostMean() {
    // ((2 - 3) - .8 (30 - 5)) / 4.2 = -21 / 4.2
    assertThat(ReliableChangeFormulas.hsuLinnLord(30, 2, 5, 3, 7, 0.8))
        .isCloseTo(-5.0, within(1e-12));
    // With M_post = M_pre it is GLN.
    assertThat(ReliableChangeFormulas.hsuLinnLord(30, 2, 5, 5, 7, 0.8))
        .isCloseTo(ReliableChangeFormulas.gulliksenLordNovick(30, 2, 5, 7, 0.8), within(1e-12));
  }

  @Test
  void edwardsNunnallyMeasuresFromTheEstimatedTruePreScore() {
    // true pre = .8 (10 - 5) + 5 = 9; (6 - 9) / (5 sqrt(.2))
    assertThat(ReliableChangeFormulas.edwardsNunnally(10, 6, 5, 5, 0.8))
        .isCloseTo(-1.341641, SIX_DECIMALS);
  }

  @Test
  void nunnallyKotschWithEqualAndWithDifferentReliabilities() {
    // sqrt(.64 * 25 * .2 + 25 * .2) = sqrt(8.2)
    assertThat(ReliableChangeFormulas.nunnallyKotschDenominator(5, 0.8, 0.8))
        .isCloseTo(Math.sqrt(8.2), within(1e-12));
    assertThat(ReliableChangeFormulas.nunnallyKotsch(10, 6, 5, 5, 0.8, 0.8))
        .isCloseTo(-1.047645, SIX_DECIMALS);
    // sqrt(3.2 + 25 * .1) = sqrt(5.7)
    assertThat(ReliableChangeFormulas.nunnallyKotsch(10, 6, 5, 5, 0.8, 0.9))
        .isCloseTo(-1.256562, SIX_DECIMALS);
  }

  @Test
  void hagemanArrindellByHand() {
    // SE^2 = 25 * .2 = 5; r_xx1 = 20/25 = .8; r_xx2 = 31/36; r_dd = (20 + 31 - 30) / (25 + 36 - 30)
    // = 21/31
    double rdd = ReliableChangeFormulas.differenceReliability(5, 6, 0.8, 0.5);
    assertThat(rdd).isCloseTo(21.0 / 31, within(1e-12));
    assertThat(ReliableChangeFormulas.hagemanArrindellDenominator(5, 0.8, rdd))
        .isCloseTo(Math.sqrt(21.0 / 31) * Math.sqrt(10), within(1e-12));
    // ((10 - 20) 21/31 + (12 - 18) 10/31) / (sqrt(21/31) sqrt(10))
    assertThat(ReliableChangeFormulas.hagemanArrindell(20, 10, 18, 12, 5, 0.8, rdd))
        .isCloseTo(-3.346365, SIX_DECIMALS);
  }

  @Test
  void hagemanArrindellNeedsAPositiveReliabilityOfTheDifference() {
    // Pre and post correlating as highly as the measure is reliable leave nothing reliable in the
    // difference.
    double rdd = ReliableChangeFormulas.differenceReliability(5, 5, 0.8, 0.8);
    assertThat(rdd).isCloseTo(0, within(1e-12));
    assertThatThrownBy(() -> ReliableChangeFormulas.hagemanArrindellDenominator(5, 0.8, rdd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reliability of the difference");
  }

  @Test
  void rejectsImpossibleInputs() {
    assertThatThrownBy(() -> ReliableChangeFormulas.standardError(0, 0.8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReliableChangeFormulas.standardError(-1, 0.8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReliableChangeFormulas.standardError(5, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReliableChangeFormulas.standardError(5, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReliableChangeFormulas.standardError(5, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReliableChangeFormulas.differenceReliability(5, 6, 0.8, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
