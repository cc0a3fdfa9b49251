package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.alliance.core.instrument.Direction;

/**
 * One client's change judged against an instrument's published reliable-change threshold (ORS 5,
 * PHQ-9 6, GAD-7 4, CORE-10 6): a change of at least the threshold is reliable.
 *
 * @param change post - pre, in score points
 * @param category {@link ChangeCategory#IMPROVED}, {@link ChangeCategory#UNCHANGED} or {@link
 *     ChangeCategory#DETERIORATED}
 */
public record ReliableChangeByThreshold(
    double pre,
    double post,
    double change,
    double threshold,
    Direction direction,
    ChangeCategory category) {
  public ReliableChangeByThreshold {
    checkArgument(Double.isFinite(pre) && Double.isFinite(post), "scores must be finite");
    checkArgument(
        threshold > 0 && Double.isFinite(threshold),
        "a reliable-change threshold must be positive: %s",
        threshold);
    requireNonNull(direction, "direction");
    requireNonNull(category, "category");
    checkArgument(
        category.isReliableChangeCategory(), "reliable change alone cannot be %s", category);
  }
}
