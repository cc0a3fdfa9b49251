package org.alliance.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;

/**
 * Builds administrations for tests. Answers are given in item order, one per item of the
 * instrument: a {@link Number} is a value, {@code null} leaves the item out (missing), a {@link
 * String} is unreadable text and an {@link Answer} is used as it is (e.g. {@link
 * Answer.NotAnswered#SKIPPED}).
 */
public final class Fixtures {
  public static final String CLIENT = "c-001";

  private Fixtures() {}

  public static Instrument instrument(String id) {
    return Catalog.builtIn().get(id);
  }

  /** The answers keyed by the instrument's item ids, in item order. */
  public static Map<String, Answer> answers(Instrument instrument, Object... values) {
    List<Item> items = instrument.items();
    assertThat(values)
        .as("fixture for %s needs one answer per item", instrument.id())
        .hasSize(items.size());
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      Answer answer = toAnswer(values[i]);
      if (answer != null) {
        answers.put(items.get(i).id(), answer);
      }
    }
    return answers;
  }

  static Answer toAnswer(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Answer answer) {
      return answer;
    }
    if (value instanceof Number number) {
      return new Answer.Value(number.doubleValue());
    }
    if (value instanceof String raw) {
      return new Answer.Unreadable(raw);
    }
    throw new IllegalArgumentException("not an answer: " + value);
  }

  public static Administration admin(String instrumentId, Object... values) {
    return Administration.of(
        instrumentId, CLIENT, 1, Optional.empty(), answers(instrument(instrumentId), values));
  }

  public static Administration admin(String instrumentId, int[] values) {
    return admin(instrumentId, box(values));
  }

  public static Administration admin(String instrumentId, double[] values) {
    Object[] boxed = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return admin(instrumentId, boxed);
  }

  /** An administration of any instrument (built-in or not), keyed by its item ids. */
  public static Administration admin(Instrument instrument, Object... values) {
    return Administration.of(
        instrument.id(), CLIENT, 1, Optional.empty(), answers(instrument, values));
  }

  /**
   * The same administration with one more answer, under any key (possibly not an item of the
   * instrument).
   */
  public static Administration with(Administration administration, String key, Answer answer) {
    Map<String, Answer> answers = new LinkedHashMap<>(administration.answers());
    answers.put(key, answer);
    return new Administration(
        administration.instrumentId(),
        administration.instrumentVersion(),
        administration.client(),
        administration.session(),
        administration.date(),
        administration.respondent(),
        answers);
  }

  /** The same administration stated to be of the given instrument version. */
  public static Administration version(Administration administration, String version) {
    return new Administration(
        administration.instrumentId(),
        Optional.of(version),
        administration.client(),
        administration.session(),
        administration.date(),
        administration.respondent(),
        administration.answers());
  }

  public static Score score(Administration administration) {
    return Scorer.builtIn().score(administration);
  }

  public static Score score(String instrumentId, Object... values) {
    return score(admin(instrumentId, values));
  }

  public static Score score(String instrumentId, int[] values) {
    return score(admin(instrumentId, values));
  }

  public static Score score(String instrumentId, double[] values) {
    return score(admin(instrumentId, values));
  }

  public static Object[] box(int[] values) {
    Object[] boxed = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }

  /** {@code n} copies of {@code value}. */
  public static int[] filled(int n, int value) {
    int[] values = new int[n];
    java.util.Arrays.fill(values, value);
    return values;
  }

  /**
   * Whole-number answers to a non-reversed 0-{@code max} instrument whose sum is {@code total}: the
   * items are filled to {@code max} from the first one on.
   */
  public static int[] summingTo(int total, int items, int max) {
    assertThat(total).as("reachable total").isBetween(0, items * max);
    int[] values = new int[items];
    int left = total;
    for (int i = 0; i < items; i++) {
      values[i] = Math.min(max, left);
      left -= values[i];
    }
    return values;
  }

  /**
   * The raw answers that give these item scores (after reversal) on the given instrument. Reversal
   * is undone with {@code min + max - score} on each reversed item's own scale; the reversal itself
   * is checked by hand-computed cases in the instrument tests.
   */
  public static Object[] rawForItemScores(Instrument instrument, Integer... itemScores) {
    assertThat(itemScores).hasSize(instrument.items().size());
    Object[] raw = new Object[itemScores.length];
    for (int i = 0; i < itemScores.length; i++) {
      Item item = instrument.items().get(i);
      Integer s = itemScores[i];
      raw[i] =
          s == null
              ? null
              : (Object)
                  (item.reversed() ? (int) (item.scale().min() + item.scale().max()) - s : s);
    }
    return raw;
  }

  public static Object[] rawForItemScores(Instrument instrument, int[] itemScores) {
    Integer[] boxed = new Integer[itemScores.length];
    for (int i = 0; i < itemScores.length; i++) {
      boxed[i] = itemScores[i];
    }
    return rawForItemScores(instrument, boxed);
  }

  /** Problems of a score as kinds, in order. */
  public static List<Problem.Kind> kinds(Score score) {
    return score.problems().stream().map(Problem::kind).toList();
  }
}
