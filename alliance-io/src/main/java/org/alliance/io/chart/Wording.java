package org.alliance.io.chart;

import java.util.List;
import java.util.Locale;
import org.alliance.core.cohort.TalkingTherapies;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.trend.ChangeDefinition;
import org.alliance.core.trend.Measure;

/** How charts and reports name measures, cutoffs and directions, so both use the same words. */
public final class Wording {
  private Wording() {}

  /**
   * An instrument's id as clinicians write it ({@code PHQ-9}); a score column keeps its own name.
   */
  public static String measure(Measure measure) {
    return measure.label();
  }

  /** {@code lower is better} or {@code higher is better}. */
  public static String direction(Direction direction) {
    return direction == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better";
  }

  /** The scores on the cutoff's side in words: {@code 10 or more}, {@code below 36}. */
  public static String cutoffSide(Cutoff cutoff) {
    return cutoff.inWords();
  }

  /** What the cutoff's side means, without advice after a colon: {@code alliance concern}. */
  public static String cutoffMeaning(Cutoff cutoff) {
    int colon = cutoff.label().indexOf(':');
    return colon < 0 ? cutoff.label() : cutoff.label().substring(0, colon);
  }

  /**
   * A score rounded for reading: at most two decimals ({@code 12}, {@code 35.8}, {@code 14.44}).
   */
  public static String score(double value) {
    return Numbers.format(Math.round(value * 100) / 100.0);
  }

  /**
   * How a definition judged each client, in plain words after its name, for reports and pages:
   * {@code Jacobson-Truax with the published cutoff: a change of 6 points or more is reliable;
   * recovered means reliably improved and out of the clinical range (caseness), which is 10 or
   * more}.
   */
  public static String definition(ChangeDefinition definition) {
    String how;
    if (definition instanceof ChangeDefinition.PublishedCutoff published) {
      how =
          "a change of "
              + Numbers.format(published.threshold())
              + " points or more is reliable; recovered means reliably improved and out of the "
              + cutoffMeaning(published.cutoff())
              + ", which is "
              + cutoffSide(published.cutoff());
    } else if (definition instanceof ChangeDefinition.NormsCutoff norms) {
      how =
          "reliable change from the published reliability of "
              + score(norms.norms().reliability())
              + "; recovered means reliably improved and across cutoff "
              + norms.cutoff().name().toLowerCase(Locale.ROOT)
              + " ("
              + score(norms.cutoffValue())
              + ") between the clinical and the general population ("
              + norms.norms().source()
              + ")";
    } else {
      ChangeDefinition.SampleCutoff sample = (ChangeDefinition.SampleCutoff) definition;
      how =
          "reliable change from the sample's own spread of first scores and a reliability of "
              + score(sample.options().reliability())
              + "; recovered means reliably improved and across cutoff "
              + sample.cutoff().name().toLowerCase(Locale.ROOT)
              + (sample.functionalMean().isEmpty()
                  ? ", two SD beyond the sample's first-score mean"
                  : ", from the sample and the given functional population");
    }
    return definition.name() + ": " + how;
  }

  /** The NHS Talking Therapies rules in plain words, one line each, for reports and pages. */
  public static List<String> talkingTherapiesRules() {
    return List.of(
        "Counted: clients with at least two sessions and a first and a last score of both PHQ-9 and"
            + " GAD-7; each measure runs from its own first to its own last score.",
        "At caseness: PHQ-9 "
            + cutoffSide(TalkingTherapies.DEPRESSION_CASENESS)
            + " or GAD-7 "
            + cutoffSide(TalkingTherapies.ANXIETY_CASENESS)
            + ".",
        "Reliable improvement: PHQ-9 down by "
            + Numbers.format(TalkingTherapies.DEPRESSION_RELIABLE_CHANGE)
            + " or more, or GAD-7 down by "
            + Numbers.format(TalkingTherapies.ANXIETY_RELIABLE_CHANGE)
            + " or more, and neither up by that much. Reliable deterioration: either up by that much"
            + " (also when the other improved).",
        "Recovery: at caseness at the first scores and on neither measure at the last. Its rate counts"
            + " only clients at caseness at the start. Reliable recovery: recovery with reliable"
            + " improvement.",
        "Source: " + TalkingTherapies.SOURCE + ".");
  }
}
