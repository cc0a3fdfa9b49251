package org.alliance.core.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.instrument.ScoringRule;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;

/**
 * Item answers that add up to a simulated total, spread as evenly as the items allow, so simulated
 * data can be written and read back as questionnaire answers. Scoring the answers gives the total
 * back exactly.
 */
public final class SimulatedAnswers {
  private SimulatedAnswers() {}

  /**
   * Answers of a sum-scored instrument without reversed items (PHQ-9, GAD-7, ORS, SRS) with this
   * total.
   *
   * @throws IllegalArgumentException for another kind of instrument, or a total off its range or
   *     step
   */
  public static Answers of(Instrument instrument, double total) {
    return of(instrument, total, false);
  }

  /**
   * The same; risk items (PHQ-9 item 9) get the lowest answers the total allows, unless {@code
   * riskAnswered}, when each gets one step above its minimum first, so a demo has risk answers
   * where the simulation wants them.
   */
  public static Answers of(Instrument instrument, double total, boolean riskAnswered) {
    List<Item> items = instrument.items();
    checkArgument(
        instrument.scoringRule() == ScoringRule.SUM, "%s is not scored as a sum", instrument.id());
    checkArgument(
        items.stream().noneMatch(Item::reversed), "%s has reversed items", instrument.id());
    ResponseScale scale = items.get(0).scale();
    checkArgument(
        items.stream().allMatch(item -> item.scale().equals(scale)),
        "%s mixes response scales",
        instrument.id());
    // Whole points, or tenths on a visual-analogue line.
    double step = scale instanceof ResponseScale.VisualAnalogue ? 0.1 : 1;
    long units = Math.round(total / step);
    long minUnits = Math.round(scale.min() / step);
    long maxUnits = Math.round(scale.max() / step);
    int n = items.size();
    checkArgument(
        Math.abs(units * step - total) < 1e-9 && units >= minUnits * n && units <= maxUnits * n,
        "%s cannot total %s",
        instrument.id(),
        total);
    long[] itemUnits = new long[n];
    long left = units;
    for (int i = 0; i < n; i++) {
      itemUnits[i] = minUnits;
      left -= minUnits;
    }
    if (riskAnswered) {
      for (int i = 0; i < n && left > 0; i++) {
        if (items.get(i).critical()) {
          itemUnits[i]++;
          left--;
        }
      }
    }
    // Spread the rest evenly over the other items, one unit at a time; risk items only take what is
    // left.
    long others = items.stream().filter(item -> !item.critical()).count();
    while (left > 0) {
      boolean placed = false;
      for (int i = 0; i < n && left > 0; i++) {
        boolean useThis = others > 0 ? !items.get(i).critical() : true;
        if (useThis && itemUnits[i] < maxUnits) {
          itemUnits[i]++;
          left--;
          placed = true;
        }
      }
      if (!placed) {
        others = 0;
      }
    }
    Answers.Builder answers = Answers.builder(n);
    for (int i = 0; i < n; i++) {
      // Tenths as units / 10.0, never units * 0.1, so 7 tenths is exactly the double nearest 0.7.
      answers.put(items.get(i).id(), Answer.of(step == 1 ? itemUnits[i] : itemUnits[i] / 10.0));
    }
    return answers.build();
  }
}
