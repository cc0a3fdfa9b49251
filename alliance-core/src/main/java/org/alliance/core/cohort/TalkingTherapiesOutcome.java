package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.alliance.core.trend.ChangeCategory;
import org.alliance.core.trend.ReliableChange;

/**
 * One finished episode judged by the {@linkplain TalkingTherapies NHS Talking Therapies} rules,
 * from the first and last PHQ-9 and GAD-7 scores.
 *
 * @param depression reliable change of the PHQ-9 alone (6 points)
 * @param anxiety reliable change of the GAD-7 alone (4 points)
 * @param caseAtStart PHQ-9 10 or more, or GAD-7 8 or more, at the first scores
 * @param caseAtEnd the same at the last scores
 * @param reliablyImproved a reliable drop on one measure and a reliable rise on neither
 * @param reliablyDeteriorated a reliable rise on either measure
 */
public record TalkingTherapiesOutcome(
    String client,
    Optional<String> clinician,
    double phq9First,
    double phq9Last,
    double gad7First,
    double gad7Last,
    ChangeCategory depression,
    ChangeCategory anxiety,
    boolean caseAtStart,
    boolean caseAtEnd,
    boolean reliablyImproved,
    boolean reliablyDeteriorated) {
  public TalkingTherapiesOutcome {
    checkArgument(client != null && !client.isBlank(), "an outcome needs a client");
    requireNonNull(clinician, "clinician");
    requireNonNull(depression, "depression");
    requireNonNull(anxiety, "anxiety");
    checkArgument(
        !(reliablyImproved && reliablyDeteriorated),
        "client %s cannot be both reliably improved and deteriorated",
        client);
  }

  /** The outcome of these scores under the rules. */
  public static TalkingTherapiesOutcome of(
      String client,
      Optional<String> clinician,
      double phq9First,
      double phq9Last,
      double gad7First,
      double gad7Last) {
    ChangeCategory depression =
        ReliableChange.byThreshold(
                phq9First,
                phq9Last,
                TalkingTherapies.DEPRESSION_RELIABLE_CHANGE,
                TalkingTherapies.DIRECTION)
            .category();
    ChangeCategory anxiety =
        ReliableChange.byThreshold(
                gad7First,
                gad7Last,
                TalkingTherapies.ANXIETY_RELIABLE_CHANGE,
                TalkingTherapies.DIRECTION)
            .category();
    boolean deteriorated =
        depression.isReliableDeterioration() || anxiety.isReliableDeterioration();
    // A reliable rise on the other measure cancels an improvement: the episode counts as
    // deteriorated, so that harm on one measure is never reported as improvement.
    boolean improved =
        (depression.isReliableImprovement() || anxiety.isReliableImprovement()) && !deteriorated;
    return new TalkingTherapiesOutcome(
        client,
        clinician,
        phq9First,
        phq9Last,
        gad7First,
        gad7Last,
        depression,
        anxiety,
        isCase(phq9First, gad7First),
        isCase(phq9Last, gad7Last),
        improved,
        deteriorated);
  }

  private static boolean isCase(double phq9, double gad7) {
    return TalkingTherapies.DEPRESSION_CASENESS.isClinical(phq9)
        || TalkingTherapies.ANXIETY_CASENESS.isClinical(gad7);
  }

  /** Moved to recovery: at caseness at the start and not at the end. */
  public boolean recovered() {
    return caseAtStart && !caseAtEnd;
  }

  /** Recovered and reliably improved. */
  public boolean reliablyRecovered() {
    return recovered() && reliablyImproved;
  }

  /** The episode's outcome in plain words, the most telling first. */
  public String words() {
    if (reliablyDeteriorated) {
      return "reliable deterioration";
    }
    if (reliablyRecovered()) {
      return "reliable recovery";
    }
    if (recovered()) {
      return "recovery without reliable improvement";
    }
    if (reliablyImproved) {
      return "reliable improvement";
    }
    return "no reliable change";
  }
}
