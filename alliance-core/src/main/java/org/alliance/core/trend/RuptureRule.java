package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Numbers;

/**
 * A named rule for when an alliance rating signals a rupture. There is no single published
 * algorithm, so each rupture is reported with the rule that found it: {@link BelowCutoff}, {@link
 * Drop} or {@link Deviation}.
 */
public sealed interface RuptureRule
    permits RuptureRule.BelowCutoff, RuptureRule.Drop, RuptureRule.Deviation {

  /** The names rules are reported by. */
  enum Type {
    BELOW_CUTOFF,
    DROP,
    DEVIATION
  }

  /** The earlier ratings a deviation rule needs by default before it judges a rating. */
  int DEFAULT_MINIMUM_EARLIER = 3;

  Type type();

  /** The rule in one line, such as {@code DROP: a fall of at least 1 from the previous rating}. */
  String describe();

  /**
   * The rule in plain words for a clinician, such as {@code a drop of 5 points or more}.
   *
   * @param instrumentCutoff the cutoff of the course's instrument, for a below-cutoff rule without
   *     its own
   */
  default String inWords(Optional<Cutoff> instrumentCutoff) {
    if (this instanceof BelowCutoff below) {
      return below
          .cutoff()
          .or(() -> instrumentCutoff)
          .map(cutoff -> "a rating " + cutoff.inWords() + ", the cutoff")
          .orElse("a rating below the cutoff");
    }
    if (this instanceof Drop drop) {
      String points = Numbers.format(Math.round(drop.points() * 100) / 100.0);
      return "a drop of " + points + (points.equals("1") ? " point" : " points") + " or more";
    }
    Deviation deviation = (Deviation) this;
    return Numbers.format(deviation.z()) + " SD below the client's own earlier ratings";
  }

  /**
   * The rating is on the concern side of a cutoff (SRS total below 36).
   *
   * @param cutoff the cutoff; empty to use the clinical cutoff of the course's instrument
   */
  record BelowCutoff(Optional<Cutoff> cutoff) implements RuptureRule {
    public BelowCutoff {
      requireNonNull(cutoff, "cutoff");
    }

    @Override
    public Type type() {
      return Type.BELOW_CUTOFF;
    }

    @Override
    public String describe() {
      return "BELOW_CUTOFF: "
          + cutoff.map(Cutoff::describe).orElse("the instrument's clinical cutoff");
    }
  }

  /**
   * The rating is at least {@code points} worse than the previous observed rating (a missing
   * session is skipped, not a zero).
   */
  record Drop(double points) implements RuptureRule {
    /** Any fall of a whole point on the SRS, as in PCOMS practice. */
    public static final double SRS_POINTS = 1;

    public Drop {
      checkArgument(
          Double.isFinite(points) && points > 0,
          "a drop must be a positive number of points, not %s",
          points);
    }

    @Override
    public Type type() {
      return Type.DROP;
    }

    @Override
    public String describe() {
      return "DROP: a fall of at least " + Numbers.format(points) + " from the previous rating";
    }
  }

  /**
   * The rating is at or below the mean minus {@code z} standard deviations (sample SD, n - 1) of
   * all the client's earlier ratings in the analysed range, those of earlier ruptures included;
   * ratings with fewer than {@code minimumEarlier} earlier ones are not judged. When the earlier
   * ratings do not vary (SD 0) a rating equal to their mean does not count: it must lie below it.
   */
  record Deviation(double z, int minimumEarlier) implements RuptureRule {
    /** Two standard deviations below the client's own mean, after Stiles et al. (2004). */
    public static final double STILES_2004_Z = 2;

    /** One standard deviation below the client's own mean, after Strauss et al. (2006). */
    public static final double STRAUSS_2006_Z = 1;

    public Deviation {
      checkArgument(
          Double.isFinite(z) && z >= 0,
          "z must be a number of standard deviations of at least 0, not %s",
          z);
      checkArgument(
          minimumEarlier >= 2,
          "a standard deviation needs at least 2 earlier ratings, not %s",
          minimumEarlier);
    }

    /** The same rule judging ratings only once {@code n} earlier ratings exist. */
    public Deviation withMinimumEarlier(int n) {
      return new Deviation(z, n);
    }

    @Override
    public Type type() {
      return Type.DEVIATION;
    }

    @Override
    public String describe() {
      return "DEVIATION: at or below the mean minus "
          + Numbers.format(z)
          + " SD of at least "
          + minimumEarlier
          + " earlier ratings";
    }
  }

  /** Below the clinical cutoff of the course's instrument (SRS: total below 36). */
  static BelowCutoff belowCutoff() {
    return new BelowCutoff(Optional.empty());
  }

  /**
   * Below this cutoff, strictly (a rating equal to it is not a rupture), for a measure where higher
   * is better.
   */
  static BelowCutoff belowCutoff(double value) {
    return new BelowCutoff(
        Optional.of(new Cutoff("rupture", "alliance rupture", value, Cutoff.Side.BELOW, true)));
  }

  /** On the concern side of this cutoff, with its own inclusive or strict side. */
  static BelowCutoff belowCutoff(Cutoff cutoff) {
    return new BelowCutoff(Optional.of(cutoff));
  }

  /** A drop of at least one point from the previous rating (the SRS in PCOMS practice). */
  static Drop drop() {
    return new Drop(Drop.SRS_POINTS);
  }

  static Drop drop(double points) {
    return new Drop(points);
  }

  /** Two SD below the client's own mean of at least 3 earlier ratings (Stiles et al. 2004). */
  static Deviation stiles2004() {
    return new Deviation(Deviation.STILES_2004_Z, DEFAULT_MINIMUM_EARLIER);
  }

  /** One SD below the client's own mean of at least 3 earlier ratings (Strauss et al. 2006). */
  static Deviation strauss2006() {
    return new Deviation(Deviation.STRAUSS_2006_Z, DEFAULT_MINIMUM_EARLIER);
  }

  static Deviation deviation(double z, int minimumEarlier) {
    return new Deviation(z, minimumEarlier);
  }
}
