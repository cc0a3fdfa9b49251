package org.alliance.core.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The settings of {@link CourseSimulator}. The client's state and alliance are simulated on a 0-1
 * scale (0 the worst possible score of the instrument, 1 the best) and mapped onto each
 * instrument's range, so the same settings suit PHQ-9 (0-27, lower is better) and ORS (0-40, higher
 * is better). Rates are probabilities; sizes are fractions of the instrument's range.
 *
 * @param clients number of clients
 * @param clinicians number of clinicians; each client is assigned one at random
 * @param minSessions fewest sessions a client plans to attend
 * @param maxSessions most sessions; each client's planned length is uniform in min..max
 * @param outcomeInstrument catalog id of the outcome measure, given at the start of each session
 * @param allianceInstrument catalog id of the alliance measure, given at the end of each session
 * @param intakeMean mean state at intake (0.42: PHQ-9 about 15.7, ORS about 16.8)
 * @param intakeSd SD of the state at intake between clients
 * @param expectedGain mean improvement a client heads for over therapy
 * @param gainSd SD of that improvement between clients
 * @param approachRate share of the remaining distance to the client's end state covered per session
 * @param outcomeNoise SD of the session-to-session fluctuation of the state
 * @param allianceMean mean alliance level (0.85: SRS 34)
 * @param allianceSd SD of the alliance level between clients
 * @param clinicianAllianceSd SD of the clinicians' contribution to the alliance level
 * @param allianceNoise SD of the session-to-session fluctuation of the alliance
 * @param allianceEffect gain in the next session's state per unit of alliance above the client's
 *     own level: the true within-person effect of alliance on the next outcome
 * @param improvementEffect rise of the alliance per unit of improvement since the previous session
 * @param ruptureRate probability of an alliance rupture at each session from the second on
 * @param repairShare probability that a rupture is repaired within 2 sessions
 * @param ruptureDepth mean drop of the alliance at a rupture (0.15: 6 SRS points)
 * @param suddenGainRate share of clients with one sudden gain
 * @param suddenGainSize size of a sudden gain (0.3: about 8 PHQ-9 points)
 * @param deteriorationRate share of clients who get reliably worse over therapy
 * @param dropoutHazard probability of dropping out before each session after the first; three times
 *     as high after an unrepaired rupture
 * @param missingSessionRate probability that a session after the first has no scores at all
 * @param missingScoreRate probability that one measure of a session is missing
 * @param firstSession earliest intake date; intakes spread over the following year, sessions are
 *     weekly
 */
