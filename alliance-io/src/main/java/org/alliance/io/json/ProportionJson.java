package org.alliance.io.json;

import org.alliance.core.cohort.Proportion;

/**
 * A rate as JSON, always with its count and denominator: {@code count} of {@code of}, the {@code
 * rate} and its 95% Wilson {@code interval}, both null when no one is counted.
 */
public record ProportionJson(int count, int of, Double rate, IntervalJson interval) {
  public static ProportionJson of(Proportion proportion) {
    return new ProportionJson(
        proportion.successes(),
        proportion.denominator(),
        AllianceJson.number(proportion.rate()),
        proportion.wilson().map(IntervalJson::of).orElse(null));
  }
}
