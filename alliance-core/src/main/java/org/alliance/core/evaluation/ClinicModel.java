package org.alliance.core.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A clinic whose truth is known, for measuring the alert rules: who truly improves, stays flat or
 * deteriorates; whose alliance ruptures (repaired or not) or erodes while the outcome stalls; who
 * answers a risk item; with each instrument's measurement error and missing sessions. Every client
 * fills in the ORS at the start of each weekly session and the SRS at its end; some also fill in
 * the PHQ-9.
 *
 * <p>Scores are simulated as true scores plus measurement error. The error SD of an outcome measure
 * is its standard error of measurement, taken from the published reliable-change value (RC = 1.96 x
 * sqrt(2) x SEM); the SRS's is SD x sqrt(1 - alpha), with alpha .88 (Duncan et al. 2003).
 *
 * @param clients clients in the clinic over the whole period
 * @param weeks weeks over which clients start therapy, one after another
 * @param minSessions fewest sessions a client plans
 * @param maxSessions most sessions a client plans; uniform in between
 * @param phq9Share share of clients who also fill in the PHQ-9 (its item 9 is the risk item)
 * @param improvingShare share of clients who truly improve
 * @param deterioratingShare share of clients who truly get worse, by 1.5 to 3 reliable changes; the
 *     rest stay about where they started
 * @param allianceDeficitMean mean distance of a client's true SRS level below 40 (log-normal, so
 *     the clinic's SRS is high and skewed: 3.5 gives a mean near 36.5)
 * @param allianceDeficitSd SD of that distance between clients
 * @param allianceFluctuation SD of the true alliance's session-to-session fluctuation, in SRS
 *     points
 * @param srsAlpha the SRS's internal consistency, for its measurement error
 * @param ruptureRate probability of a marked alliance rupture at each session from the second on
 * @param repairShare probability that a rupture is repaired within 1 or 2 sessions
 * @param erosionShare share of clients whose alliance erodes over several sessions while their
 *     outcome stalls and slips: the vicious circle
 * @param riskTraitShare share of PHQ-9 clients at risk: they answer item 9 above 0 at 60% of the
 *     sessions where their true PHQ-9 is 10 or more, and at 15% otherwise
 * @param riskOtherRate probability that another PHQ-9 client answers item 9 above 0 at a session
 * @param dropoutHazard probability of dropping out before each session after the first; three times
 *     as high after an unrepaired rupture
 * @param missingSessionRate probability that an attended session has no scores at all
 */
public record ClinicModel(
    int clients,
    int weeks,
    int minSessions,
    int maxSessions,
    double phq9Share,
    double improvingShare,
    double deterioratingShare,
    double allianceDeficitMean,
    double allianceDeficitSd,
    double allianceFluctuation,
    double srsAlpha,
    double ruptureRate,
    double repairShare,
    double erosionShare,
    double riskTraitShare,
    double riskOtherRate,
    double dropoutHazard,
    double missingSessionRate) {

  public ClinicModel {
    checkArgument(clients >= 1, "at least one client: %s", clients);
    checkArgument(weeks >= 1, "at least one week: %s", weeks);
    checkArgument(
        minSessions >= 2 && minSessions <= maxSessions,
        "sessions must satisfy 2 <= min <= max: %s, %s",
        minSessions,
        maxSessions);
    for (double share :
        new double[] {
          phq9Share,
          improvingShare,
          deterioratingShare,
          srsAlpha,
          ruptureRate,
          repairShare,
          erosionShare,
          riskTraitShare,
          riskOtherRate,
          missingSessionRate
        }) {
      checkArgument(share >= 0 && share < 1, "shares and rates lie in 0..1: %s", share);
    }
    checkArgument(
        improvingShare + deterioratingShare <= 1,
        "improving and deteriorating shares add up to more than 1");
    checkArgument(
        dropoutHazard >= 0 && dropoutHazard * 3 <= 1,
        "dropoutHazard is tripled after an unrepaired rupture, so it lies in 0..1/3: %s",
        dropoutHazard);
    checkArgument(
        allianceDeficitMean > 0 && allianceDeficitSd > 0 && allianceFluctuation >= 0,
        "the alliance's distance below 40 needs a positive mean and SD");
  }

  /**
   * A realistic outpatient clinic: 2,000 clients over two years, 6-16 weekly sessions; a quarter
   * also fill in the PHQ-9; 60% improve, 8% deteriorate (Lambert 2013 reports 5-10% of adults); SRS
   * mean near 36.5 and skewed; a marked rupture at 3% of sessions, 60% of them repaired; an eroding
   * alliance in 5% of clients; 15% of PHQ-9 clients at risk; 3% dropout per session; 5% of sessions
   * with no scores.
   */
  public static ClinicModel realistic() {
    return new ClinicModel(
        2_000, 104, 6, 16, 0.25, 0.6, 0.08, 3.0, 3.0, 0.8, 0.88, 0.03, 0.6, 0.05, 0.15, 0.02, 0.03,
        0.05);
  }

  public ClinicModel withClients(int clients, int weeks) {
    return new ClinicModel(
        clients,
        weeks,
        minSessions,
        maxSessions,
        phq9Share,
        improvingShare,
        deterioratingShare,
        allianceDeficitMean,
        allianceDeficitSd,
        allianceFluctuation,
        srsAlpha,
        ruptureRate,
        repairShare,
        erosionShare,
        riskTraitShare,
        riskOtherRate,
        dropoutHazard,
        missingSessionRate);
  }

  /** The same clinic with another SRS level: a mean distance below 40 and its SD. */
  public ClinicModel withAllianceDeficit(double mean, double sd) {
    return new ClinicModel(
        clients,
        weeks,
        minSessions,
        maxSessions,
        phq9Share,
        improvingShare,
        deterioratingShare,
        mean,
        sd,
        allianceFluctuation,
        srsAlpha,
        ruptureRate,
        repairShare,
        erosionShare,
        riskTraitShare,
        riskOtherRate,
        dropoutHazard,
        missingSessionRate);
  }
}
