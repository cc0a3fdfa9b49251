package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One estimated regression coefficient with its standard error, 95% confidence interval and
 * two-sided p-value (both from the t distribution with the fit's degrees of freedom).
 */
public record Coefficient(
    String name, double estimate, double standardError, Interval interval, double pValue) {
  public Coefficient {
    checkArgument(name != null && !name.isBlank(), "a coefficient needs a name");
    checkArgument(Double.isFinite(estimate), "%s: the estimate must be finite", name);
    checkArgument(standardError >= 0, "%s: the standard error must be a non-negative number", name);
    requireNonNull(interval, "interval");
    checkArgument(pValue >= 0 && pValue <= 1, "%s: p %s is not a probability", name, pValue);
  }

  /** The t statistic, estimate / standard error. */
  public double statistic() {
    return estimate / standardError;
  }
}
