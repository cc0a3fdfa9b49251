package org.alliance.core.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Direction;
import org.junit.jupiter.api.Test;

/**
 * Hand-made SRS series for each rupture rule, repair within and just beyond the window, and the
 * edges.
 */
class RuptureFinderTest {
  private static final Measure SRS = Measure.of(Catalog.builtIn().get("srs"));

  /** SRS totals at sessions 1, 2, 3, ... */
  private static Course srs(double... totals) {
    List<Observation> observations = new ArrayList<>();
    for (int i = 0; i < totals.length; i++) {
      observations.add(Observation.of(i + 1, totals[i]));
    }
    return new Course("c-001", SRS, observations);
  }

  private static List<Rupture> find(RuptureRule rule, Course course) {
    return new RuptureFinder(List.of(rule), RuptureFinder.DEFAULT_REPAIR_WINDOW).find(course);
  }

  @Test
  void belowTheSrsCutoffRepairedWithinTwoSessions() {
    List<Rupture> ruptures = find(RuptureRule.belowCutoff(), srs(38, 39, 34, 35, 39));

    assertThat(ruptures).hasSize(1);
    Rupture rupture = ruptures.get(0);
    assertThat(rupture.rule().type()).isEqualTo(RuptureRule.Type.BELOW_CUTOFF);
    assertThat(rupture.preRuptureSession()).isEqualTo(2);
    assertThat(rupture.preRuptureLevel()).isEqualTo(39);
    assertThat(rupture.startSession()).isEqualTo(3);
    assertThat(rupture.startRating()).isEqualTo(34);
    assertThat(rupture.troughSession()).isEqualTo(3);
    assertThat(rupture.troughRating()).isEqualTo(34);
    assertThat(rupture.depth()).isEqualTo(5);
    assertThat(rupture.repairSession()).hasValue(5);
    assertThat(rupture.repaired()).isTrue();
    assertThat(rupture.endSession()).isEqualTo(5);
  }

  @Test
  void aReturnOneSessionAfterTheWindowIsNoRepair() {
    List<Rupture> ruptures = find(RuptureRule.belowCutoff(), srs(38, 39, 34, 35, 37, 39));

    assertThat(ruptures).hasSize(1);
    Rupture rupture = ruptures.get(0);
    assertThat(rupture.repaired()).isFalse();
    assertThat(rupture.repairSession()).isEmpty();
    assertThat(rupture.endSession()).as("the last rating of the window").isEqualTo(5);
    assertThat(rupture.troughRating()).isEqualTo(34);
    assertThat(
            new RuptureFinder(List.of(RuptureRule.belowCutoff()), 3)
                .find(srs(38, 39, 34, 35, 37, 39))
                .get(0)
                .repairSession())
        .as("with a window of 3 sessions")
        .hasValue(6);
  }

  @Test
  void returningToAboveTheCutoffButBelowThePreRuptureLevelIsNoRepair() {
    Rupture rupture = find(RuptureRule.belowCutoff(), srs(40, 34, 37, 38, 40)).get(0);

    assertThat(rupture.preRuptureLevel()).isEqualTo(40);
    assertThat(rupture.repaired()).isFalse();
    assertThat(rupture.depth()).isEqualTo(6);
  }

  @Test
  void theCutoffItselfIsNotARupture() {
    assertThat(find(RuptureRule.belowCutoff(), srs(38, 36, 38))).isEmpty();
    assertThat(find(RuptureRule.belowCutoff(), srs(38, 35.9, 38))).hasSize(1);
    assertThat(find(RuptureRule.belowCutoff(30), srs(38, 31, 38))).isEmpty();
    assertThat(
            find(
                RuptureRule.belowCutoff(new Cutoff("c", "x", 36, Cutoff.Side.AT_OR_BELOW, true)),
                srs(38, 36, 38)))
        .hasSize(1);
  }

  @Test
  void aRunOfLowRatingsIsOneRuptureWithItsTroughAndIsNotSplitByTheWindow() {
    List<Rupture> ruptures = find(RuptureRule.belowCutoff(), srs(38, 39, 34, 33, 32, 35, 38, 34));

    assertThat(ruptures)
        .extracting(
            Rupture::startSession,
            Rupture::troughSession,
            Rupture::troughRating,
            Rupture::depth,
            Rupture::endSession,
            Rupture::repaired)
        .containsExactly(tuple(3, 5, 32.0, 7.0, 6, false), tuple(8, 8, 34.0, 4.0, 8, false));
  }

  @Test
  void aSecondRuptureAfterARepair() {
    List<Rupture> ruptures = find(RuptureRule.belowCutoff(), srs(38, 39, 34, 39, 40, 33, 35, 41));

    assertThat(ruptures)
        .extracting(
            Rupture::startSession,
            Rupture::preRuptureLevel,
            Rupture::troughRating,
            Rupture::depth,
            Rupture::repairSession)
        .containsExactly(
            tuple(3, 39.0, 34.0, 5.0, OptionalInt.of(4)),
            tuple(6, 40.0, 33.0, 7.0, OptionalInt.of(8)));
  }

