package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The within-person effect of a session's alliance on the next session's outcome, in outcome points
 * per alliance point, oriented so that a positive effect means a better alliance is followed by a
 * better outcome.
 *
 * @param effect the coefficient of person-mean-centred alliance, with its cluster-robust SE and 95%
 *     interval
 * @param fit the whole regression, for the intercept, the outcome at t and the session trend
 * @param observations session pairs (alliance and outcome at t, outcome at t+1) used
 * @param clients clients contributing at least two session pairs
 * @param meanSeriesLength session pairs per client, on average
 * @param detrended whether the session number was a regressor
 * @param warnings what a report must say beside the estimate, such as short-series bias
 */
public record LaggedAllianceEffect(
    Coefficient effect,
    RegressionFit fit,
    int observations,
    int clients,
    double meanSeriesLength,
    boolean detrended,
    List<String> warnings) {

  public LaggedAllianceEffect {
    requireNonNull(effect, "effect");
    requireNonNull(fit, "fit");
    checkArgument(
        observations == fit.observations(),
        "observations %s differ from the fit's %s",
        observations,
        fit.observations());
    checkArgument(clients >= 2, "a within-person effect needs at least 2 clients");
    warnings = ImmutableList.copyOf(warnings);
  }
}
