package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One participant of a randomised trial of therapy against a control without therapy, as the
 * instrumental-variable analysis needs them.
 *
 * @param treated randomised to therapy
 * @param covariates baseline covariates, measured before randomisation, in the analysis's order
 * @param sessions sessions of therapy attended; always 0 in the control arm
 * @param alliance the participant's alliance rating (higher is better), needed when sessions > 0; a
 *     participant without sessions has no alliance to rate and does not need one
 * @param outcome the outcome score at follow-up, in the measure's own direction
 */
public record TrialParticipant(
    String id,
    boolean treated,
    List<Double> covariates,
    int sessions,
    OptionalDouble alliance,
    double outcome) {
  public TrialParticipant {
    checkArgument(id != null && !id.isBlank(), "a participant needs an id");
    covariates = ImmutableList.copyOf(covariates);
    for (double covariate : covariates) {
      checkArgument(
          Double.isFinite(covariate), "participant %s: covariates must be finite numbers", id);
    }
    checkArgument(sessions >= 0, "participant %s: sessions cannot be negative", id);
    checkArgument(
        treated || sessions == 0,
        "participant %s is in the control arm but attended %s sessions",
        id,
        sessions);
    requireNonNull(alliance, "alliance");
    alliance.ifPresent(
        a -> checkArgument(Double.isFinite(a), "participant %s: alliance must be finite", id));
    checkArgument(
        sessions == 0 || alliance.isPresent(),
        "participant %s attended %s sessions but has no alliance rating",
        id,
        sessions);
    checkArgument(
        Double.isFinite(outcome), "participant %s: the outcome must be a finite number", id);
  }
}
