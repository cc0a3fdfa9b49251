package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * The settings of the alert rules.
 *
 * @param allianceDrop the drop from the previous alliance rating that raises an alert (1 point:
 *     PCOMS practice for the SRS)
 * @param viciousWindow how many of the latest sessions the vicious-circle rule looks at (at least
 *     3)
 * @param viciousAllianceSlope the alliance must fall by at least this many points per session
 * @param viciousOutcomeSlope the outcome counts as flat or worsening when it improves by less than
 *     this per session
 * @param ruptures how ruptures are found, for the unrepaired-rupture rule
 * @param expectedCourses fitted expected courses by measure id, for the not-on-track rules
 */
public record AlertOptions(
    double allianceDrop,
    int viciousWindow,
    double viciousAllianceSlope,
    double viciousOutcomeSlope,
    RuptureFinder ruptures,
    Map<String, ExpectedCourse> expectedCourses) {
  public AlertOptions {
    checkArgument(allianceDrop > 0, "the alliance drop must be positive");
    checkArgument(viciousWindow >= 3, "the vicious-circle window needs at least 3 sessions");
    checkArgument(
        viciousAllianceSlope > 0, "the alliance slope threshold is a positive fall per session");
    checkArgument(viciousOutcomeSlope >= 0, "the outcome slope threshold cannot be negative");
    requireNonNull(ruptures, "ruptures");
    expectedCourses = ImmutableMap.copyOf(expectedCourses);
  }

  /**
   * A 1-point alliance drop; the vicious circle over the last 4 sessions with the alliance falling
   * at least 0.5 points a session and the outcome improving by less than 0.25 points a session;
   * ruptures below the instrument's cutoff or 2 SD below the client's own earlier ratings (Stiles
   * et al. 2004), with a repair window of 2 sessions; no expected courses. The 1-point drop rule is
   * left to the alliance-drop alert: as a rupture rule it would turn ordinary session-to-session
   * noise into unrepaired ruptures.
   */
  public static AlertOptions defaults() {
    RuptureFinder ruptures =
        new RuptureFinder(
            java.util.List.of(RuptureRule.belowCutoff(), RuptureRule.stiles2004()),
            RuptureFinder.DEFAULT_REPAIR_WINDOW);
    return new AlertOptions(1, 4, 0.5, 0.25, ruptures, Map.of());
  }

  public AlertOptions withExpectedCourse(ExpectedCourse course) {
    var courses = new java.util.HashMap<>(expectedCourses);
    courses.put(course.measure().id(), course);
    return new AlertOptions(
        allianceDrop, viciousWindow, viciousAllianceSlope, viciousOutcomeSlope, ruptures, courses);
  }
}
