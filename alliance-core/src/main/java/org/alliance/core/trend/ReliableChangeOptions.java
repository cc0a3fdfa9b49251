package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * How to compute reliable change over a sample: the RCI method, the measure's reliability (and, for
 * NK only, its reliability after treatment) and the significance level.
 *
 * @param reliabilityPost the reliability at post, for NK only; NK without it uses {@code
 *     reliability}, as the R package does
 * @param alpha the significance level; two-sided except for HA, which is one-sided
 */
public record ReliableChangeOptions(
    RciMethod method, double reliability, OptionalDouble reliabilityPost, double alpha) {
  /** The usual significance level. */
  public static final double DEFAULT_ALPHA = 0.05;

  public ReliableChangeOptions {
    requireNonNull(method, "method");
    requireNonNull(reliabilityPost, "reliabilityPost");
    checkArgument(
        reliability > 0 && reliability < 1, "reliability must lie in (0, 1): %s", reliability);
    checkArgument(alpha > 0 && alpha < 1, "alpha must lie in (0, 1): %s", alpha);
    checkArgument(
        reliabilityPost.isEmpty() || method == RciMethod.NK,
        "a reliability at post applies to the NK method only, not %s",
        method);
    reliabilityPost.ifPresent(
        r -> checkArgument(r > 0 && r < 1, "reliability at post must lie in (0, 1): %s", r));
  }

  /** Jacobson-Truax with alpha .05. */
  public static ReliableChangeOptions jacobsonTruax(double reliability) {
    return of(RciMethod.JT, reliability);
  }

  /** The given method with alpha .05. */
  public static ReliableChangeOptions of(RciMethod method, double reliability) {
    return new ReliableChangeOptions(method, reliability, OptionalDouble.empty(), DEFAULT_ALPHA);
  }

  /** The same analysis at another significance level. */
  public ReliableChangeOptions withAlpha(double newAlpha) {
    return new ReliableChangeOptions(method, reliability, reliabilityPost, newAlpha);
  }

  /** NK with a different reliability after treatment. */
  public ReliableChangeOptions withReliabilityPost(double newReliabilityPost) {
    return new ReliableChangeOptions(
        method, reliability, OptionalDouble.of(newReliabilityPost), alpha);
  }

  /** The reliability after treatment that NK uses: the given one, else the reliability before. */
  public double effectiveReliabilityPost() {
    return reliabilityPost.orElse(reliability);
  }

  /** The critical value of the method at this alpha. */
  public double criticalValue() {
    return method.criticalValue(alpha);
  }
}
