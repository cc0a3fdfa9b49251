package org.alliance.core.trend;

import static org.alliance.core.instrument.Direction.HIGHER_IS_BETTER;
import static org.alliance.core.instrument.Direction.HIGHER_IS_WORSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReliableChangeTest {
  private static final double Z = RciMethod.JT.criticalValue(0.05);

  // ---- per client, against a published threshold

  @ParameterizedTest(name = "{0}: {1} -> {2} with threshold {3} is {4}")
  @CsvSource({
    // Lower is better (PHQ-9, threshold 6): exactly the threshold counts, both ways.
    "HIGHER_IS_WORSE, 18, 12, 6, IMPROVED",
    "HIGHER_IS_WORSE, 18, 13, 6, UNCHANGED",
    "HIGHER_IS_WORSE, 18, 11, 6, IMPROVED",
    "HIGHER_IS_WORSE, 12, 18, 6, DETERIORATED",
    "HIGHER_IS_WORSE, 12, 17, 6, UNCHANGED",
    "HIGHER_IS_WORSE, 12, 12, 6, UNCHANGED",
    // Higher is better (ORS, threshold 5).
    "HIGHER_IS_BETTER, 20, 25, 5, IMPROVED",
    "HIGHER_IS_BETTER, 20, 24.9, 5, UNCHANGED",
    "HIGHER_IS_BETTER, 20, 15, 5, DETERIORATED",
    "HIGHER_IS_BETTER, 20, 15.1, 5, UNCHANGED",
    // Decimal scores whose binary difference falls a hair short of the threshold: 6.1 - 2.1 =
    // 3.9999999999999996.
    "HIGHER_IS_WORSE, 6.1, 2.1, 4, IMPROVED",
    "HIGHER_IS_WORSE, 2.1, 6.1, 4, DETERIORATED",
    "HIGHER_IS_BETTER, 2.1, 6.1, 4, IMPROVED",
  })
  void thresholdCountsFromExactlyTheThreshold(
      Direction direction, double pre, double post, double threshold, ChangeCategory expected) {
    ReliableChangeByThreshold result = ReliableChange.byThreshold(pre, post, threshold, direction);

    assertThat(result.category()).isEqualTo(expected);
    assertThat(result.change()).isEqualTo(post - pre);
    assertThat(result.threshold()).isEqualTo(threshold);
  }

  @Test
  void thresholdOfTheInstrument() {
    Measure phq9 = Measure.of(Catalog.builtIn().get("phq-9"));
    Measure ors = Measure.of(Catalog.builtIn().get("ors"));

    assertThat(ReliableChange.byThreshold(phq9, 20, 14).category())
        .isEqualTo(ChangeCategory.IMPROVED);
    assertThat(ReliableChange.byThreshold(phq9, 20, 15).category())
        .isEqualTo(ChangeCategory.UNCHANGED);
    assertThat(ReliableChange.byThreshold(ors, 20, 25).category())
        .isEqualTo(ChangeCategory.IMPROVED);
    assertThat(ReliableChange.byThreshold(ors, 20, 15).category())
        .isEqualTo(ChangeCategory.DETERIORATED);
  }

  @Test
  void courseFromFirstToLastObservation() {
    Measure phq9 = Measure.of(Catalog.builtIn().get("phq-9"));
    Course course =
        new Course(
            "c1",
            phq9,
            List.of(Observation.of(1, 19), Observation.of(2, 25), Observation.of(5, 13)));

    ReliableChangeByThreshold result = ReliableChange.byThreshold(course).orElseThrow();

    assertThat(result.pre()).isEqualTo(19);
    assertThat(result.post()).isEqualTo(13);
    assertThat(result.category()).isEqualTo(ChangeCategory.IMPROVED);
    assertThat(ReliableChange.byThreshold(new Course("c2", phq9, List.of(Observation.of(1, 19)))))
        .isEmpty();
    assertThat(ReliableChange.byThreshold(new Course("c3", phq9, List.of()))).isEmpty();
  }

  @Test
  void aMeasureWithoutThresholdIsRefused() {
    Measure column = Measure.column("hamd", HIGHER_IS_WORSE, Construct.OUTCOME);
    Measure srs = Measure.of(Catalog.builtIn().get("srs"));

    assertThatThrownBy(() -> ReliableChange.byThreshold(column, 20, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hamd has no published reliable-change threshold");
    assertThatThrownBy(() -> ReliableChange.byThreshold(new Course("c", srs, List.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReliableChange.byThreshold(10, 20, 0, HIGHER_IS_BETTER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReliableChange.byThreshold(Double.NaN, 20, 5, HIGHER_IS_BETTER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- classification of an RCI

  @Test
  void anRciExactlyAtTheCriticalValueIsUnchanged() {
    assertThat(ReliableChange.classify(Z, Z, HIGHER_IS_BETTER)).isEqualTo(ChangeCategory.UNCHANGED);
    assertThat(ReliableChange.classify(-Z, Z, HIGHER_IS_BETTER))
        .isEqualTo(ChangeCategory.UNCHANGED);
    assertThat(ReliableChange.classify(Math.nextUp(Z), Z, HIGHER_IS_BETTER))
        .isEqualTo(ChangeCategory.IMPROVED);
    assertThat(ReliableChange.classify(Math.nextDown(-Z), Z, HIGHER_IS_BETTER))
        .isEqualTo(ChangeCategory.DETERIORATED);
    // Lower is better: a negative RCI is the good direction.
    assertThat(ReliableChange.classify(-Z, Z, HIGHER_IS_WORSE)).isEqualTo(ChangeCategory.UNCHANGED);
    assertThat(ReliableChange.classify(Math.nextDown(-Z), Z, HIGHER_IS_WORSE))
        .isEqualTo(ChangeCategory.IMPROVED);
    assertThat(ReliableChange.classify(Math.nextUp(Z), Z, HIGHER_IS_WORSE))
        .isEqualTo(ChangeCategory.DETERIORATED);
    // 1.96 itself is reliable, because z is 1.959964, not 1.96.
    assertThat(ReliableChange.classify(1.96, Z, HIGHER_IS_BETTER))
        .isEqualTo(ChangeCategory.IMPROVED);
    assertThat(ReliableChange.classify(1.9599, Z, HIGHER_IS_BETTER))
        .isEqualTo(ChangeCategory.UNCHANGED);
  }

  // ---- over a sample

  @Test
  void sampleJacobsonTruax() {
    // Pre 20, 30, 40: M_pre 30, SD_pre 10, S_diff = 10 sqrt(.2) sqrt(2) = 6.324555.
    List<ReliableChangePair> pairs =
        List.of(
            ReliableChangePair.of("a", 20, 7),
            ReliableChangePair.of("b", 30, 28),
            ReliableChangePair.of("c", 40, 53));

    ReliableChangeSample sample =
        ReliableChange.ofSample(pairs, HIGHER_IS_WORSE, ReliableChangeOptions.jacobsonTruax(0.8));

    ReliableChangeStatistics s = sample.statistics();
    assertThat(s.method()).isEqualTo(RciMethod.JT);
    assertThat(s.meanPre()).isCloseTo(30, within(1e-12));
    assertThat(s.sdPre()).isCloseTo(10, within(1e-12));
    assertThat(s.standardError()).isCloseTo(4.472136, within(5e-7));
    assertThat(s.standardErrorOfDifference()).isCloseTo(6.324555, within(5e-7));
    assertThat(s.denominator()).isEqualTo(s.standardErrorOfDifference());
    assertThat(s.criticalValue()).isCloseTo(1.959964, within(5e-7));
    assertThat(s.clientsUsed()).isEqualTo(3);
    assertThat(s.clientsDropped()).isZero();
    assertThat(s.prePostCorrelation()).isEmpty();
    assertThat(sample.clients())
        .extracting(ReliableChangeIndex::client)
        .containsExactly("a", "b", "c");
    assertThat(sample.clients())
        .extracting(ReliableChangeIndex::change)
        .containsExactly(-13.0, -2.0, 13.0);
    assertThat(sample.clients().get(0).rci()).isCloseTo(-2.055480, within(5e-7));
    assertThat(sample.clients())
        .extracting(ReliableChangeIndex::category)
        .containsExactly(
            ChangeCategory.IMPROVED, ChangeCategory.UNCHANGED, ChangeCategory.DETERIORATED);
    assertThat(sample.counts())
        .containsExactly(
            Map.entry(ChangeCategory.IMPROVED, 1),
            Map.entry(ChangeCategory.UNCHANGED, 1),
            Map.entry(ChangeCategory.DETERIORATED, 1));
  }

  @Test
  void clientsMissingAScoreAreDroppedBeforeTheSd() {
    List<ReliableChangePair> pairs =
        List.of(
            ReliableChangePair.of("a", 20, 7),
            new ReliableChangePair("no-post", OptionalDouble.of(100), OptionalDouble.empty()),
            ReliableChangePair.of("b", 30, 28),
            new ReliableChangePair("no-pre", OptionalDouble.empty(), OptionalDouble.of(0)),
            new ReliableChangePair("neither", OptionalDouble.empty(), OptionalDouble.empty()),
            ReliableChangePair.of("c", 40, 53));

    ReliableChangeSample sample =
        ReliableChange.ofSample(pairs, HIGHER_IS_WORSE, ReliableChangeOptions.jacobsonTruax(0.8));

    // With the pre score 100 of "no-post" the SD would be 36.06; left out first, it stays 10.
    assertThat(sample.statistics().sdPre()).isCloseTo(10, within(1e-12));
    assertThat(sample.statistics().meanPre()).isCloseTo(30, within(1e-12));
    assertThat(sample.statistics().meanPost()).isCloseTo(88.0 / 3, within(1e-12));
    assertThat(sample.statistics().clientsUsed()).isEqualTo(3);
    assertThat(sample.statistics().clientsDropped()).isEqualTo(3);
    assertThat(sample.droppedClients()).containsExactly("no-post", "no-pre", "neither");
    assertThat(sample.clients())
        .extracting(ReliableChangeIndex::client)
        .containsExactly("a", "b", "c");
    assertThat(sample.clients())
        .extracting(ReliableChangeIndex::category)
        .containsExactly(
            ChangeCategory.IMPROVED, ChangeCategory.UNCHANGED, ChangeCategory.DETERIORATED);
  }

  @Test
  void rciJustInsideAndJustBeyondTheCriticalValue() {
    double sDiff = 10 * Math.sqrt(0.2) * Math.sqrt(2);
    List<ReliableChangePair> pairs =
        List.of(
            ReliableChangePair.of("just-below", 20, 20 + (Z - 1e-6) * sDiff),
            ReliableChangePair.of("just-above", 30, 30 + (Z + 1e-6) * sDiff),
            ReliableChangePair.of("down-just-below", 40, 40 - (Z - 1e-6) * sDiff),
            ReliableChangePair.of("down-just-above", 30, 30 - (Z + 1e-6) * sDiff));

    ReliableChangeSample sample =
        ReliableChange.ofSample(
            List.of(pairs.get(0), pairs.get(1), pairs.get(2)),
            HIGHER_IS_BETTER,
            ReliableChangeOptions.jacobsonTruax(0.8));

    assertThat(sample.clients())
        .extracting(ReliableChangeIndex::category)
        .containsExactly(
            ChangeCategory.UNCHANGED, ChangeCategory.IMPROVED, ChangeCategory.UNCHANGED);
    ReliableChangeSample down =
        ReliableChange.ofSample(
            List.of(ReliableChangePair.of("x", 20, 20), pairs.get(3), pairs.get(2)),
            HIGHER_IS_BETTER,
            ReliableChangeOptions.jacobsonTruax(0.8));
    assertThat(down.clients())
        .extracting(ReliableChangeIndex::category)
        .containsExactly(
            ChangeCategory.UNCHANGED, ChangeCategory.DETERIORATED, ChangeCategory.UNCHANGED);
  }

  @Test
  void everyMethodUsesTheSampleStatistics() {
    List<ReliableChangePair> pairs =
        List.of(
            ReliableChangePair.of("a", 20, 7),
            ReliableChangePair.of("b", 30, 28),
            ReliableChangePair.of("c", 40, 53));
    double mPre = 30;
    double mPost = 88.0 / 3;
    double sdPre = 10;

    List<Double> gln = rcis(pairs, ReliableChangeOptions.of(RciMethod.GLN, 0.8));
    assertThat(gln.get(0))
        .isCloseTo(
            ReliableChangeFormulas.gulliksenLordNovick(20, 7, mPre, sdPre, 0.8), within(1e-12));
    assertThat(gln.get(1))
        .isCloseTo(
            ReliableChangeFormulas.gulliksenLordNovick(30, 28, mPre, sdPre, 0.8), within(1e-12));
    assertThat(gln.get(2))
        .isCloseTo(
            ReliableChangeFormulas.gulliksenLordNovick(40, 53, mPre, sdPre, 0.8), within(1e-12));
    assertThat(rcis(pairs, ReliableChangeOptions.of(RciMethod.HLL, 0.8)).get(2))
        .isCloseTo(
            ReliableChangeFormulas.hsuLinnLord(40, 53, mPre, mPost, sdPre, 0.8), within(1e-12));
    assertThat(rcis(pairs, ReliableChangeOptions.of(RciMethod.EN, 0.8)).get(0))
        .isCloseTo(ReliableChangeFormulas.edwardsNunnally(20, 7, mPre, sdPre, 0.8), within(1e-12));
    assertThat(rcis(pairs, ReliableChangeOptions.of(RciMethod.NK, 0.8)).get(0))
        .isCloseTo(
            ReliableChangeFormulas.nunnallyKotsch(20, 7, mPre, sdPre, 0.8, 0.8), within(1e-12));
    ReliableChangeSample nk =
        ReliableChange.ofSample(
            pairs,
            HIGHER_IS_WORSE,
            ReliableChangeOptions.of(RciMethod.NK, 0.8).withReliabilityPost(0.9));
    assertThat(nk.statistics().reliabilityPost()).hasValue(0.9);
    assertThat(nk.clients().get(0).rci())
        .isCloseTo(
            ReliableChangeFormulas.nunnallyKotsch(20, 7, mPre, sdPre, 0.8, 0.9), within(1e-12));
  }

  @Test
  void hagemanArrindellReportsTheReliabilityOfTheDifferenceAndTestsOneSided() {
    List<ReliableChangePair> pairs =
        List.of(
            ReliableChangePair.of("a", 20, 7), ReliableChangePair.of("b", 30, 28),
            ReliableChangePair.of("c", 40, 53), ReliableChangePair.of("d", 25, 30));

    ReliableChangeSample sample =
        ReliableChange.ofSample(
            pairs, HIGHER_IS_WORSE, ReliableChangeOptions.of(RciMethod.HA, 0.8));

    ReliableChangeStatistics s = sample.statistics();
    assertThat(s.criticalValue()).isCloseTo(1.644854, within(5e-7));
    double rPrePost = s.prePostCorrelation().orElseThrow();
    double rdd = ReliableChangeFormulas.differenceReliability(s.sdPre(), s.sdPost(), 0.8, rPrePost);
    assertThat(s.differenceReliability()).hasValue(rdd);
    assertThat(s.denominator())
        .isCloseTo(Math.sqrt(rdd) * s.standardErrorOfDifference(), within(1e-12));
    assertThat(sample.clients().get(0).rci())
        .isCloseTo(
            ReliableChangeFormulas.hagemanArrindell(
                20, 7, s.meanPre(), s.meanPost(), s.sdPre(), 0.8, rdd),
            within(1e-12));
  }

  @Test
  void refusesSamplesThatCannotBeJudged() {
    ReliableChangeOptions jt = ReliableChangeOptions.jacobsonTruax(0.8);
    assertThatThrownBy(
            () ->
                ReliableChange.ofSample(
                    List.of(
                        ReliableChangePair.of("a", 20, 7),
                        new ReliableChangePair("b", OptionalDouble.of(3), OptionalDouble.empty())),
                    HIGHER_IS_WORSE,
                    jt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 clients with both scores; 1 had both, 1 were left out");
    assertThatThrownBy(
            () ->
                ReliableChange.ofSample(
                    List.of(ReliableChangePair.of("a", 20, 7), ReliableChangePair.of("b", 20, 9)),
                    HIGHER_IS_WORSE,
                    jt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("do not vary");
    assertThatThrownBy(
            () ->
                ReliableChange.ofSample(
                    List.of(ReliableChangePair.of("a", 20, 7), ReliableChangePair.of("a", 30, 9)),
                    HIGHER_IS_WORSE,
                    jt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("client a appears twice");
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> ReliableChangeOptions.jacobsonTruax(1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReliableChangeOptions.jacobsonTruax(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReliableChangeOptions.jacobsonTruax(0.8).withAlpha(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReliableChangeOptions.jacobsonTruax(0.8).withReliabilityPost(0.9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NK method only");
    assertThat(ReliableChangeOptions.jacobsonTruax(0.8).withAlpha(0.01).criticalValue())
        .isCloseTo(2.575829, within(5e-7));
    assertThatThrownBy(() -> ReliableChangePair.of("a", Double.NaN, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pairsFromACourse() {
    Measure hamd = Measure.column("hamd", HIGHER_IS_WORSE, Construct.OUTCOME);
    Course course =
        new Course(
            "c",
            hamd,
            List.of(Observation.of(1, 25), Observation.of(2, 17), Observation.of(4, 13)));

    assertThat(ReliableChangePair.fromCourse(course, 1, 4))
        .isEqualTo(ReliableChangePair.of("c", 25, 13));
    assertThat(ReliableChangePair.fromCourse(course, 1, 3).post()).isEmpty();
    assertThat(ReliableChangePair.firstAndLast(course))
        .isEqualTo(ReliableChangePair.of("c", 25, 13));
    assertThat(
            ReliableChangePair.firstAndLast(new Course("d", hamd, List.of(Observation.of(1, 25))))
                .isComplete())
        .isFalse();
  }

  private static List<Double> rcis(List<ReliableChangePair> pairs, ReliableChangeOptions options) {
    return ReliableChange.ofSample(pairs, HIGHER_IS_WORSE, options).clients().stream()
        .map(ReliableChangeIndex::rci)
        .toList();
  }
}
