package org.alliance.core.scoring;

import static org.alliance.core.scoring.Fixtures.filled;
import static org.alliance.core.scoring.Fixtures.instrument;
import static org.alliance.core.scoring.Fixtures.rawForItemScores;
import static org.alliance.core.scoring.Fixtures.score;
import static org.alliance.core.scoring.Fixtures.summingTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.alliance.core.instrument.Band;
import org.alliance.core.instrument.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Core10ScoringTest {
  private static final Instrument CORE_10 = instrument("core-10");

  /**
   * An administration whose item scores (after reversal) sum to {@code total}, all items answered.
   */
  private static Score complete(int total) {
    return score("core-10", rawForItemScores(CORE_10, summingTo(total, 10, 4)));
  }

  /** Item {@code missingItem} left out, the other nine item scores summing to {@code sum}. */
  private static Score oneMissing(int sum, int missingItem) {
    int[] nine = summingTo(sum, 9, 4);
    Integer[] scores = new Integer[10];
    for (int i = 0, j = 0; i < 10; i++) {
      scores[i] = i == missingItem - 1 ? null : nine[j++];
    }
    return score("core-10", rawForItemScores(CORE_10, scores));
  }

  @Test
  void itemsTwoAndThreeAreScoredFourMinusTheAnswer() {
    // raw:    1  0  4  2  3  0  1  2  3  4
    // scored: 1  4  0  2  3  0  1  2  3  4  = 20
    Score score = score("core-10", 1, 0, 4, 2, 3, 0, 1, 2, 3, 4);

    assertThat(score.total()).hasValue(20.0);
    assertThat(score.mean()).hasValue(2.0);
    assertThat(score.band().map(Band::label)).hasValue("moderate-to-severe");
  }

  @Test
  void allZeroAnswersScoreEightBecauseOfTheTwoPositiveItems() {
    assertThat(score("core-10", filled(10, 0)).total()).hasValue(8.0);
    assertThat(score("core-10", filled(10, 4)).total()).hasValue(32.0);
  }

  @Test
  void onlyItemsTwoAndThreeAreReversed() {
    assertThat(CORE_10.items())
        .filteredOn(item -> item.reversed())
        .extracting(item -> item.number())
        .containsExactly(2, 3);
  }

  @Test
  void rangeIsZeroToForty() {
    assertThat(CORE_10.minTotal()).isEqualTo(0.0);
    assertThat(CORE_10.maxTotal()).isEqualTo(40.0);
    assertThat(score("core-10", 4, 0, 0, 4, 4, 4, 4, 4, 4, 4).total()).hasValue(40.0);
    assertThat(score("core-10", 0, 4, 4, 0, 0, 0, 0, 0, 0, 0).total()).hasValue(0.0);
  }

  @ParameterizedTest(name = "total {0} is {1}")
  @CsvSource({
    "0, healthy", "5, healthy",
    "6, low", "10, low",
    "11, mild", "14, mild",
    "15, moderate", "19, moderate",
    "20, moderate-to-severe", "24, moderate-to-severe",
    "25, severe", "40, severe"
  })
  void bandBoundaries(int total, String band) {
    Score score = complete(total);

    assertThat(score.total()).hasValue(total);
    assertThat(score.band().map(Band::label)).hasValue(band);
  }

  @ParameterizedTest(name = "total {0}: clinical {1}")
  @CsvSource({"10, false", "11, true", "0, false", "40, true"})
  void clinicalIsElevenOrMore(int total, boolean clinical) {
    Score score = complete(total);

    assertThat(score.total()).hasValue(total);
    assertThat(score.clinical()).hasValue(clinical);
  }

  @Test
  void oneMissingItemIsProratedAsTenTimesTheSumOverNine() {
    // items 2, 3 reversed: raw 1 3 -> 3 1; answered scores 2+3+1+2+0+1+1+0+4 = 14
    Score score = score("core-10", 2, 1, 3, 2, null, 0, 1, 1, 0, 4);

    assertThat(score.valid()).isTrue();
    assertThat(score.total().getAsDouble()).isCloseTo(10.0 * 14 / 9, within(1e-12));
    assertThat(score.prorated()).isTrue();
    assertThat(score.missing()).containsExactly("core10_5");
    assertThat(score.problems()).isEmpty();
    assertThat(score.mean().getAsDouble()).isCloseTo(14.0 / 9, within(1e-12));
    assertThat(score.band().map(Band::label)).hasValue("moderate");
  }

  @Test
  void aMissingReversedItemIsProratedToo() {
    // item 2 missing; item 3 raw 4 -> scored 0; item 6 at 0; the seven others at 2:
    // 1:2 3:0 4:2 5:2 6:0 7:2 8:2 9:2 10:2 -> 14
    Score score = score("core-10", 2, null, 4, 2, 2, 0, 2, 2, 2, 2);

    assertThat(score.total().getAsDouble()).isCloseTo(140.0 / 9, within(1e-12));
    assertThat(score.prorated()).isTrue();
  }

  @ParameterizedTest(name = "nine answered summing to {0}: {1}")
  @CsvSource({
    "5, healthy", // 5.556
    "6, low", // 6.667
    "9, low", // 10.0
    "10, mild", // 11.111
    "13, mild", // 14.444
    "14, moderate", // 15.556
    "17, moderate", // 18.889
    "18, moderate-to-severe", // 20.0
    "22, moderate-to-severe", // 24.444
    "23, severe", // 25.556
    "36, severe" // 40.0
  })
  void proratedTotalsLandInTheRightBand(int sum, String band) {
    Score score = oneMissing(sum, 4);

    assertThat(score.total().getAsDouble()).isCloseTo(10.0 * sum / 9, within(1e-12));
    assertThat(score.band().map(Band::label)).hasValue(band);
    assertThat(score.prorated()).isTrue();
  }

  @Test
  void proratedClinicalBoundary() {
    Score ten = oneMissing(9, 1);
    Score elevenPointOne = oneMissing(10, 1);

    assertThat(ten.total()).hasValue(10.0);
    assertThat(ten.clinical()).hasValue(false);
    assertThat(elevenPointOne.total().getAsDouble()).isCloseTo(100.0 / 9, within(1e-12));
    assertThat(elevenPointOne.clinical()).hasValue(true);
    // 10.888... (98/9) cannot come out of whole-number answers; the cutoff still puts it below 11.
    assertThat(CORE_10.clinicalCutoff().orElseThrow().isClinical(98.0 / 9)).isFalse();
  }

  @Test
  void twoMissingItemsMeanNoScore() {
    Score score = score("core-10", 2, null, 2, 2, 2, 0, 2, null, 2, 2);

    assertThat(score.total()).isEmpty();
    assertThat(score.mean()).isEmpty();
    assertThat(score.band()).isEmpty();
    assertThat(score.clinical()).isEmpty();
    assertThat(score.prorated()).isFalse();
    assertThat(score.valid()).isFalse();
    assertThat(score.missing()).containsExactly("core10_2", "core10_8");
    assertThat(score.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Problem.Kind.TOO_MANY_MISSING);
              assertThat(p.message()).contains("core10_2").contains("core10_8");
            });
  }

  @Test
  void skippedAndDeclinedCountAsMissing() {
    Score oneSkipped = score("core-10", 2, 2, 2, 2, Answer.NotAnswered.SKIPPED, 0, 2, 2, 2, 2);
    Score skippedAndDeclined =
        score(
            "core-10",
            2,
            2,
            2,
            2,
            Answer.NotAnswered.SKIPPED,
            0,
            2,
            2,
            2,
            Answer.NotAnswered.DECLINED);

    assertThat(oneSkipped.prorated()).isTrue();
    assertThat(oneSkipped.missing()).containsExactly("core10_5");
    // scored: 2 2 2 2 _ 0 2 2 2 2 (items 2,3 raw 2 -> 2) = 16
    assertThat(oneSkipped.total().getAsDouble()).isCloseTo(160.0 / 9, within(1e-12));
    assertThat(skippedAndDeclined.total()).isEmpty();
    assertThat(Fixtures.kinds(skippedAndDeclined)).containsExactly(Problem.Kind.TOO_MANY_MISSING);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void itemSixAboveZeroFlags(int answer) {
    Score score = score("core-10", 0, 4, 4, 0, 0, answer, 0, 0, 0, 0);

    assertThat(score.total()).hasValue(answer);
    assertThat(score.flags()).containsExactly("core10_6");
  }

  @Test
  void itemSixAtZeroDoesNotFlag() {
    Score score = score("core-10", 4, 0, 0, 4, 4, 0, 4, 4, 4, 4);

    assertThat(score.total()).hasValue(36.0);
    assertThat(score.flags()).isEmpty();
  }

  @Test
  void itemSixFlagsEvenWhenAnotherItemIsOutOfRange() {
    Score score = score("core-10", 5, 4, 4, 0, 0, 1, 0, 0, 0, 0);

    assertThat(score.total()).isEmpty();
    assertThat(Fixtures.kinds(score)).containsExactly(Problem.Kind.OUT_OF_RANGE);
    assertThat(score.flags()).containsExactly("core10_6");
  }
}
