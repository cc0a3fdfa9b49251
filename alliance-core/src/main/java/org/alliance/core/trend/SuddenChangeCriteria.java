package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;
import org.alliance.core.instrument.Numbers;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The three Tang and DeRubeis (1999) criteria for a sudden gain or a sudden loss, with the settings
 * of the R package suddengains (Wiedemann et al.): criterion 1 a change of at least {@code cutoff}
 * points, criterion 2 a change of at least {@code proportion} of the pregain score, criterion 3 a
 * two-sample t comparison of up to three scores either side of the interval.
 *
 * @param kind whether gains (improvement) or losses (worsening) are looked for
 * @param cutoff criterion 1, as a size in score points. suddengains wants a negative value for
 *     losses ({@code sg_crit1_cutoff = -7}); only the size counts here, so 7 and -7 mean the same
 *     for either kind
 * @param proportion criterion 2, of the pregain score (0.25 in the original method)
 * @param alpha two-sided significance level of criterion 3 (0.05 in the original method)
 * @param fixedCriticalValue when present, the critical value of criterion 3 for every interval
 *     whatever the missing data, as suddengains does with {@code sg_crit3_adjust = FALSE}; when
 *     empty (the default) the critical value is the t quantile for {@code n_pre + n_post - 2}
 *     degrees of freedom
 */
public record SuddenChangeCriteria(
    SuddenChange.Kind kind,
    double cutoff,
    double proportion,
    double alpha,
    OptionalDouble fixedCriticalValue) {

  /** The proportion of the pregain score in criterion 2 of Tang and DeRubeis (1999). */
  public static final double TANG_DERUBEIS_PROPORTION = 0.25;

  /** The two-sided alpha of criterion 3 of Tang and DeRubeis (1999). */
  public static final double TANG_DERUBEIS_ALPHA = 0.05;

  public SuddenChangeCriteria {
    requireNonNull(kind, "kind");
    checkArgument(Double.isFinite(cutoff), "criterion 1 needs a finite cutoff, not %s", cutoff);
    // Accept the sign suddengains uses for losses but keep only the size, so comparisons are
    // one-sided.
    cutoff = Math.abs(cutoff);
    checkArgument(
        Double.isFinite(proportion) && proportion >= 0,
        "criterion 2 needs a proportion of at least 0, not %s",
        proportion);
    checkArgument(
        alpha > 0 && alpha < 1, "criterion 3 needs an alpha between 0 and 1, not %s", alpha);
    requireNonNull(fixedCriticalValue, "fixedCriticalValue");
    fixedCriticalValue.ifPresent(
        value ->
            checkArgument(
                Double.isFinite(value) && value > 0,
                "a fixed critical value must be positive, not %s",
                value));
  }

  /**
   * Sudden gains with the original criteria: {@code cutoff} points, 25 % of the pregain score,
   * alpha .05.
   */
  public static SuddenChangeCriteria gains(double cutoff) {
    return new SuddenChangeCriteria(
        SuddenChange.Kind.GAIN,
        cutoff,
        TANG_DERUBEIS_PROPORTION,
        TANG_DERUBEIS_ALPHA,
        OptionalDouble.empty());
  }

  /**
   * Sudden losses with the original criteria mirrored; the cutoff may be given as 7 or, as in
   * suddengains, -7.
   */
  public static SuddenChangeCriteria losses(double cutoff) {
    return new SuddenChangeCriteria(
        SuddenChange.Kind.LOSS,
        cutoff,
        TANG_DERUBEIS_PROPORTION,
        TANG_DERUBEIS_ALPHA,
        OptionalDouble.empty());
  }

  /** The same criteria with another proportion of the pregain score for criterion 2. */
  public SuddenChangeCriteria withProportion(double newProportion) {
    return new SuddenChangeCriteria(kind, cutoff, newProportion, alpha, fixedCriticalValue);
  }

  /** The same criteria with another two-sided alpha for criterion 3. */
  public SuddenChangeCriteria withAlpha(double newAlpha) {
    return new SuddenChangeCriteria(kind, cutoff, proportion, newAlpha, fixedCriticalValue);
  }

  /**
   * The same criteria with one critical value for every interval (suddengains' {@code
   * sg_crit3_adjust = FALSE}).
   */
  public SuddenChangeCriteria withFixedCriticalValue(double value) {
    return new SuddenChangeCriteria(kind, cutoff, proportion, alpha, OptionalDouble.of(value));
  }

  /**
   * The critical value of criterion 3 for {@code nPre} and {@code nPost} available scores: the
   * two-sided Student t quantile for {@code nPre + nPost - 2} degrees of freedom (2.776 for 3 + 3,
   * 3.182 for 3 + 2, 4.303 for 2 + 2 at alpha .05), or the fixed value when one is set.
   */
  public double criticalValue(int nPre, int nPost) {
    checkArgument(
        nPre >= 2 && nPost >= 2,
        "criterion 3 needs at least 2 scores each side, not %s and %s",
        nPre,
        nPost);
    if (fixedCriticalValue.isPresent()) {
      return fixedCriticalValue.getAsDouble();
    }
    return new TDistribution(nPre + nPost - 2).inverseCumulativeProbability(1 - alpha / 2);
  }

  /** The criteria in one line, for reports. */
  public String describe() {
    String third =
        fixedCriticalValue.isPresent()
            ? "critical value " + Numbers.format(fixedCriticalValue.getAsDouble())
            : "t test, two-sided alpha " + Numbers.format(alpha);
    return "sudden "
        + kind.label()
        + ": change >= "
        + Numbers.format(cutoff)
        + " points, >= "
        + Numbers.format(proportion)
        + " of the pregain score, "
        + third;
  }
}
