package org.alliance.core.scoring;

import static org.alliance.core.scoring.Fixtures.filled;
import static org.alliance.core.scoring.Fixtures.instrument;
import static org.alliance.core.scoring.Fixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.alliance.core.instrument.Instrument;
import org.junit.jupiter.api.Test;

class WaiSrScoringTest {
  private static final Instrument WAI_SR = instrument("wai-sr");

  @Test
  void subscaleSumsTotalAndMean() {
    // q1..q12 = 1 2 3 4 5 1 2 3 4 5 1 2
    // Goal 4,6,8,11 = 4+1+3+1 = 9; Task 1,2,10,12 = 1+2+5+2 = 10; Bond 3,5,7,9 = 3+5+2+4 = 14
    Score score = score("wai-sr", 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2);

    assertThat(score.valid()).isTrue();
    assertThat(score.subscales())
        .containsExactly(entry("goal", 9.0), entry("task", 10.0), entry("bond", 14.0));
    assertThat(score.total()).hasValue(33.0);
    assertThat(score.mean()).hasValue(2.75);
    assertThat(score.clinical()).isEmpty();
    assertThat(score.band()).isEmpty();
  }

  @Test
  void eachSubscaleTakesOnlyItsOwnItems() {
    int[] goalOnly = filled(12, 1);
    for (int item : new int[] {4, 6, 8, 11}) {
      goalOnly[item - 1] = 5;
    }
    int[] taskOnly = filled(12, 1);
    for (int item : new int[] {1, 2, 10, 12}) {
      taskOnly[item - 1] = 5;
    }

    assertThat(score("wai-sr", goalOnly).subscales())
        .containsExactly(entry("goal", 20.0), entry("task", 4.0), entry("bond", 4.0));
    assertThat(score("wai-sr", taskOnly).subscales())
        .containsExactly(entry("goal", 4.0), entry("task", 20.0), entry("bond", 4.0));
  }

  @Test
  void lowestAndHighest() {
    Score lowest = score("wai-sr", filled(12, 1));
    Score highest = score("wai-sr", filled(12, 5));

    assertThat(lowest.total()).hasValue(12.0);
    assertThat(lowest.mean()).hasValue(1.0);
    assertThat(lowest.subscales())
        .containsOnly(entry("goal", 4.0), entry("task", 4.0), entry("bond", 4.0));
    assertThat(highest.total()).hasValue(60.0);
    assertThat(highest.mean()).hasValue(5.0);
    assertThat(highest.subscales())
        .containsOnly(entry("goal", 20.0), entry("task", 20.0), entry("bond", 20.0));
    assertThat(WAI_SR.minTotal()).isEqualTo(12.0);
    assertThat(WAI_SR.maxTotal()).isEqualTo(60.0);
    assertThat(WAI_SR.subscales())
        .allSatisfy(
            s -> {
              assertThat(WAI_SR.minScore(s)).isEqualTo(4.0);
              assertThat(WAI_SR.maxScore(s)).isEqualTo(20.0);
            });
  }

  @Test
  void noItemIsReversedAndNoneIsARiskItem() {
    assertThat(WAI_SR.items()).noneMatch(item -> item.reversed() || item.critical());
  }

  @Test
  void zeroIsOutOfRangeOnTheOneToFiveScale() {
    Score score = score("wai-sr", 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 6);

    assertThat(score.total()).isEmpty();
    assertThat(score.problems())
        .extracting(p -> p.kind(), p -> p.item().orElseThrow())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Problem.Kind.OUT_OF_RANGE, "waisr_1"),
            org.assertj.core.groups.Tuple.tuple(Problem.Kind.OUT_OF_RANGE, "waisr_12"));
  }

  @Test
  void aMissingItemMeansNoTotal() {
    Object[] answers = Fixtures.box(filled(12, 3));
    answers[6] = null;

    Score score = score("wai-sr", answers);

    assertThat(score.total()).isEmpty();
    assertThat(score.subscales()).isEmpty();
    assertThat(Fixtures.kinds(score)).containsExactly(Problem.Kind.TOO_MANY_MISSING);
  }
}
