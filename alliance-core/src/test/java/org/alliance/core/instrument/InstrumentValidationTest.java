package org.alliance.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstrumentValidationTest {
  private static final ResponseScale SCALE = new ResponseScale.Likert(0, 4, List.of());
  private static final ResponseScale YES_NO = new ResponseScale.YesNo();

  private static Item item(int number, String id, ResponseScale scale) {
    return new Item(
        number,
        id,
        LocalizedText.of("item " + number),
        Optional.empty(),
        scale,
        false,
        false,
        Optional.empty());
  }

  private static Item item(int number) {
    return item(number, "t_" + number, SCALE);
  }

  /** A valid three-item instrument; each test changes one thing. */
  private static Instrument.Builder base() {
    return Instrument.builder("test")
        .title("Test")
        .measures(Construct.OUTCOME)
        .direction(Direction.HIGHER_IS_WORSE)
        .licence(new Licence(Licence.Kind.OPEN, "clinic", "own"));
  }

  @Test
  void aWellFormedInstrumentBuilds() {
    Instrument instrument =
        base()
            .item(item(1))
            .item(item(2))
            .item(item(3))
            .subscale("a", "A", 0, 1, 3)
            .maxMissing(1)
            .band("low", 0)
            .band("high", 6)
            .cutoff(new Cutoff("clinical", "clinical", 6, Cutoff.Side.AT_OR_ABOVE, true))
            .reliableChange(3)
            .build();

    assertThat(instrument.items()).extracting(Item::id).containsExactly("t_1", "t_2", "t_3");
    assertThat(instrument.minTotal()).isEqualTo(0.0);
    assertThat(instrument.maxTotal()).isEqualTo(12.0);
    assertThat(instrument.maxScore(instrument.subscales().get(0))).isEqualTo(8.0);
    assertThat(instrument.band(5.999).map(Band::label)).hasValue("low");
    assertThat(instrument.band(6).map(Band::label)).hasValue("high");
    assertThat(instrument.band(-1)).isEmpty();
    assertThat(instrument.item(2).map(Item::id)).hasValue("t_2");
    assertThat(instrument.item(4)).isEmpty();
    assertThat(instrument.item("t_3").map(Item::number)).hasValue(3);
    assertThat(instrument.version()).isEqualTo("1");
  }

  @Test
  void rejectsItemsNumberedOutOfOrder() {
    assertThatThrownBy(() -> base().item(item(2)).item(item(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in order");
    assertThatThrownBy(() -> base().item(item(1)).item(item(3)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in order");
  }

  @Test
  void rejectsDuplicateItemIds() {
    assertThatThrownBy(() -> base().item(item(1, "t_1", SCALE)).item(item(2, "t_1", SCALE)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t_1")
        .hasMessageContaining("twice");
  }

  @Test
  void rejectsASubscaleNamingAMissingItem() {
    assertThatThrownBy(() -> base().item(item(1)).item(item(2)).subscale("a", "A", 0, 1, 3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> base().item(item(1)).item(item(2)).subscale("a", "A", 0, 0, 1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void rejectsDuplicateSubscaleIds() {
    assertThatThrownBy(
            () ->
                base()
                    .item(item(1))
                    .item(item(2))
                    .subscale("a", "A", 0, 1)
                    .subscale("a", "A again", 0, 2)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsASubscaleThatMayMissAllItsItems() {
    assertThatThrownBy(() -> base().item(item(1)).item(item(2)).subscale("a", "A", 2, 1, 2).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsACountOfYesAnswersThatMayBeProrated() {
    Instrument.Builder builder =
        base()
            .scoring(ScoringRule.COUNT_YES)
            .item(item(1, "y_1", YES_NO))
            .item(item(2, "y_2", YES_NO))
            .item(item(3, "y_3", YES_NO));
    assertThat(builder.build().maxTotal()).isEqualTo(3.0);

    assertThatThrownBy(() -> builder.maxMissing(1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prorated");
  }

  @Test
  void rejectsACountOfYesAnswersOverNonYesNoItems() {
    assertThatThrownBy(() -> base().scoring(ScoringRule.COUNT_YES).item(item(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yes/no");
  }

  @Test
  void rejectsBandsOutOfOrder() {
    assertThatThrownBy(() -> base().item(item(1)).band("high", 3).band("low", 0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ascending");
    assertThatThrownBy(() -> base().item(item(1)).band("low", 0).band("same", 0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ascending");
  }

  @Test
  void rejectsMaxMissingOfAllItems() {
    assertThatThrownBy(() -> base().item(item(1)).item(item(2)).maxMissing(2).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base().item(item(1)).item(item(2)).maxMissing(-1).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsDuplicateCutoffIdsAndNonPositiveReliableChange() {
    Cutoff cutoff = new Cutoff("clinical", "clinical", 2, Cutoff.Side.AT_OR_ABOVE, true);
    assertThatThrownBy(() -> base().item(item(1)).cutoff(cutoff).cutoff(cutoff).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base().item(item(1)).reliableChange(0).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNoItemsAndBadIds() {
    assertThatThrownBy(() -> base().build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Instrument.builder("PHQ 9")
                    .title("x")
                    .measures(Construct.OUTCOME)
                    .direction(Direction.HIGHER_IS_WORSE)
                    .licence(new Licence(Licence.Kind.OPEN, "c", "o"))
                    .item(item(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsMissingRequiredParts() {
    assertThatThrownBy(() -> base().item(item(1)).direction(null).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> base().item(item(1)).licence(null).build())
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void scoringRules() {
    assertThat(ScoringRule.SUM.apply(12, 4, 4)).isEqualTo(12.0);
    assertThat(ScoringRule.SUM.apply(10, 9, 10)).isEqualTo(100.0 / 9);
    assertThat(ScoringRule.MEAN.apply(17, 5, 5)).isEqualTo(3.4);
    assertThat(ScoringRule.MEAN_TIMES_10.apply(74, 34, 34)).isEqualTo(740.0 / 34);
    assertThat(ScoringRule.COUNT_YES.apply(5, 8, 8)).isEqualTo(5.0);
  }
}
