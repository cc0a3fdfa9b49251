package org.alliance.core.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.instrument.ScoringRule;

/**
 * Maps a simulated state on 0 (worst) .. 1 (best) onto an instrument's total scores and back,
 * keeping the instrument's range and resolution: whole numbers for Likert items, tenths for visual
 * analogue ones.
 */
record ScoreScale(String instrument, double min, double max, double step, int sign) {

  static ScoreScale of(Instrument instrument) {
    checkArgument(
        instrument.scoringRule() == ScoringRule.SUM
            || instrument.scoringRule() == ScoringRule.COUNT_YES,
        "the simulator makes sum scores; %s is scored as %s",
        instrument.id(),
        instrument.scoringRule());
    boolean tenths =
        instrument.items().stream()
            .anyMatch(item -> item.scale() instanceof ResponseScale.VisualAnalogue);
    return new ScoreScale(
        instrument.id(),
        instrument.minTotal(),
        instrument.maxTotal(),
        tenths ? 0.1 : 1,
        instrument.direction().sign());
  }

  double range() {
    return max - min;
  }

  /**
   * The total score of a state, rounded to the instrument's resolution and kept within its range.
   */
  double score(double state) {
    double clamped = Math.max(0, Math.min(1, state));
    double raw = sign > 0 ? min + clamped * range() : max - clamped * range();
    // Dividing by the inverse step keeps tenths exact decimals (33.3, not 33.300000000000004).
    double rounded = Math.round(raw / step) / Math.rint(1 / step);
    return Math.max(min, Math.min(max, rounded));
  }

  /** The state of a total score: the inverse of {@link #score(double)} before rounding. */
  double state(double score) {
    return sign > 0 ? (score - min) / range() : (max - score) / range();
  }
}
