package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * One client's sudden gains (or losses) over a session range: the verdict on every tested interval
 * and the changes found, in session order.
 *
 * @param firstSession the first session of the analysed range
 * @param lastSession the last session of the analysed range
 * @param intervals every tested interval, pregain sessions {@code firstSession + 1 .. lastSession -
 *     2}
 * @param changes the intervals that are sudden gains (or losses), with their descriptives
 */
public record SuddenChangeResult(
    String client,
    String measureId,
    SuddenChangeCriteria criteria,
    int firstSession,
    int lastSession,
    List<SuddenChangeInterval> intervals,
    List<SuddenChange> changes) {

  public SuddenChangeResult {
    checkArgument(client != null && !client.isBlank(), "a result needs a client");
    checkArgument(measureId != null && !measureId.isBlank(), "a result needs a measure");
    requireNonNull(criteria, "criteria");
    checkArgument(
        firstSession <= lastSession, "an empty session range %s..%s", firstSession, lastSession);
    intervals = ImmutableList.copyOf(intervals);
    changes = ImmutableList.copyOf(changes);
    long found = intervals.stream().filter(SuddenChangeInterval::isChange).count();
    checkArgument(
        found == changes.size(),
        "client %s: %s intervals are changes but %s changes are listed",
        client,
        found,
        changes.size());
    for (SuddenChange change : changes) {
      checkArgument(
          change.kind() == criteria.kind(),
          "client %s: a %s in a search for %ss",
          client,
          change.kind().label(),
          criteria.kind().label());
    }
  }

  /** The earliest change. */
  public Optional<SuddenChange> first() {
    return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(0));
  }

  /** The change of the largest magnitude; of equal ones the earliest, as suddengains chooses. */
  public Optional<SuddenChange> largest() {
    SuddenChange largest = null;
    for (SuddenChange change : changes) {
      if (largest == null || change.magnitude() > largest.magnitude()) {
        largest = change;
      }
    }
    return Optional.ofNullable(largest);
  }

  /** How many intervals could not be decided for missing scores. */
  public int undetermined() {
    return (int) intervals.stream().filter(SuddenChangeInterval::isUndetermined).count();
  }

  /** The outcome of each tested interval, in session order. */
  public List<SuddenChangeInterval.Outcome> outcomes() {
    return intervals.stream().map(SuddenChangeInterval::outcome).toList();
  }

  public boolean hasChange() {
    return !changes.isEmpty();
  }
}
