package org.alliance.core.trend;

import static org.alliance.core.trend.AlertFixtures.CLIENT;
import static org.alliance.core.trend.AlertFixtures.CORE10;
import static org.alliance.core.trend.AlertFixtures.PHQ9;
import static org.alliance.core.trend.AlertFixtures.SRS;
import static org.alliance.core.trend.AlertFixtures.course;
import static org.alliance.core.trend.AlertFixtures.episode;
import static org.alliance.core.trend.AlertFixtures.ors;
import static org.alliance.core.trend.AlertFixtures.phq9;
import static org.alliance.core.trend.AlertFixtures.srs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every alert rule through {@link AlertFinder#alerts} on real courses and episodes, at and one step
 * short of its threshold. The rules' logic is tested at the thresholds before calibration ({@link
 * AlertFixtures#PRE_CALIBRATION}: a 1-point drop, a vicious circle at 0.5 points a session,
 * ruptures below the cutoff or 2 SD below the client's mean, the latest rating alone below the
 * cutoff), which give small examples; {@link AlertDefaultsTest} tests the calibrated defaults at
 * their own edges.
 */
class AlertFinderTest {
  private static final AlertFinder PRE_CALIBRATION = new AlertFinder(AlertFixtures.PRE_CALIBRATION);

  private static List<Alert> alerts(Episode episode, RiskFlag... flags) {
    return PRE_CALIBRATION.alerts(episode, List.of(flags));
  }

  private static List<AlertRule> rules(List<Alert> alerts) {
    return alerts.stream().map(Alert::rule).toList();
  }

  /** The one alert of a rule. */
  private static Alert only(List<Alert> alerts, AlertRule rule) {
    List<Alert> found = alerts.stream().filter(alert -> alert.rule() == rule).toList();
    assertThat(found).as("alerts of %s in %s", rule, alerts).hasSize(1);
    return found.get(0);
  }

  @Nested
  class AllianceDrop {
    @Test
    void aDropOfExactlyOnePointInTenthsFires() {
      // 36.1 - 35.1 is 1.0000000000000014 in binary; the rule compares after rounding.
      Alert alert = only(alerts(episode(CLIENT, srs(36.1, 35.1))), AlertRule.ALLIANCE_DROP);

      assertThat(alert.client()).isEqualTo(CLIENT);
      assertThat(alert.measure()).isEqualTo("srs");
      assertThat(alert.session()).isEqualTo(2);
      assertThat(alert.numbers())
          .containsExactly(
              entry("previous", 36.1),
              entry("latest", 35.1),
              entry("drop", 1.0),
              entry("threshold", 1.0));
      assertThat(alert.explanation()).isEqualTo("SRS dropped 1 point from session 1 to session 2");
    }

    @Test
    void aDropOfNineTenthsDoesNotFire() {
      assertThat(rules(alerts(episode(CLIENT, srs(36.0, 35.1)))))
          .doesNotContain(AlertRule.ALLIANCE_DROP);
      assertThat(rules(alerts(episode(CLIENT, srs(40, 39.1))))).isEmpty();
    }

    @Test
    void onlyTheLastTwoRatingsCount() {
      // A big drop earlier, then a rise: nothing to say about the latest session.
      assertThat(rules(alerts(episode(CLIENT, srs(40, 37.5, 38.5)))))
          .doesNotContain(AlertRule.ALLIANCE_DROP);
      // Across a missing session the previous observed rating is used.
      Course gap = course(CLIENT, SRS, new int[] {1, 2, 5}, new double[] {39, 39, 37.5});
      Alert alert = only(alerts(episode(CLIENT, gap)), AlertRule.ALLIANCE_DROP);
      assertThat(alert.session()).isEqualTo(5);
      assertThat(alert.numbers().get("drop")).isEqualTo(1.5);
    }

    @Test
    void aSingleRatingCannotDrop() {
      assertThat(alerts(episode(CLIENT, srs(37)))).isEmpty();
    }
  }

  @Nested
  class AllianceBelowCutoff {
    @Test
    void anSrsOf35Point9IsBelowTheCutoffOf36() {
      Alert alert = only(alerts(episode(CLIENT, srs(36.5, 35.9))), AlertRule.ALLIANCE_BELOW_CUTOFF);

      assertThat(alert.measure()).isEqualTo("srs");
      assertThat(alert.session()).isEqualTo(2);
      assertThat(alert.numbers())
          .containsExactly(entry("score", 35.9), entry("cutoff", 36.0), entry("ratings", 1.0));
      assertThat(alert.explanation())
          .contains("SRS 35.9 at session 2")
          .contains("past the cutoff of 36 (below 36 is a concern)")
          .doesNotContain("srs");
    }

    @Test
    void anSrsOfExactly36IsNotBelowTheCutoff() {
      assertThat(rules(alerts(episode(CLIENT, srs(36.5, 36.0))))).isEmpty();
    }

    @Test
    void onlyTheLatestRatingCounts() {
      assertThat(rules(alerts(episode(CLIENT, srs(35, 38)))))
          .doesNotContain(AlertRule.ALLIANCE_BELOW_CUTOFF);
    }
  }

