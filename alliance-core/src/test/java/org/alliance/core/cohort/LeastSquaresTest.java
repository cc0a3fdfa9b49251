package org.alliance.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {
  // Reference values from R 4: lm(y ~ a + n) and sandwich::vcovCL(fit, cluster = ~g, type = "HC1").
  static final double[] Y = {10, 12, 11, 14, 15, 13, 9, 8, 10, 12, 20, 18, 19, 21, 22};
  static final double[] A = {1, -1, 0, 2, -2, 0, 1, -1, 0.5, -0.5, 1, 0, -1, 2, -2};
  static final double[] N = {9, 10, 12, 11, 14, 15, 10, 9, 8, 10, 19, 20, 18, 19, 21};
  static final List<String> G =
      List.of("a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "c", "c", "c", "c", "c");

  @Test
  void ordinaryMatchesR() {
    RegressionFit fit = LeastSquares.ordinary(new Column("y", Y), regressors());

    assertThat(fit.standardErrors()).isEqualTo(RegressionFit.StandardErrors.CONVENTIONAL);
    assertThat(fit.degreesOfFreedom()).isEqualTo(12);
    assertCoefficient(fit.coefficient("(Intercept)"), 1.242893272635309, 1.4093911880409040);
    assertCoefficient(fit.coefficient("a"), 0.201315123925139, 0.3567044934227251);
    assertCoefficient(fit.coefficient("n"), 0.952959028831563, 0.0981246316430063);
  }

  @Test
  void clusteredMatchesRsVcovClHc1() {
    RegressionFit fit = LeastSquares.clustered(new Column("y", Y), regressors(), G);

    assertThat(fit.standardErrors()).isEqualTo(RegressionFit.StandardErrors.CLUSTER_ROBUST);
    assertThat(fit.clusters()).isEqualTo(3);
    assertThat(fit.degreesOfFreedom()).as("G - 1").isEqualTo(2);
    assertCoefficient(fit.coefficient("(Intercept)"), 1.242893272635309, 0.7758981957751813);
    assertCoefficient(fit.coefficient("a"), 0.201315123925139, 0.0382518730764198);
    assertCoefficient(fit.coefficient("n"), 0.952959028831563, 0.0418601913926229);
    // t(2) quantile 4.302653
    Coefficient a = fit.coefficient("a");
    assertThat(a.interval().upper() - a.estimate())
        .isCloseTo(4.302652729749464 * a.standardError(), within(1e-9));
  }

  @Test
  void collinearRegressorsAreRejected() {
    double[] twiceA = A.clone();
    for (int i = 0; i < twiceA.length; i++) {
      twiceA[i] *= 2;
    }
    assertThatThrownBy(
            () ->
                LeastSquares.ordinary(
                    new Column("y", Y),
                    List.of(
                        Column.constant(Y.length), new Column("a", A), new Column("a2", twiceA))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("collinear");
  }

  private static List<Column> regressors() {
    return List.of(Column.constant(Y.length), new Column("a", A), new Column("n", N));
  }

  static void assertCoefficient(Coefficient coefficient, double estimate, double se) {
    assertThat(coefficient.estimate()).as(coefficient.name()).isCloseTo(estimate, within(1e-10));
    assertThat(coefficient.standardError())
        .as(coefficient.name() + " SE")
        .isCloseTo(se, within(1e-10));
  }
}
