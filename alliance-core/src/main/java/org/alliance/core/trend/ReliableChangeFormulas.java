package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The reliable change index formulas (METHODS.md, section 1) as pure functions of the scores and
 * the sample statistics. {@link ReliableChange} computes the statistics from a sample and applies
 * these.
 *
 * <p>{@code r} is the reliability of the measure (before treatment, for NK), {@code mPre}/{@code
 * sdPre} the mean and SD (n - 1) of the pre scores, {@code mPost}/{@code sdPost} those of the post
 * scores.
 */
public final class ReliableChangeFormulas {
  private ReliableChangeFormulas() {}

  /** SE = SD_pre * sqrt(1 - r), the standard error of measurement. */
  public static double standardError(double sdPre, double r) {
    checkSd(sdPre);
    checkReliability(r);
    return sdPre * Math.sqrt(1 - r);
  }

  /** S_diff = sqrt(2) * SE, the standard error of the difference between two scores. */
  public static double standardErrorOfDifference(double sdPre, double r) {
    return Math.sqrt(2) * standardError(sdPre, r);
  }

  /** Jacobson and Truax (1991): RCI = (post - pre) / S_diff. */
  public static double jacobsonTruax(double pre, double post, double sdPre, double r) {
    return (post - pre) / standardErrorOfDifference(sdPre, r);
  }

  /** SD_pre * sqrt(1 - r^2), the standard error of prediction: the denominator of GLN and HLL. */
  public static double standardErrorOfPrediction(double sdPre, double r) {
    checkSd(sdPre);
    checkReliability(r);
    return sdPre * Math.sqrt(1 - r * r);
  }

  /** Gulliksen-Lord-Novick: ((post - M_pre) - r (pre - M_pre)) / (SD_pre sqrt(1 - r^2)). */
  public static double gulliksenLordNovick(
      double pre, double post, double mPre, double sdPre, double r) {
    return ((post - mPre) - r * (pre - mPre)) / standardErrorOfPrediction(sdPre, r);
  }

  /** Hsu-Linn-Lord: ((post - M_post) - r (pre - M_pre)) / (SD_pre sqrt(1 - r^2)). */
  public static double hsuLinnLord(
      double pre, double post, double mPre, double mPost, double sdPre, double r) {
    return ((post - mPost) - r * (pre - mPre)) / standardErrorOfPrediction(sdPre, r);
  }

  /** Edwards-Nunnally: (post - (r (pre - M_pre) + M_pre)) / (SD_pre sqrt(1 - r)). */
  public static double edwardsNunnally(
      double pre, double post, double mPre, double sdPre, double r) {
    return (post - estimatedTruePre(pre, mPre, r)) / standardError(sdPre, r);
  }

  /**
   * Nunnally-Kotsch: (post - (r (pre - M_pre) + M_pre)) / sqrt(r^2 SD_pre^2 (1 - r) + SD_pre^2 (1 -
   * r_post)), as {@code calc_rci.cs_nk} of the R package clinicalsignificance computes it; with
   * r_post = r it differs from EN only in the denominator.
   */
  public static double nunnallyKotsch(
      double pre, double post, double mPre, double sdPre, double r, double rPost) {
    return (post - estimatedTruePre(pre, mPre, r)) / nunnallyKotschDenominator(sdPre, r, rPost);
  }

  /** The denominator of {@link #nunnallyKotsch}. */
  public static double nunnallyKotschDenominator(double sdPre, double r, double rPost) {
    checkSd(sdPre);
    checkReliability(r);
    checkReliability(rPost);
    double variance = sdPre * sdPre;
    return Math.sqrt(r * r * variance * (1 - r) + variance * (1 - rPost));
  }

  /**
   * Hageman and Arrindell's (1999) reliability of the difference, exactly as the R package
   * clinicalsignificance computes it ({@code calc_rci.cs_ha} in {@code R/calc_rci.R} and {@code
   * .calc_reliability_ha} in {@code R/rci-utils.R}, CRAN release 2.x):
   *
   * <pre>
   * SE     = SD_pre sqrt(1 - r)
   * r_xx1  = (SD_pre^2 - SE^2) / SD_pre^2        (equals r)
   * r_xx2  = (SD_post^2 - SE^2) / SD_post^2
   * r_dd   = (SD_pre^2 r_xx1 + SD_post^2 r_xx2 - 2 SD_pre SD_post r_prepost)
   *        / (SD_pre^2 + SD_post^2 - 2 SD_pre SD_post r_prepost)
   * </pre>
   *
   * where r_prepost is the Pearson correlation of the pre and post scores.
   */
  public static double differenceReliability(
      double sdPre, double sdPost, double r, double prePostCorrelation) {
    checkSd(sdPost);
    checkArgument(
        prePostCorrelation >= -1 && prePostCorrelation <= 1,
        "a correlation must lie in [-1, 1]: %s",
        prePostCorrelation);
    double se = standardError(sdPre, r);
    double rxxPre = (sdPre * sdPre - se * se) / (sdPre * sdPre);
    double rxxPost = (sdPost * sdPost - se * se) / (sdPost * sdPost);
    double covariance = 2 * sdPre * sdPost * prePostCorrelation;
    return (sdPre * sdPre * rxxPre + sdPost * sdPost * rxxPost - covariance)
        / (sdPre * sdPre + sdPost * sdPost - covariance);
  }

  /**
   * Hageman and Arrindell (1999), as the R package clinicalsignificance computes it ({@code
   * calc_rci.cs_ha}): RCI = ((post - pre) r_dd + (M_post - M_pre)(1 - r_dd)) / (sqrt(r_dd) sqrt(2
   * SE^2)), with r_dd from {@link #differenceReliability}; it is compared with a one-sided critical
   * value.
   */
  public static double hagemanArrindell(
      double pre,
      double post,
      double mPre,
      double mPost,
      double sdPre,
      double r,
      double differenceReliability) {
    return ((post - pre) * differenceReliability + (mPost - mPre) * (1 - differenceReliability))
        / hagemanArrindellDenominator(sdPre, r, differenceReliability);
  }

  /** The denominator of {@link #hagemanArrindell}: sqrt(r_dd) sqrt(2 SE^2). */
  public static double hagemanArrindellDenominator(
      double sdPre, double r, double differenceReliability) {
    checkArgument(
        differenceReliability > 0 && differenceReliability <= 1,
        "the reliability of the difference must lie in (0, 1] for the Hageman-Arrindell RCI, not %s "
            + "(pre and post scores that correlate about as highly as the measure is reliable leave no reliable difference)",
        differenceReliability);
    double se = standardError(sdPre, r);
    return Math.sqrt(differenceReliability) * Math.sqrt(2 * se * se);
  }

  /** r (pre - M_pre) + M_pre, the pre score regressed toward the pre mean (EN and NK). */
  private static double estimatedTruePre(double pre, double mPre, double r) {
    return r * (pre - mPre) + mPre;
  }

  private static void checkSd(double sd) {
    checkArgument(
        sd > 0 && Double.isFinite(sd), "a standard deviation must be positive and finite: %s", sd);
  }

  private static void checkReliability(double r) {
    // r = 1 would make every change reliable (a zero standard error); r = 0 is no measure at all.
    checkArgument(r > 0 && r < 1, "reliability must lie in (0, 1): %s", r);
  }
}