  @Nested
  class ReliableDeterioration {
    @Test
    void aPhq9RiseOfExactlySixFires() {
      Alert alert =
          only(alerts(episode(CLIENT, phq9(10, 12, 16))), AlertRule.RELIABLE_DETERIORATION);

      assertThat(alert.measure()).isEqualTo("phq-9");
      assertThat(alert.session()).isEqualTo(3);
      assertThat(alert.numbers())
          .containsExactly(
              entry("intake", 10.0),
              entry("latest", 16.0),
              entry("change", 6.0),
              entry("threshold", 6.0));
      assertThat(alert.explanation())
          .isEqualTo(
              "PHQ-9 went from 10 at session 1 to 16 at session 3: worse by at least the reliable change of 6");
    }

    @Test
    void aPhq9RiseOfFiveDoesNotFire() {
      assertThat(rules(alerts(episode(CLIENT, phq9(10, 12, 15))))).isEmpty();
    }

    @Test
    void anImprovementNeverFires() {
      assertThat(rules(alerts(episode(CLIENT, phq9(16, 10))))).isEmpty();
      assertThat(rules(alerts(episode(CLIENT, phq9(25, 20, 3))))).isEmpty();
    }

    @Test
    void theChangeRunsFromTheFirstToTheLastScore() {
      // A worse session in between does not count; a rise from intake does, whatever came between.
      assertThat(rules(alerts(episode(CLIENT, phq9(10, 20, 12))))).isEmpty();
      Alert alert =
          only(alerts(episode(CLIENT, phq9(10, 4, 16))), AlertRule.RELIABLE_DETERIORATION);
      assertThat(alert.numbers().get("change")).isEqualTo(6.0);
    }

    @Test
    void anOrsFallOfExactlyFiveFiresWhenHigherIsBetter() {
      Alert alert =
          only(alerts(episode(CLIENT, ors(30, 28, 25))), AlertRule.RELIABLE_DETERIORATION);

      assertThat(alert.measure()).isEqualTo("ors");
      assertThat(alert.numbers())
          .containsExactly(
              entry("intake", 30.0),
              entry("latest", 25.0),
              entry("change", -5.0),
              entry("threshold", 5.0));
    }

    @Test
    void anOrsFallOfExactlyFiveInTenthsFires() {
      // 25.1 - 30.1 is -5.000000000000002 or so in binary; still exactly the threshold.
      Alert alert =
          only(alerts(episode(CLIENT, ors(30.1, 25.1))), AlertRule.RELIABLE_DETERIORATION);
      assertThat(alert.numbers().get("change")).isCloseTo(-5.0, within(1e-9));
    }

    @Test
    void anOrsFallOf4Point9OrAnOrsRiseDoesNotFire() {
      assertThat(rules(alerts(episode(CLIENT, ors(30, 25.1))))).isEmpty();
      assertThat(rules(alerts(episode(CLIENT, ors(20, 35))))).isEmpty();
    }

    @Test
    void aSingleScoreCannotDeteriorate() {
      assertThat(alerts(episode(CLIENT, phq9(27)))).isEmpty();
    }
  }

  @Nested
  class CriticalItem {
    @Test
    void aRiskItemAtTheLatestSessionFires() {
      Alert alert =
          only(
              alerts(
                  episode(CLIENT, phq9(15, 14, 14, 13, 13)), new RiskFlag(5, "phq-9", "phq9_9", 2)),
              AlertRule.CRITICAL_ITEM);

      assertThat(alert.measure()).isEqualTo("phq-9");
      assertThat(alert.session()).isEqualTo(5);
      assertThat(alert.numbers()).containsExactly(entry("answer", 2.0), entry("threshold", 0.0));
      assertThat(alert.explanation())
          .isEqualTo(
              "PHQ-9 risk question \"Thoughts of death or self-harm\" answered 2 at session 5:"
                  + " check the client's safety, following the clinic's risk protocol");
      // Plain words: the item's id is not in the sentence.
      assertThat(alert.explanation()).doesNotContain("phq9_9");
    }

    @Test
    void anOldFlagDoesNotFireOnceALaterSessionOfItsInstrumentExists() {
      assertThat(
              alerts(
                  episode(CLIENT, phq9(15, 14, 14, 13, 13)), new RiskFlag(2, "phq-9", "phq9_9", 1)))
          .isEmpty();
      // Without the later sessions the same flag is the latest, and fires.
      assertThat(
              rules(alerts(episode(CLIENT, phq9(15, 14)), new RiskFlag(2, "phq-9", "phq9_9", 1))))
          .containsExactly(AlertRule.CRITICAL_ITEM);
    }

