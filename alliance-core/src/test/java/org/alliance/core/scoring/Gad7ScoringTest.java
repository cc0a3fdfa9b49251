package org.alliance.core.scoring;

import static org.alliance.core.scoring.Fixtures.filled;
import static org.alliance.core.scoring.Fixtures.score;
import static org.alliance.core.scoring.Fixtures.summingTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.alliance.core.instrument.Band;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gad7ScoringTest {

  @Test
  void totalIsTheSumOfTheSevenItems() {
    Score score = score("gad-7", 3, 0, 2, 1, 3, 0, 2);

    assertThat(score.valid()).isTrue();
    assertThat(score.total()).hasValue(11.0);
    assertThat(score.band().map(Band::label)).hasValue("moderate");
    assertThat(score.clinical()).hasValue(true);
  }

  @ParameterizedTest(name = "total {0} is {1}")
  @CsvSource({
    "0, minimal", "4, minimal",
    "5, mild", "9, mild",
    "10, moderate", "14, moderate",
    "15, severe", "21, severe"
  })
  void bandBoundaries(int total, String band) {
    Score score = score("gad-7", summingTo(total, 7, 3));

    assertThat(score.total()).hasValue(total);
    assertThat(score.band().map(Band::label)).hasValue(band);
  }

  @ParameterizedTest(name = "total {0}: clinical {1}")
  @CsvSource({"7, false", "8, true", "0, false", "21, true"})
  void casenessIsEightOrMore(int total, boolean clinical) {
    Score score = score("gad-7", summingTo(total, 7, 3));

    assertThat(score.total()).hasValue(total);
    assertThat(score.clinical()).hasValue(clinical);
  }

  @Test
  void maximumIsTwentyOneAndNoItemIsARiskItem() {
    Score score = score("gad-7", filled(7, 3));

    assertThat(score.total()).hasValue(21.0);
    assertThat(score.flags()).isEmpty();
    assertThat(Fixtures.instrument("gad-7").maxTotal()).isEqualTo(21.0);
  }
}
