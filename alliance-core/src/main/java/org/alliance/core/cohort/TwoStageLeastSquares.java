package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hipparchus.distribution.continuous.FDistribution;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * Two-stage least squares for a linear outcome equation with endogenous regressors, such as
 * sessions attended and sessions x alliance instrumented by randomisation (Dunn & Bentall 2007).
 * The standard errors are the 2SLS ones: the residual variance comes from the outcome equation with
 * the observed endogenous regressors, not the first-stage fitted values a naive second OLS would
 * use.
 */
public final class TwoStageLeastSquares {
  /** First-stage F below which the instruments are called weak (Staiger & Stock 1997). */
  public static final double WEAK_INSTRUMENT_F = 10;

  private TwoStageLeastSquares() {}

  /**
   * Fits {@code outcome = exogenous b1 + endogenous b2 + e}, instrumenting the endogenous
   * regressors with the exogenous ones plus the excluded instruments.
   *
   * @param exogenous regressors that are their own instruments; include {@link
   *     Column#constant(int)}
   * @param endogenous regressors that may be correlated with the error
   * @param instruments excluded instruments: predict the endogenous regressors, do not enter the
   *     outcome equation
   * @throws IllegalArgumentException if the equation is under-identified: fewer instruments than
   *     endogenous regressors, or instruments that do not predict the endogenous regressors
   *     independently (rank)
   */
  public static IvFit fit(
      Column outcome, List<Column> exogenous, List<Column> endogenous, List<Column> instruments) {
    int n = outcome.size();
    checkArgument(!endogenous.isEmpty(), "no endogenous regressors: use ordinary least squares");
    checkArgument(!exogenous.isEmpty(), "no exogenous regressors: include at least the constant");
    LeastSquares.checkColumns(n, exogenous, "exogenous regressor");
    LeastSquares.checkColumns(n, endogenous, "endogenous regressor");
    checkArgument(
        !instruments.isEmpty(),
        "under-identified: %s endogenous regressors and no instruments",
        endogenous.size());
    LeastSquares.checkColumns(n, instruments, "instrument");
    Set<String> names = new HashSet<>();
    for (Column column : concat(exogenous, endogenous, instruments)) {
      checkArgument(
          names.add(column.name()),
          "the name %s is used twice among regressors and instruments",
          column.name());
    }
    checkArgument(
        instruments.size() >= endogenous.size(),
        "under-identified: %s instruments %s for %s endogenous regressors %s; each endogenous regressor needs an instrument of its own",
        instruments.size(),
        LeastSquares.names(instruments),
        endogenous.size(),
        LeastSquares.names(endogenous));

    List<Column> z = concat(exogenous, instruments, List.of());
    int k = exogenous.size() + endogenous.size();
    checkArgument(
        n > z.size() && n > k,
        "%s observations are too few for %s instruments and %s coefficients",
        n,
        z.size(),
        k);
    int zRank = LeastSquares.rank(z);
    checkArgument(
        zRank == z.size(),
        "under-identified: the exogenous regressors and instruments %s are collinear (rank %s of %s)",
        LeastSquares.names(z),
        zRank,
        z.size());

    // First stage: each endogenous regressor projected on all instruments, and its F test.
    List<Column> projected = new ArrayList<>(exogenous);
    List<FirstStage> firstStages = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Column regressor : endogenous) {
      LeastSquares.Solution full = LeastSquares.solve(regressor, z);
      double[] fitted = fitted(z, full.beta());
      projected.add(new Column(regressor.name(), fitted));
      FirstStage stage =
          firstStage(regressor, exogenous, full.regression(), instruments.size(), n - z.size());
      firstStages.add(stage);
      if (!(stage.f() >= WEAK_INSTRUMENT_F)) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "weak instruments for %s: first-stage F %.2f < %.0f, so the estimates may be biased towards OLS",
                regressor.name(),
                stage.f(),
                WEAK_INSTRUMENT_F));
      }
    }
    int rank = LeastSquares.rank(projected);
    checkArgument(
        rank == k,
        "under-identified: the instruments %s do not predict the endogenous regressors %s independently (rank %s of %s)",
        LeastSquares.names(instruments),
        LeastSquares.names(endogenous),
        rank,
        k);

    // Second stage: coefficients from the projected regressors ...
    LeastSquares.Solution second = LeastSquares.solve(outcome, projected);
    double[] beta = second.beta();
    // ... but residuals from the structural equation with the observed regressors.
    List<Column> structural = concat(exogenous, endogenous, List.of());
    double[] residuals = outcome.values();
    double[] predicted = fitted(structural, beta);
    double rss = 0;
    for (int i = 0; i < n; i++) {
      residuals[i] -= predicted[i];
      rss += residuals[i] * residuals[i];
    }
    int df = n - k;
    double s2 = rss / df;
    double[][] inverse =
        second.regression().estimateRegressionParametersVariance(); // (Xhat' Xhat)^-1
    List<Coefficient> coefficients = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      coefficients.add(
          LeastSquares.coefficient(
              structural.get(j).name(), beta[j], Math.sqrt(s2 * inverse[j][j]), df));
    }
    RegressionFit fit =
        new RegressionFit(
            coefficients, n, df, Math.sqrt(s2), RegressionFit.StandardErrors.CONVENTIONAL, 0);
    return new IvFit(fit, instruments.size(), firstStages, warnings);
  }

  private static FirstStage firstStage(
      Column regressor,
      List<Column> exogenous,
      OLSMultipleLinearRegression full,
      int q,
      int dfFull) {
    double rssFull = full.calculateResidualSumOfSquares();
    OLSMultipleLinearRegression restricted = LeastSquares.solve(regressor, exogenous).regression();
    double rssRestricted = restricted.calculateResidualSumOfSquares();
    double f = ((rssRestricted - rssFull) / q) / (rssFull / dfFull);
    double p = Double.isFinite(f) ? 1 - new FDistribution(q, dfFull).cumulativeProbability(f) : 0;
    return new FirstStage(regressor.name(), Math.max(0, f), q, dfFull, p);
  }

  private static double[] fitted(List<Column> columns, double[] beta) {
    int n = columns.get(0).size();
    double[] fitted = new double[n];
    for (int j = 0; j < columns.size(); j++) {
      for (int i = 0; i < n; i++) {
        fitted[i] += columns.get(j).get(i) * beta[j];
      }
    }
    return fitted;
  }

  @SafeVarargs
  private static List<Column> concat(List<Column>... lists) {
    List<Column> all = new ArrayList<>();
    for (List<Column> list : lists) {
      all.addAll(list);
    }
    return all;
  }
}
