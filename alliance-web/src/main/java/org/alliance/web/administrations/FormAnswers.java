package org.alliance.web.administrations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;
import org.alliance.web.platform.language.ClientText;

/**
 * The answers of a measure's form as a person sent them, shared by the tablet entry and the
 * client's own form. A question left as it was is not answered: a slider nobody moved sends
 * nothing, and the form is sent back naming it. Only where the instrument allows missing items may
 * a question be skipped, and only on purpose (its Skip choice).
 *
 * @param values what each question sent, by item id: a number, {@link #SKIP}, or "" for nothing, to
 *     show the form again as it was
 * @param problems each question neither answered nor skipped, in words naming the question
 */
public record FormAnswers(Map<String, String> values, Answers answers, List<String> problems) {
  /** The value a question's Skip choice sends. */
  public static final String SKIP = "skip";

  public FormAnswers {
    values = Map.copyOf(values);
    problems = List.copyOf(problems);
  }

  /**
   * Reads each item's field ({@code params} gives every value sent under a name, possibly none).
   */
  public static FormAnswers read(Instrument instrument, Function<String, List<String>> params) {
    return read(instrument, params, ClientText.english());
  }

  /** Reads the answers, naming problems in the language of {@code words}. */
  public static FormAnswers read(
      Instrument instrument, Function<String, List<String>> params, ClientText words) {
    Map<String, String> values = new LinkedHashMap<>();
    Answers.Builder answers = Answers.builder(instrument.items().size());
    List<String> problems = new ArrayList<>();
    for (Item item : instrument.items()) {
      List<String> sent =
          params.apply(item.id()).stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
      boolean skipped = sent.contains(SKIP);
      List<String> given = sent.stream().filter(v -> !v.equals(SKIP)).toList();
      String number = words.number(item.number());
      if (given.size() > 1 || (skipped && !given.isEmpty())) {
        values.put(item.id(), "");
        answers.put(item.id(), Answer.NotAnswered.MISSING);
        problems.add(words.get("problem.oneAnswer", "number", number));
      } else if (skipped) {
        values.put(item.id(), SKIP);
        answers.put(item.id(), Answer.NotAnswered.MISSING);
        if (!mayBeSkipped(instrument)) {
          problems.add(words.get("problem.needsAnswer", "number", number));
        }
      } else if (given.isEmpty()) {
        values.put(item.id(), "");
        answers.put(item.id(), Answer.NotAnswered.MISSING);
        problems.add(words.get(notAnswered(instrument, item), "number", number));
      } else {
        values.put(item.id(), given.get(0));
        answers.put(item.id(), answer(given.get(0)));
      }
    }
    return new FormAnswers(values, answers.build(), problems);
  }

  /**
   * Whether the instrument's total survives a missing item (CORE-10, CORE-OM), so that a question
   * may be skipped on purpose.
   */
  public static boolean mayBeSkipped(Instrument instrument) {
    return instrument.maxMissing() > 0;
  }

  /** The key of the words for a question neither answered nor skipped. */
  private static String notAnswered(Instrument instrument, Item item) {
    String how =
        item.scale() instanceof ResponseScale.VisualAnalogue ? "problem.slider" : "problem.choose";
    return how + (mayBeSkipped(instrument) ? "OrSkip" : "");
  }

  /** A number, or the text kept as unreadable for the scorer to report. */
  private static Answer answer(String value) {
    try {
      double number = Double.parseDouble(value);
      return Double.isFinite(number) ? Answer.of(number) : new Answer.Unreadable(value);
    } catch (NumberFormatException e) {
      return new Answer.Unreadable(value);
    }
  }
}
