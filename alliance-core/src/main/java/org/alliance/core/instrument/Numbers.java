package org.alliance.core.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats scores for people: whole numbers without a decimal point, others to at most six decimals.
 */
public final class Numbers {
  private Numbers() {}

  /** {@code 12} for 12.0, {@code 14.444444} for 130/9, {@code 5.3} for 5.3. */
  public static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value)
        .setScale(6, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
