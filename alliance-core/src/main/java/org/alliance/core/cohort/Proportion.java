package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hipparchus.stat.interval.BinomialProportion;
import org.hipparchus.stat.interval.ConfidenceInterval;

/**
 * How many of a group had an outcome, always with its denominator and a 95% Wilson score interval.
 * A group of no clients has no rate and no interval, rather than a rate of 0.
 */
public record Proportion(int successes, int denominator) {
  /** The confidence level of {@link #wilson()}; z is the normal quantile 1.959964, not 1.96. */
  public static final double CONFIDENCE = 0.95;

  public Proportion {
    checkArgument(denominator >= 0, "a denominator cannot be negative: %s", denominator);
    checkArgument(
        successes >= 0 && successes <= denominator,
        "%s of %s is not a proportion",
        successes,
        denominator);
  }

  /** Whether there is no one to count, so that no rate can be given. */
  public boolean isEmpty() {
    return denominator == 0;
  }

  /** successes / denominator, empty when the denominator is 0. */
  public OptionalDouble rate() {
    return isEmpty() ? OptionalDouble.empty() : OptionalDouble.of((double) successes / denominator);
  }

  /** The 95% Wilson score interval, empty when the denominator is 0. */
  public Optional<Interval> wilson() {
    if (isEmpty()) {
      return Optional.empty();
    }
    ConfidenceInterval ci =
        BinomialProportion.getWilsonScoreInterval(
            denominator, (double) successes / denominator, CONFIDENCE);
    // The exact Wilson bound at 0 (or all) successes is 0 (or 1); floating point leaves 2e-17 or 1
    // - 2e-16.
    double lower = successes == 0 ? 0 : Math.max(0, ci.getLowerBound());
    double upper = successes == denominator ? 1 : Math.min(1, ci.getUpperBound());
    return Optional.of(new Interval(lower, upper));
  }

  /** For reports: {@code 8/10 = 80.0% (49.0-94.3%)}, or {@code 0/0 = no clients}. */
  @Override
  public String toString() {
    if (isEmpty()) {
      return "0/0 = no clients";
    }
    Interval ci = wilson().orElseThrow();
    return String.format(
        Locale.ROOT,
        "%d/%d = %.1f%% (%.1f-%.1f%%)",
        successes,
        denominator,
        100.0 * successes / denominator,
        100 * ci.lower(),
        100 * ci.upper());
  }
}
