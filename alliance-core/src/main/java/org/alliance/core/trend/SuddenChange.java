package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * One sudden gain or sudden loss between a pregain session and the next (postgain) session, with
 * its descriptives and the numbers behind criterion 3. For a loss, "pregain" and "postgain" name
 * the sessions before and after the loss, as suddengains does.
 *
 * @param magnitude the size of the change in score points, always positive (suddengains reports a
 *     loss's magnitude as a negative number, pregain minus postgain)
 * @param reversalValue the midpoint of the pregain and postgain scores: postgain score plus half
 *     the magnitude back towards the pregain score
 * @param reversalSession the first session, from two sessions after the postgain session on, whose
 *     score is worse than the reversal value; empty when the change was not reversed within the
 *     analysed range
 * @param meanPre mean of the available scores of up to three sessions ending at the pregain session
 * @param meanPost mean of the available scores of up to three sessions starting at the postgain
 *     session
 * @param pooledSd pooled standard deviation of those scores (sample variances, n - 1)
 * @param criticalValue the critical value criterion 3 used
 */
public record SuddenChange(
    Kind kind,
    int pregainSession,
    int postgainSession,
    double pregainScore,
    double postgainScore,
    double magnitude,
    double reversalValue,
    OptionalInt reversalSession,
    double meanPre,
    double meanPost,
    double pooledSd,
    double criticalValue) {

  /**
   * Whether a change is an improvement (gain) or a worsening (loss), in the measure's own
   * direction.
   */
  public enum Kind {
    GAIN("gain"),
    LOSS("loss");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** {@code gain} or {@code loss}, for reports. */
    public String label() {
      return label;
    }
  }

  public SuddenChange {
    requireNonNull(kind, "kind");
    checkArgument(
        postgainSession == pregainSession + 1,
        "a sudden %s spans one interval, not sessions %s to %s",
        kind.label(),
        pregainSession,
        postgainSession);
    checkArgument(
        Double.isFinite(pregainScore) && Double.isFinite(postgainScore),
        "sudden %s needs both scores",
        kind.label());
    checkArgument(
        Double.isFinite(magnitude) && magnitude >= 0, "a magnitude is a size, not %s", magnitude);
    checkArgument(Double.isFinite(reversalValue), "a reversal value must be finite");
    requireNonNull(reversalSession, "reversalSession");
    reversalSession.ifPresent(
        session ->
            checkArgument(
                session >= postgainSession + 2,
                "a reversal is looked for from two sessions after the postgain session on, not at session %s",
                session));
    checkArgument(
        Double.isFinite(meanPre) && Double.isFinite(meanPost), "criterion 3 means must be finite");
    checkArgument(
        Double.isFinite(pooledSd) && pooledSd >= 0, "a pooled SD must be finite and not negative");
    checkArgument(
        Double.isFinite(criticalValue) && criticalValue > 0, "a critical value must be positive");
  }

  /** Whether a later score went back past the reversal value. */
  public boolean reversed() {
    return reversalSession.isPresent();
  }
}
