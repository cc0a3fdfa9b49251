package org.alliance.core.scoring;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Band;

/**
 * The result of scoring one administration.
 *
 * @param total the total by the instrument's scoring rule; empty when it cannot be scored
 * @param mean the mean of the answered item scores (after reversal), reported beside sum totals
 * @param subscales subscale scores by subscale id, in the instrument's order; a subscale with too
 *     many missing items is absent
 * @param band the severity band of the total, if the instrument has bands
 * @param clinical whether the total is on the clinical side of the instrument's default cutoff
 * @param flags ids of critical (risk) items answered above their minimum; reported even when the
 *     administration is otherwise invalid, because a risk answer must never be hidden
 * @param prorated whether the total was prorated over missing items
 * @param missing ids of the items with no answer
 * @param problems every problem found; the score is valid when none of them invalidates it
 */
public record Score(
    String instrumentId,
    OptionalDouble total,
    OptionalDouble mean,
    Map<String, Double> subscales,
    Optional<Band> band,
    Optional<Boolean> clinical,
    List<String> flags,
    boolean prorated,
    List<String> missing,
    List<Problem> problems) {

  public Score {
    requireNonNull(instrumentId, "instrumentId");
    requireNonNull(total, "total");
    requireNonNull(mean, "mean");
    subscales = ImmutableMap.copyOf(subscales);
    requireNonNull(band, "band");
    requireNonNull(clinical, "clinical");
    flags = ImmutableList.copyOf(flags);
    missing = ImmutableList.copyOf(missing);
    problems = problems.isEmpty() ? List.of() : ImmutableList.copyOf(problems);
  }

  /** Whether the administration was scored: no problem invalidates it. */
  public boolean valid() {
    for (Problem problem : problems) {
      if (problem.kind().invalidates()) {
        return false;
      }
    }
    return true;
  }
}
