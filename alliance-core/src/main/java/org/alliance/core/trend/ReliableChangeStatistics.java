package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * The numbers behind a sample's reliable change: the method and its inputs, the sample statistics
 * over the clients with both scores, and the critical value. Enough to repeat the analysis by hand.
 *
 * @param reliabilityPost the reliability after treatment (NK only)
 * @param criticalValue z, the value {@code dir * RCI} must exceed: 1.959964 two-sided at .05,
 *     1.644854 for HA
 * @param clientsUsed clients with both scores, over whom every statistic is computed
 * @param clientsDropped clients left out before any statistic because a score was missing
 * @param meanPre M_pre; {@code sdPre} is SD_pre, with n - 1
 * @param standardError SE = SD_pre sqrt(1 - r)
 * @param standardErrorOfDifference S_diff = sqrt(2) SE
 * @param denominator what the method divides by: S_diff (JT), SD_pre sqrt(1 - r^2) (GLN, HLL), SE
 *     (EN), the NK denominator, or sqrt(r_dd) S_diff (HA)
 * @param prePostCorrelation Pearson correlation of pre and post (HA only)
 * @param differenceReliability r_dd, the reliability of the difference (HA only)
 */
public record ReliableChangeStatistics(
    RciMethod method,
    double reliability,
    OptionalDouble reliabilityPost,
    double alpha,
    double criticalValue,
    int clientsUsed,
    int clientsDropped,
    double meanPre,
    double sdPre,
    double meanPost,
    double sdPost,
    double standardError,
    double standardErrorOfDifference,
    double denominator,
    OptionalDouble prePostCorrelation,
    OptionalDouble differenceReliability) {
  public ReliableChangeStatistics {
    requireNonNull(method, "method");
    requireNonNull(reliabilityPost, "reliabilityPost");
    requireNonNull(prePostCorrelation, "prePostCorrelation");
    requireNonNull(differenceReliability, "differenceReliability");
    checkArgument(
        clientsUsed >= 2,
        "reliable change over a sample needs at least 2 clients with both scores, not %s",
        clientsUsed);
    checkArgument(clientsDropped >= 0, "clientsDropped must not be negative");
    checkArgument(
        criticalValue > 0
            && sdPre > 0
            && standardError > 0
            && standardErrorOfDifference > 0
            && denominator > 0,
        "critical value, SD_pre and standard errors must be positive");
    checkArgument(
        prePostCorrelation.isPresent() == (method == RciMethod.HA)
            && differenceReliability.isPresent() == (method == RciMethod.HA),
        "the correlation and reliability of the difference belong to the HA method only");
  }

  /** Checks that a sample's lists of results and dropped clients agree with these counts. */
  void checkCounts(int results, int dropped) {
    checkArgument(results == clientsUsed, "%s results for %s clients used", results, clientsUsed);
    checkArgument(
        dropped == clientsDropped,
        "%s dropped clients listed, %s counted",
        dropped,
        clientsDropped);
  }
}
