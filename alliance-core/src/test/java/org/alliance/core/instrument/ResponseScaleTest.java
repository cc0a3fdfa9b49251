package org.alliance.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseScaleTest {
  private static final ResponseScale VAS = new ResponseScale.VisualAnalogue();
  private static final ResponseScale ZERO_TO_THREE = new ResponseScale.Likert(0, 3, List.of());
  private static final ResponseScale YES_NO = new ResponseScale.YesNo();

  @ParameterizedTest(name = "{0}")
  @ValueSource(doubles = {0.0, 10.0, 5.3, 0.1, 9.9, 7.0, 3.3})
  void visualAnalogueAcceptsTenthsFromZeroToTen(double mark) {
    assertThat(VAS.check(mark)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(doubles = {-0.1, 10.1, 5.35, 5.55, 0.01, 9.99, 100, -10, Double.POSITIVE_INFINITY})
  void visualAnalogueRejectsOtherMarks(double mark) {
    assertThat(VAS.check(mark))
        .hasValueSatisfying(message -> assertThat(message).contains("0.0-10.0"));
  }

  @Test
  void visualAnalogueRejectsNotANumber() {
    // Regression: NaN once passed because every comparison with NaN is false.
    assertThat(VAS.check(Double.NaN)).isPresent();
  }

  @Test
  void visualAnalogueMessagesSayWhatIsWrong() {
    assertThat(VAS.check(10.1)).hasValue("expected 0.0-10.0, found 10.1");
    assertThat(VAS.check(5.35)).hasValue("expected at most one decimal (0.0-10.0), found 5.35");
    assertThat(VAS.min()).isEqualTo(0.0);
    assertThat(VAS.max()).isEqualTo(10.0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(doubles = {0, 1, 2, 3})
  void likertAcceptsEachWholeNumberPoint(double answer) {
    assertThat(ZERO_TO_THREE.check(answer)).isEmpty();
  }

  @Test
  void likertRejectsHalfStepsAndValuesOffTheScale() {
    assertThat(ZERO_TO_THREE.check(2.5)).hasValue("expected a whole number 0-3, found 2.5");
    assertThat(ZERO_TO_THREE.check(4)).hasValue("expected 0-3, found 4");
    assertThat(ZERO_TO_THREE.check(-1)).hasValue("expected 0-3, found -1");
    assertThat(ZERO_TO_THREE.check(Double.NaN)).isPresent();
    assertThat(ZERO_TO_THREE.describe()).isEqualTo("0-3");
  }

  @Test
  void likertNeedsMinBelowMaxAndOneAnchorPerPoint() {
    assertThatThrownBy(() -> new ResponseScale.Likert(3, 3, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ResponseScale.Likert(4, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ResponseScale.Likert(0, 3, List.of("a", "b", "c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 anchors");
    assertThat(new ResponseScale.Likert(0, 3, List.of("a", "b", "c", "d")).anchors()).hasSize(4);
  }

  @Test
  void yesNoAcceptsOnlyZeroAndOne() {
    assertThat(YES_NO.check(0)).isEmpty();
    assertThat(YES_NO.check(1)).isEmpty();
    assertThat(YES_NO.check(0.5)).hasValue("expected 1 (yes) or 0 (no), found 0.5");
    assertThat(YES_NO.check(2)).isPresent();
    assertThat(YES_NO.check(-1)).isPresent();
    assertThat(YES_NO.min()).isEqualTo(0.0);
    assertThat(YES_NO.max()).isEqualTo(1.0);
  }

  @Test
  void reverseScoringIsMinPlusMaxMinusTheAnswerOnTheItemsOwnScale() {
    assertThat(item(new ResponseScale.Likert(0, 4, List.of()), true).itemScore(1)).isEqualTo(3.0);
    assertThat(item(new ResponseScale.Likert(1, 6, List.of()), true).itemScore(2)).isEqualTo(5.0);
    assertThat(item(new ResponseScale.Likert(1, 7, List.of()), true).itemScore(3)).isEqualTo(5.0);
    assertThat(item(new ResponseScale.Likert(1, 7, List.of()), false).itemScore(3)).isEqualTo(3.0);
    assertThat(item(VAS, true).itemScore(2.5)).isEqualTo(7.5);
  }

  @Test
  void aCriticalItemFiresAboveItsMinimumOnly() {
    Item critical =
        new Item(
            1,
            "r_1",
            LocalizedText.of("risk"),
            java.util.Optional.empty(),
            new ResponseScale.Likert(1, 5, List.of()),
            false,
            true,
            java.util.Optional.empty());

    assertThat(critical.fires(1)).isFalse();
    assertThat(critical.fires(2)).isTrue();
    assertThat(item(ZERO_TO_THREE, false).fires(3)).isFalse();
  }

  @Test
  void itemsNeedAValidIdAndANumberFromOne() {
    assertThatThrownBy(
            () ->
                new Item(
                    0,
                    "x_0",
                    LocalizedText.of("x"),
                    java.util.Optional.empty(),
                    YES_NO,
                    false,
                    false,
                    java.util.Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Item(
                    1,
                    "X 1",
                    LocalizedText.of("x"),
                    java.util.Optional.empty(),
                    YES_NO,
                    false,
                    false,
                    java.util.Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Item item(ResponseScale scale, boolean reversed) {
    return new Item(
        1,
        "t_1",
        LocalizedText.of("t"),
        java.util.Optional.empty(),
        scale,
        reversed,
        false,
        java.util.Optional.empty());
  }
}
