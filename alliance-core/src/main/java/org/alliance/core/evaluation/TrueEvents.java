package org.alliance.core.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Observation;
import org.alliance.core.trend.ReliableChange;

/**
 * What truly happened to a simulated client, session by session: the events each alert rule is
 * meant to catch, defined on the true scores (not the measured ones) except where the event is
 * itself an observation (a risk answer; reliable deterioration as the scores show it).
 */
final class TrueEvents {
  /** The SRS's published concern cutoff: below 36. */
  static final double SRS_CUTOFF = 36;

  /** A true fall of the alliance from one session to the next that counts as a drop. */
  static final double TRUE_DROP = 3;

  /** Sessions over which a true vicious circle is judged, and the alliance fall it needs. */
  static final int VICIOUS_SPAN = 3;

  static final double VICIOUS_FALL = 3;

  private final ClinicClient client;

  TrueEvents(ClinicClient client) {
    this.client = client;
  }

  boolean riskAnswered(int s) {
    return client.riskFlags().stream().anyMatch(flag -> flag.session() == s);
  }

  /** The scores up to session s show reliable deterioration on an outcome measure. */
  boolean measuredDeterioration(int s) {
    for (Course course : client.observed().courses()) {
      if (!client.trueOutcomes().containsKey(course.measure().id())) {
        continue;
      }
      List<Observation> seen =
          course.observations().stream().filter(o -> o.session() <= s).toList();
      if (seen.size() >= 2
          && ReliableChange.byThreshold(
                  course.measure(), seen.get(0).score(), seen.get(seen.size() - 1).score())
              .category()
              .isReliableDeterioration()) {
        return true;
      }
    }
    return false;
  }

  /** The true score at session s is worse than the true intake by a reliable change. */
  boolean trueDeterioration(int s) {
    for (Map.Entry<String, double[]> entry : client.trueOutcomes().entrySet()) {
      Course course = client.course(entry.getKey());
      Instrument instrument = course.measure().instrument().orElseThrow();
      double[] truth = entry.getValue();
      double worse = -course.measure().sign() * (truth[s] - truth[1]);
      if (worse >= instrument.reliableChange().orElseThrow()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The true alliance is at least {@link #VICIOUS_FALL} points lower than {@link #VICIOUS_SPAN}
   * sessions earlier, while the true ORS is no better than then.
   */
  boolean viciousCircle(int s) {
    if (s <= VICIOUS_SPAN) {
      return false;
    }
    double[] alliance = client.trueAlliance();
    double[] ors = client.trueOutcomes().get("ors");
    return alliance[s - VICIOUS_SPAN] - alliance[s] >= VICIOUS_FALL
        && ors[s] - ors[s - VICIOUS_SPAN] <= 0;
  }

  /** A true rupture started at or before session s and is not repaired at it. */
  boolean openRupture(int s) {
    return client.ruptures().stream().anyMatch(rupture -> rupture.openAt(s));
  }

  boolean allianceBelowCutoff(int s) {
    return client.trueAlliance()[s] < SRS_CUTOFF;
  }

  boolean allianceDropped(int s) {
    return s >= 2 && client.trueAlliance()[s - 1] - client.trueAlliance()[s] >= TRUE_DROP;
  }

  /** The client's true ORS at the end is not reliably better than at intake. */
  boolean endsNotImproved() {
    double[] ors = client.trueOutcomes().get("ors");
    return ors[client.lastSession()] - ors[1] < 5;
  }

  /** Risk answers: every session with one. */
  List<Integer> riskOnsets() {
    return sessions(this::riskAnswered, false);
  }

  /** The first session whose scores show reliable deterioration. */
  List<Integer> measuredDeteriorationOnset() {
    return first(sessions(s -> client.scoredAt(s) && measuredDeterioration(s), false));
  }

  List<Integer> trueDeteriorationOnset() {
    return first(sessions(this::trueDeterioration, false));
  }

  List<Integer> viciousOnsets() {
    return sessions(this::viciousCircle, true);
  }

  /** Unrepaired ruptures, from the session their repair window closes, when a rule can know. */
  List<Integer> unrepairedOnsets(int repairWindow) {
    List<Integer> onsets = new ArrayList<>();
    for (ClinicClient.TrueRupture rupture : client.ruptures()) {
      int known = rupture.session() + repairWindow;
      if (rupture.repairedAt().isEmpty() && known <= client.lastSession()) {
        onsets.add(known);
      }
    }
    return onsets;
  }

  List<Integer> belowCutoffOnsets() {
    return sessions(this::allianceBelowCutoff, true);
  }

  List<Integer> dropOnsets() {
    return sessions(this::allianceDropped, false);
  }

  /** A client who ends not improved, from session 2, the first at which a course can be judged. */
  List<Integer> notImprovedOnset() {
    return endsNotImproved() && client.lastSession() >= 2 ? List.of(2) : List.of();
  }

  private interface SessionTest {
    boolean holds(int session);
  }

  /** The sessions where the test holds, or only those where it starts to hold. */
  private List<Integer> sessions(SessionTest test, boolean startsOnly) {
    List<Integer> sessions = new ArrayList<>();
    for (int s = 1; s <= client.lastSession(); s++) {
      if (test.holds(s) && !(startsOnly && s > 1 && test.holds(s - 1))) {
        sessions.add(s);
      }
    }
    return sessions;
  }

  private static List<Integer> first(List<Integer> sessions) {
    return sessions.isEmpty() ? List.of() : List.of(sessions.get(0));
  }
}
