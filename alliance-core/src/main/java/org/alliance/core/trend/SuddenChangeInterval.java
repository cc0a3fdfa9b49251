package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The verdict on one tested interval from a pregain session to the next session, with each of the
 * three criteria, so a researcher can see why an interval was or was not a sudden gain or loss.
 *
 * @param criterion1 change of at least the cutoff
 * @param criterion2 change of at least the proportion of the pregain score
 * @param criterion3 pre mean and post mean differ by more than the critical value times the pooled
 *     SD
 */
public record SuddenChangeInterval(
    int pregainSession,
    int postgainSession,
    Outcome outcome,
    Check criterion1,
    Check criterion2,
    Check criterion3) {

  /** What the interval is, for the kind of change looked for. */
  public enum Outcome {
    GAIN,
    LOSS,
    /** All criteria could be decided and at least one is not met. */
    NONE,
    /**
     * A criterion could not be decided for missing scores, so the interval is neither a change nor
     * "none".
     */
    UNDETERMINED
  }

  /** One criterion's result; undetermined when the scores it needs are missing. */
  public enum Check {
    MET,
    NOT_MET,
    UNDETERMINED
  }

  public SuddenChangeInterval {
    checkArgument(
        postgainSession == pregainSession + 1,
        "an interval spans two neighbouring sessions, not %s to %s",
        pregainSession,
        postgainSession);
    requireNonNull(outcome, "outcome");
    requireNonNull(criterion1, "criterion1");
    requireNonNull(criterion2, "criterion2");
    requireNonNull(criterion3, "criterion3");
    checkArgument(
        outcome == combined(criterion1, criterion2, criterion3, outcome),
        "outcome %s does not follow from the criteria %s, %s, %s",
        outcome,
        criterion1,
        criterion2,
        criterion3);
  }

  /**
   * The interval's outcome from its criteria: any undetermined criterion makes it undetermined (as
   * suddengains multiplies the criteria, so NA wins even over a criterion that is not met).
   */
  static SuddenChangeInterval of(
      int pregainSession,
      SuddenChange.Kind kind,
      Check criterion1,
      Check criterion2,
      Check criterion3) {
    Outcome met = kind == SuddenChange.Kind.GAIN ? Outcome.GAIN : Outcome.LOSS;
    return new SuddenChangeInterval(
        pregainSession,
        pregainSession + 1,
        combined(criterion1, criterion2, criterion3, met),
        criterion1,
        criterion2,
        criterion3);
  }

  private static Outcome combined(Check first, Check second, Check third, Outcome whenMet) {
    if (first == Check.UNDETERMINED
        || second == Check.UNDETERMINED
        || third == Check.UNDETERMINED) {
      return Outcome.UNDETERMINED;
    }
    if (first == Check.MET && second == Check.MET && third == Check.MET) {
      // A gain and a loss satisfy the same three checks; which one it is depends on what was looked
      // for.
      return whenMet == Outcome.LOSS ? Outcome.LOSS : Outcome.GAIN;
    }
    return Outcome.NONE;
  }

  /** Whether this interval is a sudden gain or loss. */
  public boolean isChange() {
    return outcome == Outcome.GAIN || outcome == Outcome.LOSS;
  }

  public boolean isUndetermined() {
    return outcome == Outcome.UNDETERMINED;
  }
}
