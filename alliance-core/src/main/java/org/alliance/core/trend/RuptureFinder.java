package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Instrument;
import org.hipparchus.stat.StatUtils;

/**
 * Finds alliance ruptures and their repairs in a course of alliance ratings, by each of its rules.
 *
 * <p>Only observed ratings count; a missing session is skipped. Ratings are read in session order,
 * with "worse" and "lower" in the measure's direction (for the SRS, lower):
 *
 * <ul>
 *   <li><b>start</b>: a rating that meets the rule starts a rupture when it is worse than the
 *       rating before it and that rating did not meet the rule (or could not be judged). A run of
 *       consecutive ratings that meet the rule is thus one rupture, starting at its first rating; a
 *       run that begins at the client's first rating starts none, since there is no pre-rupture
 *       level to measure it against (a low first rating is the score's clinical flag, not a
 *       rupture).
 *   <li><b>pre-rupture level</b>: the rating before the start.
 *   <li><b>repair</b>: the first later rating at least the pre-rupture level whose session is at
 *       most {@code repairWindow} sessions after the start (session numbers, so a missing session
 *       uses up one).
 *   <li><b>end</b>: the repair; without one, the last rating within the repair window, extended
 *       through any further ratings while they and that rating keep meeting the rule (so a run is
 *       never split).
 *   <li><b>trough</b>: the worst rating from the start to the end, the earliest if tied;
 *       <b>depth</b> is the pre-rupture level minus the trough.
 * </ul>
 *
 * A new rupture can start only after the end of the previous one of the same rule.
 */
public final class RuptureFinder {
  /** The repair window of the trend methods: two sessions. */
  public static final int DEFAULT_REPAIR_WINDOW = 2;

  private final List<RuptureRule> rules;
  private final int repairWindow;

  /**
   * @param rules the rules to apply, each on its own; ruptures are reported in this order of rules
   * @param repairWindow how many sessions after the start a repair may come (m, at least 1)
   */
  public RuptureFinder(List<RuptureRule> rules, int repairWindow) {
    this.rules = ImmutableList.copyOf(rules);
    checkArgument(!this.rules.isEmpty(), "give at least one rupture rule");
    checkArgument(repairWindow >= 1, "a repair window is at least 1 session, not %s", repairWindow);
    this.repairWindow = repairWindow;
  }

  /**
   * All three rules with their defaults: below the instrument's clinical cutoff (SRS &lt; 36), a
   * drop of at least 1 point, 2 SD below the client's own mean of at least 3 earlier ratings
   * (Stiles et al. 2004); repair within 2 sessions.
   */
  public static RuptureFinder defaults() {
    return new RuptureFinder(
        List.of(RuptureRule.belowCutoff(), RuptureRule.drop(), RuptureRule.stiles2004()),
        DEFAULT_REPAIR_WINDOW);
  }

  /** The same rules with another repair window. */
  public RuptureFinder withRepairWindow(int sessions) {
    return new RuptureFinder(rules, sessions);
  }

  public List<RuptureRule> rules() {
    return rules;
  }

  public int repairWindow() {
    return repairWindow;
  }

  /**
   * The ruptures of a whole course, rule by rule in the order of the rules, each in session order.
   */
  public List<Rupture> find(Course course) {
    requireNonNull(course, "course");
    return find(course, course.observations());
  }

  /**
   * The ruptures of sessions {@code firstSession..lastSession} (inclusive) of a course; earlier
   * ratings are not used.
   */
  public List<Rupture> find(Course course, int firstSession, int lastSession) {
    requireNonNull(course, "course");
    checkArgument(
        firstSession <= lastSession, "an empty session range %s..%s", firstSession, lastSession);
    return find(
        course,
        course.observations().stream()
            .filter(
                observation ->
                    observation.session() >= firstSession && observation.session() <= lastSession)
            .toList());
  }

