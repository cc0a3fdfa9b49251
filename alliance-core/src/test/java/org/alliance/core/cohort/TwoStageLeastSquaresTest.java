package org.alliance.core.cohort;

import static org.alliance.core.cohort.LeastSquaresTest.assertCoefficient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TwoStageLeastSquaresTest {
  // Reference values from R 4 with AER: ivreg(y ~ x + d | x + z1 + z2) and summary(fit, diagnostics
  // = TRUE).
  static final double[] Y = {3.1, 4.0, 2.2, 5.9, 6.1, 4.4, 7.3, 5.0, 8.2, 6.6, 9.1, 7.7};
  static final double[] X = {1, 0, 2, 1, 3, 0, 2, 1, 3, 2, 4, 0};
  static final double[] D = {0.5, 1.2, 0.3, 2.0, 2.2, 1.9, 2.8, 1.1, 3.5, 2.4, 3.9, 3.0};
  static final double[] Z1 = {0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1};
  static final double[] Z2 = {0.2, 0.9, -0.4, 1.5, 0.3, 1.1, 0.8, -0.2, 1.7, 0.4, 1.2, 2.0};

  @Test
  void oneEndogenousRegressorMatchesAerIvreg() {
    IvFit fit =
        TwoStageLeastSquares.fit(
            column("y", Y),
            List.of(Column.constant(12), column("x", X)),
            List.of(column("d", D)),
            List.of(column("z1", Z1), column("z2", Z2)));

    assertCoefficient(fit.coefficient("(Intercept)"), 2.1702657712989426, 0.353475080894404);
    assertCoefficient(fit.coefficient("x"), 0.0933131764714628, 0.145332093881087);
    assertCoefficient(fit.coefficient("d"), 1.6848330803006009, 0.179014795260083);
    assertThat(fit.structural().degreesOfFreedom()).isEqualTo(9);
    assertThat(fit.excludedInstruments()).isEqualTo(2);
    FirstStage stage = fit.firstStages().get(0);
    assertThat(stage.f()).isCloseTo(20.364171224977362, within(1e-9));
    assertThat(stage.numeratorDf()).isEqualTo(2);
    assertThat(stage.denominatorDf()).isEqualTo(8);
    assertThat(stage.pValue()).isCloseTo(0.000726496277780572, within(1e-12));
    assertThat(fit.warnings()).isEmpty();
  }

  @Test
  void twoEndogenousRegressorsMatchAerIvreg() {
    double[] e = new double[12];
    double[] z1x = new double[12];
    for (int i = 0; i < 12; i++) {
      e[i] = D[i] * X[i];
      z1x[i] = Z1[i] * X[i];
    }
    // ivreg(y ~ x + d + e | x + z1 + z2 + I(z1 * x)), e = d * x
    IvFit fit =
        TwoStageLeastSquares.fit(
            column("y", Y),
            List.of(Column.constant(12), column("x", X)),
            List.of(column("d", D), column("e", e)),
            List.of(column("z1", Z1), column("z2", Z2), column("z1x", z1x)));

    assertCoefficient(fit.coefficient("(Intercept)"), 4.538107547375676, 2.830248544909376);
    assertCoefficient(fit.coefficient("x"), -1.422169602976980, 1.709622580347842);
    assertCoefficient(fit.coefficient("d"), 0.591054730367410, 1.333112372466740);
    assertCoefficient(fit.coefficient("e"), 0.581517432874053, 0.655957966108604);
  }

  @Test
  void residualsComeFromTheObservedEndogenousRegressorNotItsFittedValues() {
    IvFit fit =
        TwoStageLeastSquares.fit(
            column("y", Y),
            List.of(Column.constant(12), column("x", X)),
            List.of(column("d", D)),
            List.of(column("z1", Z1), column("z2", Z2)));
    double b0 = fit.coefficient("(Intercept)").estimate();
    double b1 = fit.coefficient("x").estimate();
    double b2 = fit.coefficient("d").estimate();
    double rss = 0;
    for (int i = 0; i < 12; i++) {
      double residual = Y[i] - b0 - b1 * X[i] - b2 * D[i];
      rss += residual * residual;
    }

    assertThat(fit.structural().residualStandardError())
        .isCloseTo(Math.sqrt(rss / 9), within(1e-12));
  }

  @Test
  void fewerInstrumentsThanEndogenousRegressorsIsUnderIdentified() {
    double[] e = new double[12];
    for (int i = 0; i < 12; i++) {
      e[i] = D[i] * X[i];
    }
    assertThatThrownBy(
            () ->
                TwoStageLeastSquares.fit(
                    column("y", Y),
                    List.of(Column.constant(12), column("x", X)),
                    List.of(column("d", D), column("e", e)),
                    List.of(column("z1", Z1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "under-identified: 1 instruments [z1] for 2 endogenous regressors [d, e]");
    assertThatThrownBy(
            () ->
                TwoStageLeastSquares.fit(
                    column("y", Y),
                    List.of(Column.constant(12)),
                    List.of(column("d", D)),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("under-identified");
  }

  @Test
  void collinearInstrumentsAreUnderIdentified() {
    double[] twiceZ1 = new double[12];
    for (int i = 0; i < 12; i++) {
      twiceZ1[i] = 2 * Z1[i];
    }
    // Two instruments in name, one in fact: not enough for two endogenous regressors.
    double[] e = new double[12];
    for (int i = 0; i < 12; i++) {
      e[i] = D[i] * X[i];
    }
    assertThatThrownBy(
            () ->
                TwoStageLeastSquares.fit(
                    column("y", Y),
                    List.of(Column.constant(12), column("x", X)),
                    List.of(column("d", D), column("e", e)),
                    List.of(column("z1", Z1), column("z1b", twiceZ1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("under-identified")
        .hasMessageContaining("collinear");
  }

  @Test
  void anInstrumentUnrelatedToTheRegressorIsFlaggedWeak() {
    double[] noise = {0.3, -1.2, 0.8, 0.1, -0.5, 1.4, -0.9, 0.6, -0.2, 1.1, -1.3, 0.4};
    IvFit fit =
        TwoStageLeastSquares.fit(
            column("y", Y),
            List.of(Column.constant(12), column("x", X)),
            List.of(column("d", D)),
            List.of(column("noise", noise)));

    assertThat(fit.firstStages().get(0).f()).isLessThan(TwoStageLeastSquares.WEAK_INSTRUMENT_F);
    assertThat(fit.warnings()).singleElement().asString().contains("weak instruments for d");
  }

  private static Column column(String name, double[] values) {
    return new Column(name, values);
  }
}
