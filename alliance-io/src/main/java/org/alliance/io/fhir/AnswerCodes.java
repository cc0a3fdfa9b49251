package org.alliance.io.fhir;

import java.math.BigDecimal;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The codes of {@link Fhir#ANSWER_SYSTEM}: an answer's value written exactly, as in a CSV file.
 * Exactly, because rounding 2.0000001 to "2" would turn a wrong answer into a valid one.
 */
final class AnswerCodes {
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  /** Room for every finite double written out in full (Double.MIN_VALUE has 326 characters). */
  private static final int MAX_LENGTH = 400;

  private AnswerCodes() {}

  /** {@code 2} for 2.0, {@code 5.3} for 5.3, {@code 2.0000001} for 2.0000001. */
  static String code(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** The value of a code, or empty when the code is not a plain decimal that a double can hold. */
  static OptionalDouble value(String code) {
    if (code.length() > MAX_LENGTH || !DECIMAL.matcher(code).matches()) {
      return OptionalDouble.empty();
    }
    double value = Double.parseDouble(code);
    // A code a double cannot hold exactly would be rounded, perhaps onto a valid answer.
    boolean exact =
        Double.isFinite(value) && BigDecimal.valueOf(value).compareTo(new BigDecimal(code)) == 0;
    return exact ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /** An exact decimal for a FHIR decimal element. */
  static BigDecimal decimal(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? BigDecimal.valueOf((long) value)
        : BigDecimal.valueOf(value);
  }
}
