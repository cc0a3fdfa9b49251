package org.alliance.core.instrument;

/** How item scores (after reversal) become a total or subscale score. */
public enum ScoringRule {
  /** Sum of item scores; prorated as {@code sum x items / answered} when items may be missing. */
  SUM,
  /** Mean of the answered item scores. */
  MEAN,
  /** Mean of the answered item scores times ten: the CORE-OM clinical score. */
  MEAN_TIMES_10,
  /** Number of "yes" answers; never prorated. */
  COUNT_YES;

  /**
   * The score from the sum of answered item scores.
   *
   * @param sum sum of the answered item scores
   * @param answered how many items were answered (at least 1)
   * @param items how many items the scale has
   */
  public double apply(double sum, int answered, int items) {
    return switch (this) {
      case SUM -> answered == items ? sum : sum * items / answered;
      case MEAN -> sum / answered;
      case MEAN_TIMES_10 -> 10 * sum / answered;
      case COUNT_YES -> sum;
    };
  }
}