public record CourseParameters(
    int clients,
    int clinicians,
    int minSessions,
    int maxSessions,
    String outcomeInstrument,
    String allianceInstrument,
    double intakeMean,
    double intakeSd,
    double expectedGain,
    double gainSd,
    double approachRate,
    double outcomeNoise,
    double allianceMean,
    double allianceSd,
    double clinicianAllianceSd,
    double allianceNoise,
    double allianceEffect,
    double improvementEffect,
    double ruptureRate,
    double repairShare,
    double ruptureDepth,
    double suddenGainRate,
    double suddenGainSize,
    double deteriorationRate,
    double dropoutHazard,
    double missingSessionRate,
    double missingScoreRate,
    LocalDate firstSession) {

  public CourseParameters {
    checkArgument(clients >= 1, "at least one client: %s", clients);
    checkArgument(clinicians >= 1, "at least one clinician: %s", clinicians);
    checkArgument(
        minSessions >= 1 && minSessions <= maxSessions,
        "sessions must satisfy 1 <= min <= max: %s, %s",
        minSessions,
        maxSessions);
    checkArgument(
        outcomeInstrument != null && !outcomeInstrument.isBlank(),
        "an outcome instrument is needed");
    checkArgument(
        allianceInstrument != null && !allianceInstrument.isBlank(),
        "an alliance instrument is needed");
    unit("intakeMean", intakeMean);
    unit("allianceMean", allianceMean);
    for (double sd :
        new double[] {
          intakeSd, gainSd, outcomeNoise, allianceSd, clinicianAllianceSd, allianceNoise
        }) {
      checkArgument(sd >= 0 && sd <= 1, "SDs lie in 0..1 of the range: %s", sd);
    }
    checkArgument(Math.abs(expectedGain) <= 1, "expectedGain lies in -1..1: %s", expectedGain);
    checkArgument(
        approachRate > 0 && approachRate <= 1, "approachRate lies in (0, 1]: %s", approachRate);
    checkArgument(
        Double.isFinite(allianceEffect) && Double.isFinite(improvementEffect),
        "effects must be finite");
    unit("ruptureRate", ruptureRate);
    unit("repairShare", repairShare);
    unit("ruptureDepth", ruptureDepth);
    unit("suddenGainRate", suddenGainRate);
    unit("suddenGainSize", suddenGainSize);
    unit("deteriorationRate", deteriorationRate);
    unit("dropoutHazard", dropoutHazard);
    checkArgument(
        dropoutHazard * 3 <= 1,
        "dropoutHazard is tripled after an unrepaired rupture, so it must be at most 1/3: %s",
        dropoutHazard);
    unit("missingSessionRate", missingSessionRate);
    unit("missingScoreRate", missingScoreRate);
    requireNonNull(firstSession, "firstSession");
  }

  private static void unit(String name, double value) {
    checkArgument(value >= 0 && value <= 1, "%s lies in 0..1: %s", name, value);
  }

  /** 200 clients of 10 clinicians, 6-16 sessions, PHQ-9 and SRS, with every feature switched on. */
  public static CourseParameters defaults() {
    return new CourseParameters(
        200,
        10,
        6,
        16,
        "phq-9",
        "srs",
        0.42,
        0.15,
        0.25,
        0.12,
        0.2,
        0.035,
        0.85,
        0.07,
        0.02,
        0.03,
        0.3,
        0.3,
        0.04,
        0.6,
        0.15,
        0.15,
        0.3,
        0.06,
        0.03,
        0.05,
        0.03,
        LocalDate.of(2024, 1, 8));
  }

  public CourseParameters withClients(int clients, int clinicians) {
    return new CourseParameters(
        clients,
        clinicians,
        minSessions,
        maxSessions,
        outcomeInstrument,
        allianceInstrument,
        intakeMean,
        intakeSd,
        expectedGain,
        gainSd,
        approachRate,
        outcomeNoise,
        allianceMean,
        allianceSd,
        clinicianAllianceSd,
        allianceNoise,
        allianceEffect,
        improvementEffect,
        ruptureRate,
        repairShare,
        ruptureDepth,
        suddenGainRate,
        suddenGainSize,
        deteriorationRate,
        dropoutHazard,
        missingSessionRate,
        missingScoreRate,
        firstSession);
  }

  public CourseParameters withSessions(int minSessions, int maxSessions) {
    return new CourseParameters(
        clients,
        clinicians,
        minSessions,
        maxSessions,
        outcomeInstrument,
        allianceInstrument,
        intakeMean,
        intakeSd,
        expectedGain,
        gainSd,
        approachRate,
        outcomeNoise,
        allianceMean,
        allianceSd,
        clinicianAllianceSd,
        allianceNoise,
        allianceEffect,
        improvementEffect,
        ruptureRate,
        repairShare,
        ruptureDepth,
        suddenGainRate,
        suddenGainSize,
        deteriorationRate,
        dropoutHazard,
        missingSessionRate,
        missingScoreRate,
        firstSession);
  }

  public CourseParameters withInstruments(String outcomeInstrument, String allianceInstrument) {
    return new CourseParameters(
        clients,
        clinicians,
        minSessions,
        maxSessions,
        outcomeInstrument,
        allianceInstrument,
        intakeMean,
        intakeSd,
        expectedGain,
        gainSd,
        approachRate,
        outcomeNoise,
        allianceMean,
        allianceSd,
        clinicianAllianceSd,
        allianceNoise,
        allianceEffect,
        improvementEffect,
        ruptureRate,
        repairShare,
        ruptureDepth,
        suddenGainRate,
        suddenGainSize,
        deteriorationRate,
        dropoutHazard,
        missingSessionRate,
        missingScoreRate,
        firstSession);
  }

  /** The same settings with another true alliance effect and alliance response to improvement. */
  public CourseParameters withAllianceDynamics(double allianceEffect, double improvementEffect) {
    return new CourseParameters(
        clients,
        clinicians,
        minSessions,
        maxSessions,
        outcomeInstrument,
        allianceInstrument,
        intakeMean,
        intakeSd,
        expectedGain,
        gainSd,
        approachRate,
        outcomeNoise,
        allianceMean,
        allianceSd,
        clinicianAllianceSd,
        allianceNoise,
        allianceEffect,
        improvementEffect,
        ruptureRate,
        repairShare,
        ruptureDepth,
        suddenGainRate,
        suddenGainSize,
        deteriorationRate,
        dropoutHazard,
        missingSessionRate,
        missingScoreRate,
        firstSession);
  }

  /**
   * The same settings with other rates of ruptures, sudden gains, deterioration, dropout and
   * missing data.
   */
  public CourseParameters withEvents(
      double ruptureRate,
      double suddenGainRate,
      double deteriorationRate,
      double dropoutHazard,
      double missingSessionRate,
      double missingScoreRate) {
    return new CourseParameters(
        clients,
        clinicians,
        minSessions,
        maxSessions,
        outcomeInstrument,
        allianceInstrument,
        intakeMean,
        intakeSd,
        expectedGain,
        gainSd,
        approachRate,
        outcomeNoise,
        allianceMean,
        allianceSd,
        clinicianAllianceSd,
        allianceNoise,
        allianceEffect,
        improvementEffect,
        ruptureRate,
        repairShare,
        ruptureDepth,
        suddenGainRate,
        suddenGainSize,
        deteriorationRate,
        dropoutHazard,
        missingSessionRate,
        missingScoreRate,
        firstSession);
  }
}
