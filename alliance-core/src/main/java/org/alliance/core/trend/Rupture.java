package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * One alliance rupture: where it started, how deep it went, and whether the rating came back to its
 * pre-rupture level in time (a repair). Unrepaired ruptures predict worse outcomes; repaired ones
 * do not.
 *
 * @param rule the rule that found it
 * @param preRuptureSession the observed session before the start
 * @param preRuptureLevel the rating at that session, which a repair must reach again
 * @param startSession the first session of the run of ratings that met the rule
 * @param startRating the rating at the start
 * @param troughSession the session of the worst rating from the start to the end (the earliest if
 *     tied)
 * @param troughRating the worst rating
 * @param depth how far the trough lies below the pre-rupture level, in rating points (positive)
 * @param repairSession the first session within the repair window whose rating is at least the
 *     pre-rupture level; empty when the rupture was not repaired in time
 * @param endSession the last session that belongs to the rupture: the repair, or for an unrepaired
 *     rupture the last rating of its repair window or of its run of ratings meeting the rule,
 *     whichever is later
 */
public record Rupture(
    RuptureRule rule,
    int preRuptureSession,
    double preRuptureLevel,
    int startSession,
    double startRating,
    int troughSession,
    double troughRating,
    double depth,
    OptionalInt repairSession,
    int endSession) {

  public Rupture {
    requireNonNull(rule, "rule");
    requireNonNull(repairSession, "repairSession");
    checkArgument(
        preRuptureSession < startSession,
        "the pre-rupture session %s must come before the start %s",
        preRuptureSession,
        startSession);
    checkArgument(
        startSession <= troughSession && troughSession <= endSession,
        "the trough (session %s) must lie between the start %s and the end %s",
        troughSession,
        startSession,
        endSession);
    checkArgument(
        Double.isFinite(preRuptureLevel)
            && Double.isFinite(startRating)
            && Double.isFinite(troughRating),
        "ratings must be finite");
    checkArgument(
        Double.isFinite(depth) && depth > 0, "a rupture's depth must be positive, not %s", depth);
    repairSession.ifPresent(
        session ->
            checkArgument(
                session > troughSession && session == endSession,
                "a repair (session %s) ends the rupture after its trough (session %s)",
                session,
                troughSession));
  }

  public boolean repaired() {
    return repairSession.isPresent();
  }
}
