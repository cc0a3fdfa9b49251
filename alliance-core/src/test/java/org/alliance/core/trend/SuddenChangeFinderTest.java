package org.alliance.core.trend;

import static org.alliance.core.trend.SuddenChangeInterval.Outcome.GAIN;
import static org.alliance.core.trend.SuddenChangeInterval.Outcome.LOSS;
import static org.alliance.core.trend.SuddenChangeInterval.Outcome.NONE;
import static org.alliance.core.trend.SuddenChangeInterval.Outcome.UNDETERMINED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.trend.SuddenChangeInterval.Check;
import org.alliance.core.trend.SuddenChangeInterval.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The unit cases of METHODS.md section 3 (the same as suddengains' own tests) and the boundaries
 * around them.
 */
class SuddenChangeFinderTest {
  private static final double M = Double.NaN;
  private static final SuddenChangeFinder GAINS =
      new SuddenChangeFinder(SuddenChangeCriteria.gains(7));

  /** Scores of sessions 1..n on a measure where lower is better (BDI). */
  private static SuddenChangeResult bdi(SuddenChangeFinder finder, double... scores) {
    return finder.find("c-001", "bdi", Direction.HIGHER_IS_WORSE, 1, scores);
  }

  static Stream<Arguments> gainCases() {
    return Stream.of(
        Arguments.of(new double[] {28, 19, 23, 12, 13, M}, List.of(NONE, NONE, UNDETERMINED)),
        Arguments.of(new double[] {28, 19, 23, 11, 12, M}, List.of(NONE, GAIN, UNDETERMINED)),
        Arguments.of(
            new double[] {28, 19, M, 12, 13, M}, List.of(UNDETERMINED, UNDETERMINED, UNDETERMINED)),
        Arguments.of(new double[] {35, 37, 23, 23, 24, 21}, List.of(GAIN, NONE, NONE)),
        Arguments.of(new double[] {35, 37, 34, 24, 24, 21}, List.of(NONE, GAIN, NONE)),
        Arguments.of(new double[] {35, 37, 34, 34, 24, 21}, List.of(NONE, NONE, GAIN)),
        // Further rows of suddengains' test-identify_sg.R.
        Arguments.of(new double[] {28, 25, 28, 11, 12, M}, List.of(NONE, GAIN, UNDETERMINED)),
        Arguments.of(
            new double[] {M, 26, 28, M, 12, 11}, List.of(UNDETERMINED, UNDETERMINED, UNDETERMINED)),
        Arguments.of(new double[] {35, 37, 34, 37, 37, 37}, List.of(NONE, NONE, NONE)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("gainCases")
  void methodsUnitCasesForGains(double[] scores, List<Outcome> expected) {
    SuddenChangeResult result = bdi(GAINS, scores);

    assertThat(result.outcomes()).as(Arrays.toString(scores)).isEqualTo(expected);
    assertThat(result.changes())
        .hasSize((int) expected.stream().filter(outcome -> outcome == GAIN).count());
    assertThat(result.undetermined())
        .isEqualTo((int) expected.stream().filter(outcome -> outcome == UNDETERMINED).count());
  }

  static Stream<Arguments> lossCases() {
    return Stream.of(
        Arguments.of(new double[] {10, 11, 12, 30, 28, 33}, List.of(NONE, LOSS, NONE)),
        Arguments.of(new double[] {10, 11, 30, 30, 28, 33}, List.of(LOSS, NONE, NONE)),
        // Further rows of suddengains' test-identify_sl.R.
        Arguments.of(new double[] {10, 11, 12, 10, 28, 33}, List.of(NONE, NONE, LOSS)),
        Arguments.of(new double[] {35, 37, 34, 23, 24, 21}, List.of(NONE, NONE, NONE)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("lossCases")
  void methodsUnitCasesForLossesWithCutoffMinusSeven(double[] scores, List<Outcome> expected) {
    SuddenChangeResult result =
        bdi(new SuddenChangeFinder(SuddenChangeCriteria.losses(-7)), scores);

    assertThat(result.outcomes()).as(Arrays.toString(scores)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("lossCases")
  void aLossCutoffMayBeGivenAsItsSize(double[] scores, List<Outcome> expected) {
    assertThat(SuddenChangeCriteria.losses(7)).isEqualTo(SuddenChangeCriteria.losses(-7));
    assertThat(bdi(new SuddenChangeFinder(SuddenChangeCriteria.losses(7)), scores).outcomes())
        .isEqualTo(expected);
  }

  @Test
  void preThirtyTwoThirtyOneThirtyThreeAgainstPostFiveSixSevenMeetsAllCriteria() {
    SuddenChangeResult result = bdi(GAINS, 32, 31, 33, 5, 6, 7);

    SuddenChangeInterval interval = result.intervals().get(1);
    assertThat(interval.pregainSession()).isEqualTo(3);
    assertThat(List.of(interval.criterion1(), interval.criterion2(), interval.criterion3()))
        .containsOnly(Check.MET);
    SuddenChange gain = result.changes().get(0);
    assertThat(gain.criticalValue()).isCloseTo(2.776, within(0.0005));
    assertThat(gain.meanPre()).isEqualTo(32);
    assertThat(gain.meanPost()).isEqualTo(6);
    assertThat(gain.pooledSd()).isCloseTo(1.0, within(1e-12));
    assertThat(gain.magnitude()).isEqualTo(28);
  }

  @Test
  void criticalValuesOfTheThirdCriterion() {
    SuddenChangeCriteria criteria = SuddenChangeCriteria.gains(7);

    assertThat(criteria.criticalValue(3, 3)).isCloseTo(2.776, within(0.0005));
    assertThat(criteria.criticalValue(3, 2)).isCloseTo(3.182, within(0.0005));
    assertThat(criteria.criticalValue(2, 3)).isCloseTo(3.182, within(0.0005));
    assertThat(criteria.criticalValue(2, 2)).isCloseTo(4.303, within(0.0005));
    // R: abs(qt(0.025, df)), as suddengains 0.2.1 and later compute them.
    assertThat(criteria.criticalValue(3, 3)).isCloseTo(2.7764451, within(1e-6));
    assertThat(criteria.criticalValue(3, 2)).isCloseTo(3.1824463, within(1e-6));
    assertThat(criteria.criticalValue(2, 2)).isCloseTo(4.3026527, within(1e-6));
    // suddengains' check_interval example with alpha .01: qt(0.005, 4).
    assertThat(criteria.withAlpha(0.01).criticalValue(3, 3)).isCloseTo(4.604, within(0.0005));
    assertThat(criteria.withFixedCriticalValue(2.776).criticalValue(2, 2)).isEqualTo(2.776);
    assertThatThrownBy(() -> criteria.criticalValue(1, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCriticalValueFollowsTheMissingScores() {
    SuddenChangeResult threeAndTwo = bdi(GAINS, 32, 31, 33, 5, 6, M);
    SuddenChangeResult twoAndThree = bdi(GAINS, 32, M, 33, 5, 6, 7);
    SuddenChangeResult twoAndTwo = bdi(GAINS, 32, M, 33, 5, M, 7);

    assertThat(threeAndTwo.changes().get(0).criticalValue()).isCloseTo(3.182, within(0.0005));
    assertThat(twoAndThree.changes().get(0).criticalValue()).isCloseTo(3.182, within(0.0005));
    assertThat(twoAndTwo.changes().get(0).criticalValue()).isCloseTo(4.303, within(0.0005));
  }

  @Test
  void aChangeOfExactlyTheCutoffMeetsCriterionOne() {
    assertThat(bdi(GAINS, 20, 20, 20, 13, 13, 13).outcomes()).isEqualTo(List.of(NONE, GAIN, NONE));
    SuddenChangeResult justUnder = bdi(GAINS, 20, 20, 20, 13.5, 13.5, 13.5);
    assertThat(justUnder.outcomes()).isEqualTo(List.of(NONE, NONE, NONE));
    assertThat(justUnder.intervals().get(1).criterion1()).isEqualTo(Check.NOT_MET);
    assertThat(justUnder.intervals().get(1).criterion2()).isEqualTo(Check.MET);
  }

  @Test
  void aChangeOfExactlyAQuarterOfThePregainScoreMeetsCriterionTwo() {
    // 40 -> 30 is 10 points, exactly 25 % of 40.
    assertThat(bdi(GAINS, 40, 40, 40, 30, 30, 30).outcomes()).isEqualTo(List.of(NONE, GAIN, NONE));
    SuddenChangeResult justUnder = bdi(GAINS, 40, 40, 40, 30.5, 30.5, 30.5);
    assertThat(justUnder.intervals().get(1).criterion1()).isEqualTo(Check.MET);
    assertThat(justUnder.intervals().get(1).criterion2()).isEqualTo(Check.NOT_MET);
    assertThat(justUnder.intervals().get(1).outcome()).isEqualTo(NONE);
  }

  @Test
  void aMeanDifferenceExactlyEqualToTheCriticalValueTimesThePooledSdIsNotAGain() {
    // Pre 10, 12, 14 (mean 12, SD 2) and post 6, 8, 10 (mean 8, SD 2): difference 4 = 2 x pooled SD
    // 2.
    SuddenChangeResult equal =
        bdi(
            new SuddenChangeFinder(SuddenChangeCriteria.gains(7).withFixedCriticalValue(2)),
            10,
            12,
            14,
            6,
            8,
            10);
    SuddenChangeResult above =
        bdi(
            new SuddenChangeFinder(SuddenChangeCriteria.gains(7).withFixedCriticalValue(1.999)),
            10,
            12,
            14,
            6,
            8,
            10);

    SuddenChangeInterval interval = equal.intervals().get(1);
    assertThat(interval.criterion1()).isEqualTo(Check.MET);
    assertThat(interval.criterion2()).isEqualTo(Check.MET);
    assertThat(interval.criterion3()).isEqualTo(Check.NOT_MET);
    assertThat(interval.outcome()).isEqualTo(NONE);
    assertThat(above.intervals().get(1).outcome()).isEqualTo(GAIN);
    assertThat(above.changes().get(0).pooledSd()).isEqualTo(2.0);
  }

  @Test
  void anUndecidableCriterionWinsOverOneThatIsNotMet() {
    // 12 -> 13 is no gain by criteria 1 and 2, but criterion 3 has only one post score:
    // undetermined, as in R.
    SuddenChangeInterval last = bdi(GAINS, 28, 19, 23, 12, 13, M).intervals().get(2);

    assertThat(last.criterion1()).isEqualTo(Check.NOT_MET);
    assertThat(last.criterion2()).isEqualTo(Check.NOT_MET);
    assertThat(last.criterion3()).isEqualTo(Check.UNDETERMINED);
    assertThat(last.outcome()).isEqualTo(UNDETERMINED);
  }

  @Test
  void onlyIntervalsFromTheSecondToThePenultimateSessionAreTested() {
    SuddenChangeResult result = bdi(GAINS, 35, 37, 23, 23, 24, 21);

    assertThat(result.intervals())
        .extracting(SuddenChangeInterval::pregainSession)
        .containsExactly(2, 3, 4);
    assertThat(result.intervals())
        .extracting(SuddenChangeInterval::postgainSession)
        .containsExactly(3, 4, 5);
    assertThat(bdi(GAINS, 30, 20, 10).intervals()).isEmpty();
  }

  @Test
  void onAMeasureWhereHigherIsBetterAGainIsARise() {
    double[] ors = {10, 12, 11, 22, 23, 24};

    SuddenChangeResult gains = GAINS.find("c-001", "ors", Direction.HIGHER_IS_BETTER, 1, ors);
    SuddenChangeResult asIfLowerWereBetter =
        GAINS.find("c-001", "ors", Direction.HIGHER_IS_WORSE, 1, ors);

    assertThat(gains.outcomes()).isEqualTo(List.of(NONE, GAIN, NONE));
    SuddenChange gain = gains.changes().get(0);
    assertThat(gain.magnitude()).isEqualTo(11);
    assertThat(gain.reversalValue()).isEqualTo(16.5);
    assertThat(asIfLowerWereBetter.outcomes()).isEqualTo(List.of(NONE, NONE, NONE));
    SuddenChangeResult losses =
        new SuddenChangeFinder(SuddenChangeCriteria.losses(7))
            .find(
                "c-001",
                "ors",
                Direction.HIGHER_IS_BETTER,
                1,
                new double[] {24, 23, 22, 11, 12, 10});
    assertThat(losses.outcomes()).isEqualTo(List.of(NONE, LOSS, NONE));
  }

  @Test
  void aLossMustBeAQuarterOfThePregainScoreThoughSuddengainsDoesNotAskIt() {
    // A rise of 8 from 40 meets criteria 1 and 3 but is 20 %: suddengains' identify_sl counts it,
    // the mirror does not.
    SuddenChangeResult result =
        bdi(new SuddenChangeFinder(SuddenChangeCriteria.losses(-7)), 40, 40, 40, 48, 48, 48);

    SuddenChangeInterval interval = result.intervals().get(1);
    assertThat(interval.criterion1()).isEqualTo(Check.MET);
    assertThat(interval.criterion2()).isEqualTo(Check.NOT_MET);
    assertThat(interval.criterion3()).isEqualTo(Check.MET);
    assertThat(interval.outcome()).isEqualTo(NONE);
  }

  @Test
  void reversalIsLookedForFromTwoSessionsAfterThePostgainSession() {
    // Gain 30 -> 20 between sessions 3 and 4, reversal value 25.
    SuddenChangeResult nextSessionWorse = bdi(GAINS, 30, 31, 30, 20, 26, 21, 20, 19);
    SuddenChangeResult twoSessionsOnWorse = bdi(GAINS, 30, 31, 30, 20, 21, 26, 20, 19);
    SuddenChangeResult backToTheValueOnly = bdi(GAINS, 30, 31, 30, 20, 21, 25, 20, 19);

    SuddenChange first = nextSessionWorse.changes().get(0);
    assertThat(first.pregainSession()).isEqualTo(3);
    assertThat(first.reversalValue()).isEqualTo(25);
    assertThat(first.reversed())
        .as("session 5 is the session right after the postgain session")
        .isFalse();
    SuddenChange second = twoSessionsOnWorse.changes().get(0);
    assertThat(second.reversed()).isTrue();
    assertThat(second.reversalSession()).hasValue(6);
    assertThat(backToTheValueOnly.changes().get(0).reversed())
        .as("equal to the reversal value is not worse")
        .isFalse();
  }

  @Test
  void aLossIsReversedByAScoreBetterThanItsReversalValue() {
    // Loss 10 -> 20 between sessions 3 and 4 (lower is better), reversal value 15.
    SuddenChangeFinder losses = new SuddenChangeFinder(SuddenChangeCriteria.losses(-7));

    SuddenChange reversed = bdi(losses, 10, 11, 10, 20, 21, 14, 20).changes().get(0);
    SuddenChange kept = bdi(losses, 10, 11, 10, 20, 14, 16, 20).changes().get(0);

    assertThat(reversed.kind()).isEqualTo(SuddenChange.Kind.LOSS);
    assertThat(reversed.magnitude()).isEqualTo(10);
    assertThat(reversed.reversalValue()).isEqualTo(15);
    assertThat(reversed.reversalSession()).hasValue(6);
    assertThat(kept.reversed()).isFalse();
  }

  @Test
  void reversalIsOnlyLookedForWithinTheAnalysedRange() {
    Course course = course(33, 35, 37, 34, 23, 24, 21, 29, 17, 11, 11, 10, 7, 30);

    SuddenChange throughTwelve = GAINS.find(course, 1, 12).changes().get(0);
    SuddenChange throughThirteen = GAINS.find(course, 1, 13).changes().get(0);

    assertThat(throughTwelve.reversalSession()).hasValue(7);
    assertThat(throughThirteen.reversalSession()).hasValue(7);
    SuddenChange laterGain = GAINS.find(course, 1, 12).changes().get(1);
    assertThat(laterGain.pregainSession()).isEqualTo(7);
    assertThat(laterGain.reversed()).isFalse();
    assertThat(GAINS.find(course, 1, 13).changes().get(1).reversalSession()).hasValue(13);
  }

  @Test
  void firstAndLargestGain() {
    // Gains 35 -> 24 (11 points) at 3-4 and 29 -> 17 (12 points) at 7-8: client 1 of sgdata.
    SuddenChangeResult result = bdi(GAINS, 35, 37, 34, 23, 24, 21, 29, 17, 11, 11, 10, 7);

    assertThat(result.first()).map(SuddenChange::pregainSession).hasValue(3);
    assertThat(result.largest()).map(SuddenChange::pregainSession).hasValue(7);
    assertThat(result.largest()).map(SuddenChange::magnitude).hasValue(12.0);
  }

  @Test
  void ofEqualGainsTheEarliestIsTheLargest() {
    SuddenChangeResult result = bdi(GAINS, 40, 41, 40, 30, 31, 30, 20, 21, 20);

    assertThat(result.changes()).extracting(SuddenChange::magnitude).containsExactly(10.0, 10.0);
    assertThat(result.largest()).map(SuddenChange::pregainSession).hasValue(3);
    assertThat(bdi(GAINS, 30, 31, 30, 30, 29, 30).largest()).isEmpty();
    assertThat(bdi(GAINS, 30, 31, 30, 30, 29, 30).first()).isEmpty();
  }

  @Test
  void aCourseWithMissingSessionsGivesTheSameAsTheScoresWithGaps() {
    Course course =
        new Course(
            "c-002",
            Measure.column("bdi", Direction.HIGHER_IS_WORSE, Construct.OUTCOME),
            List.of(
                Observation.of(1, 28),
                Observation.of(2, 19),
                Observation.of(4, 12),
                Observation.of(5, 13)));

    SuddenChangeResult fromCourse = GAINS.find(course, 1, 6);

    assertThat(fromCourse.outcomes()).isEqualTo(bdi(GAINS, 28, 19, M, 12, 13, M).outcomes());
    assertThat(fromCourse.client()).isEqualTo("c-002");
    assertThat(fromCourse.measureId()).isEqualTo("bdi");
    assertThat(fromCourse.firstSession()).isEqualTo(1);
    assertThat(fromCourse.lastSession()).isEqualTo(6);
  }

  @Test
  void summaryCountsChangesClientsAndUndecidedIntervals() {
    List<SuddenChangeResult> results =
        List.of(
            bdi(GAINS, 28, 19, 23, 11, 12, M),
            bdi(GAINS, 40, 41, 40, 30, 31, 30, 20, 21, 20),
            bdi(GAINS, 28, 19, M, 12, 13, M));

    SuddenChangeSummary summary = SuddenChangeSummary.of(SuddenChange.Kind.GAIN, results);

    assertThat(summary.clients()).isEqualTo(3);
    assertThat(summary.intervals()).isEqualTo(3 + 6 + 3);
    assertThat(summary.undeterminedIntervals()).isEqualTo(1 + 0 + 3);
    assertThat(summary.decidedIntervals()).isEqualTo(8);
    assertThat(summary.changes()).isEqualTo(3);
    assertThat(summary.clientsWithChange()).isEqualTo(2);
    assertThat(summary.clientsWithMoreThanOne()).isEqualTo(1);
    assertThatThrownBy(() -> SuddenChangeSummary.of(SuddenChange.Kind.LOSS, results))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void criteriaAreValidated() {
    assertThatThrownBy(() -> SuddenChangeCriteria.gains(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SuddenChangeCriteria.gains(7).withAlpha(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SuddenChangeCriteria.gains(7).withProportion(-0.25))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SuddenChangeCriteria.gains(7).withFixedCriticalValue(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SuddenChangeCriteria.losses(-7).cutoff()).isEqualTo(7);
    assertThat(SuddenChangeCriteria.gains(7).describe())
        .isEqualTo(
            "sudden gain: change >= 7 points, >= 0.25 of the pregain score, t test, two-sided alpha 0.05");
    assertThatThrownBy(() -> bdi(GAINS, 28, Double.POSITIVE_INFINITY, 23, 12))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIntervalsOutcomeMustFollowFromItsCriteria() {
    assertThatThrownBy(() -> new SuddenChangeInterval(2, 3, NONE, Check.MET, Check.MET, Check.MET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SuddenChangeInterval(2, 3, NONE, Check.MET, Check.UNDETERMINED, Check.NOT_MET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new SuddenChangeInterval(2, 3, LOSS, Check.MET, Check.MET, Check.MET).isChange())
        .isTrue();
  }

  private static Course course(double... scoresFromSessionZero) {
    List<Observation> observations = new java.util.ArrayList<>();
    for (int session = 0; session < scoresFromSessionZero.length; session++) {
      observations.add(Observation.of(session, scoresFromSessionZero[session]));
    }
    return new Course(
        "c-001", Measure.column("bdi", Direction.HIGHER_IS_WORSE, Construct.OUTCOME), observations);
  }
}
