package org.alliance.core.scoring;

import static org.alliance.core.scoring.Fixtures.filled;
import static org.alliance.core.scoring.Fixtures.score;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The toolkit's own eight yes/no questions: score = number of yes answers; any no is a concern. */
class SelfCheckScoringTest {

  @Test
  void eightYesIsFine() {
    Score score = score("self-check", filled(8, 1));

    assertThat(score.valid()).isTrue();
    assertThat(score.total()).hasValue(8.0);
    assertThat(score.clinical()).hasValue(false);
  }

  @ParameterizedTest(name = "no to question {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void anySingleNoIsAConcern(int question) {
    int[] answers = filled(8, 1);
    answers[question - 1] = 0;

    Score score = score("self-check", answers);

    assertThat(score.total()).hasValue(7.0);
    assertThat(score.clinical()).hasValue(true);
  }

  @Test
  void allNoScoresZero() {
    Score score = score("self-check", filled(8, 0));

    assertThat(score.total()).hasValue(0.0);
    assertThat(score.clinical()).hasValue(true);
  }

  @Test
  void scoreCountsTheYesAnswers() {
    assertThat(score("self-check", 1, 0, 1, 1, 0, 1, 0, 1).total()).hasValue(5.0);
  }

  @ParameterizedTest(name = "answer {0}: {1}")
  @CsvSource({"0.5, WRONG_STEP", "2, OUT_OF_RANGE", "-1, OUT_OF_RANGE"})
  void onlyZeroOrOneIsAccepted(double answer, Problem.Kind kind) {
    Score score = score("self-check", 1, 1, 1, answer, 1, 1, 1, 1);

    assertThat(score.total()).isEmpty();
    assertThat(score.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(kind);
              assertThat(p.item()).hasValue("selfcheck_4");
            });
  }

  @Test
  void aMissingAnswerIsNotCountedAsNoOrProrated() {
    Score score = score("self-check", 1, 1, 1, 1, 1, 1, 1, null);

    assertThat(score.total()).isEmpty();
    assertThat(score.prorated()).isFalse();
    assertThat(Fixtures.kinds(score)).containsExactly(Problem.Kind.TOO_MANY_MISSING);
    assertThat(score.missing()).containsExactly("selfcheck_8");
  }
}
