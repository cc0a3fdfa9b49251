package org.alliance.core.simulation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.alliance.core.cohort.TrialParticipant;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded simulator of a randomised trial of therapy against no therapy, for checking the
 * instrumental-variable analysis against known effects. Baseline covariates are PHQ-9 at baseline,
 * motivation (drives attendance) and attachment (drives the alliance); an unobserved confounder
 * drives attendance, alliance and outcome together.
 *
 * <p>The follow-up PHQ-9 is {@code 5 + 0.6 baseline - 0.5 motivation - confounderOnOutcome u -
 * sessions (sessionEffect + sessionAllianceEffect (alliance - centre)) + noise}, left continuous
 * and unclamped so the linear model holds exactly and a recovery test measures the estimator alone.
 */
public final class TrialSimulator {
  /** The covariate names, in the order of each participant's covariates. */
  public static final List<String> COVARIATES = List.of("baseline", "motivation", "attachment");

  private final TrialParameters parameters;

  public TrialSimulator(TrialParameters parameters) {
    this.parameters = requireNonNull(parameters, "parameters");
  }

  /** The trial for this seed. */
  public SimulatedTrial simulate(long seed) {
    TrialParameters p = parameters;
    List<TrialParticipant> participants = new ArrayList<>(p.participants());
    int digits = Math.max(4, String.valueOf(p.participants()).length());
    for (int i = 0; i < p.participants(); i++) {
      RandomGenerator random = CourseSimulator.random(seed, i);
      String id = String.format(Locale.ROOT, "p-%0" + digits + "d", i + 1);
      boolean treated = random.nextDouble() < p.treatedShare();
      double baseline = p.baselineMean() + p.baselineSd() * random.nextGaussian();
      double motivation = random.nextGaussian();
      double attachment = random.nextGaussian();
      double confounder = random.nextGaussian(); // never shown to the analysis
      int sessions = 0;
      OptionalDouble alliance = OptionalDouble.empty();
      // Draw the arm's variables for everyone, so a participant's stream does not depend on the
      // arm.
      double attended =
          p.meanSessions()
              + p.motivationOnSessions() * motivation
              + p.confounderOnSessions() * confounder
              + p.sessionsSd() * random.nextGaussian();
      double rating =
          p.allianceMean()
              + p.attachmentOnAlliance() * attachment
              + p.confounderOnAlliance() * confounder
              + p.allianceSd() * random.nextGaussian();
      if (treated) {
        sessions = (int) Math.max(0, Math.min(p.maxSessions(), Math.round(attended)));
        if (sessions > 0) {
          alliance = OptionalDouble.of(Math.max(0, Math.min(40, Math.round(rating * 10) / 10.0)));
        }
      }
      double improvement =
          sessions == 0
              ? 0
              : sessions
                  * (p.sessionEffect()
                      + p.sessionAllianceEffect() * (alliance.getAsDouble() - p.allianceCentre()));
      double followUp =
          5
              + 0.6 * baseline
              - 0.5 * motivation
              - p.confounderOnOutcome() * confounder
              - improvement
              + p.outcomeNoise() * random.nextGaussian();
      participants.add(
          new TrialParticipant(
              id,
              treated,
              List.of(baseline, motivation, attachment),
              sessions,
              alliance,
              followUp));
    }
    return new SimulatedTrial(p, seed, COVARIATES, participants);
  }
}
