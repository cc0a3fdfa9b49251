package org.alliance.core.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each wither of {@link AlertOptions} changes its own setting and keeps every other one. */
class AlertOptionsTest {
  private static final AlertOptions DEFAULTS = AlertOptions.defaults();

  /** Every setting but the expected courses, as a list to compare (a RuptureFinder by content). */
  private static List<Object> settings(AlertOptions options) {
    return List.of(
        options.allianceDrop(),
        options.viciousWindow(),
        options.viciousAllianceSlope(),
        options.viciousOutcomeSlope(),
        options.ruptures().rules(),
        options.ruptures().repairWindow(),
        options.ruptureMargin(),
        options.belowCutoffRatings(),
        options.belowCutoffMargin(),
        options.cautionAlerts(),
        options.expectedCourses().keySet());
  }

  /** The settings of the defaults with the ones at these positions replaced. */
  private static List<Object> defaultsWith(Object... positionsAndValues) {
    List<Object> expected = new ArrayList<>(settings(DEFAULTS));
    for (int i = 0; i < positionsAndValues.length; i += 2) {
      expected.set((Integer) positionsAndValues[i], positionsAndValues[i + 1]);
    }
    return expected;
  }

  private static void assertChanges(
      Function<AlertOptions, AlertOptions> wither, Object... positionsAndValues) {
    assertThat(settings(wither.apply(DEFAULTS))).isEqualTo(defaultsWith(positionsAndValues));
  }

  @Test
  void eachWitherChangesOnlyItsOwnSetting() {
    assertChanges(o -> o.withAllianceDrop(3), 0, 3.0);
    assertChanges(o -> o.withViciousCircle(5, 1.0, 0.5), 1, 5, 2, 1.0, 3, 0.5);
    assertChanges(
        o -> o.withRuptures(RuptureFinder.defaults().withRepairWindow(3)),
        4,
        RuptureFinder.defaults().rules(),
        5,
        3);
    assertChanges(o -> o.withRuptureMargin(1.5), 6, 1.5);
    assertChanges(o -> o.withBelowCutoffRatings(3), 7, 3);
    assertChanges(o -> o.withBelowCutoffMargin(1), 8, 1.0);
    assertChanges(o -> o.withCautionAlerts(true), 9, true);
    assertChanges(
        o -> o.withExpectedCourse(AlertFixtures.phq9ExpectedCourse()), 10, Set.of("phq-9"));
    // And the expected courses survive every other wither.
    AlertOptions fitted = AlertFixtures.optionsWithPhq9ExpectedCourse();
    assertThat(
            fitted
                .withAllianceDrop(2)
                .withViciousCircle(4, 1, 0.25)
                .withRuptures(RuptureFinder.defaults())
                .withRuptureMargin(1)
                .withBelowCutoffRatings(1)
                .withBelowCutoffMargin(1)
                .withCautionAlerts(true)
                .expectedCourses())
        .containsOnlyKeys("phq-9");
  }

  @Test
  void thePreCalibrationFixtureIsTheOldDefaults() {
    // The defaults before the calibration (git history of AlertOptions.defaults()): a 1-point
    // drop, the vicious circle at 0.5 / 0.25 over 4 sessions, ruptures below the cutoff or 2 SD
    // below the client's mean with a window of 2; the old rules had no margin, looked at the latest
    // rating alone and raised cautions.
    AlertOptions before = AlertFixtures.PRE_CALIBRATION;
    assertThat(settings(before))
        .isEqualTo(
            List.of(
                1.0,
                4,
                0.5,
                0.25,
                List.of(RuptureRule.belowCutoff(), RuptureRule.stiles2004()),
                2,
                0.0,
                1,
                0.0,
                true,
                Set.of()));
  }

  @Test
  void impossibleSettingsAreRefused() {
    assertThatThrownBy(() -> DEFAULTS.withAllianceDrop(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DEFAULTS.withViciousCircle(2, 1.5, 0.25))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DEFAULTS.withViciousCircle(4, 0, 0.25))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DEFAULTS.withViciousCircle(4, 1.5, -0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DEFAULTS.withRuptureMargin(-0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DEFAULTS.withBelowCutoffRatings(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DEFAULTS.withBelowCutoffMargin(-0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DEFAULTS.withRuptures(null)).isInstanceOf(NullPointerException.class);
    // 0 ratings below the cutoff is allowed: the rule is off.
    assertThat(
            new AlertFinder(DEFAULTS.withBelowCutoffRatings(0))
                .alerts(
                    AlertFixtures.episode(
                        "c", AlertFixtures.course("c", AlertFixtures.SRS, 20, 20)),
                    List.of()))
        .isEmpty();
  }
}
