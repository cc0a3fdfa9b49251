package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The published ways to compute a reliable change index over a sample, named as the R package
 * clinicalsignificance (Claus et al.) names them, so a researcher can ask for the same one in both.
 * The formulas are in {@link ReliableChangeFormulas}.
 */
public enum RciMethod {
  /** Jacobson and Truax (1991): change over the standard error of the difference. The default. */
  JT(false),
  /**
   * Gulliksen, Lord and Novick (Hsu 1989, 1995): corrects the pre score for regression to the pre
   * mean.
   */
  GLN(false),
  /** Hsu, Linn and Lord (Hsu 1989): as GLN, with the post score centred on the post mean. */
  HLL(false),
  /**
   * Edwards and Nunnally (Speer 1992): change from the estimated true pre score over the standard
   * error.
   */
  EN(false),
  /** Nunnally and Kotsch (1983): as EN, with separate reliabilities before and after. */
  NK(false),
  /**
   * Hageman and Arrindell (1999), Behaviour Research and Therapy 37(12), 1169-1193: weights the
   * change by the reliability of the difference r_dd and tests it one-sided (1.644854 at alpha
   * .05). Implemented as the R package clinicalsignificance does ({@code calc_rci.cs_ha}); see
   * {@link ReliableChangeFormulas#hagemanArrindell} for the formula.
   */
  HA(true);

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  private final boolean oneSided;

  RciMethod(boolean oneSided) {
    this.oneSided = oneSided;
  }

  /** True for HA, which tests each direction one-sided at alpha. */
  public boolean isOneSided() {
    return oneSided;
  }

  /**
   * The critical value the RCI must exceed: the inverse normal of 1 - alpha/2 (1.959964 for .05),
   * or of 1 - alpha for the one-sided HA (1.644854 for .05). Never the rounded 1.96.
   */
  public double criticalValue(double alpha) {
    checkArgument(alpha > 0 && alpha < 1, "alpha must lie in (0, 1): %s", alpha);
    return STANDARD_NORMAL.inverseCumulativeProbability(oneSided ? 1 - alpha : 1 - alpha / 2);
  }
}
