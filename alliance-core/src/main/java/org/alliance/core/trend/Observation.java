package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/** One score of a measure at one session. Sessions without a valid score have no observation. */
public record Observation(int session, Optional<LocalDate> date, double score) {
  public Observation {
    checkArgument(session >= 0, "session numbers start at 0: %s", session);
    requireNonNull(date, "date");
    checkArgument(
        Double.isFinite(score),
        "session %s: a score must be a finite number, not %s",
        (Integer) session,
        (Double) score);
  }

  public static Observation of(int session, double score) {
    return new Observation(session, Optional.empty(), score);
  }
}
