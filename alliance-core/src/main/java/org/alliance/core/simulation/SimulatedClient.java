package org.alliance.core.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.OptionalInt;

/**
 * What the simulator decided for one client, the truth a detector can be checked against.
 *
 * @param plannedSessions sessions the client would have attended without dropping out
 * @param lastSession the last session attended
 * @param droppedOut whether the client stopped before the planned end
 * @param deteriorating whether the client was set on a course of reliable deterioration
 * @param suddenGainAt the postgain session of the client's sudden gain, if any
 * @param missingSessions attended sessions with no score on either measure
 */
public record SimulatedClient(
    String client,
    String clinician,
    int plannedSessions,
    int lastSession,
    boolean droppedOut,
    boolean deteriorating,
    OptionalInt suddenGainAt,
    List<SimulatedRupture> ruptures,
    List<Integer> missingSessions) {

  public SimulatedClient {
    requireNonNull(client, "client");
    requireNonNull(clinician, "clinician");
    checkArgument(
        lastSession >= 1 && lastSession <= plannedSessions,
        "last session %s of %s planned",
        lastSession,
        plannedSessions);
    checkArgument(
        droppedOut == (lastSession < plannedSessions),
        "dropping out means ending before the planned session");
    requireNonNull(suddenGainAt, "suddenGainAt");
    ruptures = ImmutableList.copyOf(ruptures);
    missingSessions = ImmutableList.copyOf(missingSessions);
  }
}
