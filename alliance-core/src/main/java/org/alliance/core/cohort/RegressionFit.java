package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The coefficients of a fitted linear model, with how their standard errors were computed.
 *
 * @param observations rows used
 * @param degreesOfFreedom the t distribution's degrees of freedom behind the intervals and
 *     p-values: observations - coefficients, or clusters - 1 for cluster-robust standard errors
 * @param residualStandardError sqrt(residual sum of squares / (observations - coefficients))
 * @param clusters the number of clusters for cluster-robust standard errors, 0 otherwise
 */
public record RegressionFit(
    List<Coefficient> coefficients,
    int observations,
    int degreesOfFreedom,
    double residualStandardError,
    StandardErrors standardErrors,
    int clusters) {

  /** How the standard errors were computed. */
  public enum StandardErrors {
    /** Homoskedastic, independent errors: {@code s^2 (X'X)^-1}. */
    CONVENTIONAL,
    /**
     * Cluster-robust sandwich with the CR1 small-sample factor {@code G/(G-1) (N-1)/(N-K)}, as
     * Stata and R's sandwich::vcovCL.
     */
    CLUSTER_ROBUST
  }

  public RegressionFit {
    coefficients = ImmutableList.copyOf(coefficients);
    checkArgument(!coefficients.isEmpty(), "a fit has coefficients");
    checkArgument(
        observations > coefficients.size(),
        "%s observations for %s coefficients",
        observations,
        coefficients.size());
    checkArgument(degreesOfFreedom >= 1, "degrees of freedom must be positive");
    requireNonNull(standardErrors, "standardErrors");
    checkArgument(
        (standardErrors == StandardErrors.CLUSTER_ROBUST) == (clusters > 0),
        "clusters are given exactly when the standard errors are cluster-robust");
  }

  /** The coefficient with this name. */
  public Coefficient coefficient(String name) {
    for (Coefficient coefficient : coefficients) {
      if (coefficient.name().equals(name)) {
        return coefficient;
      }
    }
    throw new NoSuchElementException(
        "no coefficient "
            + name
            + " among "
            + coefficients.stream().map(Coefficient::name).toList());
  }
}
