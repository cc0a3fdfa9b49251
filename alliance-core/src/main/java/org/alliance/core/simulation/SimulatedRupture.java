package org.alliance.core.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * An alliance rupture the simulator put into a course: where it started, how deep the drop was
 * meant to be (in alliance points), and the session where the rating returned to its pre-rupture
 * level, if it did.
 */
public record SimulatedRupture(int session, double depth, OptionalInt repairedAt) {
  public SimulatedRupture {
    checkArgument(session >= 1, "a rupture starts at a session");
    checkArgument(depth > 0, "a rupture has a positive depth");
    requireNonNull(repairedAt, "repairedAt");
    repairedAt.ifPresent(
        s ->
            checkArgument(
                s > session && s <= session + 2,
                "a repair comes 1 or 2 sessions after the rupture"));
  }

  public boolean repaired() {
    return repairedAt.isPresent();
  }
}
