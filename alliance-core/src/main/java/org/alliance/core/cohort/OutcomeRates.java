package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Collection;

/**
 * Rates of reliable improvement, reliable deterioration and recovery over a group of clients, each
 * with its own denominator and 95% Wilson interval. Improvement and deterioration count every
 * client; recovery counts only clients who were in the clinical range at intake, since no one else
 * can recover.
 *
 * @param clients clients in the group
 */
public record OutcomeRates(
    int clients, Proportion improved, Proportion deteriorated, Proportion recovered) {
  public OutcomeRates {
    requireNonNull(improved, "improved");
    requireNonNull(deteriorated, "deteriorated");
    requireNonNull(recovered, "recovered");
    checkArgument(
        improved.denominator() == clients && deteriorated.denominator() == clients,
        "improvement and deterioration are counted over all %s clients",
        clients);
    checkArgument(
        recovered.denominator() <= clients, "more clients at risk of recovery than clients");
  }

  /** The rates of these clients' outcomes. */
  public static OutcomeRates of(Collection<ClientOutcome> outcomes) {
    int improved = 0;
    int deteriorated = 0;
    int clinical = 0;
    int recovered = 0;
    for (ClientOutcome outcome : outcomes) {
      improved += outcome.reliablyImproved() ? 1 : 0;
      deteriorated += outcome.reliablyDeteriorated() ? 1 : 0;
      clinical += outcome.clinicalAtIntake() ? 1 : 0;
      recovered += outcome.recovered() ? 1 : 0;
    }
    int n = outcomes.size();
    return new OutcomeRates(
        n,
        new Proportion(improved, n),
        new Proportion(deteriorated, n),
        new Proportion(recovered, clinical));
  }
}