    @Test
    void ofTwoFlagsOnlyTheLatestFires() {
      List<Alert> alerts =
          alerts(
              episode(CLIENT, phq9(15, 14, 14, 13, 13)),
              new RiskFlag(2, "phq-9", "phq9_9", 3),
              new RiskFlag(5, "phq-9", "phq9_9", 1));

      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).session()).isEqualTo(5);
      assertThat(alerts.get(0).numbers().get("answer")).isEqualTo(1.0);
    }

    @Test
    void aFlagWithoutACourseStillFires() {
      // CORE-10 was given only at session 3 and its total could not be scored: only the flag is
      // known.
      Alert alert =
          only(
              alerts(
                  episode(CLIENT, phq9(15, 14, 14, 13, 13)),
                  new RiskFlag(3, "core-10", "core10_6", 1)),
              AlertRule.CRITICAL_ITEM);

      assertThat(alert.measure()).isEqualTo("core-10");
      assertThat(alert.session()).isEqualTo(3);
      assertThat(alert.explanation())
          .contains("CORE-10 risk question answered 1 at session 3")
          .doesNotContain("core10_6");
    }

    @Test
    void aFlagAfterTheLastScoredSessionOfItsCourseStillFires() {
      // The PHQ-9 total of session 6 was invalid (an item missing), but item 9 was answered.
      Alert alert =
          only(
              alerts(
                  episode(CLIENT, phq9(15, 14, 14, 13, 13)), new RiskFlag(6, "phq-9", "phq9_9", 1)),
              AlertRule.CRITICAL_ITEM);
      assertThat(alert.session()).isEqualTo(6);
    }

    @Test
    void eachInstrumentHasItsOwnLatestSession() {
      Episode episode =
          episode(CLIENT, phq9(15, 14, 14, 13, 13), course(CLIENT, CORE10, 18, 17, 16));
      List<Alert> alerts =
          alerts(
              episode,
              new RiskFlag(5, "phq-9", "phq9_9", 1),
              new RiskFlag(3, "core-10", "core10_6", 2));

      // Both fire; same urgency, so ordered by measure.
      assertThat(alerts)
          .extracting(Alert::rule, Alert::measure, Alert::session)
          .containsExactly(
              tuple(AlertRule.CRITICAL_ITEM, "core-10", 3),
              tuple(AlertRule.CRITICAL_ITEM, "phq-9", 5));
      assertThat(alerts.get(0).explanation()).contains("risk question \"Plans to end my life\"");
    }
  }

  @Nested
  class ViciousCircle {
    @Test
    void anSrsFallingHalfAPointASessionWhileThePhq9IsFlatFires() {
      Alert alert =
          only(
              alerts(episode(CLIENT, srs(40, 39.5, 39, 38.5), phq9(15, 15, 15, 15))),
              AlertRule.VICIOUS_CIRCLE);

      assertThat(alert.measure()).isEqualTo("srs+phq-9");
      assertThat(alert.session()).isEqualTo(4);
      assertThat(alert.numbers())
          .containsOnlyKeys(
              "allianceSlope",
              "allianceSlopeThreshold",
              "outcomeImprovementSlope",
              "outcomeSlopeThreshold",
              "firstSession",
              "lastSession");
      assertThat(alert.numbers().get("allianceSlope")).isEqualTo(-0.5);
      assertThat(alert.numbers().get("allianceSlopeThreshold")).isEqualTo(-0.5);
      assertThat(alert.numbers().get("outcomeImprovementSlope")).isCloseTo(0.0, within(1e-12));
      assertThat(alert.numbers().get("outcomeSlopeThreshold")).isEqualTo(0.25);
      assertThat(alert.numbers().get("firstSession")).isEqualTo(1.0);
      assertThat(alert.numbers().get("lastSession")).isEqualTo(4.0);
      assertThat(alert.explanation())
          .startsWith(
              "SRS fell 0.5 points a session over sessions 1-4 while PHQ-9 did not improve");
    }

    @Test
    void aWorseningPhq9Fires() {
      Alert alert =
          only(
              alerts(episode(CLIENT, srs(39, 38, 37, 36), phq9(12, 13, 14, 15))),
              AlertRule.VICIOUS_CIRCLE);

      assertThat(alert.numbers().get("allianceSlope")).isCloseTo(-1.0, within(1e-12));
      assertThat(alert.numbers().get("outcomeImprovementSlope")).isCloseTo(-1.0, within(1e-12));
      assertThat(alert.explanation()).contains("PHQ-9 did not improve (1 point a session worse)");
    }

    @Test
    void aPhq9ImprovingByLessThanAQuarterPointASessionFires() {
      Alert alert =
          only(
              alerts(episode(CLIENT, srs(40, 39, 38, 37), phq9(20, 19.8, 19.6, 19.4))),
              AlertRule.VICIOUS_CIRCLE);

      assertThat(alert.numbers().get("outcomeImprovementSlope")).isCloseTo(0.2, within(1e-9));
      assertThat(alert.explanation()).contains("PHQ-9 barely improved (0.2 points a session)");
    }

    @Test
    void aPhq9ImprovingByAQuarterPointASessionOrMoreDoesNotFire() {
      assertThat(
              rules(alerts(episode(CLIENT, srs(40, 39.5, 39, 38.5), phq9(20, 19.75, 19.5, 19.25)))))
          .doesNotContain(AlertRule.VICIOUS_CIRCLE);
      assertThat(rules(alerts(episode(CLIENT, srs(40, 39.5, 39, 38.5), phq9(20, 19, 18, 17)))))
          .doesNotContain(AlertRule.VICIOUS_CIRCLE);
    }

    @Test
    void anAllianceFallingByLessThanHalfAPointASessionDoesNotFire() {
      assertThat(rules(alerts(episode(CLIENT, srs(40, 39.6, 39.2, 38.8), phq9(15, 16, 17, 18)))))
          .doesNotContain(AlertRule.VICIOUS_CIRCLE);
    }

    @Test
    void fewerThanThreeAllianceRatingsDoNotFire() {
      List<Alert> alerts = alerts(episode(CLIENT, srs(40, 38), phq9(15, 18)));
      assertThat(rules(alerts))
          .doesNotContain(AlertRule.VICIOUS_CIRCLE)
          .contains(AlertRule.ALLIANCE_DROP);
    }

    @Test
    void threeAllianceRatingsAreEnough() {
      Alert alert =
          only(
              alerts(episode(CLIENT, srs(40, 39, 38), phq9(15, 15, 15))), AlertRule.VICIOUS_CIRCLE);
      assertThat(alert.numbers().get("firstSession")).isEqualTo(1.0);
      assertThat(alert.numbers().get("lastSession")).isEqualTo(3.0);
    }

    @Test
    void onlyTheLastFourAllianceRatingsCount() {
      // Over all six sessions the SRS rises; over the last four it falls half a point a session.
      Alert alert =
          only(
              alerts(
                  episode(CLIENT, srs(30, 34, 40, 39.5, 39, 38.5), phq9(15, 15, 15, 15, 15, 15))),
              AlertRule.VICIOUS_CIRCLE);

      assertThat(alert.session()).isEqualTo(6);
      assertThat(alert.numbers().get("firstSession")).isEqualTo(3.0);
      assertThat(alert.numbers().get("lastSession")).isEqualTo(6.0);
      assertThat(alert.numbers().get("allianceSlope")).isCloseTo(-0.5, within(1e-12));
      // And a fall before the window does not count.
      assertThat(
              rules(
                  alerts(
                      episode(
                          CLIENT,
                          srs(40, 37, 36.5, 36.5, 36.5, 36.5),
                          phq9(15, 15, 15, 15, 15, 15)))))
          .doesNotContain(AlertRule.VICIOUS_CIRCLE);
    }

    @Test
    void onlyOutcomeScoresWithinTheAllianceWindowCount() {
      // The PHQ-9 fell steeply before session 3, and is flat from session 3 to 6.
      assertThat(
              rules(
                  alerts(
                      episode(
                          CLIENT, srs(40, 40, 40, 39.5, 39, 38.5), phq9(27, 20, 15, 15, 15, 15)))))
          .contains(AlertRule.VICIOUS_CIRCLE);
      // With fewer than two outcome scores in the window there is nothing to judge.
      Course early = course(CLIENT, PHQ9, new int[] {1, 2, 3}, new double[] {15, 15, 15});
      assertThat(rules(alerts(episode(CLIENT, srs(40, 40, 40, 39.5, 39, 38.5), early))))
          .doesNotContain(AlertRule.VICIOUS_CIRCLE);
    }

    @Test
    void withAHigherIsBetterOutcomeAFallingOrsFiresAndARisingOneDoesNot() {
      Alert alert =
          only(
              alerts(episode(CLIENT, srs(40, 39, 38, 37), ors(25, 24, 23, 22))),
              AlertRule.VICIOUS_CIRCLE);
      assertThat(alert.measure()).isEqualTo("srs+ors");
      assertThat(alert.numbers().get("outcomeImprovementSlope")).isCloseTo(-1.0, within(1e-12));

      assertThat(rules(alerts(episode(CLIENT, srs(40, 39, 38, 37), ors(20, 21, 22, 23)))))
          .doesNotContain(AlertRule.VICIOUS_CIRCLE);
    }

    @Test
    void noOutcomeCourseNoViciousCircle() {
      assertThat(rules(alerts(episode(CLIENT, srs(40, 39.5, 39, 38.5)))))
          .doesNotContain(AlertRule.VICIOUS_CIRCLE);
    }

    @Test
    void anSrsFallingExactlyHalfAPointASessionInTenthsFires() {
      // Regression (was a bug): AlertFinder.viciousCircle compares the raw least-squares slope with
      // -0.5, without the rounding that
      // AlertFinder.drop applies to the same SRS tenths. SRS 33.3, 32.8, 32.3, 31.8 falls exactly
      // 0.5 a session
      // (the same step as 40, 39.5, 39, 38.5, which fires), but SimpleRegression returns
      // -0.49999999999999895,
      // a hair above -0.5, so no vicious circle is raised while the PHQ-9 is flat. The same
      // happens for 32.3-30.8, 32.8-31.3, 16.4-14.9, 8.2-6.7 and other starting points. Expected: a
      // fall of
      // exactly 0.5 a session is "at least 0.5" and fires.
      List<Alert> alerts =
          alerts(episode(CLIENT, srs(33.3, 32.8, 32.3, 31.8), phq9(15, 15, 15, 15)));

      assertThat(rules(alerts)).contains(AlertRule.VICIOUS_CIRCLE);
    }

    @Test
    void anOrsImprovingExactlyAQuarterPointASessionInTenthsDoesNotFire() {
      // Regression (was a bug): ORS 15.0, 15.1, 15.5, 15.7 improves by exactly 0.25 a session
      // (least-squares slope
      // (-1.5*15 - 0.5*15.1 + 0.5*15.5 + 1.5*15.7) / 5 = 1.25 / 5 = 0.25), so the outcome is not
      // "flat or
      // worsening" (improves by less than 0.25). AlertFinder.viciousCircle compares the raw
      // SimpleRegression
      // slope 0.24999999999999928 with 0.25 and raises the alert
      // (outcomeImprovementSlope=0.24999999999999928).
      // Expected: no vicious circle, as for PHQ-9 20, 19.75, 19.5, 19.25 (also exactly 0.25 a
      // session).
      List<Alert> alerts =
          alerts(episode(CLIENT, srs(39.5, 39, 38.5, 38), ors(15.0, 15.1, 15.5, 15.7)));

      assertThat(rules(alerts)).doesNotContain(AlertRule.VICIOUS_CIRCLE);
    }
  }

  @Nested
  class UnrepairedRupture {
    @Test
    void doesNotFireBeforeTheRepairWindowHasPassed() {
      // A rupture starts at session 3 (34 < 36); sessions 4 and 5 may still repair it.
      List<Alert> alerts = alerts(episode(CLIENT, srs(39, 39, 34, 35)));
      assertThat(rules(alerts))
          .doesNotContain(AlertRule.UNREPAIRED_RUPTURE)
          .contains(AlertRule.ALLIANCE_BELOW_CUTOFF);
    }

    @Test
    void firesOnceTheRepairWindowOfTwoSessionsHasPassed() {
      Alert alert =
          only(alerts(episode(CLIENT, srs(39, 39, 34, 35, 35))), AlertRule.UNREPAIRED_RUPTURE);

      assertThat(alert.measure()).isEqualTo("srs");
      assertThat(alert.session()).as("the start of the rupture").isEqualTo(3);
      assertThat(alert.numbers())
          .containsExactly(
              entry("preRuptureLevel", 39.0),
              entry("trough", 34.0),
              entry("depth", 5.0),
              entry("startSession", 3.0),
              entry("repairWindow", 2.0));
      assertThat(alert.explanation())
          .isEqualTo(
              "SRS fell from 39 to 34 at session 3, did not come back within 2 sessions, and is"
                  + " still below 39. Rupture rule: a rating below 36, the cutoff. Raise the"
                  + " relationship openly in the next session.");
    }

    @Test
    void withoutTheDropRuleAOnePointDropAloneIsNoRupture() {
      // The pre-calibration options find ruptures below the cutoff or 2 SD below the client's own
      // mean, not by the 1-point drop rule: 39, 38, 37.5, 37.2 never comes back to 39 but is no
      // unrepaired rupture.
      Episode episode = episode(CLIENT, srs(39, 38, 37.5, 37.2));
      assertThat(rules(alerts(episode))).isEmpty();

      // With the drop rule among the rupture rules the same course has an unrepaired rupture from
      // session 2.
      AlertOptions withDrop = AlertFixtures.PRE_CALIBRATION.withRuptures(RuptureFinder.defaults());
      Alert alert =
          only(new AlertFinder(withDrop).alerts(episode, List.of()), AlertRule.UNREPAIRED_RUPTURE);
      assertThat(alert.session()).isEqualTo(2);
      assertThat(alert.explanation()).contains("a drop of 1 point or more");
    }

    @Test
    void aMissingSessionUsesUpTheWindow() {
      Course gap = course(CLIENT, SRS, new int[] {1, 2, 3, 5}, new double[] {39, 39, 34, 35});
      assertThat(rules(alerts(episode(CLIENT, gap)))).contains(AlertRule.UNREPAIRED_RUPTURE);
    }

    @Test
    void aRepairedRuptureDoesNotFire() {
      // Repaired at session 4, and at the last chance (session 5).
      assertThat(rules(alerts(episode(CLIENT, srs(39, 39, 34, 39, 39, 39))))).isEmpty();
      assertThat(rules(alerts(episode(CLIENT, srs(39, 39, 34, 35, 39, 39))))).isEmpty();
    }

    @Test
    void aReturnJustAfterTheWindowIsNoRepairButEndsTheAlert() {
      // Not back to 39 within two sessions: unrepaired, and alerted while the rating stays below
      // 39.
      assertThat(rules(alerts(episode(CLIENT, srs(39, 39, 34, 35, 37, 38.9)))))
          .containsExactly(AlertRule.UNREPAIRED_RUPTURE);
      // Back at the pre-rupture level by now: the rupture stays unrepaired in the record, but needs
      // no alert.
      assertThat(rules(alerts(episode(CLIENT, srs(39, 39, 34, 35, 37, 39)))))
          .doesNotContain(AlertRule.UNREPAIRED_RUPTURE);
    }

    @Test
    void aLongerRepairWindowWaitsLonger() {
      AlertOptions before = AlertFixtures.PRE_CALIBRATION;
      AlertOptions three = before.withRuptures(before.ruptures().withRepairWindow(3));
      Episode episode = episode(CLIENT, srs(39, 39, 34, 35, 35));

      assertThat(rules(new AlertFinder(three).alerts(episode, List.of())))
          .doesNotContain(AlertRule.UNREPAIRED_RUPTURE);
      Alert alert =
          only(
              new AlertFinder(three)
                  .alerts(episode(CLIENT, srs(39, 39, 34, 35, 35, 35)), List.of()),
              AlertRule.UNREPAIRED_RUPTURE);
      assertThat(alert.numbers().get("repairWindow")).isEqualTo(3.0);
    }
  }

  @Nested
  class OffTrack {
    private final ExpectedCourse expected = AlertFixtures.phq9ExpectedCourse();
    private final AlertFinder finder =
        new AlertFinder(AlertFixtures.preCalibrationWithPhq9ExpectedCourse());

    @Test
    void theFitUsesTheSimulatedReferenceCourses() {
      assertThat(expected.episodes()).isEqualTo(AlertFixtures.REFERENCE_CLIENTS);
      assertThat(expected.observations())
          .isEqualTo(AlertFixtures.REFERENCE_CLIENTS * (AlertFixtures.REFERENCE_SESSIONS - 1));
      assertThat(expected.measure().id()).isEqualTo("phq-9");
      // Sanity: the fit recovers the simulated course, and lower is better so the band lies above
      // it.
      assertThat(expected.expected(20, 6)).isCloseTo(AlertFixtures.phq9Truth(20, 6), within(1.0));
      ExpectedCourse.Band band = expected.band(20, 6);
      assertThat(band.expected()).isLessThan(band.caution());
      assertThat(band.caution()).isLessThan(band.notOnTrack());
    }

    @Test
    void aClientFarWorseThanExpectedIsNotOnTrack() {
      ExpectedCourse.Band band = expected.band(20, 6);
      List<Alert> alerts = finder.alerts(episode(CLIENT, phq9(20, 21, 22, 22, 23, 24)), List.of());

      assertThat(rules(alerts)).containsExactly(AlertRule.NOT_ON_TRACK);
      Alert alert = alerts.get(0);
      assertThat(alert.measure()).isEqualTo("phq-9");
      assertThat(alert.session()).isEqualTo(6);
      assertThat(alert.numbers())
          .containsExactly(
              entry("score", 24.0),
              entry("expected", band.expected()),
              entry("cautionEdge", band.caution()),
              entry("notOnTrackEdge", band.notOnTrack()),
              entry("t", 6.0));
      assertThat(alert.explanation())
          .startsWith("PHQ-9 24 at session 6 is worse than 90% of similar clients (expected ")
          .endsWith("fitted on " + AlertFixtures.REFERENCE_CLIENTS + " episodes)");
    }

    @Test
    void aClientBetweenTheCautionAndTheNotOnTrackEdgesGetsACaution() {
      ExpectedCourse.Band band = expected.band(20, 6);
      double score = (band.caution() + band.notOnTrack()) / 2;
      List<Alert> alerts =
          finder.alerts(episode(CLIENT, phq9(20, 19, 17, 16, 15, score)), List.of());

      assertThat(rules(alerts)).containsExactly(AlertRule.OFF_TRACK_CAUTION);
      assertThat(alerts.get(0).numbers().get("score")).isEqualTo(score);
      assertThat(alerts.get(0).numbers().get("t")).isEqualTo(6.0);
      assertThat(alerts.get(0).explanation()).contains("is worse than 75% of similar clients");
    }

    @Test
    void aClientOnTrackGetsNoAlert() {
      double[] scores = new double[6];
      for (int t = 1; t <= 6; t++) {
        scores[t - 1] = AlertFixtures.phq9Truth(20, t);
      }
      assertThat(finder.alerts(episode(CLIENT, phq9(scores)), List.of())).isEmpty();
      // Better than expected is on track too.
      assertThat(finder.alerts(episode(CLIENT, phq9(20, 15, 10, 6, 4, 3)), List.of())).isEmpty();
    }

    @Test
    void onlyTheLatestSessionCounts() {
      // Far off track at session 3, back on the expected course by session 6.
      double onTrack = expected.expected(20, 6);
      assertThat(finder.alerts(episode(CLIENT, phq9(20, 24, 25, 18, 14, onTrack)), List.of()))
          .isEmpty();
    }

    @Test
    void withoutAnExpectedCourseThereIsNoTrackAlert() {
      assertThat(alerts(episode(CLIENT, phq9(20, 21, 22, 22, 23, 24)))).isEmpty();
    }
  }

  @Nested
  class OrderAndExplanation {
    /**
     * SRS falling into a rupture below the cutoff while the PHQ-9 worsens by 6, with item 9
     * answered at the end.
     */
    private Episode everything(boolean outcomeFirst) {
      Course srs = srs(39, 39, 38, 37, 36, 35);
      Course phq9 = phq9(12, 12, 14, 15, 17, 18);
      return outcomeFirst ? episode(CLIENT, phq9, srs) : episode(CLIENT, srs, phq9);
    }

    private List<Alert> everythingAlerts(boolean outcomeFirst) {
      return new AlertFinder(AlertFixtures.preCalibrationWithPhq9ExpectedCourse())
          .alerts(everything(outcomeFirst), List.of(new RiskFlag(6, "phq-9", "phq9_9", 2)));
    }

    @Test
    void alertsAreOrderedByUrgency() {
      List<AlertRule> expected =
          List.of(
              AlertRule.CRITICAL_ITEM,
              AlertRule.RELIABLE_DETERIORATION,
              AlertRule.VICIOUS_CIRCLE,
              AlertRule.NOT_ON_TRACK,
              AlertRule.UNREPAIRED_RUPTURE,
              AlertRule.ALLIANCE_BELOW_CUTOFF,
              AlertRule.ALLIANCE_DROP);

      assertThat(rules(everythingAlerts(false))).containsExactlyElementsOf(expected);
      assertThat(rules(everythingAlerts(true)))
          .as("whatever the order of the courses")
          .containsExactlyElementsOf(expected);
      assertThat(everythingAlerts(false)).extracting(alert -> alert.rule().urgency()).isSorted();
    }

    @Test
    void aCautionComesAfterADrop() {
      ExpectedCourse.Band band = AlertFixtures.phq9ExpectedCourse().band(20, 6);
      double caution = (band.caution() + band.notOnTrack()) / 2;
      Episode episode =
          episode(
              CLIENT,
              srs(38, 37),
              course(
                  CLIENT,
                  PHQ9,
                  new int[] {1, 2, 3, 4, 5, 6},
                  new double[] {20, 19, 17, 16, 15, caution}));

      List<Alert> alerts =
          new AlertFinder(AlertFixtures.preCalibrationWithPhq9ExpectedCourse())
              .alerts(episode, List.of());

      assertThat(rules(alerts))
          .containsExactly(AlertRule.ALLIANCE_DROP, AlertRule.OFF_TRACK_CAUTION);
    }

    @Test
    void theUrgencyOfEachRuleFollowsItsOrder() {
      // The documented order (docs/alerts.md); a caution, off by default, comes last.
      assertThat(AlertRule.values())
          .extracting(AlertRule::urgency)
          .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
      assertThat(AlertRule.CRITICAL_ITEM.urgency()).isEqualTo(1);
      assertThat(AlertRule.RELIABLE_DETERIORATION.urgency()).isEqualTo(2);
      assertThat(AlertRule.VICIOUS_CIRCLE.urgency()).isEqualTo(3);
      assertThat(AlertRule.NOT_ON_TRACK.urgency()).isEqualTo(4);
      assertThat(AlertRule.UNREPAIRED_RUPTURE.urgency()).isEqualTo(5);
      assertThat(AlertRule.ALLIANCE_BELOW_CUTOFF.urgency()).isEqualTo(6);
      assertThat(AlertRule.ALLIANCE_DROP.urgency()).isEqualTo(7);
      assertThat(AlertRule.OFF_TRACK_CAUTION.urgency()).isEqualTo(AlertRule.values().length);
    }

    @Test
    void everyAlertCarriesItsRuleIdVersionClientAndNumbers() {
      List<Alert> alerts = everythingAlerts(false);

      assertThat(alerts)
          .extracting(alert -> alert.rule().id())
          .containsExactly(
              "critical-item",
              "reliable-deterioration",
              "vicious-circle",
              "not-on-track",
              "unrepaired-rupture",
              "alliance-below-cutoff",
              "alliance-drop");
      assertThat(alerts)
          .allSatisfy(
              alert -> {
                // Rules whose logic or defaults changed with the calibration are at version 2.
                assertThat(alert.rule().version())
                    .isEqualTo(
                        switch (alert.rule()) {
                          case CRITICAL_ITEM, RELIABLE_DETERIORATION, NOT_ON_TRACK -> "1";
                          default -> "2";
                        });
                assertThat(alert.client()).isEqualTo(CLIENT);
                assertThat(alert.numbers()).isNotEmpty();
                assertThat(alert.numbers().values())
                    .allSatisfy(value -> assertThat(value).isFinite());
                assertThat(alert.explanation()).isNotBlank();
              });
    }

    @Test
    void theNumbersBehindEachAlert() {
      List<Alert> alerts = everythingAlerts(false);

      assertThat(only(alerts, AlertRule.CRITICAL_ITEM).numbers())
          .containsExactly(entry("answer", 2.0), entry("threshold", 0.0));

      Alert vicious = only(alerts, AlertRule.VICIOUS_CIRCLE);
      assertThat(vicious.measure()).isEqualTo("srs+phq-9");
      assertThat(vicious.numbers().get("allianceSlope")).isCloseTo(-1.0, within(1e-12));
      // PHQ-9 14, 15, 17, 18 at sessions 3-6: slope 1.4, an improvement of -1.4.
      assertThat(vicious.numbers().get("outcomeImprovementSlope")).isCloseTo(-1.4, within(1e-12));
      assertThat(vicious.numbers().get("firstSession")).isEqualTo(3.0);
      assertThat(vicious.numbers().get("lastSession")).isEqualTo(6.0);

      assertThat(only(alerts, AlertRule.RELIABLE_DETERIORATION).numbers())
          .containsExactly(
              entry("intake", 12.0),
              entry("latest", 18.0),
              entry("change", 6.0),
              entry("threshold", 6.0));

      Alert track = only(alerts, AlertRule.NOT_ON_TRACK);
      ExpectedCourse.Band band = AlertFixtures.phq9ExpectedCourse().band(12, 6);
      assertThat(track.numbers().get("score")).isEqualTo(18.0);
      assertThat(track.numbers().get("expected")).isEqualTo(band.expected());
      assertThat(track.numbers().get("notOnTrackEdge"))
          .isEqualTo(band.notOnTrack())
          .isLessThan(18.0);

      // The most recent unrepaired rupture: 2 SD below the client's own mean (38.67, SD 0.58) at
      // session 4,
      // from 38 down to 35 at session 6. The below-cutoff rupture at session 6 is still within its
      // repair window.
      Alert rupture = only(alerts, AlertRule.UNREPAIRED_RUPTURE);
      assertThat(rupture.session()).isEqualTo(4);
      assertThat(rupture.numbers())
          .containsExactly(
              entry("preRuptureLevel", 38.0),
              entry("trough", 35.0),
              entry("depth", 3.0),
              entry("startSession", 4.0),
              entry("repairWindow", 2.0));
      assertThat(rupture.explanation()).contains("2 SD below the client's own earlier ratings");

      assertThat(only(alerts, AlertRule.ALLIANCE_BELOW_CUTOFF).numbers())
          .containsExactly(entry("score", 35.0), entry("cutoff", 36.0), entry("ratings", 1.0));
      assertThat(only(alerts, AlertRule.ALLIANCE_DROP).numbers())
          .containsExactly(
              entry("previous", 36.0),
              entry("latest", 35.0),
              entry("drop", 1.0),
              entry("threshold", 1.0));
    }

    @Test
    void aClientWithNothingToReportHasNoAlerts() {
      assertThat(alerts(episode(CLIENT, srs(38, 39, 39.5, 40), phq9(18, 14, 11, 8)))).isEmpty();
      assertThat(alerts(episode(CLIENT))).isEmpty();
    }
  }

  @Nested
  class InstrumentsWithoutCutoffOrReliableChange {
    @Test
    void aChildSrsWithoutACutoffStillGetsTheDropAlert() {
      // Regression (was a bug): the built-in Child Session Rating Scale ("csrs", an alliance
      // instrument) has no published cutoff.
      // AlertFinder.belowCutoff skips such a measure, but AlertFinder.unrepairedRupture passes
      // every alliance
      // course to options.ruptures() (by default BELOW_CUTOFF and the Stiles 2 SD rule), whose
      // BELOW_CUTOFF rule throws
      // IllegalArgumentException("measure csrs has no clinical cutoff: give the BELOW_CUTOFF rule
      // one"), so
      // alerts() fails for the whole client and every other alert (a risk item included) is lost.
      // The same
      // happens for wai-sr, haq-ii, haq-ii-t and arm-5. Expected: no exception; the rupture rules
      // that can be
      // judged still apply, and the drop of 3 is reported.
      Episode episode = episode(CLIENT, course(CLIENT, AlertFixtures.measure("csrs"), 38, 39, 36));

      assertThatCode(() -> alerts(episode)).doesNotThrowAnyException();
      assertThat(rules(alerts(episode))).contains(AlertRule.ALLIANCE_DROP);
    }

    @Test
    void aChildOrsWithoutAReliableChangeValueDoesNotBreakTheOtherRules() {
      // Regression (was a bug): the built-in Child Outcome Rating Scale ("cors", an outcome
      // instrument) has no published
      // reliable-change value. AlertFinder.reliableDeterioration calls
      // ReliableChange.byThreshold(course), which
      // throws IllegalArgumentException("cors has no published reliable-change threshold; ...")
      // before it even
      // looks at the number of scores, so alerts() fails for the whole client (also for a one-score
      // course, and
      // for any Measure.column outcome). Expected: the reliable-deterioration rule is skipped for
      // such a measure
      // and the other rules still apply (here the SRS drop and below-cutoff).
      Episode episode =
          episode(CLIENT, course(CLIENT, AlertFixtures.measure("cors"), 30, 20), srs(37, 35));

      assertThatCode(() -> alerts(episode)).doesNotThrowAnyException();
      assertThat(rules(alerts(episode)))
          .containsExactly(AlertRule.ALLIANCE_BELOW_CUTOFF, AlertRule.ALLIANCE_DROP);
    }
  }
}
