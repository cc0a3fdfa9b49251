package org.alliance.core.scoring;

import static org.alliance.core.scoring.Fixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ORS, SRS and their child versions (CORS, CSRS): four 0.0-10.0 marks, summed. */
class OrsSrsScoringTest {

  @Test
  void orsTotalIsTheSumOfTheFourMarks() {
    Score score = score("ors", 4.2, 7.5, 3.3, 6.0);

    assertThat(score.valid()).isTrue();
    assertThat(score.total().getAsDouble()).isCloseTo(21.0, within(1e-9));
    assertThat(score.clinical()).hasValue(true);
    assertThat(score.band()).isEmpty();
    assertThat(score.flags()).isEmpty();
  }

  @Test
  void orsTwentyFiveIsClinical() {
    Score score = score("ors", 10.0, 10.0, 5.0, 0.0);

    assertThat(score.clinical()).as("clinical flag of total %s", score.total()).hasValue(true);
    assertThat(score.total()).hasValue(25.0);
  }

  @Test
  void orsTwentyFivePointOneIsNotClinical() {
    Score score = score("ors", 10.0, 10.0, 5.1, 0.0);

    assertThat(score.total().getAsDouble()).isCloseTo(25.1, within(1e-9));
    assertThat(score.clinical()).hasValue(false);
  }

  @Test
  void orsTwentyFourPointNineIsClinical() {
    Score score = score("ors", 10.0, 10.0, 4.9, 0.0);

    assertThat(score.clinical()).hasValue(true);
  }

  @Test
  void orsDefaultCutoffIsTheAdultOne() {
    assertThat(Fixtures.instrument("ors").clinicalCutoff().orElseThrow().id()).isEqualTo("adult");
  }

  @ParameterizedTest(name = "CORS {0}+{1}+{2}+{3}: clinical {4}")
  @CsvSource({"8.0, 8.0, 8.0, 8.0, true", "8.0, 8.0, 8.0, 8.1, false", "8.0, 8.0, 8.0, 7.9, true"})
  void corsCutoffIsThirtyTwoOrLess(double a, double b, double c, double d, boolean clinical) {
    Score score = score("cors", a, b, c, d);

    assertThat(score.total().getAsDouble()).isCloseTo(a + b + c + d, within(1e-9));
    assertThat(score.clinical()).hasValue(clinical);
  }

  @Test
  void srsThirtySixIsNotAConcern() {
    Score score = score("srs", 9.0, 9.0, 9.0, 9.0);

    assertThat(score.clinical()).as("clinical flag of total %s", score.total()).hasValue(false);
    assertThat(score.total()).hasValue(36.0);
  }

  @Test
  void srsThirtyFivePointNineIsAConcern() {
    Score score = score("srs", 9.0, 9.0, 9.0, 8.9);

    assertThat(score.total().getAsDouble()).isCloseTo(35.9, within(1e-9));
    assertThat(score.clinical()).hasValue(true);
  }

  @Test
  void srsMaximumIsForty() {
    Score score = score("srs", 10.0, 10.0, 10.0, 10.0);

    assertThat(score.total()).hasValue(40.0);
    assertThat(score.clinical()).hasValue(false);
  }

  @Test
  void childSrsHasNoCutoff() {
    Score score = score("csrs", 1.0, 2.0, 3.0, 4.0);

    assertThat(score.total()).hasValue(10.0);
    assertThat(score.clinical()).isEmpty();
  }

  @ParameterizedTest(name = "{0}, item {1} missing")
  @CsvSource({
    "ors, 1", "ors, 2", "ors, 3", "ors, 4",
    "srs, 1", "srs, 4", "cors, 2", "csrs, 3"
  })
  void allFourMarksAreNeeded(String instrument, int missingItem) {
    Object[] answers = {5.0, 5.0, 5.0, 5.0};
    answers[missingItem - 1] = null;

    Score score = score(instrument, answers);

    assertThat(score.total()).isEmpty();
    assertThat(score.clinical()).isEmpty();
    assertThat(score.prorated()).isFalse();
    assertThat(Fixtures.kinds(score)).containsExactly(Problem.Kind.TOO_MANY_MISSING);
    assertThat(score.missing()).hasSize(1);
  }

  @ParameterizedTest(name = "mark {0}")
  @ValueSource(doubles = {0.0, 10.0, 5.3, 0.1, 9.9})
  void acceptedMarks(double mark) {
    Score score = score("ors", mark, 5.0, 5.0, 5.0);

    assertThat(score.valid()).isTrue();
    assertThat(score.total().getAsDouble()).isCloseTo(mark + 15.0, within(1e-9));
  }

  @ParameterizedTest(name = "mark {0}: {1}")
  @CsvSource({
    "-0.1, OUT_OF_RANGE",
    "10.1, OUT_OF_RANGE",
    "11, OUT_OF_RANGE",
    "5.35, WRONG_STEP",
    "5.55, WRONG_STEP",
    "0.05, WRONG_STEP"
  })
  void rejectedMarks(double mark, Problem.Kind kind) {
    Score score = score("srs", 5.0, mark, 5.0, 5.0);

    assertThat(score.total()).isEmpty();
    assertThat(score.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(kind);
              assertThat(p.item()).hasValue("srs_2");
            });
  }

  // Marks are tenths of a centimetre, so every total is a whole number of tenths. Adding the four
  // marks as
  // binary doubles leaves rounding error (e.g. 0.0 + 6.4 + 9.8 + 8.8 = 25.000000000000004), and the
  // cutoff is
  // then applied to the wrong side of the boundary.

  @Test
  void orsTotalOfExactlyTwentyFiveFromTenthsIsClinical() {
    // Regression: marks summed as doubles made 0.0 + 6.4 + 9.8 + 8.8 = 25.000000000000004, outside
    // ORS <= 25.
    Score score = score("ors", 0.0, 6.4, 9.8, 8.8);

    assertThat(score.clinical()).as("clinical flag of total %s", score.total()).hasValue(true);
    assertThat(score.total()).hasValue(25.0);
  }

  @Test
  void srsTotalOfExactlyThirtySixFromTenthsIsNotAConcern() {
    // Regression: 9.7 + 9.6 + 9.9 + 6.8 summed as doubles is 35.99999999999999, a false SRS concern
    // (< 36).
    Score score = score("srs", 9.7, 9.6, 9.9, 6.8);

    assertThat(score.clinical()).as("clinical flag of total %s", score.total()).hasValue(false);
    assertThat(score.total()).hasValue(36.0);
  }

  @Test
  void corsTotalOfExactlyThirtyTwoFromTenthsIsClinical() {
    // Regression: 6.4 + 9.8 + 8.1 + 7.7 summed as doubles is 32.00000000000001, outside CORS <= 32.
    Score score = score("cors", 6.4, 9.8, 8.1, 7.7);

    assertThat(score.clinical()).as("clinical flag of total %s", score.total()).hasValue(true);
    assertThat(score.total()).hasValue(32.0);
  }
}
