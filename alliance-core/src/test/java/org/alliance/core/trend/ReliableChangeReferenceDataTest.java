package org.alliance.core.trend;

import static org.alliance.core.instrument.Direction.HIGHER_IS_BETTER;
import static org.alliance.core.instrument.Direction.HIGHER_IS_WORSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alliance.core.instrument.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reliable and clinically significant change on the example data of the R package
 * clinicalsignificance (Claus et al.), end to end, against the figures that package publishes where
 * it publishes any, and against a plain-arithmetic recomputation in this test.
 *
 * <p>Published figures, all with pre = time 1 and post = time 4 of claus_2020 (40 of 43 clients
 * used):
 *
 * <ul>
 *   <li>HAMD, r .80: JT 29 improved, 10 unchanged, 1 deteriorated; HA 32, 7, 1. Vignette
 *       "Distribution-Based Approach", {@code inst/doc/distribution-based-approach.html} of the
 *       CRAN release (cran/clinicalsignificance).
 *   <li>BDI-II, r .801: JT 18 improved, 22 unchanged, 0 deteriorated; HA 25, 15, 0. Article {@code
 *       articles/distribution-based-approach.md} of the package site
 *       (benediktclaus/clinicalsignificance).
 *   <li>BDI-II, r .801, functional 7.69 (7.52), cutoff a: M clinical 35.48, SD 8.16, cutoff 19.16;
 *       10 recovered, 8 improved, 22 unchanged, 0 deteriorated, 0 harmed; with a minimal important
 *       difference of 7 instead of the RCI: 13, 12, 11, 4, 0. Article {@code
 *       articles/combined-approach.md}.
 *   <li>BDI-II cutoff c = 21.02, 13 clients clinical before and functional after. Article {@code
 *       articles/statistical-approach.md}; with JT, 10 recovered, 8 improved, 22 unchanged
 *       (vignette "Get started", {@code inst/doc/clinicalsignificance.Rmd}, package version 1.x).
 *   <li>BDI-II, change of at least 7 points: 25 improved, 11 unchanged, 4 deteriorated. {@code
 *       README.md} of the CRAN release.
 * </ul>
 *
 * The package publishes no results for jacobson_1989 (its examples run it with reliability .80
 * without printing output), so those counts are the toolkit's own, checked by the recomputation
 * only.
 */
class ReliableChangeReferenceDataTest {
  private static final ReliableChangeOptions HAMD = ReliableChangeOptions.jacobsonTruax(0.80);
  private static final ReliableChangeOptions BDI = ReliableChangeOptions.jacobsonTruax(0.801);

  // ---- claus_2020, HAMD

  @Test
  void clausHamdJacobsonTruaxMatchesThePackage() {
    ReliableChangeSample sample =
        ReliableChange.ofSample(
            ReliableChangeReferenceData.claus("hamd", 1, 4), HIGHER_IS_WORSE, HAMD);

    assertThat(sample.statistics().clientsUsed()).isEqualTo(40);
    assertThat(sample.statistics().clientsDropped()).isEqualTo(3);
    assertThat(sample.statistics().meanPre()).isCloseTo(24.85, within(1e-9));
    assertThat(counts(sample)).containsExactly(29, 10, 1);
  }

  @Test
  void clausHamdHagemanArrindellMatchesThePackage() {
    ReliableChangeSample sample =
        ReliableChange.ofSample(
            ReliableChangeReferenceData.claus("hamd", 1, 4),
            HIGHER_IS_WORSE,
            ReliableChangeOptions.of(RciMethod.HA, 0.80));

    assertThat(sample.statistics().criticalValue()).isCloseTo(1.644854, within(5e-7));
    assertThat(counts(sample)).containsExactly(32, 7, 1);
  }

