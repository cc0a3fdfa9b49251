package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * The expected treatment response of Finch, Lambert and Schaalje (2001), fitted on reference
 * courses: {@code y(t) = (g00 + g01 * intake) + (g10 + g11 * intake) * ln(t)}, where t counts
 * sessions from 1 at intake, with a tolerance band from the spread of the residuals at each
 * session. It tells, for a new client, whether each session's score is on track, worth caution, or
 * not on track.
 *
 * @param intercept g00
 * @param intakeSlope g01
 * @param logSlope g10
 * @param intakeByLogSlope g11
 * @param residualSd the residual SD at each t that had at least {@link Options#minPerSession}
 *     residuals
 * @param pooledSd the residual SD over all sessions, used where a session had too few
 * @param episodes how many reference courses the fit used
 * @param observations how many scores after intake the fit used
 * @param maxT the last t the reference data reached; later sessions use the band at maxT
 */
public record ExpectedCourse(
    Measure measure,
    double intercept,
    double intakeSlope,
    double logSlope,
    double intakeByLogSlope,
    Map<Integer, Double> residualSd,
    double pooledSd,
    int episodes,
    int observations,
    int maxT,
    Options options) {

  /**
   * How to fit and classify.
   *
   * @param minEpisodes refuse to fit on fewer reference courses with at least two scores
   * @param minObservations refuse to fit on fewer scores after intake
   * @param minPerSession a session's own residual SD is used only with at least this many residuals
   * @param notOnTrackPercentile worse than this percentile of similar clients is not on track (e.g.
   *     0.90)
   * @param cautionPercentile worse than this percentile is caution (e.g. 0.75)
   */
  public record Options(
      int minEpisodes,
      int minObservations,
      int minPerSession,
      double notOnTrackPercentile,
      double cautionPercentile) {
    public Options {
      checkArgument(
          minEpisodes >= 2 && minObservations >= 5, "a fit needs at least 2 episodes and 5 scores");
      checkArgument(minPerSession >= 2, "a session SD needs at least 2 residuals");
      checkArgument(
          cautionPercentile > 0.5
              && notOnTrackPercentile > cautionPercentile
              && notOnTrackPercentile < 1,
          "percentiles must satisfy 0.5 < caution < not-on-track < 1");
    }

    /**
     * 30 reference courses and 200 scores at least; not on track beyond the 90th percentile,
     * caution beyond the 75th.
     */
    public static Options defaults() {
      return new Options(30, 200, 20, 0.90, 0.75);
    }
  }

  /** The expected score and the two band edges on the worse side, at one session. */
  public record Band(int t, double expected, double caution, double notOnTrack) {}

  public ExpectedCourse {
    requireNonNull(measure, "measure");
    residualSd = ImmutableMap.copyOf(residualSd);
    requireNonNull(options, "options");
  }

  /**
   * Fits the model on reference courses of one measure. The first score of each course is its
   * intake.
   *
   * @throws IllegalArgumentException when there are too few courses or scores, saying how many
   *     there were
   */
  public static ExpectedCourse fit(Measure measure, List<Course> reference, Options options) {
    List<double[]> rows = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    List<Integer> ts = new ArrayList<>();
    int episodes = 0;
    for (Course course : reference) {
      checkArgument(
          course.measure().id().equals(measure.id()),
          "a reference course of %s in a fit of %s",
          course.measure().id(),
          measure.id());
      if (course.observations().size() < 2) {
        continue;
      }
      episodes++;
      Observation intake = course.observations().get(0);
      for (Observation observation :
          course.observations().subList(1, course.observations().size())) {
        int t = observation.session() - intake.session() + 1;
        double log = Math.log(t);
        rows.add(new double[] {intake.score(), log, intake.score() * log});
        ys.add(observation.score());
        ts.add(t);
      }
    }
    if (episodes < options.minEpisodes() || rows.size() < options.minObservations()) {
      throw new IllegalArgumentException(
          "the expected course of "
              + measure.id()
              + " needs at least "
              + options.minEpisodes()
              + " reference episodes with two or more scores and "
              + options.minObservations()
              + " scores after intake; the reference data has "
              + episodes
              + " and "
              + rows.size());
    }
    OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
    double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
    regression.newSampleData(y, rows.toArray(new double[0][]));
    double[] g = regression.estimateRegressionParameters();
    double[] residuals = regression.estimateResiduals();

    Map<Integer, List<Double>> byT = new HashMap<>();
    double sumSquares = 0;
    int maxT = 0;
    for (int i = 0; i < residuals.length; i++) {
      byT.computeIfAbsent(ts.get(i), key -> new ArrayList<>()).add(residuals[i]);
      sumSquares += residuals[i] * residuals[i];
      maxT = Math.max(maxT, ts.get(i));
    }
    // Four parameters were estimated from all residuals together.
    double pooledSd = Math.sqrt(sumSquares / (residuals.length - 4));
    Map<Integer, Double> sdByT = new HashMap<>();
    byT.forEach(
        (t, values) -> {
          if (values.size() >= options.minPerSession()) {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double squares =
                values.stream().mapToDouble(value -> (value - mean) * (value - mean)).sum();
            sdByT.put(t, Math.sqrt(squares / (values.size() - 1)));
          }
        });
    return new ExpectedCourse(
        measure, g[0], g[1], g[2], g[3], sdByT, pooledSd, episodes, rows.size(), maxT, options);
  }

  /** The expected score at session t (1 = intake) for a client with this intake score. */
  public double expected(double intake, int t) {
    checkArgument(t >= 1, "t counts sessions from 1 at intake: %s", t);
    double log = Math.log(t);
    return intercept + intakeSlope * intake + (logSlope + intakeByLogSlope * intake) * log;
  }

  /** The expected score and band edges at session t. */
  public Band band(double intake, int t) {
    int at = Math.min(t, maxT);
    double sd = residualSd.getOrDefault(at, pooledSd);
    NormalDistribution normal = new NormalDistribution();
    // The band lies on the side where scores are worse: below when higher is better.
    double worse = -measure.sign();
    double expected = expected(intake, t);
    return new Band(
        t,
        expected,
        expected + worse * normal.inverseCumulativeProbability(options.cautionPercentile()) * sd,
        expected
            + worse * normal.inverseCumulativeProbability(options.notOnTrackPercentile()) * sd);
  }

  /** The status of a score at session t against this course. */
  public TrackStatus status(double intake, int t, double score) {
    if (t <= 1) {
      return TrackStatus.ON_TRACK;
    }
    Band band = band(intake, t);
    int sign = measure.sign();
    if (sign * score < sign * band.notOnTrack()) {
      return TrackStatus.NOT_ON_TRACK;
    }
    if (sign * score < sign * band.caution()) {
      return TrackStatus.CAUTION;
    }
    return TrackStatus.ON_TRACK;
  }

  /** The status of every session of a course; its first score is the intake. */
  public List<SessionStatus> classify(Course course) {
    checkArgument(
        course.measure().id().equals(measure.id()),
        "a course of %s against the expected course of %s",
        course.measure().id(),
        measure.id());
    List<SessionStatus> statuses = new ArrayList<>();
    if (course.isEmpty()) {
      return statuses;
    }
    Observation intake = course.observations().get(0);
    for (Observation observation : course.observations()) {
      int t = observation.session() - intake.session() + 1;
      Band band = band(intake.score(), t);
      statuses.add(
          new SessionStatus(
              observation.session(),
              observation.score(),
              band,
              status(intake.score(), t, observation.score())));
    }
    return statuses;
  }

  /** One session's score, its band, and its status. */
  public record SessionStatus(int session, double score, Band band, TrackStatus status) {}
}
