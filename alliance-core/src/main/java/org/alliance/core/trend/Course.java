package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One client's scores on one measure over the sessions of an episode, in session order. A session
 * with no observation is a missing session.
 */
public record Course(String client, Measure measure, List<Observation> observations) {
  public Course {
    checkArgument(client != null && !client.isBlank(), "a course needs a client");
    requireNonNull(measure, "measure");
    observations = ImmutableList.copyOf(observations);
    for (int i = 1; i < observations.size(); i++) {
      checkArgument(
          observations.get(i - 1).session() < observations.get(i).session(),
          "client %s, %s: sessions must be in increasing order without repeats (%s then %s)",
          client,
          measure.id(),
          observations.get(i - 1).session(),
          observations.get(i).session());
    }
  }

  /** The score at a session, empty when that session is missing. */
  public OptionalDouble at(int session) {
    int low = 0;
    int high = observations.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int found = observations.get(middle).session();
      if (found == session) {
        return OptionalDouble.of(observations.get(middle).score());
      } else if (found < session) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * Scores of sessions {@code first..last} (inclusive) in order, {@code NaN} where a session is
   * missing.
   */
  public double[] window(int first, int last) {
    checkArgument(first <= last, "an empty session range %s..%s", first, last);
    double[] scores = new double[last - first + 1];
    Arrays.fill(scores, Double.NaN);
    for (Observation observation : observations) {
      if (observation.session() >= first && observation.session() <= last) {
        scores[observation.session() - first] = observation.score();
      }
    }
    return scores;
  }

  public Optional<Observation> first() {
    return observations.isEmpty() ? Optional.empty() : Optional.of(observations.get(0));
  }

  public Optional<Observation> last() {
    return observations.isEmpty()
        ? Optional.empty()
        : Optional.of(observations.get(observations.size() - 1));
  }

  public boolean isEmpty() {
    return observations.isEmpty();
  }
}
