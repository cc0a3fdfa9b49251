package org.alliance.io.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;

/**
 * The answers of one administration item by item, as a report shows them: the item's wording where
 * the instrument's licence lets it be passed on (public domain, openly licensed), else its short
 * label. A licensed instrument shows labels even when a clinic loaded its licensed wording: a
 * report travels (to a colleague, to the client), and such licences do not let the wording go with
 * it.
 *
 * @param wordingShown whether the items carry their full wording rather than labels
 */
public record ItemAnswers(
    Instrument instrument,
    int session,
    Optional<LocalDate> date,
    List<ItemAnswer> items,
    boolean wordingShown) {

  /**
   * One item's answer.
   *
   * @param wording the item's text, or its label when the text may not be passed on
   * @param answer the answer in words: the value with its anchor ({@code 2 (More than half the
   *     days)}), {@code yes}/{@code no}, or why there is none ({@code missing}, {@code skipped},
   *     {@code declined})
   * @param risk a risk item answered above its minimum: the clinician must see it
   */
  public record ItemAnswer(
      int number, String id, String wording, boolean reversed, String answer, boolean risk) {
    public ItemAnswer {
      requireNonNull(id, "id");
      requireNonNull(wording, "wording");
      requireNonNull(answer, "answer");
    }
  }

  public ItemAnswers {
    requireNonNull(instrument, "instrument");
    requireNonNull(date, "date");
    items = ImmutableList.copyOf(items);
  }

  /** The answers of an administration of this instrument, every item in the instrument's order. */
  public static ItemAnswers of(Instrument instrument, Administration administration) {
    checkArgument(
        instrument.id().equalsIgnoreCase(administration.instrumentId()),
        "an administration of %s is not one of %s",
        administration.instrumentId(),
        instrument.id());
    List<ItemAnswer> items = new ArrayList<>(instrument.items().size());
    boolean allowed = instrument.licence().allowsText();
    boolean shown = false;
    for (Item item : instrument.items()) {
      Answer answer = administration.answer(item.id());
      boolean worded = allowed && item.text().isPresent();
      shown |= worded;
      boolean risk = answer instanceof Answer.Value value && item.fires(value.value());
      items.add(
          new ItemAnswer(
              item.number(),
              item.id(),
              (worded ? item.text().get() : item.label()).en(),
              item.reversed(),
              describe(answer, item.scale()),
              risk));
    }
    return new ItemAnswers(
        instrument, administration.session(), administration.date(), items, shown);
  }

  private static String describe(Answer answer, ResponseScale scale) {
    if (answer instanceof Answer.Value value) {
      double number = value.value();
      if (scale instanceof ResponseScale.YesNo) {
        return number == 1
            ? "yes"
            : number == 0 ? "no" : Numbers.format(number) + " (not a yes/no answer)";
      }
      if (scale instanceof ResponseScale.Likert likert
          && !likert.anchors().isEmpty()
          && number == Math.rint(number)
          && number >= likert.minValue()
          && number <= likert.maxValue()) {
        return Numbers.format(number)
            + " ("
            + likert.anchors().get((int) number - likert.minValue())
            + ")";
      }
      return Numbers.format(number);
    }
    if (answer instanceof Answer.Unreadable unreadable) {
      return "unreadable: '" + unreadable.raw() + "'";
    }
    return switch ((Answer.NotAnswered) answer) {
      case MISSING -> "missing";
      case SKIPPED -> "skipped";
      case DECLINED -> "declined";
    };
  }
}