  @Test
  void aLowFirstRatingHasNoPreRuptureLevelAndStartsNoRupture() {
    assertThat(find(RuptureRule.belowCutoff(), srs(30, 32, 38))).isEmpty();
    assertThat(find(RuptureRule.belowCutoff(), srs(30, 38, 33, 38)))
        .extracting(Rupture::startSession)
        .containsExactly(3);
  }

  @Test
  void aDropOfAtLeastOnePointFromThePreviousRating() {
    assertThat(find(RuptureRule.drop(), srs(38, 39, 38, 39)))
        .extracting(Rupture::startSession, Rupture::depth, Rupture::repairSession)
        .containsExactly(tuple(3, 1.0, OptionalInt.of(4)));
    assertThat(find(RuptureRule.drop(), srs(38, 39, 38.1, 39))).isEmpty();
    assertThat(find(RuptureRule.drop(2), srs(38, 39, 38, 39))).isEmpty();
    assertThat(find(RuptureRule.drop(2), srs(38, 39, 37, 39))).hasSize(1);
  }

  @Test
  void aDropOfExactlyTheThresholdInTenthsCounts() {
    // 36.8 - 31.8 and 33.3 - 28.3 are 4.9999999999999964 in binary, 16.4 - 11.4 4.999999999999998;
    // 12 of the falls of 1.0 below (1.4 -> 0.4 the first) are a hair under 1. Each is a fall of
    // exactly the threshold, as the alliance-drop alert reads it.
    for (double[] pair : new double[][] {{36.8, 31.8}, {33.3, 28.3}, {16.4, 11.4}}) {
      assertThat(find(RuptureRule.drop(5), srs(pair[0], pair[1])))
          .as("%s -> %s", pair[0], pair[1])
          .extracting(Rupture::startSession)
          .containsExactly(2);
    }
    assertThat(find(RuptureRule.drop(5), srs(36.8, 31.9))).isEmpty();
    // Every fall of exactly 1.0 between tenths from 1.0 to 40.0.
    for (int tenths = 10; tenths <= 400; tenths++) {
      assertThat(find(RuptureRule.drop(), srs(tenths / 10.0, (tenths - 10) / 10.0)))
          .as("%s -> %s", tenths / 10.0, (tenths - 10) / 10.0)
          .hasSize(1);
    }
  }

  @Test
  void consecutiveDropsAreOneRupture() {
    List<Rupture> ruptures = find(RuptureRule.drop(), srs(40, 39, 38, 37, 40));

    assertThat(ruptures).hasSize(1);
    Rupture rupture = ruptures.get(0);
    assertThat(rupture.startSession()).isEqualTo(2);
    assertThat(rupture.preRuptureLevel()).isEqualTo(40);
    assertThat(rupture.troughSession()).isEqualTo(4);
    assertThat(rupture.depth()).isEqualTo(3);
    assertThat(rupture.repaired())
        .as("40 comes back at session 5, three sessions after the start")
        .isFalse();
    assertThat(rupture.endSession()).isEqualTo(4);
    assertThat(
            new RuptureFinder(List.of(RuptureRule.drop()), 3)
                .find(srs(40, 39, 38, 37, 40))
                .get(0)
                .repairSession())
        .hasValue(5);
  }

  @Test
  void aDropIsFromThePreviousObservedSessionAndTheWindowCountsSessions() {
    Course missingThree =
        new Course(
            "c-001",
            SRS,
            List.of(
                Observation.of(1, 39),
                Observation.of(2, 40),
                Observation.of(4, 38),
                Observation.of(6, 40)));
    Course missingThreeLate =
        new Course(
            "c-001",
            SRS,
            List.of(
                Observation.of(1, 39),
                Observation.of(2, 40),
                Observation.of(4, 38),
                Observation.of(7, 40)));

    Rupture rupture = find(RuptureRule.drop(), missingThree).get(0);
    assertThat(rupture.preRuptureSession()).isEqualTo(2);
    assertThat(rupture.startSession()).isEqualTo(4);
    assertThat(rupture.repairSession()).hasValue(6);
    assertThat(find(RuptureRule.drop(), missingThreeLate).get(0).repaired()).isFalse();
  }

