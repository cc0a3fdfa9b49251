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
    Map<String, String> values = new LinkedHashMap<>();
    Answers.Builder answers = Answers.builder(instrument.items().size());
    List<String> problems = new ArrayList<>();
    for (Item item : instrument.items()) {
      List<String> sent =
          params.apply(item.id()).stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
      boolean skipped = sent.contains(SKIP);
      List<String> given = sent.stream().filter(v -> !v.equals(SKIP)).toList();
      String question = "Question " + item.number() + ": ";
      if (given.size() > 1 || (skipped && !given.isEmpty())) {
        values.put(item.id(), "");
        answers.put(item.id(), Answer.NotAnswered.MISSING);
        problems.add(question + "give one answer, or skip it.");
      } else if (skipped) {
        values.put(item.id(), SKIP);
        answers.put(item.id(), Answer.NotAnswered.MISSING);
        if (!mayBeSkipped(instrument)) {
          problems.add(question + "every question of this measure needs an answer.");
        }
      } else if (given.isEmpty()) {
        values.put(item.id(), "");
        answers.put(item.id(), Answer.NotAnswered.MISSING);
        problems.add(question + notAnswered(instrument, item));
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

  private static String notAnswered(Instrument instrument, Item item) {
    String how =
        item.scale() instanceof ResponseScale.VisualAnalogue
            ? "not answered yet; move the slider (or type a number from 0 to 10)"
            : "not answered yet; choose an answer";
    return how + (mayBeSkipped(instrument) ? ", or Skip." : ".");
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
