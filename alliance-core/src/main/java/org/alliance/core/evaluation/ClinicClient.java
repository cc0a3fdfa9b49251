package org.alliance.core.evaluation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Observation;
import org.alliance.core.trend.RiskFlag;

/**
 * One simulated client: what the clinic saw (scores with measurement error, risk answers, missing
 * sessions) and the truth behind it (true scores at every session, ruptures, an eroding alliance).
 *
 * @param intakeWeek the week of the first session; session s falls in week intakeWeek + s - 1
 * @param lastSession the last session attended (earlier than planned after a dropout)
 * @param trueOutcomes true scores by measure id, indexed by session (index 0 unused)
 * @param trueAlliance true SRS totals, indexed by session (index 0 unused)
 * @param ruptures the true marked ruptures
 * @param erosion the sessions over which the alliance eroded, if it did: first and last
 */
public record ClinicClient(
    Episode observed,
    List<RiskFlag> riskFlags,
    int intakeWeek,
    int lastSession,
    Map<String, double[]> trueOutcomes,
    double[] trueAlliance,
    List<TrueRupture> ruptures,
    OptionalInt erosionStart,
    OptionalInt erosionEnd) {

  /** A true rupture: its session, depth in SRS points, and the session it was repaired at. */
  public record TrueRupture(int session, double depth, OptionalInt repairedAt) {
    /** Whether the rupture is open at this session: it started and was not yet repaired. */
    public boolean openAt(int s) {
      return session <= s && (repairedAt.isEmpty() || repairedAt.getAsInt() > s);
    }
  }

  public ClinicClient {
    requireNonNull(observed, "observed");
    riskFlags = ImmutableList.copyOf(riskFlags);
    trueOutcomes = ImmutableMap.copyOf(trueOutcomes);
    requireNonNull(trueAlliance, "trueAlliance");
    ruptures = ImmutableList.copyOf(ruptures);
    requireNonNull(erosionStart, "erosionStart");
    requireNonNull(erosionEnd, "erosionEnd");
  }

  public String client() {
    return observed.client();
  }

  /** The week a session falls in. */
  public int week(int session) {
    return intakeWeek + session - 1;
  }

  /** What the clinic had seen by the end of this session: scores and risk answers up to it. */
  public Episode observedUntil(int session) {
    return new Episode(
        observed.client(),
        observed.clinician(),
        observed.courses().stream()
            .map(
                course ->
                    new Course(
                        course.client(),
                        course.measure(),
                        course.observations().stream()
                            .filter(o -> o.session() <= session)
                            .toList()))
            .toList());
  }

  public List<RiskFlag> riskFlagsUntil(int session) {
    return riskFlags.stream().filter(flag -> flag.session() <= session).toList();
  }

  /** Whether any score was recorded at this session. */
  public boolean scoredAt(int session) {
    return observed.courses().stream()
        .anyMatch(course -> course.observations().stream().anyMatch(o -> o.session() == session));
  }

  /** The observed course of one measure. */
  public Course course(String measureId) {
    return observed.course(measureId).orElseThrow();
  }

  /** The first observed score of a course, the intake the alert rules compare with. */
  static double intake(Course course) {
    return course.first().map(Observation::score).orElseThrow();
  }
}
