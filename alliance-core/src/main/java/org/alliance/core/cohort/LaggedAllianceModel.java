package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Observation;

/**
 * Estimates the within-person lagged alliance effect: the outcome at session t+1 regressed on the
 * alliance at session t centred on the client's own mean, controlling for the outcome at t (and,
 * when asked, the session number to take out a common trend). Pooled OLS with standard errors
 * clustered by client, since one client's sessions are not independent.
 *
 * <p>Centring on the client's mean removes stable differences between clients (some clients rate
 * every alliance high), so the estimate compares a client's better and worse sessions. With few
 * sessions per client the client means are noisy and the estimate is biased (Nickell 1981); the
 * result warns when the mean series is shorter than {@value #SHORT_SERIES} session pairs.
 */
public final class LaggedAllianceModel {
  /** Mean session pairs per client below which the result warns of short-series bias. */
  public static final int SHORT_SERIES = 10;

  /** Clients below which cluster-robust standard errors are themselves unreliable. */
  public static final int FEW_CLUSTERS = 30;

  public static final String INTERCEPT = "(Intercept)";
  public static final String ALLIANCE = "alliance_within";
  public static final String OUTCOME = "outcome_now";
  public static final String SESSION = "session";

  private final boolean detrend;

  /** The model without a session trend. */
  public LaggedAllianceModel() {
    this(false);
  }

  /**
   * @param detrend whether to add the session number as a regressor
   */
  public LaggedAllianceModel(boolean detrend) {
    this.detrend = detrend;
  }

  /**
   * The lagged effect over these episodes. A row needs the alliance and the outcome at session t
   * and the outcome at session t+1 (the next session number, so a missed session breaks the pair);
   * a client needs at least two rows, since one row carries no within-person information. The
   * client mean of the alliance is taken over the client's rows, so the centred alliance sums to 0
   * within each client.
   *
   * @throws IllegalArgumentException when fewer than 2 clients or too few rows remain
   */
  public LaggedAllianceEffect estimate(
      Collection<Episode> episodes, String allianceMeasure, String outcomeMeasure) {
    checkArgument(
        !allianceMeasure.equals(outcomeMeasure),
        "the alliance and the outcome must be different measures");
    List<Double> next = new ArrayList<>();
    List<Double> alliance = new ArrayList<>();
    List<Double> now = new ArrayList<>();
    List<Double> sessions = new ArrayList<>();
    List<String> clusters = new ArrayList<>();
    int clients = 0;
    int withoutCourses = 0;
    int tooShort = 0;
    for (Episode episode : episodes) {
      Optional<Course> allianceCourse = episode.course(allianceMeasure);
      Optional<Course> outcomeCourse = episode.course(outcomeMeasure);
      if (allianceCourse.isEmpty() || outcomeCourse.isEmpty()) {
        withoutCourses++;
        continue;
      }
      int allianceSign = allianceCourse.get().measure().sign();
      int outcomeSign = outcomeCourse.get().measure().sign();
      List<double[]> rows = new ArrayList<>();
      for (Observation rating : allianceCourse.get().observations()) {
        OptionalDouble current = outcomeCourse.get().at(rating.session());
        OptionalDouble following = outcomeCourse.get().at(rating.session() + 1);
        if (current.isPresent() && following.isPresent()) {
          // Oriented so that higher is better on both, whatever each measure's direction.
          rows.add(
              new double[] {
                outcomeSign * following.getAsDouble(),
                allianceSign * rating.score(),
                outcomeSign * current.getAsDouble(),
                rating.session()
              });
        }
      }
      if (rows.size() < 2) {
        tooShort++;
        continue;
      }
      double mean = rows.stream().mapToDouble(row -> row[1]).average().orElseThrow();
      for (double[] row : rows) {
        next.add(row[0]);
        alliance.add(row[1] - mean);
        now.add(row[2]);
        sessions.add(row[3]);
        clusters.add(episode.client());
      }
      clients++;
    }
    int n = next.size();
    int k = detrend ? 4 : 3;
    checkArgument(
        clients >= 2 && n > k + 1,
        "too few data for a lagged effect: %s clients with at least 2 session pairs, %s pairs (%s episodes lack a course, %s have under 2 pairs)",
        clients,
        n,
        withoutCourses,
        tooShort);

    List<Column> regressors = new ArrayList<>();
    regressors.add(Column.constant(n));
    regressors.add(new Column(ALLIANCE, toArray(alliance)));
    regressors.add(new Column(OUTCOME, toArray(now)));
    if (detrend) {
      regressors.add(new Column(SESSION, toArray(sessions)));
    }
    RegressionFit fit =
        LeastSquares.clustered(new Column("outcome_next", toArray(next)), regressors, clusters);

    double meanLength = (double) n / clients;
    List<String> warnings = new ArrayList<>();
    if (meanLength < SHORT_SERIES) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "short series: %.1f session pairs per client on average (< %d); client means from so few sessions bias the within-person estimate (Nickell bias), so read it with caution",
              meanLength,
              SHORT_SERIES));
    }
    if (clients < FEW_CLUSTERS) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "only %d clients: standard errors clustered by client are unreliable with fewer than %d clients",
              clients,
              FEW_CLUSTERS));
    }
    if (tooShort > 0 || withoutCourses > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d clients left out: %d without both courses, %d with fewer than 2 consecutive-session pairs",
              tooShort + withoutCourses,
              withoutCourses,
              tooShort));
    }
    return new LaggedAllianceEffect(
        fit.coefficient(ALLIANCE), fit, n, clients, meanLength, detrend, warnings);
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
