package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Instrument;
import org.hipparchus.stat.StatUtils;
import org.hipparchus.stat.correlation.PearsonsCorrelation;

/**
 * Reliable change (Jacobson and Truax 1991 and its variants): per client against an instrument's
 * published threshold, or over a sample from the sample's own statistics and the measure's
 * reliability.
 *
 * <p>Over a sample, {@code dir * RCI > z} is a reliable improvement and {@code dir * RCI < -z} a
 * reliable deterioration, both strict, exactly as the R package clinicalsignificance decides; an
 * RCI equal to z is unchanged. Against a threshold, a change of exactly the threshold counts as
 * reliable.
 */
public final class ReliableChange {
  /**
   * Slack for "at least the threshold": decimal scores such as 6.1 - 2.1 give 3.9999999999999996 in
   * binary floating point, which must still count as a change of 4.
   */
  static final double THRESHOLD_TOLERANCE = 1e-9;

  private ReliableChange() {}

  /**
   * The category of an RCI: improved above z in the good direction, deteriorated beyond -z, else
   * unchanged.
   */
  public static ChangeCategory classify(double rci, double criticalValue, Direction direction) {
    checkArgument(criticalValue > 0, "the critical value must be positive: %s", criticalValue);
    double oriented = direction.sign() * rci;
    if (oriented > criticalValue) {
      return ChangeCategory.IMPROVED;
    }
    if (oriented < -criticalValue) {
      return ChangeCategory.DETERIORATED;
    }
    return ChangeCategory.UNCHANGED;
  }

  /**
   * One client's change against a published threshold: a change of at least the threshold in the
   * good direction is a reliable improvement, at least the threshold in the bad direction a
   * reliable deterioration. Exactly the threshold counts, within 1e-9 so that decimal scores whose
   * binary difference falls a hair short (6.1 - 2.1) still count.
   */
  public static ReliableChangeByThreshold byThreshold(
      double pre, double post, double threshold, Direction direction) {
    requireNonNull(direction, "direction");
    checkArgument(
        Double.isFinite(pre) && Double.isFinite(post), "scores must be finite: %s, %s", pre, post);
    checkArgument(
        threshold > 0 && Double.isFinite(threshold),
        "a reliable-change threshold must be positive: %s",
        threshold);
    double change = post - pre;
    double oriented = direction.sign() * change;
    ChangeCategory category;
    if (oriented >= threshold - THRESHOLD_TOLERANCE) {
      category = ChangeCategory.IMPROVED;
    } else if (oriented <= -threshold + THRESHOLD_TOLERANCE) {
      category = ChangeCategory.DETERIORATED;
    } else {
      category = ChangeCategory.UNCHANGED;
    }
    return new ReliableChangeByThreshold(pre, post, change, threshold, direction, category);
  }

  /** One client's change against the published threshold of the measure's instrument. */
  public static ReliableChangeByThreshold byThreshold(Measure measure, double pre, double post) {
    return byThreshold(pre, post, threshold(measure), measure.direction());
  }

  /**
   * A course's change from its first to its last observation against the instrument's published
   * threshold; empty when the course has fewer than two observations.
   */
  public static Optional<ReliableChangeByThreshold> byThreshold(Course course) {
    double threshold = threshold(course.measure());
    if (course.observations().size() < 2) {
      return Optional.empty();
    }
    return Optional.of(
        byThreshold(
            course.first().orElseThrow().score(),
            course.last().orElseThrow().score(),
            threshold,
            course.measure().direction()));
  }

  /**
   * Reliable change over a sample. Clients missing the pre or the post score are left out before
   * any statistic is computed, then M_pre, SD_pre (n - 1), M_post and SD_post are taken over the
   * rest and each client's RCI computed by the chosen method.
   *
   * @throws IllegalArgumentException when two pairs name the same client, fewer than two clients
   *     have both scores, the pre scores do not vary, or (HA) the reliability of the difference is
   *     not positive
   */
  public static ReliableChangeSample ofSample(
      List<ReliableChangePair> pairs, Direction direction, ReliableChangeOptions options) {
    requireNonNull(direction, "direction");
    requireNonNull(options, "options");
    Complete complete = Complete.of(pairs);
    ReliableChangeStatistics statistics = statistics(complete, options);
    List<ReliableChangeIndex> results = new ArrayList<>(complete.pairs().size());
    for (ReliableChangePair pair : complete.pairs()) {
      double pre = pair.pre().getAsDouble();
      double post = pair.post().getAsDouble();
      double rci = rci(pre, post, statistics);
      results.add(
          new ReliableChangeIndex(
              pair.client(),
              pre,
              post,
              post - pre,
              rci,
              classify(rci, statistics.criticalValue(), direction)));
    }
    return new ReliableChangeSample(statistics, results, complete.dropped());
  }

