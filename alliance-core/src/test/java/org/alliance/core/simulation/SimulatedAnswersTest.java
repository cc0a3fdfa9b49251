package org.alliance.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulatedAnswersTest {
  private static final Catalog CATALOG = Catalog.builtIn();
  private static final Scorer SCORER = new Scorer(CATALOG);

  private static Score score(Instrument instrument, Answers answers) {
    return SCORER.score(Administration.of(instrument.id(), "sim", 1, Optional.empty(), answers));
  }

  private static double value(Answers answers, String itemId) {
    Answer answer = answers.get(itemId);
    assertThat(answer).as(itemId).isInstanceOf(Answer.Value.class);
    return ((Answer.Value) answer).value();
  }

  /** Every item answered once, in item order, with a value on the item's scale. */
  private static void assertCompleteAndOnScale(Instrument instrument, Answers answers) {
    List<Item> items = instrument.items();
    assertThat(answers).hasSize(items.size());
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      assertThat(answers.id(i)).isEqualTo(item.id());
      double value = value(answers, item.id());
      assertThat(item.scale().check(value)).as(item.id() + " = " + value).isEmpty();
    }
  }

  @Test
  void phq9AnswersScoreBackToEveryTotal() {
    Instrument phq9 = CATALOG.get("phq-9");
    for (boolean risk : new boolean[] {false, true}) {
      for (int total = 0; total <= 27; total++) {
        Answers answers = SimulatedAnswers.of(phq9, total, risk);
        assertCompleteAndOnScale(phq9, answers);
        Score score = score(phq9, answers);
        assertThat(score.valid())
            .as("total %s, risk %s: %s", total, risk, score.problems())
            .isTrue();
        assertThat(score.total()).as("total %s, risk %s", total, risk).hasValue(total);
        assertThat(score.prorated()).isFalse();
      }
    }
  }

  @Test
  void putsNothingOnPhq9Item9UnlessAskedOrTheTotalNeedsIt() {
    Instrument phq9 = CATALOG.get("phq-9");
    for (int total = 0; total <= 24; total++) {
      Answers answers = SimulatedAnswers.of(phq9, total);
      assertThat(value(answers, "phq9_9")).as("total %s", total).isZero();
      assertThat(score(phq9, answers).flags()).as("total %s", total).isEmpty();
      // The other items take the total as evenly as they can.
      double[] others =
          phq9.items().subList(0, 8).stream()
              .mapToDouble(item -> value(answers, item.id()))
              .toArray();
      assertThat(
              java.util.Arrays.stream(others).max().orElseThrow()
                  - java.util.Arrays.stream(others).min().orElseThrow())
          .as("total %s", total)
          .isLessThanOrEqualTo(1.0);
    }
    // Eight items of at most 3 hold 24: above that the risk item must carry the rest.
    for (int total = 25; total <= 27; total++) {
      assertThat(value(SimulatedAnswers.of(phq9, total), "phq9_9"))
          .as("total %s", total)
          .isEqualTo(total - 24.0);
    }
  }

  @Test
  void putsOneOnPhq9Item9WhenAskedAndTheTotalAllows() {
    Instrument phq9 = CATALOG.get("phq-9");

    assertThat(value(SimulatedAnswers.of(phq9, 0, true), "phq9_9"))
        .as("a total of 0 leaves no room")
        .isZero();
    for (int total = 1; total <= 25; total++) {
      Answers answers = SimulatedAnswers.of(phq9, total, true);
      assertThat(value(answers, "phq9_9")).as("total %s", total).isEqualTo(1.0);
      assertThat(score(phq9, answers).flags()).as("total %s", total).containsExactly("phq9_9");
    }
    assertThat(value(SimulatedAnswers.of(phq9, 27, true), "phq9_9")).isEqualTo(3.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ors", "srs"})
  void visualAnalogueAnswersScoreBackToEveryTenth(String id) {
    Instrument instrument = CATALOG.get(id);
    for (int tenths = 0; tenths <= 400; tenths++) {
      double total = tenths / 10.0;
      Answers answers = SimulatedAnswers.of(instrument, total);
      assertCompleteAndOnScale(instrument, answers);
      Score score = score(instrument, answers);
      assertThat(score.valid()).as("%s %s: %s", id, total, score.problems()).isTrue();
      // Exactly: a total of 25.0 must not come back as 25.000000000000004 (the ORS clinical
      // cutoff).
      assertThat(score.total()).as("%s %s", id, total).hasValue(total);
      double[] values =
          instrument.items().stream().mapToDouble(item -> value(answers, item.id())).toArray();
      double spread =
          java.util.Arrays.stream(values).max().orElseThrow()
              - java.util.Arrays.stream(values).min().orElseThrow();
      assertThat(spread).as("%s %s spread", id, total).isLessThanOrEqualTo(0.1 + 1e-9);
    }
  }

  @Test
  void gad7AndWaiSrScoreBackOverTheirRanges() {
    Instrument gad7 = CATALOG.get("gad-7");
    for (int total = 0; total <= 21; total++) {
      assertThat(score(gad7, SimulatedAnswers.of(gad7, total)).total()).hasValue(total);
    }
    // The WAI-SR scale starts at 1, so the lowest total is one per item.
    Instrument wai = CATALOG.get("wai-sr");
    for (int total = 12; total <= 60; total++) {
      Answers answers = SimulatedAnswers.of(wai, total);
      assertCompleteAndOnScale(wai, answers);
      assertThat(score(wai, answers).total()).as("wai-sr %s", total).hasValue(total);
    }
  }

  @Test
  void rejectsAnInstrumentWithReversedItems() {
    assertThatThrownBy(() -> SimulatedAnswers.of(CATALOG.get("core-10"), 12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("core-10")
        .hasMessageContaining("reversed");
  }

  @Test
  void rejectsAnInstrumentNotScoredAsASum() {
    assertThatThrownBy(() -> SimulatedAnswers.of(CATALOG.get("arm-5"), 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not scored as a sum");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, 28, 12.5, 27.1, Double.NaN})
  void rejectsAPhq9TotalOffItsRangeOrStep(double total) {
    assertThatThrownBy(() -> SimulatedAnswers.of(CATALOG.get("phq-9"), total))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("phq-9 cannot total");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 40.1, 36.75, 41, 0.05})
  void rejectsAnSrsTotalOffItsRangeOrStep(double total) {
    assertThatThrownBy(() -> SimulatedAnswers.of(CATALOG.get("srs"), total))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("srs cannot total");
  }

  @Test
  void rejectsAWaiSrTotalBelowOnePerItem() {
    assertThatThrownBy(() -> SimulatedAnswers.of(CATALOG.get("wai-sr"), 11))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
