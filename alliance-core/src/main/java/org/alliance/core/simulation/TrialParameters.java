package org.alliance.core.simulation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The settings of {@link TrialSimulator}: a trial of therapy against no therapy, with an unobserved
 * client characteristic (the confounder) that raises attendance and alliance and also improves the
 * outcome, so that naive regression overstates what sessions and alliance do. The outcome is a
 * PHQ-9 total at follow-up; improvements are in PHQ-9 points (positive = fewer symptoms).
 *
 * @param participants number of participants randomised
 * @param treatedShare probability of being randomised to therapy
 * @param maxSessions most sessions offered
 * @param meanSessions mean sessions attended in the therapy arm
 * @param sessionsSd SD of sessions attended not explained by covariates or the confounder
 * @param motivationOnSessions extra sessions per SD of the baseline covariate {@code motivation}
 * @param confounderOnSessions extra sessions per SD of the confounder
 * @param allianceMean mean SRS alliance (0-40) in the therapy arm
 * @param allianceSd SD of the alliance not explained by covariates or the confounder
 * @param attachmentOnAlliance SRS points per SD of the baseline covariate {@code attachment}
 * @param confounderOnAlliance SRS points per SD of the confounder
 * @param baselineMean mean PHQ-9 at baseline
 * @param baselineSd SD of PHQ-9 at baseline
 * @param confounderOnOutcome PHQ-9 points of improvement per SD of the confounder, in both arms
 * @param sessionEffect true improvement per session attended at alliance {@code allianceCentre}
 * @param sessionAllianceEffect true extra improvement per session per SRS point above {@code
 *     allianceCentre}
 * @param allianceCentre the alliance at which {@code sessionEffect} applies
 * @param outcomeNoise SD of the follow-up score not explained by the model
 */
public record TrialParameters(
    int participants,
    double treatedShare,
    int maxSessions,
    double meanSessions,
    double sessionsSd,
    double motivationOnSessions,
    double confounderOnSessions,
    double allianceMean,
    double allianceSd,
    double attachmentOnAlliance,
    double confounderOnAlliance,
    double baselineMean,
    double baselineSd,
    double confounderOnOutcome,
    double sessionEffect,
    double sessionAllianceEffect,
    double allianceCentre,
    double outcomeNoise) {

  public TrialParameters {
    checkArgument(participants >= 10, "a trial needs at least 10 participants: %s", participants);
    checkArgument(
        treatedShare > 0 && treatedShare < 1,
        "treatedShare lies strictly between 0 and 1: %s",
        treatedShare);
    checkArgument(maxSessions >= 1, "at least one session is offered");
    checkArgument(
        meanSessions >= 0 && meanSessions <= maxSessions,
        "meanSessions lies in 0..maxSessions: %s",
        meanSessions);
    for (double value : new double[] {sessionsSd, allianceSd, baselineSd, outcomeNoise}) {
      checkArgument(value >= 0 && Double.isFinite(value), "SDs are non-negative: %s", value);
    }
    for (double value :
        new double[] {
          motivationOnSessions,
          confounderOnSessions,
          attachmentOnAlliance,
          confounderOnAlliance,
          confounderOnOutcome,
          sessionEffect,
          sessionAllianceEffect
        }) {
      checkArgument(Double.isFinite(value), "effects must be finite: %s", value);
    }
    checkArgument(
        allianceMean >= 0 && allianceMean <= 40 && allianceCentre >= 0 && allianceCentre <= 40,
        "alliance values are SRS totals 0-40");
    checkArgument(baselineMean >= 0 && baselineMean <= 27, "the baseline is a PHQ-9 total 0-27");
  }

  /** 2,000 participants, half treated, 10 sessions on average, strong confounding. */
  public static TrialParameters defaults() {
    return new TrialParameters(
        2000, 0.5, 20, 10, 3, 2, 1.5, 32, 3, 2.5, 2.5, 17, 4, 2.5, 0.4, 0.06, 32, 3);
  }

  public TrialParameters withParticipants(int participants) {
    return new TrialParameters(
        participants,
        treatedShare,
        maxSessions,
        meanSessions,
        sessionsSd,
        motivationOnSessions,
        confounderOnSessions,
        allianceMean,
        allianceSd,
        attachmentOnAlliance,
        confounderOnAlliance,
        baselineMean,
        baselineSd,
        confounderOnOutcome,
        sessionEffect,
        sessionAllianceEffect,
        allianceCentre,
        outcomeNoise);
  }

  /** The same trial with other true effects of sessions and of sessions x alliance. */
  public TrialParameters withEffects(double sessionEffect, double sessionAllianceEffect) {
    return new TrialParameters(
        participants,
        treatedShare,
        maxSessions,
        meanSessions,
        sessionsSd,
        motivationOnSessions,
        confounderOnSessions,
        allianceMean,
        allianceSd,
        attachmentOnAlliance,
        confounderOnAlliance,
        baselineMean,
        baselineSd,
        confounderOnOutcome,
        sessionEffect,
        sessionAllianceEffect,
        allianceCentre,
        outcomeNoise);
  }

  /**
   * The same trial with another strength of the unobserved confounder on sessions, alliance and
   * outcome.
   */
  public TrialParameters withConfounding(double onSessions, double onAlliance, double onOutcome) {
    return new TrialParameters(
        participants,
        treatedShare,
        maxSessions,
        meanSessions,
        sessionsSd,
        motivationOnSessions,
        onSessions,
        allianceMean,
        allianceSd,
        attachmentOnAlliance,
        onAlliance,
        baselineMean,
        baselineSd,
        onOutcome,
        sessionEffect,
        sessionAllianceEffect,
        allianceCentre,
        outcomeNoise);
  }
}
