package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Collection;

/**
 * Sudden gains (or losses) over many clients, in the terms suddengains reports them: how many
 * changes, how many clients had one or more than one, how many were reversed, and how many
 * intervals were tested and could not be decided.
 *
 * @param intervals tested intervals over all clients ({@code total_between_sess_intervals_sg})
 * @param undeterminedIntervals intervals that could not be decided for missing scores ({@code
 *     not_analysed_between_sess_intervals_sg})
 * @param changes sudden gains (or losses) found ({@code sg_total_n})
 * @param clientsWithChange clients with at least one ({@code sg_n} of a byperson data set)
 * @param clientsWithMoreThanOne clients with two or more ({@code sg_multiple_n})
 * @param reversed changes that were reversed ({@code sg_reversal_n} of a bysg data set)
 */
public record SuddenChangeSummary(
    SuddenChange.Kind kind,
    int clients,
    int intervals,
    int undeterminedIntervals,
    int changes,
    int clientsWithChange,
    int clientsWithMoreThanOne,
    int reversed) {

  public SuddenChangeSummary {
    requireNonNull(kind, "kind");
    checkArgument(
        clients >= 0 && intervals >= 0 && changes >= 0 && reversed >= 0,
        "counts cannot be negative");
    checkArgument(
        undeterminedIntervals >= 0 && undeterminedIntervals + changes <= intervals,
        "%s undetermined and %s changes among %s intervals",
        undeterminedIntervals,
        changes,
        intervals);
    checkArgument(
        clientsWithMoreThanOne >= 0
            && clientsWithMoreThanOne <= clientsWithChange
            && clientsWithChange <= clients,
        "%s clients with more than one, %s with one or more, of %s",
        clientsWithMoreThanOne,
        clientsWithChange,
        clients);
    checkArgument(reversed <= changes, "%s reversed of %s changes", reversed, changes);
  }

  /** The summary of the results of many clients, all from one search (gains or losses). */
  public static SuddenChangeSummary of(
      SuddenChange.Kind kind, Collection<SuddenChangeResult> results) {
    requireNonNull(kind, "kind");
    int intervals = 0;
    int undetermined = 0;
    int changes = 0;
    int withChange = 0;
    int withMore = 0;
    int reversed = 0;
    for (SuddenChangeResult result : results) {
      checkArgument(
          result.criteria().kind() == kind,
          "client %s: a search for %ss in a summary of %ss",
          result.client(),
          result.criteria().kind().label(),
          kind.label());
      intervals += result.intervals().size();
      undetermined += result.undetermined();
      changes += result.changes().size();
      withChange += result.changes().isEmpty() ? 0 : 1;
      withMore += result.changes().size() > 1 ? 1 : 0;
      reversed += (int) result.changes().stream().filter(SuddenChange::reversed).count();
    }
    return new SuddenChangeSummary(
        kind, results.size(), intervals, undetermined, changes, withChange, withMore, reversed);
  }

  /**
   * This summary with one more client's result added, so that a large file can be summarised as it
   * streams.
   */
  public SuddenChangeSummary plus(SuddenChangeResult result) {
    SuddenChangeSummary one = of(kind, java.util.List.of(result));
    return new SuddenChangeSummary(
        kind,
        clients + 1,
        intervals + one.intervals,
        undeterminedIntervals + one.undeterminedIntervals,
        changes + one.changes,
        clientsWithChange + one.clientsWithChange,
        clientsWithMoreThanOne + one.clientsWithMoreThanOne,
        reversed + one.reversed);
  }

  /** Intervals that could be decided ({@code analysed_between_sess_intervals_sg}). */
  public int decidedIntervals() {
    return intervals - undeterminedIntervals;
  }
}