  @Test
  void clausHamdClinicallySignificantChangeWithTheFunctionalNorms() {
    // The toolkit's own counts (functional mean 8, SD 8); cutoffs a 18.169757, b 24, b with SD_clin
    // 14.680243, c 19.886998.
    List<ReliableChangePair> pairs = ReliableChangeReferenceData.claus("hamd", 1, 4);
    Map<ClinicalSignificanceCutoff, List<Integer>> expected =
        Map.of(
            ClinicalSignificanceCutoff.A, List.of(26, 3, 10, 1, 0),
            ClinicalSignificanceCutoff.B, List.of(17, 12, 10, 0, 1),
            ClinicalSignificanceCutoff.B_CLINICAL_SD, List.of(19, 10, 10, 1, 0),
            ClinicalSignificanceCutoff.C, List.of(26, 3, 10, 1, 0));
    Map<ClinicalSignificanceCutoff, Double> cutoffs =
        Map.of(
            ClinicalSignificanceCutoff.A,
            18.169757,
            ClinicalSignificanceCutoff.B,
            24.0,
            ClinicalSignificanceCutoff.B_CLINICAL_SD,
            14.680243,
            ClinicalSignificanceCutoff.C,
            19.886998);

    expected.forEach(
        (cutoff, counts) -> {
          ClinicalSignificanceSample sample =
              ClinicalSignificance.ofSample(pairs, HIGHER_IS_WORSE, HAMD, cutoff, 8, 8);
          assertThat(sample.cutoff())
              .as("cutoff %s", cutoff)
              .isCloseTo(cutoffs.get(cutoff), within(5e-7));
          assertThat(counts(sample)).as("cutoff %s", cutoff).isEqualTo(counts);
        });
  }

  // ---- claus_2020, BDI-II

  @Test
  void clausBdiReliableChangeMatchesThePackage() {
    List<ReliableChangePair> pairs = ReliableChangeReferenceData.claus("bdi", 1, 4);

    assertThat(counts(ReliableChange.ofSample(pairs, HIGHER_IS_WORSE, BDI)))
        .containsExactly(18, 22, 0);
    assertThat(
            counts(
                ReliableChange.ofSample(
                    pairs, HIGHER_IS_WORSE, ReliableChangeOptions.of(RciMethod.HA, 0.801))))
        .containsExactly(25, 15, 0);
  }

  @Test
  void clausBdiClinicallySignificantChangeMatchesThePackage() {
    List<ReliableChangePair> pairs = ReliableChangeReferenceData.claus("bdi", 1, 4);

    ClinicalSignificanceSample a =
        ClinicalSignificance.ofSample(
            pairs, HIGHER_IS_WORSE, BDI, ClinicalSignificanceCutoff.A, 7.69, 7.52);
    assertThat(a.cutoffs().clinicalMean()).isCloseTo(35.48, within(0.005));
    assertThat(a.cutoffs().clinicalSd()).isCloseTo(8.16, within(0.005));
    assertThat(a.cutoff()).isCloseTo(19.16, within(0.005));
    assertThat(counts(a)).containsExactly(10, 8, 22, 0, 0);

    ClinicalSignificanceSample c =
        ClinicalSignificance.ofSample(
            pairs, HIGHER_IS_WORSE, BDI, ClinicalSignificanceCutoff.C, 7.69, 7.52);
    assertThat(c.cutoff()).isCloseTo(21.02, within(0.005));
    assertThat(counts(c)).containsExactly(10, 8, 22, 0, 0);
    assertThat(
            c.clients().stream()
                .filter(client -> client.clinicalAtPre() && client.functionalAtPost())
                .count())
        .isEqualTo(13);
  }

