package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;

/** A two-sided 95% confidence interval, from {@code lower} to {@code upper} inclusive. */
public record Interval(double lower, double upper) {
  public Interval {
    checkArgument(
        !Double.isNaN(lower) && !Double.isNaN(upper), "an interval needs numbers, not NaN");
    checkArgument(lower <= upper, "an interval needs lower <= upper: %s, %s", lower, upper);
  }

  /** Whether the value lies in the interval, ends included. */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  public double width() {
    return upper - lower;
  }
}
