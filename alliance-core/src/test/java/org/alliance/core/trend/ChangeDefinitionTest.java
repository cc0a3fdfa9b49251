package org.alliance.core.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Norms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeDefinitionTest {
  private static final Measure PHQ9 = Measure.of(Catalog.builtIn().get("phq-9"));
  private static final Measure ORS = Measure.of(Catalog.builtIn().get("ors"));
  private static final Measure CORE10 = Measure.of(Catalog.builtIn().get("core-10"));

  private static ClientChange one(ChangeDefinition definition, double pre, double post) {
    return definition.judge(List.of(ReliableChangePair.of("c", pre, post))).clients().get(0);
  }

  @ParameterizedTest(name = "PHQ-9 {0} -> {1}: {2}")
  @CsvSource({
    // caseness 10 or more; reliable change 6 points or more, exactly 6 counting
    "15, 9, RECOVERED",
    "16, 10, IMPROVED",
    "15, 10, UNCHANGED",
    "9, 3, IMPROVED",
    "10, 16, DETERIORATED",
    "4, 10, HARMED",
    "4, 9, UNCHANGED"
  })
  void thePublishedCutoffCombinesThePublishedValueAndTheCaseness(
      double pre, double post, ChangeCategory expected) {
    ClientChange change = one(ChangeDefinition.publishedCutoff(PHQ9), pre, post);

    assertThat(change.category()).isEqualTo(expected);
    assertThat(change.rci()).isEmpty();
    assertThat(change.change()).isEqualTo(post - pre);
  }

  @Test
  void theOrsCutoffIsOnTheLowSideBecauseHigherIsBetter() {
    // ORS: clinical at 25 or less, reliable change 5.
    ChangeDefinition ors = ChangeDefinition.publishedCutoff(ORS);

    assertThat(one(ors, 20, 25.1).category()).isEqualTo(ChangeCategory.RECOVERED);
    assertThat(one(ors, 20, 25).category()).isEqualTo(ChangeCategory.IMPROVED);
    assertThat(one(ors, 25.1, 30).clinicalAtPre()).isFalse();
  }

  @Test
  void namesAndSourcesSayWhichDefinitionWasUsed() {
    ChangeDefinition published = ChangeDefinition.publishedCutoff(PHQ9);
    assertThat(published.name()).isEqualTo("Jacobson-Truax with the published cutoff");
    assertThat(published.source())
        .contains("phq-9")
        .contains("6 points or more")
        .contains("total >= 10");

    ChangeDefinition norms = ChangeDefinition.normsCutoff(CORE10, ClinicalSignificanceCutoff.C);
    assertThat(norms.name()).isEqualTo("Jacobson-Truax with a cutoff from published norms");
    assertThat(norms.source()).contains("Barkham").contains("cutoff c");

    ChangeDefinition sample =
        ChangeDefinition.sampleCutoff(
            Direction.HIGHER_IS_WORSE, ReliableChangeOptions.jacobsonTruax(0.8));
    assertThat(sample.name()).isEqualTo("Jacobson-Truax over the sample");
    assertThat(sample.source()).contains("reliability 0.8").contains("cutoff a");
  }

  @Test
  void normsAgreeWithClinicalSignificanceAgainstTheSameNorms() {
    Norms norms = CORE10.instrument().orElseThrow().norms().orElseThrow();
    ChangeDefinition definition =
        ChangeDefinition.normsCutoff(CORE10, ClinicalSignificanceCutoff.C);
    for (double[] scores : new double[][] {{25, 8}, {25, 20}, {6, 18}, {12, 11}}) {
      ClinicalSignificanceClient direct =
          ClinicalSignificance.ofClient(
              "c",
              scores[0],
              scores[1],
              norms,
              Direction.HIGHER_IS_WORSE,
              ClinicalSignificanceCutoff.C);
      ClientChange judged = one(definition, scores[0], scores[1]);
      assertThat(judged.category()).isEqualTo(direct.category());
      assertThat(judged.rci()).isEqualTo(OptionalDouble.of(direct.rci()));
    }
  }

  @Test
  void theSampleDefinitionIsClinicalSignificanceOverTheSample() {
    List<ReliableChangePair> pairs =
        List.of(
            ReliableChangePair.of("a", 30, 12),
            ReliableChangePair.of("b", 22, 20),
            ReliableChangePair.of("c", 18, 25),
            new ReliableChangePair("d", OptionalDouble.of(20), OptionalDouble.empty()));
    ReliableChangeOptions options = ReliableChangeOptions.jacobsonTruax(0.8);

    ChangeJudgements judged =
        ChangeDefinition.sampleCutoff(Direction.HIGHER_IS_WORSE, options).judge(pairs);
    ClinicalSignificanceSample direct =
        ClinicalSignificance.ofSample(pairs, Direction.HIGHER_IS_WORSE, options);

    assertThat(judged.clients())
        .extracting(ClientChange::category)
        .containsExactlyElementsOf(
            direct.clients().stream().map(ClinicalSignificanceClient::category).toList());
    assertThat(judged.leftOut()).containsExactly("d");
    assertThat(judged.cutoffValue()).isEqualTo(direct.cutoff());
  }

  @Test
  void pairsMissingAScoreAreLeftOutAndCountsCoverEveryCategory() {
    ChangeJudgements judged =
        ChangeDefinition.publishedCutoff(PHQ9)
            .judge(
                List.of(
                    ReliableChangePair.of("a", 15, 9),
                    new ReliableChangePair("b", OptionalDouble.of(12), OptionalDouble.empty())));

    assertThat(judged.leftOut()).containsExactly("b");
    Map<ChangeCategory, Integer> counts = judged.counts();
    assertThat(counts).hasSize(5).containsEntry(ChangeCategory.RECOVERED, 1);
    assertThat(judged.cutoffValue()).isEqualTo(10);
  }

  @Test
  void aMeasureWithoutPublishedValuesOrNormsIsRefusedWithTheReason() {
    Measure bdi = Measure.column("bdi", Direction.HIGHER_IS_WORSE, Construct.OUTCOME);

    assertThatThrownBy(() -> ChangeDefinition.publishedCutoff(bdi))
        .hasMessageContaining("bdi has no published reliable-change value and cutoff");
    assertThatThrownBy(() -> ChangeDefinition.normsCutoff(PHQ9, ClinicalSignificanceCutoff.A))
        .hasMessageContaining("phq-9 has no published norms");
  }
}