  @Test
  void clausBdiWithAThresholdOfSevenPointsMatchesThePackage() {
    List<ReliableChangePair> complete =
        ReliableChangeReferenceData.claus("bdi", 1, 4).stream()
            .filter(ReliableChangePair::isComplete)
            .toList();
    assertThat(complete).hasSize(40);
    // The package's anchor-based approach counts a change of at least the MID, as the toolkit's
    // threshold does.
    List<ChangeCategory> byThreshold =
        complete.stream()
            .map(
                pair ->
                    ReliableChange.byThreshold(
                            pair.pre().getAsDouble(), pair.post().getAsDouble(), 7, HIGHER_IS_WORSE)
                        .category())
            .toList();
    assertThat(
            countsOf(
                byThreshold,
                ChangeCategory.IMPROVED,
                ChangeCategory.UNCHANGED,
                ChangeCategory.DETERIORATED))
        .containsExactly(25, 11, 4);

    // Combined with cutoff a of the sample, the package's "CWB" approach.
    ClinicalSignificanceCutoffs populations =
        ClinicalSignificance.ofSample(complete, HIGHER_IS_WORSE, BDI).cutoffs();
    List<ChangeCategory> combined = new ArrayList<>();
    for (int i = 0; i < complete.size(); i++) {
      double pre = complete.get(i).pre().getAsDouble();
      double post = complete.get(i).post().getAsDouble();
      combined.add(
          ClinicalSignificance.combine(
              byThreshold.get(i),
              ClinicalSignificance.isClinical(pre, populations.a(), HIGHER_IS_WORSE),
              ClinicalSignificance.isFunctional(post, populations.a(), HIGHER_IS_WORSE)));
    }
    assertThat(countsOf(combined, ChangeCategory.values())).containsExactly(13, 12, 11, 4, 0);
  }

  @Test
  void clausCoursesGiveTheSamePairsAsTheirFirstAndLastObservations() {
    // Every client has time 1; where time 4 is missing, the first-and-last pair would take an
    // earlier time,
    // so only clients observed at time 4 agree.
    for (Course course : ReliableChangeReferenceData.clausCourses("hamd")) {
      ReliableChangePair pair = ReliableChangePair.fromCourse(course, 1, 4);
      if (pair.isComplete()) {
        assertThat(ReliableChangePair.firstAndLast(course)).isEqualTo(pair);
      }
    }
  }

  // ---- jacobson_1989

  @Test
  void jacobsonDyadicAdjustmentHigherIsBetter() {
    List<ReliableChangePair> pairs = ReliableChangeReferenceData.jacobson("das");
    ReliableChangeSample jt =
        ReliableChange.ofSample(pairs, HIGHER_IS_BETTER, ReliableChangeOptions.jacobsonTruax(0.80));

    assertThat(jt.statistics().clientsUsed()).isEqualTo(30);
    assertThat(jt.statistics().clientsDropped()).isZero();
    assertThat(jt.statistics().meanPre()).isCloseTo(81.583333, within(5e-7));
    assertThat(counts(jt)).containsExactly(16, 13, 1);
    assertThat(
            counts(
                ReliableChange.ofSample(
                    pairs, HIGHER_IS_BETTER, ReliableChangeOptions.of(RciMethod.HA, 0.80))))
        .containsExactly(19, 10, 1);
  }

  @Test
  void jacobsonGlobalDistressLowerIsBetterDropsTheCouplesWithoutPost() {
    List<ReliableChangePair> pairs = ReliableChangeReferenceData.jacobson("gds");
    ReliableChangeSample jt =
        ReliableChange.ofSample(pairs, HIGHER_IS_WORSE, ReliableChangeOptions.jacobsonTruax(0.80));

    assertThat(jt.droppedClients()).containsExactly("27", "28", "29", "30");
    assertThat(jt.statistics().clientsUsed()).isEqualTo(26);
    // Over the 26 couples with both scores, not the 30 with a pre score.
    assertThat(jt.statistics().meanPre()).isCloseTo(69.153846, within(5e-7));
    double[] completePre =
        pairs.subList(0, 26).stream().mapToDouble(p -> p.pre().getAsDouble()).toArray();
    assertThat(jt.statistics().sdPre()).isCloseTo(plainSd(completePre), within(1e-9));
    assertThat(counts(jt)).containsExactly(14, 12, 0);
    assertThat(
            counts(
                ReliableChange.ofSample(
                    pairs, HIGHER_IS_WORSE, ReliableChangeOptions.of(RciMethod.HA, 0.80))))
        .containsExactly(17, 9, 0);
    // With the functional mean 30 and SD 7 of the package's own example call, cutoff c = 50.918581.
    ClinicalSignificanceSample c =
        ClinicalSignificance.ofSample(
            pairs,
            HIGHER_IS_WORSE,
            ReliableChangeOptions.jacobsonTruax(0.80),
            ClinicalSignificanceCutoff.C,
            30,
            7);
    assertThat(c.cutoff()).isCloseTo(50.918581, within(5e-7));
    assertThat(counts(c)).containsExactly(3, 11, 12, 0, 0);
  }

