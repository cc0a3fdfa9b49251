package org.alliance.io.chart;

import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.trend.Measure;

/** How charts and reports name measures, cutoffs and directions, so both use the same words. */
public final class Wording {
  private Wording() {}

  /**
   * An instrument's id as clinicians write it ({@code PHQ-9}); a score column keeps its own name.
   */
  public static String measure(Measure measure) {
    return measure.label();
  }

  /** {@code lower is better} or {@code higher is better}. */
  public static String direction(Direction direction) {
    return direction == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better";
  }

  /** The scores on the cutoff's side in words: {@code 10 or more}, {@code below 36}. */
  public static String cutoffSide(Cutoff cutoff) {
    return cutoff.inWords();
  }

  /** What the cutoff's side means, without advice after a colon: {@code alliance concern}. */
  public static String cutoffMeaning(Cutoff cutoff) {
    int colon = cutoff.label().indexOf(':');
    return colon < 0 ? cutoff.label() : cutoff.label().substring(0, colon);
  }

  /**
   * A score rounded for reading: at most two decimals ({@code 12}, {@code 35.8}, {@code 14.44}).
   */
  public static String score(double value) {
    return Numbers.format(Math.round(value * 100) / 100.0);
  }
}
