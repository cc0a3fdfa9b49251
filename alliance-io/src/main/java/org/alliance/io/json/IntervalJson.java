package org.alliance.io.json;

import org.alliance.core.cohort.Interval;

/** A 95% confidence interval as JSON, ends included. */
public record IntervalJson(double lower, double upper) {
  public static IntervalJson of(Interval interval) {
    return new IntervalJson(interval.lower(), interval.upper());
  }
}
