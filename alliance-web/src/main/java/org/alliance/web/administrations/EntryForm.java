package org.alliance.web.administrations;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.web.platform.language.ClientText;

/**
 * A measure as a form to fill in: visual-analogue items as sliders (0-10 in tenths), Likert items
 * and yes/no items as large buttons. Shared by the clinician's tablet entry and the client's own
 * form.
 *
 * @param values the answers to show, by item id, when the form comes back with a problem
 * @param problems what is wrong with the answers sent, in words naming the item
 * @param reason for a correction of a stored entry, the reason given so far; empty for a new entry
 * @param text the form's own words (buttons, hints) in the language of whoever fills it in: the
 *     client's on their own form, English on the clinician's tablet entry
 */
public record EntryForm(
    String action,
    String instrumentId,
    String title,
    String instructions,
    List<Question> questions,
    String session,
    String date,
    List<String> problems,
    boolean showSession,
    Optional<String> reason,
    ClientText text) {
  public EntryForm {
    requireNonNull(reason, "reason");
    requireNonNull(text, "text");
    questions = List.copyOf(questions);
    problems = List.copyOf(problems);
  }

  /** A form in English, as the clinician's own pages show it. */
  public EntryForm(
      String action,
      String instrumentId,
      String title,
      String instructions,
      List<Question> questions,
      String session,
      String date,
      List<String> problems,
      boolean showSession,
      Optional<String> reason) {
    this(
        action,
        instrumentId,
        title,
        instructions,
        questions,
        session,
        date,
        problems,
        showSession,
        reason,
        ClientText.english());
  }

  /** One item: its wording or label, and how it is answered. */
  public record Question(
      String id,
      int number,
      String text,
      String kind,
      String value,
      List<Choice> choices,
      String low,
      String high,
      boolean skippable) {
    public Question {
      choices = List.copyOf(choices);
    }

    /** Whether the person chose to skip this question. */
    public boolean skipped() {
      return value.equals(FormAnswers.SKIP);
    }

    /** Whether a slider question has a value yet (a slider nobody moved has none). */
    public boolean answered() {
      return !value.isEmpty() && !skipped();
    }

    /** Where a slider's knob stands: at its value, or in the middle until it is moved. */
    public String sliderPosition() {
      return answered() ? value : "5";
    }
  }

  /** One answer button. */
  public record Choice(String value, String label, boolean checked) {}

  /** The questions in English. */
  public static List<Question> questions(
      Instrument instrument, Map<String, String> values, boolean wordingAllowed) {
    return questions(instrument, values, wordingAllowed, ClientText.english());
  }

  /**
   * The questions in the language of {@code words}: each item's text, answer labels and yes/no in
   * that language where the definition has it, in English where it does not.
   */
  public static List<Question> questions(
      Instrument instrument, Map<String, String> values, boolean wordingAllowed, ClientText words) {
    return instrument.items().stream()
        .map(
            item ->
                question(
                    item,
                    values.getOrDefault(item.id(), ""),
                    wordingAllowed,
                    FormAnswers.mayBeSkipped(instrument),
                    words))
        .toList();
  }

  private static Question question(
      Item item, String value, boolean wordingAllowed, boolean skippable, ClientText words) {
    String language = words.code();
    String text =
        wordingAllowed && item.text().isPresent()
            ? item.text().get().in(language)
            : item.label().in(language);
    ResponseScale scale = item.scale();
    if (scale instanceof ResponseScale.VisualAnalogue) {
      return new Question(
          item.id(), item.number(), text, "vas", value, List.of(), "low", "high", skippable);
    }
    if (scale instanceof ResponseScale.YesNo) {
      return new Question(
          item.id(),
          item.number(),
          text,
          "choice",
          value,
          List.of(
              new Choice("1", words.get("form.yes"), value.equals("1")),
              new Choice("0", words.get("form.no"), value.equals("0"))),
          "",
          "",
          skippable);
    }
    ResponseScale.Likert likert = (ResponseScale.Likert) scale;
    List<Choice> choices = new java.util.ArrayList<>();
    List<String> anchors = likert.anchorsIn(language);
    for (int point = likert.minValue(); point <= likert.maxValue(); point++) {
      String label =
          anchors.isEmpty()
              ? Integer.toString(point)
              : point + " " + anchors.get(point - likert.minValue());
      choices.add(
          new Choice(Integer.toString(point), label, value.equals(Integer.toString(point))));
    }
    return new Question(
        item.id(), item.number(), text, "choice", value, choices, "", "", skippable);
  }
}
