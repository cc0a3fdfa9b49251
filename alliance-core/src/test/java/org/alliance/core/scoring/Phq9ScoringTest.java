package org.alliance.core.scoring;

import static org.alliance.core.scoring.Fixtures.filled;
import static org.alliance.core.scoring.Fixtures.score;
import static org.alliance.core.scoring.Fixtures.summingTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.alliance.core.instrument.Band;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Phq9ScoringTest {

  @Test
  void totalIsTheSumOfTheNineItems() {
    Score score = score("phq-9", 0, 1, 2, 3, 0, 1, 2, 3, 0);

    assertThat(score.valid()).isTrue();
    assertThat(score.total()).hasValue(12.0);
    assertThat(score.mean().getAsDouble()).isCloseTo(12.0 / 9, within(1e-12));
    assertThat(score.band().map(Band::label)).hasValue("moderate");
    assertThat(score.clinical()).hasValue(true);
    assertThat(score.prorated()).isFalse();
    assertThat(score.missing()).isEmpty();
    assertThat(score.subscales()).isEmpty();
  }

  @ParameterizedTest(name = "total {0} is {1}")
  @CsvSource({
    "0, minimal", "4, minimal",
    "5, mild", "9, mild",
    "10, moderate", "14, moderate",
    "15, moderately severe", "19, moderately severe",
    "20, severe", "27, severe"
  })
  void bandBoundaries(int total, String band) {
    Score score = score("phq-9", summingTo(total, 9, 3));

    assertThat(score.total()).hasValue(total);
    assertThat(score.band().map(Band::label)).hasValue(band);
  }

  @ParameterizedTest(name = "total {0}: clinical {1}")
  @CsvSource({"9, false", "10, true", "0, false", "27, true"})
  void casenessIsTenOrMore(int total, boolean clinical) {
    Score score = score("phq-9", summingTo(total, 9, 3));

    assertThat(score.total()).hasValue(total);
    assertThat(score.clinical()).hasValue(clinical);
  }

  @Test
  void maximumIsTwentySeven() {
    assertThat(score("phq-9", filled(9, 3)).total()).hasValue(27.0);
    assertThat(Fixtures.instrument("phq-9").maxTotal()).isEqualTo(27.0);
    assertThat(Fixtures.instrument("phq-9").minTotal()).isEqualTo(0.0);
  }

  @Test
  void itemNineAtOneFlagsEvenWithATotalOfOne() {
    Score score = score("phq-9", 0, 0, 0, 0, 0, 0, 0, 0, 1);

    assertThat(score.total()).hasValue(1.0);
    assertThat(score.clinical()).hasValue(false);
    assertThat(score.flags()).containsExactly("phq9_9");
  }

  @Test
  void itemNineAtZeroDoesNotFlag() {
    Score score = score("phq-9", 3, 3, 3, 3, 3, 3, 3, 3, 0);

    assertThat(score.total()).hasValue(24.0);
    assertThat(score.flags()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void anyAnswerAboveZeroOnItemNineFlags(int answer) {
    assertThat(score("phq-9", 0, 0, 0, 0, 0, 0, 0, 0, answer).flags()).containsExactly("phq9_9");
  }

  @Test
  void onlyItemNineIsARiskItem() {
    assertThat(score("phq-9", 3, 3, 3, 3, 3, 3, 3, 3, 0).flags()).isEmpty();
  }

  @Test
  void itemNineFlagsEvenWhenAnotherItemIsOutOfRange() {
    Score score = score("phq-9", 4, 0, 0, 0, 0, 0, 0, 0, 1);

    assertThat(score.valid()).isFalse();
    assertThat(score.total()).isEmpty();
    assertThat(Fixtures.kinds(score)).containsExactly(Problem.Kind.OUT_OF_RANGE);
    assertThat(score.flags()).containsExactly("phq9_9");
  }

  @Test
  void anOutOfRangeAnswerOnItemNineStillFlags() {
    // A 4 on item 9 is invalid (often a 1-4 coding mistake), but it may mean "nearly every day":
    // the
    // clinician must see it.
    Score score = score("phq-9", 0, 0, 0, 0, 0, 0, 0, 0, 4);

    assertThat(score.valid()).isFalse();
    assertThat(score.flags()).containsExactly("phq9_9");
  }

  @Test
  void itemNineFlagsEvenWhenTheTotalCannotBeScoredForMissingItems() {
    Score score = score("phq-9", null, null, 0, 0, 0, 0, 0, 0, 2);

    assertThat(score.total()).isEmpty();
    assertThat(score.flags()).containsExactly("phq9_9");
  }

  @ParameterizedTest(name = "item {0} missing")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9})
  void oneMissingItemMeansNoScore(int missingItem) {
    Object[] answers = Fixtures.box(filled(9, 2));
    answers[missingItem - 1] = null;

    Score score = score("phq-9", answers);

    assertThat(score.total()).isEmpty();
    assertThat(score.band()).isEmpty();
    assertThat(score.clinical()).isEmpty();
    assertThat(score.prorated()).isFalse();
    assertThat(score.valid()).isFalse();
    assertThat(Fixtures.kinds(score)).containsExactly(Problem.Kind.TOO_MANY_MISSING);
    assertThat(score.missing()).containsExactly("phq9_" + missingItem);
  }

  @Test
  void skippedAndDeclinedAnswersCountAsMissing() {
    Score skipped = score("phq-9", 1, 1, 1, 1, Answer.NotAnswered.SKIPPED, 1, 1, 1, 0);
    Score declined = score("phq-9", 1, 1, 1, 1, 1, 1, 1, 1, Answer.NotAnswered.DECLINED);

    assertThat(skipped.total()).isEmpty();
    assertThat(skipped.missing()).containsExactly("phq9_5");
    assertThat(Fixtures.kinds(skipped)).containsExactly(Problem.Kind.TOO_MANY_MISSING);
    assertThat(declined.total()).isEmpty();
    assertThat(declined.missing()).containsExactly("phq9_9");
  }

  @Test
  void wrongStepOnTheZeroToThreeScale() {
    Score score = score("phq-9", 2.5, 0, 0, 0, 0, 0, 0, 0, 0);

    assertThat(score.total()).isEmpty();
    assertThat(score.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Problem.Kind.WRONG_STEP);
              assertThat(p.item()).hasValue("phq9_1");
              assertThat(p.message()).contains("phq9_1").contains("2.5");
            });
  }
}