  /** The RCI of one pair of scores under a sample's statistics and method. */
  public static double rci(double pre, double post, ReliableChangeStatistics s) {
    double r = s.reliability();
    return switch (s.method()) {
      case JT -> ReliableChangeFormulas.jacobsonTruax(pre, post, s.sdPre(), r);
      case GLN -> ReliableChangeFormulas.gulliksenLordNovick(pre, post, s.meanPre(), s.sdPre(), r);
      case HLL ->
          ReliableChangeFormulas.hsuLinnLord(pre, post, s.meanPre(), s.meanPost(), s.sdPre(), r);
      case EN -> ReliableChangeFormulas.edwardsNunnally(pre, post, s.meanPre(), s.sdPre(), r);
      case NK ->
          ReliableChangeFormulas.nunnallyKotsch(
              pre, post, s.meanPre(), s.sdPre(), r, s.reliabilityPost().orElse(r));
      case HA ->
          ReliableChangeFormulas.hagemanArrindell(
              pre,
              post,
              s.meanPre(),
              s.meanPost(),
              s.sdPre(),
              r,
              s.differenceReliability().orElseThrow());
    };
  }

  /**
   * The statistics of the complete pairs; package-private so clinically significant change shares
   * them.
   */
  static ReliableChangeStatistics statistics(Complete complete, ReliableChangeOptions options) {
    int n = complete.pairs().size();
    checkArgument(
        n >= 2,
        "reliable change over a sample needs at least 2 clients with both scores; %s had both, %s were left out",
        n,
        complete.dropped().size());
    double[] pre =
        complete.pairs().stream().mapToDouble(pair -> pair.pre().getAsDouble()).toArray();
    double[] post =
        complete.pairs().stream().mapToDouble(pair -> pair.post().getAsDouble()).toArray();
    double meanPre = StatUtils.mean(pre);
    double sdPre = Math.sqrt(StatUtils.variance(pre, meanPre));
    double meanPost = StatUtils.mean(post);
    double sdPost = Math.sqrt(StatUtils.variance(post, meanPost));
    checkArgument(
        sdPre > 0,
        "the pre scores of the %s clients used do not vary, so SD_pre is 0 and no change can be judged",
        n);
    double r = options.reliability();
    double se = ReliableChangeFormulas.standardError(sdPre, r);
    double sDiff = ReliableChangeFormulas.standardErrorOfDifference(sdPre, r);
    OptionalDouble correlation = OptionalDouble.empty();
    OptionalDouble differenceReliability = OptionalDouble.empty();
    double denominator;
    switch (options.method()) {
      case JT -> denominator = sDiff;
      case GLN, HLL -> denominator = ReliableChangeFormulas.standardErrorOfPrediction(sdPre, r);
      case EN -> denominator = se;
      case NK ->
          denominator =
              ReliableChangeFormulas.nunnallyKotschDenominator(
                  sdPre, r, options.effectiveReliabilityPost());
      case HA -> {
        checkArgument(
            sdPost > 0,
            "the post scores of the %s clients used do not vary, so the Hageman-Arrindell RCI is undefined",
            n);
        double rPrePost = new PearsonsCorrelation().correlation(pre, post);
        double rdd = ReliableChangeFormulas.differenceReliability(sdPre, sdPost, r, rPrePost);
        denominator = ReliableChangeFormulas.hagemanArrindellDenominator(sdPre, r, rdd);
        correlation = OptionalDouble.of(rPrePost);
        differenceReliability = OptionalDouble.of(rdd);
      }
      default -> throw new AssertionError(options.method());
    }
    OptionalDouble reliabilityPost =
        options.method() == RciMethod.NK
            ? OptionalDouble.of(options.effectiveReliabilityPost())
            : OptionalDouble.empty();
    return new ReliableChangeStatistics(
        options.method(),
        r,
        reliabilityPost,
        options.alpha(),
        options.criticalValue(),
        n,
        complete.dropped().size(),
        meanPre,
        sdPre,
        meanPost,
        sdPost,
        se,
        sDiff,
        denominator,
        correlation,
        differenceReliability);
  }

  private static double threshold(Measure measure) {
    Optional<Instrument> instrument = measure.instrument();
    checkArgument(
        instrument.isPresent() && instrument.get().reliableChange().isPresent(),
        "%s has no published reliable-change threshold; use a sample analysis with the measure's reliability",
        measure.id());
    return instrument.get().reliableChange().getAsDouble();
  }

  /** The pairs with both scores, in input order, and the clients left out. */
  record Complete(List<ReliableChangePair> pairs, List<String> dropped) {
    static Complete of(List<ReliableChangePair> pairs) {
      requireNonNull(pairs, "pairs");
      Set<String> seen = new HashSet<>();
      List<ReliableChangePair> complete = new ArrayList<>(pairs.size());
      List<String> dropped = new ArrayList<>();
      for (ReliableChangePair pair : pairs) {
        requireNonNull(pair, "pair");
        checkArgument(
            seen.add(pair.client()),
            "client %s appears twice; give one pre-post pair per client",
            pair.client());
        if (pair.isComplete()) {
          complete.add(pair);
        } else {
          dropped.add(pair.client());
        }
      }
      return new Complete(List.copyOf(complete), List.copyOf(dropped));
    }
  }
}
