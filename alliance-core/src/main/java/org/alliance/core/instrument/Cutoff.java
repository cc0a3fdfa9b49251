package org.alliance.core.instrument;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.Range;

/**
 * A clinical cutoff: a value plus the side of it that counts as clinical (or as an alliance
 * concern). Sources word their cutoffs differently ("<= 25", "< 36", ">= 11"); the side makes each
 * exact.
 *
 * @param id short name, such as {@code adult} or {@code caseness}
 * @param label what crossing it means, for people
 * @param verified false when only one weak source gave the value, so users know to check it
 */
public record Cutoff(String id, String label, double value, Side clinicalSide, boolean verified) {

  /** Which scores are on the clinical side of the value. */
  public enum Side {
    AT_OR_ABOVE(">="),
    ABOVE(">"),
    AT_OR_BELOW("<="),
    BELOW("<");

    private final String symbol;

    Side(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  public Cutoff {
    checkArgument(
        Ids.isValid(id), "cutoff id '%s' must be lower-case letters, digits, '_' or '-'", id);
    checkArgument(Double.isFinite(value), "cutoff %s needs a finite value", id);
  }

  /** The clinical scores as a range with the right open or closed end. */
  public Range<Double> clinicalRange() {
    return switch (clinicalSide) {
      case AT_OR_ABOVE -> Range.atLeast(value);
      case ABOVE -> Range.greaterThan(value);
      case AT_OR_BELOW -> Range.atMost(value);
      case BELOW -> Range.lessThan(value);
    };
  }

  public boolean isClinical(double score) {
    return switch (clinicalSide) {
      case AT_OR_ABOVE -> score >= value;
      case ABOVE -> score > value;
      case AT_OR_BELOW -> score <= value;
      case BELOW -> score < value;
    };
  }

  /** The scores on the clinical side in words: {@code 10 or more}, {@code below 36}. */
  public String inWords() {
    String number = Numbers.format(value);
    return switch (clinicalSide) {
      case AT_OR_ABOVE -> number + " or more";
      case ABOVE -> "above " + number;
      case AT_OR_BELOW -> number + " or less";
      case BELOW -> "below " + number;
    };
  }

  /** The rule in one line, such as {@code total <= 25}. */
  public String describe() {
    return "total " + clinicalSide.symbol() + " " + Numbers.format(value);
  }
}
