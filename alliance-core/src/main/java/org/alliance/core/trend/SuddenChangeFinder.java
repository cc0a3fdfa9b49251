package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.alliance.core.instrument.Direction;
import org.alliance.core.trend.SuddenChangeInterval.Check;
import org.hipparchus.stat.StatUtils;

/**
 * Finds sudden gains or sudden losses (Tang and DeRubeis 1999) in a client's scores over a session
 * range, the way the R package suddengains does, so that researchers get the same intervals, gains
 * and counts.
 *
 * <p>For scores {@code x[1..n]} of sessions {@code first..last} (a missing session is missing, not
 * skipped), every interval from pregain position {@code j-1} to postgain position {@code j}, {@code
 * j = 3..n-1}, is tested; the first and the last interval are never tested because criterion 3
 * needs scores on both sides. With {@code d} the change in the looked-for direction (for a gain on
 * a measure where lower is better, {@code x[j-1] - x[j]}; for a gain where higher is better, such
 * as the ORS, {@code x[j] - x[j-1]}; a loss the opposite):
 *
 * <ol>
 *   <li>{@code d >= cutoff}
 *   <li>{@code d >= proportion * x[j-1]}
 *   <li>the pre mean (up to 3 sessions ending at {@code j-1}) and the post mean (up to 3 sessions
 *       starting at {@code j}, both within the range) differ in that direction by more than the
 *       critical value times the pooled SD; each side needs 2 available scores, the critical value
 *       is the two-sided t quantile for {@code n_pre + n_post - 2} degrees of freedom
 * </ol>
 *
 * Criteria 1 and 2 use {@code >=}, criterion 3 uses {@code >}. A criterion that cannot be decided
 * makes the interval undetermined, even when another criterion is clearly not met (suddengains
 * multiplies the three, so NA wins).
 *
 * <p>Losses mirror gains with the direction reversed in all three criteria, as the trend methods
 * ask. suddengains' {@code identify_sl} writes criterion 2 as {@code x[j-1] - x[j] <= 0.25 *
 * x[j-1]}, which every rise meets, so on data where a rise passes criteria 1 and 3 but is under 25
 * % of the pregain score it reports a loss that this finder does not.
 *
 * <p>A change is reversed when a score from two sessions after the postgain session on (to the end
 * of the range) is worse than the reversal value, the midpoint of the pregain and postgain scores;
 * this is where suddengains' {@code create_bysg} starts looking with its default {@code
 * identify_sg_1to2 = FALSE}.
 */
public final class SuddenChangeFinder {
  private final SuddenChangeCriteria criteria;

  /** Critical values by [nPre][nPost] for 2 or 3 scores a side, the only sizes criterion 3 uses. */
  private final double[][] criticalValues = new double[4][4];

  public SuddenChangeFinder(SuddenChangeCriteria criteria) {
    this.criteria = requireNonNull(criteria, "criteria");
    // Inverting the t distribution is costly; a file of a million sessions would otherwise do it
    // per interval.
    for (int nPre = 2; nPre <= 3; nPre++) {
      for (int nPost = 2; nPost <= 3; nPost++) {
        criticalValues[nPre][nPost] = criteria.criticalValue(nPre, nPost);
      }
    }
  }

  public SuddenChangeCriteria criteria() {
    return criteria;
  }

  /** The sudden changes of a course over sessions {@code firstSession..lastSession} (inclusive). */
  public SuddenChangeResult find(Course course, int firstSession, int lastSession) {
    requireNonNull(course, "course");
    return find(
        course.client(),
        course.measure().id(),
        course.measure().direction(),
        firstSession,
        course.window(firstSession, lastSession));
  }

  /**
   * The sudden changes of scores given session by session from {@code firstSession} on, {@code NaN}
   * for a missing session.
   */
  public SuddenChangeResult find(
      String client, String measureId, Direction direction, int firstSession, double[] scores) {
    requireNonNull(direction, "direction");
    requireNonNull(scores, "scores");
    checkArgument(scores.length > 0, "client %s: no sessions to analyse", client);
    for (double score : scores) {
      checkArgument(
          Double.isNaN(score) || Double.isFinite(score),
          "client %s: a score must be finite or NaN for missing",
          client);
    }
    double[] x = scores.clone();
    // +1 when the looked-for change is a rise, -1 when it is a fall.
    int toward = criteria.kind() == SuddenChange.Kind.GAIN ? direction.sign() : -direction.sign();

    List<SuddenChangeInterval> intervals = new ArrayList<>();
    List<SuddenChange> changes = new ArrayList<>();
    int n = x.length;
    for (int post = 2; post <= n - 2; post++) {
      int pre = post - 1;
      int pregainSession = firstSession + pre;

      Check first;
      Check second;
      double change = Double.NaN;
      if (Double.isNaN(x[pre]) || Double.isNaN(x[post])) {
        first = Check.UNDETERMINED;
        second = Check.UNDETERMINED;
      } else {
        change = toward * (x[post] - x[pre]);
        first = check(change >= criteria.cutoff());
        second = check(change >= criteria.proportion() * x[pre]);
      }

      double[] before = available(x, Math.max(0, post - 3), pre);
      double[] after = available(x, post, Math.min(n - 1, post + 2));
      Check third = Check.UNDETERMINED;
      double meanPre = Double.NaN;
      double meanPost = Double.NaN;
      double pooledSd = Double.NaN;
      double criticalValue = Double.NaN;
      if (before.length >= 2 && after.length >= 2) {
        meanPre = StatUtils.mean(before);
        meanPost = StatUtils.mean(after);
        pooledSd =
            Math.sqrt(
                ((before.length - 1) * StatUtils.variance(before)
                        + (after.length - 1) * StatUtils.variance(after))
                    / (before.length + after.length - 2));
        criticalValue =
            before.length <= 3 && after.length <= 3
                ? criticalValues[before.length][after.length]
                : criteria.criticalValue(before.length, after.length);
        third = check(toward * (meanPost - meanPre) > criticalValue * pooledSd);
      }

      SuddenChangeInterval interval =
          SuddenChangeInterval.of(pregainSession, criteria.kind(), first, second, third);
      intervals.add(interval);
      if (interval.isChange()) {
        double reversalValue = x[post] - toward * change / 2;
        changes.add(
            new SuddenChange(
                criteria.kind(),
                pregainSession,
                pregainSession + 1,
                x[pre],
                x[post],
                change,
                reversalValue,
                reversal(x, post, toward, reversalValue, firstSession),
                meanPre,
                meanPost,
                pooledSd,
                criticalValue));
      }
    }
    return new SuddenChangeResult(
        client, measureId, criteria, firstSession, firstSession + n - 1, intervals, changes);
  }

  private static Check check(boolean met) {
    return met ? Check.MET : Check.NOT_MET;
  }

  /** The available scores of positions {@code from..to} (inclusive). */
  private static double[] available(double[] x, int from, int to) {
    return Arrays.stream(x, from, to + 1).filter(score -> !Double.isNaN(score)).toArray();
  }

  /**
   * The first session from postgain + 2 on whose score lies beyond the reversal value, back towards
   * the pregain score.
   */
  private static OptionalInt reversal(
      double[] x, int post, int toward, double reversalValue, int firstSession) {
    for (int later = post + 2; later < x.length; later++) {
      if (!Double.isNaN(x[later]) && toward * (x[later] - reversalValue) < 0) {
        return OptionalInt.of(firstSession + later);
      }
    }
    return OptionalInt.empty();
  }
}
