package org.alliance.core.scoring;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.instrument.Subscale;

/**
 * Scores administrations against a catalog. A pure function of its inputs: every problem is
 * reported at once, each naming its item, and nothing is clamped or dropped.
 */
public final class Scorer {
  private final Catalog catalog;

  public Scorer(Catalog catalog) {
    this.catalog = requireNonNull(catalog, "catalog");
  }

  /** Scores with the built-in catalog. */
  public static Scorer builtIn() {
    return new Scorer(Catalog.builtIn());
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Scores an administration with the catalog's instrument of the same id. */
  public Score score(Administration administration) {
    Optional<Instrument> instrument = catalog.find(administration.instrumentId());
    if (instrument.isEmpty()) {
      Problem problem =
          Problem.of(
              Problem.Kind.UNKNOWN_INSTRUMENT, catalog.unknown(administration.instrumentId()));
      return new Score(
          administration.instrumentId(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          Map.of(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          false,
          List.of(),
          List.of(problem));
    }
    return score(instrument.get(), administration);
  }

  /** Scores an administration with the given instrument. */
  public static Score score(Instrument instrument, Administration administration) {
    List<Problem> problems = new ArrayList<>(0);
    administration
        .instrumentVersion()
        .filter(version -> !version.equals(instrument.version()))
        .ifPresent(
            version ->
                problems.add(
                    Problem.of(
                        Problem.Kind.VERSION_MISMATCH,
                        "given as "
                            + instrument.id()
                            + " version "
                            + version
                            + ", but the catalog has version "
                            + instrument.version())));

    List<Item> items = instrument.items();
    int n = items.size();
    double[] itemScores = new double[n];
    boolean[] answered = new boolean[n];
    ImmutableList.Builder<String> missing = null;
    ImmutableList.Builder<String> flags = null;
    Answers answers = administration.answers();
    int matched = 0;
    int answeredCount = 0;
    // Item scores are whole numbers or tenths (visual-analogue marks). Summing them as whole tenths
    // keeps
    // totals exact: 6.4 + 9.8 + 8.8 + 0.0 in doubles is 25.000000000000004, which would miss ORS <=
    // 25.
    long tenths = 0;

    for (int i = 0; i < n; i++) {
      Item item = items.get(i);
      int index = answers.indexOf(item.id(), matched);
      Answer answer = index < 0 ? null : answers.answer(index);
      if (answer != null) {
        matched++;
      }
      if (answer instanceof Answer.Value value) {
        double raw = value.value();
        ResponseScale scale = item.scale();
        if (item.fires(raw)) {
          // Flagged even when the answer is out of range: a risk answer must never be hidden.
          (flags == null ? flags = ImmutableList.builder() : flags).add(item.id());
        }
        Optional<String> wrong = scale.check(raw);
        if (wrong.isPresent()) {
          boolean inRange = raw >= scale.min() && raw <= scale.max();
          problems.add(
              Problem.ofItem(
                  inRange ? Problem.Kind.WRONG_STEP : Problem.Kind.OUT_OF_RANGE,
                  item.id(),
                  wrong.get()));
          continue;
        }
        double itemScore = item.itemScore(raw);
        itemScores[i] = itemScore;
        answered[i] = true;
        tenths += (long) Math.rint(itemScore * 10);
        answeredCount++;
      } else if (answer instanceof Answer.Unreadable unreadable) {
        problems.add(
            Problem.ofItem(
                Problem.Kind.UNREADABLE,
                item.id(),
                "expected a number "
                    + item.scale().describe()
                    + ", found '"
                    + unreadable.raw()
                    + "'"));
      } else {
        (missing == null ? missing = ImmutableList.builder() : missing).add(item.id());
      }
    }
    if (matched != answers.size()) {
      for (String itemId : answers.keySet()) {
        if (instrument.item(itemId).isEmpty()) {
          problems.add(
              Problem.ofItem(
                  Problem.Kind.UNKNOWN_ITEM,
                  itemId,
                  "not an item of "
                      + instrument.id()
                      + " (its items are "
                      + items.get(0).id()
                      + " to "
                      + items.get(n - 1).id()
                      + ")"));
        }
      }
    }

    List<String> missingItems = missing == null ? List.of() : missing.build();
    List<String> flagged = flags == null ? List.of() : flags.build();
    int missingCount = n - answeredCount;
    if (missingItems.size() > instrument.maxMissing()) {
      problems.add(
          Problem.of(
              Problem.Kind.TOO_MANY_MISSING,
              missingItems.size()
                  + " of "
                  + n
                  + " items missing ("
                  + String.join(", ", missingItems)
                  + "); "
                  + instrument.id()
                  + " allows "
                  + (instrument.maxMissing() == 0
                      ? "none"
                      : "at most " + instrument.maxMissing())));
    }
    if (!problems.isEmpty()) {
      return new Score(
          instrument.id(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          Map.of(),
          Optional.empty(),
          Optional.empty(),
          flagged,
          false,
          missingItems,
          problems);
    }

    double sum = tenths / 10.0;
    double total = instrument.scoringRule().apply(sum, answeredCount, n);
    Map<String, Double> subscales = scoreSubscales(instrument, itemScores, answered, problems);
    Optional<Cutoff> cutoff = instrument.clinicalCutoff();
    return new Score(
        instrument.id(),
        OptionalDouble.of(total),
        OptionalDouble.of(sum / answeredCount),
        subscales,
        instrument.band(total),
        cutoff.isPresent() ? Optional.of(cutoff.get().isClinical(total)) : Optional.empty(),
        flagged,
        missingCount > 0 && instrument.maxMissing() > 0,
        missingItems,
        problems);
  }

  private static Map<String, Double> scoreSubscales(
      Instrument instrument, double[] itemScores, boolean[] answered, List<Problem> problems) {
    if (instrument.subscales().isEmpty()) {
      return Map.of();
    }
    ImmutableMap.Builder<String, Double> scores = ImmutableMap.builder();
    for (Subscale subscale : instrument.subscales()) {
      long tenths = 0;
      int count = 0;
      for (int number : subscale.items()) {
        if (answered[number - 1]) {
          tenths += (long) Math.rint(itemScores[number - 1] * 10);
          count++;
        }
      }
      double sum = tenths / 10.0;
      int size = subscale.items().size();
      if (size - count > subscale.maxMissing()) {
        problems.add(
            Problem.of(
                Problem.Kind.SUBSCALE_INCOMPLETE,
                subscale.label().en()
                    + " has "
                    + (size - count)
                    + " of "
                    + size
                    + " items missing and allows "
                    + (subscale.maxMissing() == 0 ? "none" : "at most " + subscale.maxMissing())
                    + ": no "
                    + subscale.id()
                    + " score"));
      } else {
        scores.put(subscale.id(), instrument.scoringRule().apply(sum, count, size));
      }
    }
    return scores.buildOrThrow();
  }

  /** A score for people, such as {@code 14.444444}. */
  public static String format(double score) {
    return Numbers.format(score);
  }
}
