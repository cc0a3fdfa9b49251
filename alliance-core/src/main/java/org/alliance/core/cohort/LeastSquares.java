package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * Ordinary least squares on named columns, with conventional or cluster-robust standard errors. The
 * regressors are used as given: include {@link Column#constant(int)} for an intercept.
 */
public final class LeastSquares {
  private LeastSquares() {}

  /** OLS with conventional standard errors {@code s^2 (X'X)^-1}. */
  public static RegressionFit ordinary(Column outcome, List<Column> regressors) {
    Solution solution = solve(outcome, regressors);
    double[][] variance = solution.regression.estimateRegressionParametersVariance();
    double s2 = solution.regression.estimateErrorVariance();
    int n = outcome.size();
    int df = n - regressors.size();
    List<Coefficient> coefficients = new ArrayList<>();
    for (int j = 0; j < regressors.size(); j++) {
      coefficients.add(
          coefficient(
              regressors.get(j).name(), solution.beta[j], Math.sqrt(s2 * variance[j][j]), df));
    }
    return new RegressionFit(
        coefficients, n, df, Math.sqrt(s2), RegressionFit.StandardErrors.CONVENTIONAL, 0);
  }

  /**
   * OLS with cluster-robust (CR1) standard errors: rows of one cluster (one client's sessions) may
   * be correlated, rows of different clusters may not. Intervals use the t distribution with G - 1
   * degrees of freedom, G being the number of clusters.
   *
   * @param clusters the cluster of each row, such as the client id
   */
  public static RegressionFit clustered(
      Column outcome, List<Column> regressors, List<String> clusters) {
    int n = outcome.size();
    int k = regressors.size();
    checkArgument(clusters.size() == n, "%s rows but %s cluster labels", n, clusters.size());
    Solution solution = solve(outcome, regressors);
    double[] residuals = solution.regression.estimateResiduals();
    RealMatrix bread =
        new Array2DRowRealMatrix(solution.regression.estimateRegressionParametersVariance(), false);
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      double[] score = scores.computeIfAbsent(clusters.get(i), c -> new double[k]);
      for (int j = 0; j < k; j++) {
        score[j] += regressors.get(j).get(i) * residuals[i];
      }
    }
    int g = scores.size();
    checkArgument(g >= 2, "cluster-robust standard errors need at least 2 clusters, found %s", g);
    RealMatrix meat = new Array2DRowRealMatrix(k, k);
    for (double[] score : scores.values()) {
      RealVector u = new ArrayRealVector(score, false);
      meat = meat.add(u.outerProduct(u));
    }
    double factor = (double) g / (g - 1) * (n - 1.0) / (n - k);
    RealMatrix variance = bread.multiply(meat).multiply(bread).scalarMultiply(factor);
    List<Coefficient> coefficients = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      coefficients.add(
          coefficient(
              regressors.get(j).name(),
              solution.beta[j],
              Math.sqrt(variance.getEntry(j, j)),
              g - 1));
    }
    return new RegressionFit(
        coefficients,
        n,
        g - 1,
        solution.regression.estimateRegressionStandardError(),
        RegressionFit.StandardErrors.CLUSTER_ROBUST,
        g);
  }

  /** The fitted regression and its coefficients. */
  record Solution(OLSMultipleLinearRegression regression, double[] beta) {}

  static Solution solve(Column outcome, List<Column> regressors) {
    checkColumns(outcome.size(), regressors, "regressor");
    int n = outcome.size();
    checkArgument(
        n > regressors.size(),
        "%s observations cannot estimate %s coefficients",
        n,
        regressors.size());
    int rank = rank(regressors);
    checkArgument(
        rank == regressors.size(),
        "the regressors %s are collinear (rank %s of %s): drop or combine one",
        names(regressors),
        rank,
        regressors.size());
    OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
    regression.setNoIntercept(true);
    regression.newSampleData(outcome.values(), rows(regressors));
    return new Solution(regression, regression.estimateRegressionParameters());
  }

  static Coefficient coefficient(String name, double estimate, double se, int df) {
    TDistribution t = new TDistribution(df);
    double q = t.inverseCumulativeProbability(0.975);
    double p = se > 0 ? 2 * t.cumulativeProbability(-Math.abs(estimate / se)) : 0;
    return new Coefficient(
        name, estimate, se, new Interval(estimate - q * se, estimate + q * se), p);
  }

  /** The observations as rows, the layout hipparchus's regressions take. */
  static double[][] rows(List<Column> columns) {
    int n = columns.get(0).size();
    double[][] rows = new double[n][columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      for (int i = 0; i < n; i++) {
        rows[i][j] = columns.get(j).get(i);
      }
    }
    return rows;
  }

  /**
   * The numerical rank of the columns. Each column is scaled to unit length first, so that a column
   * of large numbers (sessions x alliance) does not hide a collinear column of small ones.
   */
  static int rank(List<Column> columns) {
    int n = columns.get(0).size();
    RealMatrix scaled = new Array2DRowRealMatrix(n, columns.size());
    for (int j = 0; j < columns.size(); j++) {
      double norm = new ArrayRealVector(columns.get(j).values(), false).getNorm();
      if (norm > 0) {
        for (int i = 0; i < n; i++) {
          scaled.setEntry(i, j, columns.get(j).get(i) / norm);
        }
      }
    }
    double[] singular = new SingularValueDecomposition(scaled).getSingularValues();
    int rank = 0;
    for (double value : singular) {
      // Relative tolerance well above rounding error but far below any real signal in unit-length
      // columns.
      rank += value > 1e-10 * singular[0] ? 1 : 0;
    }
    return rank;
  }

  static void checkColumns(int rows, List<Column> columns, String what) {
    checkArgument(!columns.isEmpty(), "no %ss", what);
    Set<String> names = new HashSet<>();
    for (Column column : columns) {
      checkArgument(
          column.size() == rows,
          "%s %s has %s rows, not %s",
          what,
          column.name(),
          column.size(),
          rows);
      checkArgument(names.add(column.name()), "two %ss are named %s", what, column.name());
    }
  }

  static List<String> names(List<Column> columns) {
    return columns.stream().map(Column::name).toList();
  }
}
