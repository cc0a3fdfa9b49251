package org.alliance.core.scoring;

import static org.alliance.core.scoring.Fixtures.filled;
import static org.alliance.core.scoring.Fixtures.instrument;
import static org.alliance.core.scoring.Fixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Subscale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoreOmScoringTest {
  private static final Instrument CORE_OM = instrument("core-om");
  private static final double EPS = 1e-9;

  /**
   * Hand-scored case. Positively worded items 3, 4, 7, 12, 19, 21, 31, 32 are scored 4 - x. Item
   * scores after reversal: 1:2 2:3 3:3 4:4 5:2 6:0 7:3 8:3 9:1 10:2 11:3 12:4 13:2 14:1 15:4 16:0
   * 17:3 18:2 19:3 20:2 21:4 22:0 23:3 24:0 25:2 26:1 27:3 28:2 29:1 30:2 31:3 32:4 33:2 34:0 Sum
   * 74 over 34 items; Well-being 11/4; Problems 31/12; Functioning 31/12; Risk 1/6; non-risk 73/28.
   * (Reversing 30 instead of 32 would give a sum of 70.)
   */
  private static final Object[] HAND_CASE =
      Fixtures.box(
          new int[] {
            2, 3, 1, 0, 2, 0, 1, 3, 1, 2, 3, 0, 2, 1, 4, 0, 3, 2, 1, 2, 0, 0, 3, 0, 2, 1, 3, 2, 1,
            2, 1, 0, 2, 0
          });

  @Test
  void handComputedClinicalScores() {
    Score score = score("core-om", HAND_CASE);

    assertThat(score.valid()).isTrue();
    assertThat(score.total().getAsDouble()).isCloseTo(740.0 / 34, within(EPS)); // 21.7647
    assertThat(score.mean().getAsDouble())
        .isCloseTo(74.0 / 34, within(EPS)); // 2.1765, the 0-4 item mean
    assertThat(score.subscales())
        .containsOnlyKeys("wellbeing", "problems", "functioning", "risk", "nonrisk");
    assertThat(score.subscales().get("wellbeing")).isCloseTo(27.5, within(EPS));
    assertThat(score.subscales().get("problems")).isCloseTo(310.0 / 12, within(EPS));
    assertThat(score.subscales().get("functioning")).isCloseTo(310.0 / 12, within(EPS));
    assertThat(score.subscales().get("risk")).isCloseTo(10.0 / 6, within(EPS));
    assertThat(score.subscales().get("nonrisk")).isCloseTo(730.0 / 28, within(EPS));
    assertThat(score.clinical()).hasValue(true);
    assertThat(score.flags()).containsExactly("coreom_9");
    assertThat(score.prorated()).isFalse();
  }

  @Test
  void subscalesAreInTheInstrumentsOrder() {
    assertThat(score("core-om", HAND_CASE).subscales().keySet())
        .containsExactly("wellbeing", "problems", "functioning", "risk", "nonrisk");
  }

  @Test
  void reversedItemsAreExactlyThePositivelyWordedOnes() {
    assertThat(CORE_OM.items())
        .filteredOn(item -> item.reversed())
        .extracting(item -> item.number())
        .containsExactly(3, 4, 7, 12, 19, 21, 31, 32);
  }

  @Test
  void itemThirtyIsNotReversedButThirtyTwoIs() {
    // Every answer 0: the 8 positive items score 4 each.
    Object[] answers = Fixtures.box(filled(34, 0));
    Score base = score("core-om", answers);
    answers[29] = 4; // item 30 raised: worse
    Score thirtyRaised = score("core-om", answers);
    answers[29] = 0;
    answers[31] = 4; // item 32 raised: better
    Score thirtyTwoRaised = score("core-om", answers);

    assertThat(base.total().getAsDouble()).isCloseTo(320.0 / 34, within(EPS));
    assertThat(thirtyRaised.total().getAsDouble()).isCloseTo(360.0 / 34, within(EPS));
    assertThat(thirtyRaised.subscales().get("problems")).isCloseTo(40.0 / 12, within(EPS));
    assertThat(thirtyTwoRaised.total().getAsDouble()).isCloseTo(280.0 / 34, within(EPS));
    assertThat(thirtyTwoRaised.subscales().get("functioning"))
        .isCloseTo(10.0 * 20 / 12, within(EPS));
  }

  @Test
  void domainsHoldTheDocumentedItems() {
    assertThat(CORE_OM.subscales())
        .extracting(Subscale::id, Subscale::items, Subscale::maxMissing)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("wellbeing", List.of(4, 14, 17, 31), 0),
            org.assertj.core.groups.Tuple.tuple(
                "problems", List.of(2, 5, 8, 11, 13, 15, 18, 20, 23, 27, 28, 30), 1),
            org.assertj.core.groups.Tuple.tuple(
                "functioning", List.of(1, 3, 7, 10, 12, 19, 21, 25, 26, 29, 32, 33), 1),
            org.assertj.core.groups.Tuple.tuple("risk", List.of(6, 9, 16, 22, 24, 34), 0),
            org.assertj.core.groups.Tuple.tuple(
                "nonrisk",
                List.of(
                    1, 2, 3, 4, 5, 7, 8, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 25, 26, 27,
                    28, 29, 30, 31, 32, 33),
                3));
    assertThat(CORE_OM.maxMissing()).isEqualTo(3);
  }

  @Test
  void rangeIsZeroToFortyWithAZeroToFourMean() {
    assertThat(CORE_OM.minTotal()).isEqualTo(0.0);
    assertThat(CORE_OM.maxTotal()).isEqualTo(40.0);
    Object[] worst = Fixtures.box(filled(34, 4));
    for (int positive : new int[] {3, 4, 7, 12, 19, 21, 31, 32}) {
      worst[positive - 1] = 0;
    }
    Score score = score("core-om", worst);
    assertThat(score.total()).hasValue(40.0);
    assertThat(score.mean()).hasValue(4.0);
    assertThat(score.subscales()).allSatisfy((id, value) -> assertThat(value).isEqualTo(40.0));
  }

  /** All item scores 1 except {@code belowOne} items at 0: a mean of exactly 1 when none are. */
  private static Score withItemScoresOfOne(int belowOne) {
    Integer[] itemScores = new Integer[34];
    java.util.Arrays.fill(itemScores, 1);
    for (int i = 0; i < belowOne; i++) {
      itemScores[i] = 0;
    }
    return score("core-om", Fixtures.rawForItemScores(CORE_OM, itemScores));
  }

  @Test
  void clinicalScoreOfTenIsClinical() {
    Score atTen = withItemScoresOfOne(0);
    Score below = withItemScoresOfOne(1);

    assertThat(atTen.total()).hasValue(10.0);
    assertThat(atTen.clinical()).hasValue(true);
    assertThat(below.total().getAsDouble()).isCloseTo(330.0 / 34, within(EPS));
    assertThat(below.clinical()).hasValue(false);
  }

  @Test
  void threeMissingItemsAreProrated() {
    Object[] answers = HAND_CASE.clone();
    answers[0] = null; // item 1, functioning: scored 2
    answers[1] = null; // item 2, problems: scored 3
    answers[5] = null; // item 6, risk: scored 0

    Score score = score("core-om", answers);

    assertThat(score.valid()).isTrue();
    assertThat(score.prorated()).isTrue();
    assertThat(score.missing()).containsExactly("coreom_1", "coreom_2", "coreom_6");
    assertThat(score.total().getAsDouble()).isCloseTo(10.0 * 69 / 31, within(EPS));
    assertThat(score.mean().getAsDouble()).isCloseTo(69.0 / 31, within(EPS));
    assertThat(score.subscales().get("problems")).isCloseTo(10.0 * 28 / 11, within(EPS));
    assertThat(score.subscales().get("functioning")).isCloseTo(10.0 * 29 / 11, within(EPS));
    assertThat(score.subscales().get("nonrisk")).isCloseTo(10.0 * 68 / 26, within(EPS));
    assertThat(score.subscales()).doesNotContainKey("risk");
    assertThat(score.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Problem.Kind.SUBSCALE_INCOMPLETE);
              assertThat(p.message()).containsIgnoringCase("risk");
            });
  }

  @Test
  void fourMissingItemsMeanNoTotal() {
    Object[] answers = HAND_CASE.clone();
    for (int item : new int[] {1, 2, 14, 33}) {
      answers[item - 1] = null;
    }

    Score score = score("core-om", answers);

    assertThat(score.total()).isEmpty();
    assertThat(score.subscales()).isEmpty();
    assertThat(score.valid()).isFalse();
    assertThat(Fixtures.kinds(score)).containsExactly(Problem.Kind.TOO_MANY_MISSING);
    assertThat(score.missing()).containsExactly("coreom_1", "coreom_2", "coreom_14", "coreom_33");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"problems", "functioning"})
  void problemsAndFunctioningAllowOneMissing(String domain) {
    List<Integer> domainItems =
        CORE_OM.subscales().stream()
            .filter(s -> s.id().equals(domain))
            .findFirst()
            .orElseThrow()
            .items();
    Object[] oneMissing = HAND_CASE.clone();
    oneMissing[domainItems.get(0) - 1] = null;
    Object[] twoMissing = oneMissing.clone();
    twoMissing[domainItems.get(5) - 1] = null;

    Score one = score("core-om", oneMissing);
    Score two = score("core-om", twoMissing);

    assertThat(one.subscales()).containsKey(domain);
    assertThat(one.problems()).isEmpty();
    assertThat(two.subscales())
        .doesNotContainKey(domain)
        .containsKeys("wellbeing", "risk", "nonrisk");
    assertThat(two.total()).isPresent();
    assertThat(two.prorated()).isTrue();
    assertThat(two.valid()).isTrue();
    assertThat(two.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Problem.Kind.SUBSCALE_INCOMPLETE);
              assertThat(p.kind().invalidates()).isFalse();
              assertThat(p.message()).contains(domain);
            });
  }

  @Test
  void oneMissingProblemsItemIsProratedWithinTheDomain() {
    Object[] answers = HAND_CASE.clone();
    answers[14] = null; // item 15, problems, scored 4

    Score score = score("core-om", answers);

    assertThat(score.subscales().get("problems")).isCloseTo(10.0 * 27 / 11, within(EPS));
    assertThat(score.total().getAsDouble()).isCloseTo(10.0 * 70 / 33, within(EPS));
  }

  @ParameterizedTest(name = "item {0} missing")
  @ValueSource(ints = {4, 14, 17, 31})
  void wellBeingAllowsNoMissingItem(int item) {
    Object[] answers = HAND_CASE.clone();
    answers[item - 1] = null;

    Score score = score("core-om", answers);

    assertThat(score.total()).isPresent();
    assertThat(score.subscales())
        .doesNotContainKey("wellbeing")
        .containsKeys("problems", "functioning", "risk", "nonrisk");
    assertThat(Fixtures.kinds(score)).containsExactly(Problem.Kind.SUBSCALE_INCOMPLETE);
  }

  @ParameterizedTest(name = "item {0} missing")
  @ValueSource(ints = {6, 9, 16, 22, 24, 34})
  void riskAllowsNoMissingItem(int item) {
    Object[] answers = HAND_CASE.clone();
    answers[item - 1] = null;

    Score score = score("core-om", answers);

    assertThat(score.total()).isPresent();
    assertThat(score.subscales())
        .doesNotContainKey("risk")
        .containsKeys("wellbeing", "problems", "functioning", "nonrisk");
    assertThat(score.subscales().get("nonrisk")).isCloseTo(730.0 / 28, within(EPS));
    assertThat(Fixtures.kinds(score)).containsExactly(Problem.Kind.SUBSCALE_INCOMPLETE);
  }

  @Test
  void nonRiskAllowsThreeMissingItems() {
    Object[] answers = HAND_CASE.clone();
    answers[3] = null; // item 4: well-being, scored 4
    answers[1] = null; // item 2: problems, scored 3
    answers[0] = null; // item 1: functioning, scored 2

    Score score = score("core-om", answers);

    assertThat(score.subscales().get("nonrisk")).isCloseTo(10.0 * 64 / 25, within(EPS));
    assertThat(score.subscales()).doesNotContainKey("wellbeing");
    assertThat(score.total().getAsDouble()).isCloseTo(10.0 * 65 / 31, within(EPS));
  }

  @Test
  void skippedAndDeclinedCountAsMissingForTheDomains() {
    Object[] answers = HAND_CASE.clone();
    answers[5] = Answer.NotAnswered.SKIPPED; // risk
    answers[3] = Answer.NotAnswered.DECLINED; // well-being

    Score score = score("core-om", answers);

    assertThat(score.missing()).containsExactly("coreom_4", "coreom_6");
    assertThat(score.subscales()).doesNotContainKeys("risk", "wellbeing");
    assertThat(score.prorated()).isTrue();
  }

  @Test
  void riskItemsFlag() {
    Object[] answers = Fixtures.box(filled(34, 0));
    answers[15] = 1; // item 16
    answers[33] = 2; // item 34

    assertThat(score("core-om", answers).flags()).containsExactly("coreom_16", "coreom_34");
  }
}
