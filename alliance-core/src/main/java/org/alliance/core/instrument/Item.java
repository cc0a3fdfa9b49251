package org.alliance.core.instrument;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One question of an instrument.
 *
 * @param number position in the instrument, from 1; CSV columns {@code q1..qN} refer to it
 * @param id stable identifier used in files and the API, such as {@code phq9_9}
 * @param label short label that may always be shown, such as "Thoughts of self-harm"
 * @param text full wording, present only where the instrument's licence allows shipping it
 * @param scale the answers the item accepts
 * @param reversed scored as {@code min + max - answer} because it is worded the other way round
 * @param critical a risk item: any answer above the scale's minimum is flagged for the clinician
 * @param loinc the item's LOINC code, where one exists
 */
public record Item(
    int number,
    String id,
    LocalizedText label,
    Optional<LocalizedText> text,
    ResponseScale scale,
    boolean reversed,
    boolean critical,
    Optional<String> loinc) {

  public Item {
    checkArgument(number >= 1, "item numbers start at 1: %s", number);
    requireNonNull(id, "id");
    checkArgument(
        Ids.isValid(id), "item id '%s' must be lower-case letters, digits, '_' or '-'", id);
    requireNonNull(label, "label");
    requireNonNull(text, "text");
    requireNonNull(scale, "scale");
    requireNonNull(loinc, "loinc");
  }

  /** The score this answer contributes, after reversal. The answer must already be on the scale. */
  public double itemScore(double answer) {
    return reversed ? scale.min() + scale.max() - answer : answer;
  }

  /**
   * Whether this answer fires the item's risk flag: any number above the scale's minimum, even one
   * out of range.
   */
  public boolean fires(double answer) {
    return critical && answer > scale.min();
  }
}
