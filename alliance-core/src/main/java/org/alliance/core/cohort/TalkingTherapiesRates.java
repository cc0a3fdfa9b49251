package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.alliance.core.trend.Episode;

/**
 * The {@linkplain TalkingTherapies NHS Talking Therapies} outcome rates of a group of episodes,
 * each with its denominator and 95% Wilson interval: reliable improvement and reliable
 * deterioration over every finished episode, recovery and reliable recovery over the finished
 * episodes that were at caseness at the start.
 *
 * @param outcomes the finished episodes, judged
 * @param oneSession episodes with a PHQ-9 or GAD-7 left out for having fewer than two sessions
 * @param notPaired episodes left out for lacking a first and a last score of both measures
 */
public record TalkingTherapiesRates(
    List<TalkingTherapiesOutcome> outcomes,
    int oneSession,
    int notPaired,
    Proportion reliableImprovement,
    Proportion reliableDeterioration,
    Proportion recovery,
    Proportion reliableRecovery) {
  public TalkingTherapiesRates {
    outcomes = ImmutableList.copyOf(outcomes);
    checkArgument(oneSession >= 0 && notPaired >= 0, "counts cannot be negative");
    requireNonNull(reliableImprovement, "reliableImprovement");
    requireNonNull(reliableDeterioration, "reliableDeterioration");
    requireNonNull(recovery, "recovery");
    requireNonNull(reliableRecovery, "reliableRecovery");
    int finished = outcomes.size();
    checkArgument(
        reliableImprovement.denominator() == finished
            && reliableDeterioration.denominator() == finished,
        "improvement and deterioration are counted over all %s finished episodes",
        finished);
    checkArgument(
        recovery.denominator() == reliableRecovery.denominator()
            && recovery.denominator() <= finished,
        "recovery and reliable recovery are counted over the episodes at caseness");
  }

  /** The rates of these episodes; those without a PHQ-9 or GAD-7 are not counted at all. */
  public static TalkingTherapiesRates of(Collection<Episode> episodes) {
    List<TalkingTherapiesOutcome> outcomes = new ArrayList<>();
    int oneSession = 0;
    int notPaired = 0;
    for (Episode episode : episodes) {
      if (!TalkingTherapies.concerns(episode)) {
        continue;
      }
      Optional<TalkingTherapies.LeftOut> reason = TalkingTherapies.leftOut(episode);
      if (reason.isPresent()) {
        oneSession += reason.get() == TalkingTherapies.LeftOut.ONE_SESSION ? 1 : 0;
        notPaired += reason.get() == TalkingTherapies.LeftOut.NOT_PAIRED ? 1 : 0;
        continue;
      }
      outcomes.add(TalkingTherapies.judge(episode).orElseThrow());
    }
    return ofOutcomes(outcomes, oneSession, notPaired);
  }

  /** The rates of episodes already judged, with the counts of those left out. */
  public static TalkingTherapiesRates ofOutcomes(
      Collection<TalkingTherapiesOutcome> outcomes, int oneSession, int notPaired) {
    int improved = 0;
    int deteriorated = 0;
    int atCaseness = 0;
    int recovered = 0;
    int reliablyRecovered = 0;
    for (TalkingTherapiesOutcome outcome : outcomes) {
      improved += outcome.reliablyImproved() ? 1 : 0;
      deteriorated += outcome.reliablyDeteriorated() ? 1 : 0;
      atCaseness += outcome.caseAtStart() ? 1 : 0;
      recovered += outcome.recovered() ? 1 : 0;
      reliablyRecovered += outcome.reliablyRecovered() ? 1 : 0;
    }
    int finished = outcomes.size();
    return new TalkingTherapiesRates(
        List.copyOf(outcomes),
        oneSession,
        notPaired,
        new Proportion(improved, finished),
        new Proportion(deteriorated, finished),
        new Proportion(recovered, atCaseness),
        new Proportion(reliablyRecovered, atCaseness));
  }

  /** Episodes that finished treatment with both measures at both ends: the rates' population. */
  public int finished() {
    return outcomes.size();
  }

  /** Finished episodes not at caseness at the start, which the recovery rates leave out. */
  public int notAtCaseness() {
    return finished() - recovery.denominator();
  }

  /** Whether any episode could be judged. */
  public boolean isEmpty() {
    return outcomes.isEmpty();
  }
}
