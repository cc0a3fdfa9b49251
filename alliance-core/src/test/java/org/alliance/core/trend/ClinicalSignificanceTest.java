package org.alliance.core.trend;

import static org.alliance.core.instrument.Direction.HIGHER_IS_BETTER;
import static org.alliance.core.instrument.Direction.HIGHER_IS_WORSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Norms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClinicalSignificanceTest {
  /** The unit case of METHODS.md section 2, with a reliability for the RCI. */
  private static final Norms UNIT = new Norms(40, 7.5, 60, 7.5, 0.80, "unit case");

  @Test
  void cutoffsOfTheUnitCase() {
    ClinicalSignificanceCutoffs higherBetter =
        ClinicalSignificanceCutoffs.of(UNIT, HIGHER_IS_BETTER);
    ClinicalSignificanceCutoffs lowerBetter = ClinicalSignificanceCutoffs.of(UNIT, HIGHER_IS_WORSE);

    assertThat(higherBetter.c()).isCloseTo(50, within(5e-7));
    assertThat(lowerBetter.c()).isCloseTo(50, within(5e-7));
    assertThat(higherBetter.a()).isCloseTo(55, within(5e-7));
    assertThat(lowerBetter.a()).isCloseTo(25, within(5e-7));
    assertThat(higherBetter.b()).isCloseTo(45, within(5e-7));
    assertThat(lowerBetter.b()).isCloseTo(75, within(5e-7));
    assertThat(higherBetter.value(ClinicalSignificanceCutoff.C)).isEqualTo(higherBetter.c());
  }

  @Test
  void bUsesTheFunctionalSdByDefaultAndTheClinicalSdInThePackageVariant() {
    ClinicalSignificanceCutoffs higherBetter =
        ClinicalSignificanceCutoffs.of(40, 10, 60, 5, HIGHER_IS_BETTER);
    ClinicalSignificanceCutoffs lowerBetter =
        ClinicalSignificanceCutoffs.of(40, 10, 60, 5, HIGHER_IS_WORSE);

    assertThat(higherBetter.value(ClinicalSignificanceCutoff.B)).isCloseTo(50, within(1e-12));
    assertThat(higherBetter.value(ClinicalSignificanceCutoff.B_CLINICAL_SD))
        .isCloseTo(40, within(1e-12));
    assertThat(lowerBetter.value(ClinicalSignificanceCutoff.B)).isCloseTo(70, within(1e-12));
    assertThat(lowerBetter.value(ClinicalSignificanceCutoff.B_CLINICAL_SD))
        .isCloseTo(80, within(1e-12));
    assertThat(higherBetter.c()).isCloseTo(800.0 / 15, within(1e-12));
    assertThat(higherBetter.a()).isCloseTo(60, within(1e-12));
  }

  @Test
  void withoutFunctionalNormsOnlyCutoffA() {
    ClinicalSignificanceCutoffs clinicalOnly =
        ClinicalSignificanceCutoffs.clinicalOnly(40, 7.5, HIGHER_IS_WORSE);

    assertThat(clinicalOnly.hasFunctionalNorms()).isFalse();
    assertThat(clinicalOnly.a()).isEqualTo(25);
    assertThatThrownBy(clinicalOnly::b)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("functional");
    assertThatThrownBy(() -> clinicalOnly.value(ClinicalSignificanceCutoff.C))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                new ClinicalSignificanceCutoffs(
                    40, 7.5, OptionalDouble.of(60), OptionalDouble.empty(), HIGHER_IS_WORSE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClinicalSignificanceCutoffs.of(40, 0, 60, 7.5, HIGHER_IS_WORSE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}: score {1}, cutoff 50 -> clinical {2}, functional {3}")
  @CsvSource({
    "HIGHER_IS_BETTER, 50, false, false",
    "HIGHER_IS_BETTER, 49.999, true, false",
    "HIGHER_IS_BETTER, 50.001, false, true",
    "HIGHER_IS_WORSE, 50, false, false",
    "HIGHER_IS_WORSE, 50.001, true, false",
    "HIGHER_IS_WORSE, 49.999, false, true",
  })
  void aScoreExactlyAtTheCutoffIsNeitherClinicalNorFunctional(
      Direction direction, double score, boolean clinical, boolean functional) {
    assertThat(ClinicalSignificance.isClinical(score, 50, direction)).isEqualTo(clinical);
    assertThat(ClinicalSignificance.isFunctional(score, 50, direction)).isEqualTo(functional);
  }

  @ParameterizedTest(name = "{0}, clinical at pre {1}, functional at post {2} -> {3}")
  @CsvSource({
    "IMPROVED, true, true, RECOVERED",
    "IMPROVED, true, false, IMPROVED",
    "IMPROVED, false, true, IMPROVED",
    "IMPROVED, false, false, IMPROVED",
    "DETERIORATED, false, false, HARMED",
    "DETERIORATED, true, false, DETERIORATED",
    "DETERIORATED, false, true, DETERIORATED",
    "DETERIORATED, true, true, DETERIORATED",
    "UNCHANGED, true, true, UNCHANGED",
    "UNCHANGED, true, false, UNCHANGED",
    "UNCHANGED, false, true, UNCHANGED",
    "UNCHANGED, false, false, UNCHANGED",
  })
  void combinedCategories(
      ChangeCategory reliableChange,
      boolean clinicalAtPre,
      boolean functionalAtPost,
      ChangeCategory expected) {
    assertThat(ClinicalSignificance.combine(reliableChange, clinicalAtPre, functionalAtPost))
        .isEqualTo(expected);
  }

  @Test
  void combineNeedsAReliableChangeCategory() {
    assertThatThrownBy(() -> ClinicalSignificance.combine(ChangeCategory.RECOVERED, true, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void perClientFromNormsWithAClientExactlyAtTheCutoff() {
    // Higher is better, cutoff c = 50; S_diff = 7.5 sqrt(.2) sqrt(2) = 4.743416.
    ClinicalSignificanceClient atCutoffBefore =
        ClinicalSignificance.ofClient(
            "at-pre", 50, 70, UNIT, HIGHER_IS_BETTER, ClinicalSignificanceCutoff.C);
    ClinicalSignificanceClient atCutoffAfter =
        ClinicalSignificance.ofClient(
            "at-post", 40, 50, UNIT, HIGHER_IS_BETTER, ClinicalSignificanceCutoff.C);
    ClinicalSignificanceClient recovered =
        ClinicalSignificance.ofClient(
            "rec", 45, 60.5, UNIT, HIGHER_IS_BETTER, ClinicalSignificanceCutoff.C);

    assertThat(atCutoffBefore.rci()).isCloseTo(20 / 4.743416, within(1e-6));
    assertThat(atCutoffBefore.reliableChange()).isEqualTo(ChangeCategory.IMPROVED);
    assertThat(atCutoffBefore.clinicalAtPre()).isFalse();
    assertThat(atCutoffBefore.category()).isEqualTo(ChangeCategory.IMPROVED);
    assertThat(atCutoffAfter.reliableChange()).isEqualTo(ChangeCategory.IMPROVED);
    assertThat(atCutoffAfter.clinicalAtPre()).isTrue();
    assertThat(atCutoffAfter.functionalAtPost()).isFalse();
    assertThat(atCutoffAfter.category()).isEqualTo(ChangeCategory.IMPROVED);
    assertThat(recovered.category()).isEqualTo(ChangeCategory.RECOVERED);
    assertThat(recovered.change()).isEqualTo(15.5);
  }

  @Test
  void perCourseFromTheInstrumentNorms() {
    // CORE-10: clinical 19.7 (7.7), functional 4.7 (4.8), r .90; lower is better.
    // c = (7.7 * 4.7 + 4.8 * 19.7) / 12.5 = 10.46; S_diff = 7.7 sqrt(.1) sqrt(2) = 3.443254.
    Measure core10 = Measure.of(Catalog.builtIn().get("core-10"));
    Course recovered =
        new Course(
            "r",
            core10,
            List.of(Observation.of(1, 20), Observation.of(2, 15), Observation.of(6, 8)));
    Course unchanged =
        new Course("u", core10, List.of(Observation.of(1, 20), Observation.of(3, 14)));
    Course harmed = new Course("h", core10, List.of(Observation.of(1, 9), Observation.of(3, 16)));

    ClinicalSignificanceClient r =
        ClinicalSignificance.ofCourse(recovered, ClinicalSignificanceCutoff.C).orElseThrow();
    assertThat(r.rci()).isCloseTo(-12 / (7.7 * Math.sqrt(0.1) * Math.sqrt(2)), within(1e-12));
    assertThat(r.category()).isEqualTo(ChangeCategory.RECOVERED);
    assertThat(
            ClinicalSignificance.ofCourse(unchanged, ClinicalSignificanceCutoff.C)
                .orElseThrow()
                .category())
        .isEqualTo(ChangeCategory.UNCHANGED);
    assertThat(
            ClinicalSignificance.ofCourse(harmed, ClinicalSignificanceCutoff.C)
                .orElseThrow()
                .category())
        .isEqualTo(ChangeCategory.HARMED);
    Course single = new Course("one", core10, List.of(Observation.of(1, 20)));
    assertThat(ClinicalSignificance.ofCourse(single, ClinicalSignificanceCutoff.C)).isEmpty();
    Measure phq9 = Measure.of(Catalog.builtIn().get("phq-9"));
    assertThatThrownBy(
            () ->
                ClinicalSignificance.ofCourse(
                    new Course("p", phq9, List.of()), ClinicalSignificanceCutoff.C))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("phq-9 has no published norms");
  }

  @Test
  void sampleModeTakesTheClinicalPopulationFromThePreScores() {
    // Pre 20, 30, 40 (M 30, SD 10), lower is better, functional mean 10, SD 5:
    // a = 30 - 20 = 10; b = 10 + 10 = 20; c = (10 * 10 + 5 * 30) / 15 = 16.666667.
    List<ReliableChangePair> pairs =
        List.of(
            ReliableChangePair.of("a", 20, 7),
            new ReliableChangePair("gone", OptionalDouble.of(90), OptionalDouble.empty()),
            ReliableChangePair.of("b", 30, 28),
            ReliableChangePair.of("c", 40, 53));
    ReliableChangeOptions jt = ReliableChangeOptions.jacobsonTruax(0.8);

    ClinicalSignificanceSample c =
        ClinicalSignificance.ofSample(
            pairs, HIGHER_IS_WORSE, jt, ClinicalSignificanceCutoff.C, 10, 5);

    assertThat(c.cutoffs().clinicalMean()).isCloseTo(30, within(1e-12));
    assertThat(c.cutoffs().clinicalSd()).isCloseTo(10, within(1e-12));
    assertThat(c.cutoffs().functionalMean()).hasValue(10);
    assertThat(c.cutoffType()).isEqualTo(ClinicalSignificanceCutoff.C);
    assertThat(c.cutoff()).isCloseTo(50.0 / 3, within(1e-12));
    assertThat(c.droppedClients()).containsExactly("gone");
    assertThat(c.statistics().clientsUsed()).isEqualTo(3);
    // a: 20 -> 7, RCI -2.055, clinical at pre (20 > 16.67) and functional at post (7 < 16.67).
    assertThat(c.clients())
        .extracting(ClinicalSignificanceClient::category)
        .containsExactly(
            ChangeCategory.RECOVERED, ChangeCategory.UNCHANGED, ChangeCategory.DETERIORATED);
    assertThat(c.count(ChangeCategory.RECOVERED)).isEqualTo(1);
    assertThat(c.counts()).hasSize(5).containsEntry(ChangeCategory.HARMED, 0);

    assertThat(
            ClinicalSignificance.ofSample(
                    pairs, HIGHER_IS_WORSE, jt, ClinicalSignificanceCutoff.A, 10, 5)
                .cutoff())
        .isCloseTo(10, within(1e-12));
    assertThat(
            ClinicalSignificance.ofSample(
                    pairs, HIGHER_IS_WORSE, jt, ClinicalSignificanceCutoff.B, 10, 5)
                .cutoff())
        .isCloseTo(20, within(1e-12));
    assertThat(
            ClinicalSignificance.ofSample(
                    pairs, HIGHER_IS_WORSE, jt, ClinicalSignificanceCutoff.B_CLINICAL_SD, 10, 5)
                .cutoff())
        .isCloseTo(30, within(1e-12));
    ClinicalSignificanceSample a = ClinicalSignificance.ofSample(pairs, HIGHER_IS_WORSE, jt);
    assertThat(a.cutoffType()).isEqualTo(ClinicalSignificanceCutoff.A);
    assertThat(a.cutoff()).isCloseTo(10, within(1e-12));
    assertThat(a.cutoffs().hasFunctionalNorms()).isFalse();
    // With cutoff a = 10, client a (20 -> 7) is clinical at pre and functional at post.
    assertThat(a.clients().get(0).category()).isEqualTo(ChangeCategory.RECOVERED);
  }

  @Test
  void hagemanArrindellIsNotCombinedWithJacobsonTruaxCutoffs() {
    List<ReliableChangePair> pairs =
        List.of(
            ReliableChangePair.of("a", 20, 7),
            ReliableChangePair.of("b", 30, 28),
            ReliableChangePair.of("c", 40, 53));

    assertThatThrownBy(
            () ->
                ClinicalSignificance.ofSample(
                    pairs,
                    HIGHER_IS_WORSE,
                    ReliableChangeOptions.of(RciMethod.HA, 0.8),
                    ClinicalSignificanceCutoff.C,
                    10,
                    5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HA method");
  }

  @Test
  void aResultMustBeConsistent() {
    assertThatThrownBy(
            () ->
                new ClinicalSignificanceClient(
                    "x",
                    20,
                    7,
                    -13,
                    -2.5,
                    ChangeCategory.IMPROVED,
                    true,
                    true,
                    ChangeCategory.IMPROVED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
