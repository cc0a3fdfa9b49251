package org.alliance.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.io.instrument.InstrumentLibrary;
import org.junit.jupiter.api.Test;

class ItemAnswersTest {
  private static Administration administration(String instrument, Map<String, Answer> answers) {
    return Administration.of(instrument, "c1", 4, Optional.of(LocalDate.of(2026, 2, 1)), answers);
  }

  @Test
  void showsEachPhq9AnswerWithItsAnchorAndFlagsTheRiskItem() {
    Map<String, Answer> answers = new LinkedHashMap<>();
    answers.put("phq9_1", Answer.of(0));
    answers.put("phq9_2", Answer.of(3));
    answers.put("phq9_3", Answer.NotAnswered.SKIPPED);
    answers.put("phq9_4", Answer.NotAnswered.DECLINED);
    answers.put("phq9_5", new Answer.Unreadable("three"));
    answers.put("phq9_6", Answer.of(7));
    answers.put("phq9_9", Answer.of(1));

    ItemAnswers shown =
        ItemAnswers.of(Catalog.builtIn().get("phq-9"), administration("phq-9", answers));

    assertThat(shown.session()).isEqualTo(4);
    assertThat(shown.date()).hasValue(LocalDate.of(2026, 2, 1));
    assertThat(shown.wordingShown()).isTrue();
    assertThat(shown.items())
        .extracting(ItemAnswers.ItemAnswer::answer)
        .containsExactly(
            "0 (Not at all)",
            "3 (Nearly every day)",
            "skipped",
            "declined",
            "unreadable: 'three'",
            "7",
            "missing",
            "missing",
            "1 (Several days)");
    assertThat(shown.items())
        .extracting(ItemAnswers.ItemAnswer::risk)
        .containsExactly(false, false, false, false, false, false, false, false, true);
    assertThat(shown.items().get(8).wording())
        .startsWith("Thoughts that you would be better off dead");
  }

  @Test
  void aRiskItemAnsweredAtItsMinimumIsNotFlagged() {
    ItemAnswers shown =
        ItemAnswers.of(
            Catalog.builtIn().get("phq-9"),
            administration("phq-9", Map.of("phq9_9", Answer.of(0))));

    assertThat(shown.items().get(8).risk()).isFalse();
  }

  @Test
  void showsOnlyLabelsOfALicensedInstrument() {
    Map<String, Answer> answers =
        Map.of(
            "srs_1",
            Answer.of(7.9),
            "srs_2",
            Answer.of(10),
            "srs_3",
            Answer.of(0),
            "srs_4",
            Answer.of(5.5));

    ItemAnswers shown =
        ItemAnswers.of(Catalog.builtIn().get("srs"), administration("srs", answers));

    assertThat(shown.wordingShown()).isFalse();
    assertThat(shown.items())
        .extracting(ItemAnswers.ItemAnswer::wording)
        .containsExactly("Relationship", "Goals and Topics", "Approach or Method", "Overall");
    assertThat(shown.items())
        .extracting(ItemAnswers.ItemAnswer::answer)
        .containsExactly("7.9", "10", "0", "5.5");
  }

  @Test
  void showsLabelsOfALicensedInstrumentEvenWhenTheClinicLoadedItsWording() {
    InstrumentLibrary.Loaded loaded =
        InstrumentLibrary.load(Path.of("../examples/instruments/srs-licensed.json"));
    Instrument srs = loaded.catalog().get("srs");
    assertThat(srs.items().get(0).text()).isPresent();

    ItemAnswers shown = ItemAnswers.of(srs, administration("srs", Map.of("srs_1", Answer.of(9))));

    assertThat(shown.wordingShown()).isFalse();
    assertThat(shown.items().get(0).wording()).isEqualTo("Relationship");
  }

  @Test
  void marksReversedItemsAndSaysYesOrNo() {
    ItemAnswers core =
        ItemAnswers.of(
            Catalog.builtIn().get("core-10"),
            administration("core-10", Map.of("core10_2", Answer.of(4))));
    ItemAnswers selfCheck =
        ItemAnswers.of(
            Catalog.builtIn().get("self-check"),
            administration(
                "self-check", Map.of("selfcheck_1", Answer.of(1), "selfcheck_2", Answer.of(0))));

    assertThat(core.items())
        .filteredOn(ItemAnswers.ItemAnswer::reversed)
        .extracting(ItemAnswers.ItemAnswer::number)
        .containsExactly(2, 3);
    assertThat(core.items().get(1).answer()).isEqualTo("4 (Most or all of the time)");
    assertThat(selfCheck.items().subList(0, 3))
        .extracting(ItemAnswers.ItemAnswer::answer)
        .containsExactly("yes", "no", "missing");
  }

  @Test
  void refusesAnAdministrationOfAnotherInstrument() {
    assertThatThrownBy(
            () -> ItemAnswers.of(Catalog.builtIn().get("phq-9"), administration("gad-7", Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gad-7");
  }
}
