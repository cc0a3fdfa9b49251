package org.alliance.core.simulation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.alliance.core.cohort.TrialIvAnalysis;
import org.alliance.core.cohort.TrialParticipant;
import org.alliance.core.instrument.Direction;

/**
 * The output of {@link TrialSimulator}: the participants as an analyst would see them (the
 * confounder is not among their covariates) and the parameters that hold the true effects.
 *
 * @param covariates names of the baseline covariates, in the participants' order
 */
public record SimulatedTrial(
    TrialParameters parameters,
    long seed,
    List<String> covariates,
    List<TrialParticipant> participants) {
  public SimulatedTrial {
    requireNonNull(parameters, "parameters");
    covariates = ImmutableList.copyOf(covariates);
    participants = ImmutableList.copyOf(participants);
  }

  /**
   * The analysis the trial was built for: PHQ-9 (lower is better), alliance centred at the true
   * centre.
   */
  public TrialIvAnalysis analysis() {
    return new TrialIvAnalysis(covariates, Direction.HIGHER_IS_WORSE, parameters.allianceCentre());
  }
}
