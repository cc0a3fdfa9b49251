package org.alliance.core.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.alliance.core.instrument.Catalog;

/** Real courses, episodes and a fitted expected course for the alert tests. */
public final class AlertFixtures {
  /**
   * The alert options before the calibration of docs/alerts.md, for the tests of each rule's logic
   * at the thresholds they were written for: a 1-point alliance drop; the vicious circle over 4
   * sessions at 0.5 points a session (outcome 0.25); ruptures below the cutoff or 2 SD below the
   * client's own mean (Stiles et al. 2004), repair window 2, no margin (the alert stays while the
   * latest rating is below the pre-rupture level); below the cutoff at the latest rating alone, no
   * margin; caution alerts on.
   */
  public static final AlertOptions PRE_CALIBRATION =
      AlertOptions.defaults()
          .withAllianceDrop(1)
          .withViciousCircle(4, 0.5, 0.25)
          .withRuptures(
              new RuptureFinder(
                  List.of(RuptureRule.belowCutoff(), RuptureRule.stiles2004()),
                  RuptureFinder.DEFAULT_REPAIR_WINDOW))
          .withRuptureMargin(0)
          .withBelowCutoffRatings(1)
          .withBelowCutoffMargin(0)
          .withCautionAlerts(true);

  static final Measure SRS = measure("srs");
  static final Measure PHQ9 = measure("phq-9");
  static final Measure ORS = measure("ors");
  static final Measure CORE10 = measure("core-10");

  /** How many simulated PHQ-9 reference courses the expected course is fitted on. */
  static final int REFERENCE_CLIENTS = 150;

  /** Sessions of each simulated reference course (t = 1..12). */
  static final int REFERENCE_SESSIONS = 12;

  private static ExpectedCourse phq9ExpectedCourse;

  private AlertFixtures() {}

  static Measure measure(String instrumentId) {
    return Measure.of(Catalog.builtIn().get(instrumentId));
  }

  /** Scores at sessions 1, 2, 3, ... */
  /** The client of the alert tests' courses. */
  static final String CLIENT = "c-001";

  /** The client's SRS totals at sessions 1, 2, ... */
  static Course srs(double... totals) {
    return course(CLIENT, SRS, totals);
  }

  static Course phq9(double... totals) {
    return course(CLIENT, PHQ9, totals);
  }

  static Course ors(double... totals) {
    return course(CLIENT, ORS, totals);
  }

  static Course course(String client, Measure measure, double... scores) {
    List<Observation> observations = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      observations.add(Observation.of(i + 1, scores[i]));
    }
    return new Course(client, measure, observations);
  }

  /** Scores at the given sessions (sessions[i] gets scores[i]). */
  static Course course(String client, Measure measure, int[] sessions, double[] scores) {
    if (sessions.length != scores.length) {
      throw new IllegalArgumentException("as many sessions as scores");
    }
    List<Observation> observations = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      observations.add(Observation.of(sessions[i], scores[i]));
    }
    return new Course(client, measure, observations);
  }

  static Episode episode(String client, Course... courses) {
    return new Episode(client, Optional.empty(), List.of(courses));
  }

  /**
   * The true PHQ-9 course of the simulated reference clients (lower is better): {@code y = (1 + 0.9
   * intake) + (-1 - 0.15 intake) ln t}, so an intake of 20 is expected to fall to about 8.
   */
  static double phq9Truth(double intake, int t) {
    return 1 + 0.9 * intake + (-1 - 0.15 * intake) * Math.log(t);
  }

  /** Seeded simulated PHQ-9 reference courses: intakes 8..23, sessions 1..12, residual SD 2. */
  static List<Course> phq9Reference(int clients, long seed) {
    Random random = new Random(seed);
    List<Course> courses = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      double intake = 8 + random.nextInt(16);
      List<Observation> observations = new ArrayList<>();
      observations.add(Observation.of(1, intake));
      for (int t = 2; t <= REFERENCE_SESSIONS; t++) {
        double score = phq9Truth(intake, t) + 2 * random.nextGaussian();
        observations.add(Observation.of(t, Math.max(0, Math.min(27, score))));
      }
      courses.add(new Course("ref-" + c, PHQ9, observations));
    }
    return courses;
  }

  /**
   * The PHQ-9 expected course fitted on {@link #REFERENCE_CLIENTS} seeded reference courses, with
   * default options.
   */
  static synchronized ExpectedCourse phq9ExpectedCourse() {
    if (phq9ExpectedCourse == null) {
      phq9ExpectedCourse =
          ExpectedCourse.fit(
              PHQ9,
              phq9Reference(REFERENCE_CLIENTS, 20_240_611L),
              ExpectedCourse.Options.defaults());
    }
    return phq9ExpectedCourse;
  }

  /** The default options plus the fitted PHQ-9 expected course. */
  static AlertOptions optionsWithPhq9ExpectedCourse() {
    return AlertOptions.defaults().withExpectedCourse(phq9ExpectedCourse());
  }

  /** The pre-calibration options plus the fitted PHQ-9 expected course. */
  static AlertOptions preCalibrationWithPhq9ExpectedCourse() {
    return PRE_CALIBRATION.withExpectedCourse(phq9ExpectedCourse());
  }
}