  private List<Rupture> find(Course course, List<Observation> ratings) {
    List<Rupture> ruptures = new ArrayList<>();
    for (RuptureRule rule : rules) {
      ruptures.addAll(find(course, ratings, rule));
    }
    return List.copyOf(ruptures);
  }

  private List<Rupture> find(Course course, List<Observation> observations, RuptureRule rule) {
    int n = observations.size();
    int sign = course.measure().sign();
    int[] sessions = observations.stream().mapToInt(Observation::session).toArray();
    double[] ratings = observations.stream().mapToDouble(Observation::score).toArray();
    boolean[] meets = meets(course, rule, ratings, sign);

    List<Rupture> ruptures = new ArrayList<>();
    for (int start = 1; start < n; start++) {
      if (!meets[start] || meets[start - 1] || !worse(ratings[start], ratings[start - 1], sign)) {
        continue;
      }
      double level = ratings[start - 1];
      int lastInWindow = start;
      int repair = -1;
      for (int later = start + 1;
          later < n && sessions[later] <= sessions[start] + repairWindow;
          later++) {
        if (sign * (ratings[later] - level) >= 0) {
          repair = later;
          break;
        }
        lastInWindow = later;
      }
      int end = repair;
      if (repair < 0) {
        end = lastInWindow;
        while (end + 1 < n && meets[end] && meets[end + 1]) {
          end++;
        }
      }
      int trough = start;
      for (int index = start + 1; index <= end && index != repair; index++) {
        if (worse(ratings[index], ratings[trough], sign)) {
          trough = index;
        }
      }
      ruptures.add(
          new Rupture(
              rule,
              sessions[start - 1],
              level,
              sessions[start],
              ratings[start],
              sessions[trough],
              ratings[trough],
              sign * (level - ratings[trough]),
              repair < 0 ? OptionalInt.empty() : OptionalInt.of(sessions[repair]),
              sessions[end]));
      // The next rupture of this rule can start only after this one ends.
      start = end;
    }
    return ruptures;
  }

  private static boolean worse(double rating, double than, int sign) {
    return sign * (rating - than) < 0;
  }

  /** Whether each rating meets the rule; a rating the rule cannot judge does not meet it. */
  private static boolean[] meets(Course course, RuptureRule rule, double[] ratings, int sign) {
    boolean[] meets = new boolean[ratings.length];
    if (rule instanceof RuptureRule.BelowCutoff below) {
      Cutoff cutoff = below.cutoff().orElseGet(() -> instrumentCutoff(course));
      for (int i = 0; i < ratings.length; i++) {
        meets[i] = cutoff.isClinical(ratings[i]);
      }
    } else if (rule instanceof RuptureRule.Drop drop) {
      for (int i = 1; i < ratings.length; i++) {
        // Tenths are compared after rounding, so 36.8 -> 31.8 is a fall of exactly 5.
        meets[i] = Math.round(sign * (ratings[i - 1] - ratings[i]) * 1e6) / 1e6 >= drop.points();
      }
    } else if (rule instanceof RuptureRule.Deviation deviation) {
      for (int i = deviation.minimumEarlier(); i < ratings.length; i++) {
        double[] earlier = Arrays.copyOfRange(ratings, 0, i);
        double mean = StatUtils.mean(earlier);
        double sd = Math.sqrt(StatUtils.variance(earlier));
        double below = sign * (ratings[i] - mean);
        // The strict "below the mean" keeps a client whose ratings never varied from rupturing by
        // repeating them.
        meets[i] = below <= -deviation.z() * sd && below < 0;
      }
    } else {
      throw new IllegalStateException("unknown rupture rule " + rule);
    }
    return meets;
  }

  private static Cutoff instrumentCutoff(Course course) {
    return course
        .measure()
        .instrument()
        .flatMap(Instrument::clinicalCutoff)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "measure "
                        + course.measure().id()
                        + " has no clinical cutoff: give the BELOW_CUTOFF rule one"));
  }
}