  @Test
  void deviationBelowTheClientsOwnLevel() {
    // Earlier 38, 40, 39, 39: mean 39, SD 0.8165; two SD below is 37.37, one SD below 38.18.
    Course course = srs(38, 40, 39, 39, 35, 39);

    List<Rupture> stiles = find(RuptureRule.stiles2004(), course);
    assertThat(stiles)
        .extracting(
            Rupture::startSession, Rupture::preRuptureLevel, Rupture::depth, Rupture::repairSession)
        .containsExactly(tuple(5, 39.0, 4.0, OptionalInt.of(6)));
    assertThat(stiles.get(0).rule()).isEqualTo(new RuptureRule.Deviation(2, 3));

    Course slightDip = srs(38, 40, 39, 39, 38, 39);
    assertThat(find(RuptureRule.stiles2004(), slightDip)).isEmpty();
    assertThat(find(RuptureRule.strauss2006(), slightDip))
        .extracting(Rupture::startSession)
        .containsExactly(5);
  }

  @Test
  void deviationNeedsTheMinimumNumberOfEarlierRatings() {
    Course early = srs(39, 41, 30, 41);

    assertThat(find(RuptureRule.stiles2004(), early))
        .as("session 3 has only 2 earlier ratings")
        .isEmpty();
    assertThat(find(RuptureRule.stiles2004().withMinimumEarlier(2), early))
        .extracting(Rupture::startSession, Rupture::repairSession)
        .containsExactly(tuple(3, OptionalInt.of(4)));
    assertThat(find(RuptureRule.stiles2004(), srs(39, 41, 40, 30)))
        .extracting(Rupture::startSession)
        .containsExactly(4);
    assertThatThrownBy(() -> RuptureRule.deviation(2, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deviationFromRatingsThatNeverVariedNeedsARatingBelowTheirMean() {
    assertThat(find(RuptureRule.stiles2004(), srs(40, 40, 40, 40, 40))).isEmpty();
    assertThat(find(RuptureRule.stiles2004(), srs(40, 40, 40, 39.5, 40)))
        .extracting(Rupture::depth)
        .containsExactly(0.5);
  }

  @Test
  void theDefaultsApplyEachRuleOnItsOwnInRuleOrder() {
    RuptureFinder finder = RuptureFinder.defaults();
    List<Rupture> ruptures = finder.find(srs(38, 40, 39, 39, 35, 39));

    assertThat(finder.repairWindow()).isEqualTo(2);
    assertThat(finder.rules())
        .extracting(RuptureRule::type)
        .containsExactly(
            RuptureRule.Type.BELOW_CUTOFF, RuptureRule.Type.DROP, RuptureRule.Type.DEVIATION);
    assertThat(ruptures)
        .extracting(rupture -> rupture.rule().type(), Rupture::startSession)
        .containsExactly(
            tuple(RuptureRule.Type.BELOW_CUTOFF, 5),
            tuple(RuptureRule.Type.DROP, 3),
            tuple(RuptureRule.Type.DEVIATION, 5));
    // The fall from 39 to 35 at session 5 lies within the unrepaired drop that began at session 3.
    Rupture drop = ruptures.get(1);
    assertThat(drop.preRuptureLevel()).isEqualTo(40);
    assertThat(drop.troughSession()).isEqualTo(5);
    assertThat(drop.depth()).isEqualTo(5);
    assertThat(drop.repaired()).isFalse();
  }

  @Test
  void aSessionRangeLimitsTheRatingsUsed() {
    Course course = srs(38, 39, 34, 39, 40, 33, 35, 41);

    assertThat(new RuptureFinder(List.of(RuptureRule.belowCutoff()), 2).find(course, 4, 8))
        .extracting(Rupture::startSession)
        .containsExactly(6);
  }

  @Test
  void belowTheInstrumentsCutoffNeedsAnInstrumentWithOne() {
    Course column =
        new Course(
            "c-001",
            Measure.column("alliance", Direction.HIGHER_IS_BETTER, Construct.ALLIANCE),
            List.of(Observation.of(1, 38), Observation.of(2, 30)));

    assertThatThrownBy(() -> find(RuptureRule.belowCutoff(), column))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alliance");
    assertThat(find(RuptureRule.belowCutoff(36), column)).hasSize(1);
  }

  @Test
  void rulesDescribeThemselvesAndAreValidated() {
    assertThat(RuptureRule.belowCutoff().describe())
        .isEqualTo("BELOW_CUTOFF: the instrument's clinical cutoff");
    assertThat(RuptureRule.belowCutoff(36).describe()).isEqualTo("BELOW_CUTOFF: total < 36");
    assertThat(RuptureRule.drop().describe())
        .isEqualTo("DROP: a fall of at least 1 from the previous rating");
    assertThat(RuptureRule.strauss2006().describe())
        .isEqualTo("DEVIATION: at or below the mean minus 1 SD of at least 3 earlier ratings");
    assertThatThrownBy(() -> RuptureRule.drop(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RuptureRule.deviation(-1, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RuptureFinder(List.of(), 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RuptureFinder.defaults().withRepairWindow(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