  // ---- the same analyses by a different route

  static Stream<Arguments> dataSets() {
    return Stream.of(
        Arguments.of(
            "jacobson das",
            ReliableChangeReferenceData.jacobson("das"),
            HIGHER_IS_BETTER,
            0.80,
            100.0,
            15.0),
        Arguments.of(
            "jacobson gds",
            ReliableChangeReferenceData.jacobson("gds"),
            HIGHER_IS_WORSE,
            0.80,
            30.0,
            7.0),
        Arguments.of(
            "claus hamd",
            ReliableChangeReferenceData.claus("hamd", 1, 4),
            HIGHER_IS_WORSE,
            0.80,
            8.0,
            8.0),
        Arguments.of(
            "claus bdi",
            ReliableChangeReferenceData.claus("bdi", 1, 4),
            HIGHER_IS_WORSE,
            0.801,
            7.69,
            7.52));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataSets")
  void jacobsonTruaxAndHagemanArrindellAgreeWithPlainArithmetic(
      String name,
      List<ReliableChangePair> pairs,
      Direction direction,
      double r,
      double mFunc,
      double sdFunc) {
    List<ReliableChangePair> complete =
        pairs.stream().filter(ReliableChangePair::isComplete).toList();
    double[] pre = complete.stream().mapToDouble(p -> p.pre().getAsDouble()).toArray();
    double[] post = complete.stream().mapToDouble(p -> p.post().getAsDouble()).toArray();
    double mPre = plainMean(pre);
    double sdPre = plainSd(pre);
    double mPost = plainMean(post);
    double sdPost = plainSd(post);
    double se = sdPre * Math.sqrt(1 - r);
    // Critical values written out, not computed: qnorm(.975) and qnorm(.95) in R.
    double z2 = 1.959963984540054;
    double z1 = 1.6448536269514722;

    ReliableChangeSample jt =
        ReliableChange.ofSample(pairs, direction, ReliableChangeOptions.jacobsonTruax(r));
    double rPrePost = plainCorrelation(pre, post);
    double rxxPost = (sdPost * sdPost - se * se) / (sdPost * sdPost);
    double rdd =
        (sdPre * sdPre * r + sdPost * sdPost * rxxPost - 2 * sdPre * sdPost * rPrePost)
            / (sdPre * sdPre + sdPost * sdPost - 2 * sdPre * sdPost * rPrePost);
    ReliableChangeSample ha =
        ReliableChange.ofSample(pairs, direction, ReliableChangeOptions.of(RciMethod.HA, r));
    assertThat(jt.statistics().sdPre()).isCloseTo(sdPre, within(1e-9));
    assertThat(ha.statistics().differenceReliability().orElseThrow()).isCloseTo(rdd, within(1e-9));

    for (int i = 0; i < complete.size(); i++) {
      double d = direction.sign();
      double rciJt = (post[i] - pre[i]) / (Math.sqrt(2) * se);
      double rciHa =
          ((post[i] - pre[i]) * rdd + (mPost - mPre) * (1 - rdd))
              / (Math.sqrt(rdd) * Math.sqrt(2 * se * se));
      assertThat(jt.clients().get(i).rci()).isCloseTo(rciJt, within(1e-9));
      assertThat(jt.clients().get(i).category())
          .as("%s JT client %s", name, i)
          .isEqualTo(plainCategory(d * rciJt, z2));
      assertThat(ha.clients().get(i).rci()).isCloseTo(rciHa, within(1e-9));
      assertThat(ha.clients().get(i).category())
          .as("%s HA client %s", name, i)
          .isEqualTo(plainCategory(d * rciHa, z1));
    }
  }

  @ParameterizedTest(name = "cutoff {0}")
  @EnumSource(ClinicalSignificanceCutoff.class)
  void clinicallySignificantChangeAgreesWithPlainArithmetic(ClinicalSignificanceCutoff cutoff) {
    dataSets()
        .forEach(
            arguments -> {
              Object[] a = arguments.get();
              @SuppressWarnings("unchecked")
              List<ReliableChangePair> pairs = (List<ReliableChangePair>) a[1];
              Direction direction = (Direction) a[2];
              double r = (double) a[3];
              double mFunc = (double) a[4];
              double sdFunc = (double) a[5];
              List<ReliableChangePair> complete =
                  pairs.stream().filter(ReliableChangePair::isComplete).toList();
              double[] pre = complete.stream().mapToDouble(p -> p.pre().getAsDouble()).toArray();
              double mClin = plainMean(pre);
              double sdClin = plainSd(pre);
              double d = direction.sign();
              double value =
                  switch (cutoff) {
                    case A -> mClin + d * 2 * sdClin;
                    case B -> mFunc - d * 2 * sdFunc;
                    case B_CLINICAL_SD -> mFunc - d * 2 * sdClin;
                    case C -> (sdClin * mFunc + sdFunc * mClin) / (sdClin + sdFunc);
                  };

              ClinicalSignificanceSample sample =
                  ClinicalSignificance.ofSample(
                      pairs,
                      direction,
                      ReliableChangeOptions.jacobsonTruax(r),
                      cutoff,
                      mFunc,
                      sdFunc);

              assertThat(sample.cutoff()).as("%s", a[0]).isCloseTo(value, within(1e-9));
              for (int i = 0; i < complete.size(); i++) {
                double x = complete.get(i).pre().getAsDouble();
                double y = complete.get(i).post().getAsDouble();
                double rci = (y - x) / (Math.sqrt(2) * sdClin * Math.sqrt(1 - r));
                boolean improved = d * rci > 1.959963984540054;
                boolean deteriorated = d * rci < -1.959963984540054;
                boolean clinical = d * x < d * value;
                boolean functional = d * y > d * value;
                ChangeCategory expected;
                if (improved && clinical && functional) {
                  expected = ChangeCategory.RECOVERED;
                } else if (improved) {
                  expected = ChangeCategory.IMPROVED;
                } else if (deteriorated && !clinical && !functional) {
                  expected = ChangeCategory.HARMED;
                } else if (deteriorated) {
                  expected = ChangeCategory.DETERIORATED;
                } else {
                  expected = ChangeCategory.UNCHANGED;
                }
                assertThat(sample.clients().get(i).category())
                    .as("%s client %s", a[0], complete.get(i).client())
                    .isEqualTo(expected);
              }
            });
  }

  // ---- helpers

  private static List<Integer> counts(ReliableChangeSample sample) {
    return countsOf(
        sample.clients().stream().map(ReliableChangeIndex::category).toList(),
        ChangeCategory.IMPROVED,
        ChangeCategory.UNCHANGED,
        ChangeCategory.DETERIORATED);
  }

  /** Recovered, improved, unchanged, deteriorated, harmed. */
  private static List<Integer> counts(ClinicalSignificanceSample sample) {
    return countsOf(
        sample.clients().stream().map(ClinicalSignificanceClient::category).toList(),
        ChangeCategory.values());
  }

  private static List<Integer> countsOf(List<ChangeCategory> categories, ChangeCategory... order) {
    List<Integer> counts = new ArrayList<>();
    for (ChangeCategory category : order) {
      counts.add((int) categories.stream().filter(c -> c == category).count());
    }
    return counts;
  }

  private static ChangeCategory plainCategory(double orientedRci, double z) {
    if (orientedRci > z) {
      return ChangeCategory.IMPROVED;
    }
    return orientedRci < -z ? ChangeCategory.DETERIORATED : ChangeCategory.UNCHANGED;
  }

  private static double plainMean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }

  private static double plainSd(double[] values) {
    double mean = plainMean(values);
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }

  private static double plainCorrelation(double[] x, double[] y) {
    double mx = plainMean(x);
    double my = plainMean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
