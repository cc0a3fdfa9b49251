package org.alliance.core.instrument;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/** The answers an item accepts, and how a raw answer is checked. */
public sealed interface ResponseScale
    permits ResponseScale.Likert, ResponseScale.YesNo, ResponseScale.VisualAnalogue {

  /**
   * This scale without the translations of its words, for comparing what scores: two scales that
   * differ only in translated anchors score alike.
   */
  default ResponseScale withoutTranslations() {
    return this instanceof Likert likert
        ? new Likert(likert.minValue(), likert.maxValue(), likert.anchors())
        : this;
  }

  /** The lowest answer. */
  double min();

  /** The highest answer. */
  double max();

  /**
   * Why a raw answer is not acceptable on this scale, or empty when it is. The message names the
   * accepted answers so a user can correct the value.
   */
  Optional<String> check(double answer);

  /** A one-line description for listings, such as {@code 0-3} or {@code 0.0-10.0 (one decimal)}. */
  String describe();

  /**
   * A whole-number scale from {@code min} to {@code max}, with an anchor label for each point.
   *
   * @param anchors the English labels, one per point, or none; files, exports and FHIR use these
   * @param anchorTexts the same labels with their translations (each one's English is the anchor
   *     itself), which only the forms a person fills in use
   */
  record Likert(int minValue, int maxValue, List<String> anchors, List<LocalizedText> anchorTexts)
      implements ResponseScale {
    public Likert {
      checkArgument(
          minValue < maxValue, "a Likert scale needs min < max: %s-%s", minValue, maxValue);
      anchors = ImmutableList.copyOf(anchors);
      checkArgument(
          anchors.isEmpty() || anchors.size() == maxValue - minValue + 1,
          "a %s-%s scale needs %s anchors or none, not %s",
          minValue,
          maxValue,
          maxValue - minValue + 1,
          anchors.size());
      anchorTexts =
          anchorTexts.isEmpty()
              ? anchors.stream().map(LocalizedText::of).collect(ImmutableList.toImmutableList())
              : ImmutableList.copyOf(anchorTexts);
      checkArgument(
          anchorTexts.size() == anchors.size(),
          "%s anchor texts for %s anchors",
          anchorTexts.size(),
          anchors.size());
      for (int i = 0; i < anchors.size(); i++) {
        checkArgument(
            anchorTexts.get(i).en().equals(anchors.get(i)),
            "anchor %s: its English text differs from the anchor",
            i + 1);
      }
    }

    /** A scale whose anchors are English only. */
    public Likert(int minValue, int maxValue, List<String> anchors) {
      this(minValue, maxValue, anchors, List.of());
    }

    /** A scale whose anchors may carry translations. */
    public static Likert translated(int minValue, int maxValue, List<LocalizedText> anchors) {
      return new Likert(
          minValue,
          maxValue,
          anchors.stream().map(LocalizedText::en).collect(ImmutableList.toImmutableList()),
          anchors);
    }

    /** The anchors in the given language, each falling back to English where it has none. */
    public List<String> anchorsIn(String language) {
      return anchorTexts.stream()
          .map(text -> text.in(language))
          .collect(ImmutableList.toImmutableList());
    }

    /** Whether some anchor has a translation, so a file must write the anchors as texts. */
    public boolean hasTranslations() {
      return anchorTexts.stream().anyMatch(text -> text.byLanguage().size() > 1);
    }

    @Override
    public double min() {
      return minValue;
    }

    @Override
    public double max() {
      return maxValue;
    }

    @Override
    public Optional<String> check(double answer) {
      if (answer != Math.rint(answer)) {
        return Optional.of(
            "expected a whole number " + describe() + ", found " + Numbers.format(answer));
      }
      if (answer < minValue || answer > maxValue) {
        return Optional.of("expected " + describe() + ", found " + Numbers.format(answer));
      }
      return Optional.empty();
    }

    @Override
    public String describe() {
      return minValue + "-" + maxValue;
    }
  }

  /** A yes/no question: yes is 1, no is 0. */
  record YesNo() implements ResponseScale {
    @Override
    public double min() {
      return 0;
    }

    @Override
    public double max() {
      return 1;
    }

    @Override
    public Optional<String> check(double answer) {
      return answer == 0 || answer == 1
          ? Optional.empty()
          : Optional.of("expected 1 (yes) or 0 (no), found " + Numbers.format(answer));
    }

    @Override
    public String describe() {
      return "1 yes / 0 no";
    }
  }

  /** A mark on a 10 cm line, measured in centimetres to one decimal: 0.0 to 10.0. */
  record VisualAnalogue() implements ResponseScale {
    private static final double TOLERANCE = 1e-9;

    @Override
    public double min() {
      return 0;
    }

    @Override
    public double max() {
      return 10;
    }

    @Override
    public Optional<String> check(double answer) {
      if (!(answer >= 0 && answer <= 10)) { // also rejects NaN
        return Optional.of("expected 0.0-10.0, found " + Numbers.format(answer));
      }
      double tenths = answer * 10;
      if (Math.abs(tenths - Math.rint(tenths)) > TOLERANCE) {
        return Optional.of(
            "expected at most one decimal (0.0-10.0), found " + Numbers.format(answer));
      }
      return Optional.empty();
    }

    @Override
    public String describe() {
      return "0.0-10.0 (one decimal)";
    }
  }
}
