package org.alliance.core.scoring;

import static org.alliance.core.scoring.Fixtures.filled;
import static org.alliance.core.scoring.Fixtures.instrument;
import static org.alliance.core.scoring.Fixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.alliance.core.instrument.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HAq-II (patient and therapist) and ARM-5. */
class HaqArmScoringTest {

  @ParameterizedTest
  @ValueSource(strings = {"haq-ii", "haq-ii-t"})
  void haqReversedItemsAreSevenMinusTheAnswer(String id) {
    // raw q1..q19 = 1 2 3 4 5 6 1 2 3 4 5 6 1 2 3 4 5 6 1, sum 64
    // reversed: q4 4->3 (-1), q8 2->5 (+3), q11 5->2 (-3), q16 4->3 (-1), q19 1->6 (+5): net +3 ->
    // 67
    Score score = score(id, 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 1);

    assertThat(score.valid()).isTrue();
    assertThat(score.total()).hasValue(67.0);
    assertThat(score.mean().getAsDouble()).isCloseTo(67.0 / 19, within(1e-12));
    assertThat(score.clinical()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"haq-ii", "haq-ii-t"})
  void haqAllOnesAndAllSixes(String id) {
    // all 1: 14 x 1 + 5 reversed x 6 = 44; all 6: 14 x 6 + 5 x 1 = 89
    assertThat(score(id, filled(19, 1)).total()).hasValue(44.0);
    assertThat(score(id, filled(19, 6)).total()).hasValue(89.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"haq-ii", "haq-ii-t"})
  void haqReversedItemsAndRange(String id) {
    Instrument haq = instrument(id);

    assertThat(haq.items())
        .filteredOn(item -> item.reversed())
        .extracting(item -> item.number())
        .containsExactly(4, 8, 11, 16, 19);
    assertThat(haq.minTotal()).isEqualTo(19.0);
    assertThat(haq.maxTotal()).isEqualTo(114.0);
    Object[] best = Fixtures.box(filled(19, 6));
    for (int item : new int[] {4, 8, 11, 16, 19}) {
      best[item - 1] = 1;
    }
    Score score = score(id, best);
    assertThat(score.total()).hasValue(114.0);
    assertThat(score.mean()).hasValue(6.0);
  }

  @Test
  void haqSevenIsOutOfRange() {
    Object[] answers = Fixtures.box(filled(19, 3));
    answers[15] = 7;

    Score score = score("haq-ii", answers);

    assertThat(score.total()).isEmpty();
    assertThat(score.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Problem.Kind.OUT_OF_RANGE);
              assertThat(p.item()).hasValue("haq_16");
            });
  }

  @Test
  void armItemThreeIsEightMinusTheAnswerAndTheScoreIsTheMean() {
    // raw 1 2 3 4 5 -> scored 1 2 5 4 5 = 17; mean 3.4
    Score score = score("arm-5", 1, 2, 3, 4, 5);

    assertThat(score.valid()).isTrue();
    assertThat(score.total().getAsDouble()).isCloseTo(3.4, within(1e-12));
    assertThat(score.mean().getAsDouble()).isCloseTo(3.4, within(1e-12));
  }

  @Test
  void armExtremes() {
    assertThat(score("arm-5", 7, 7, 1, 7, 7).total()).hasValue(7.0);
    assertThat(score("arm-5", 1, 1, 7, 1, 1).total()).hasValue(1.0);
    assertThat(score("arm-5", 7, 7, 7, 7, 7).total().getAsDouble())
        .isCloseTo(29.0 / 5, within(1e-12));
    assertThat(instrument("arm-5").minTotal()).isEqualTo(1.0);
    assertThat(instrument("arm-5").maxTotal()).isEqualTo(7.0);
    assertThat(instrument("arm-5").items())
        .filteredOn(item -> item.reversed())
        .extracting(item -> item.number())
        .containsExactly(3);
  }

  @Test
  void armNeedsAllFiveItems() {
    Score score = score("arm-5", 4, 4, null, 4, 4);

    assertThat(score.total()).isEmpty();
    assertThat(Fixtures.kinds(score)).containsExactly(Problem.Kind.TOO_MANY_MISSING);
  }
}
