package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;

/**
 * Clinically significant change over a sample: each client's result in input order, the clients
 * left out for a missing score, the cutoff used and the reliable-change statistics behind it.
 *
 * @param cutoffs the populations; in sample mode the clinical mean and SD are the sample's pre
 *     values
 * @param cutoffType which of a, b, c was used
 * @param cutoff its value
 */
public record ClinicalSignificanceSample(
    ReliableChangeStatistics statistics,
    ClinicalSignificanceCutoffs cutoffs,
    ClinicalSignificanceCutoff cutoffType,
    double cutoff,
    List<ClinicalSignificanceClient> clients,
    List<String> droppedClients) {
  public ClinicalSignificanceSample {
    requireNonNull(statistics, "statistics");
    requireNonNull(cutoffs, "cutoffs");
    requireNonNull(cutoffType, "cutoffType");
    checkArgument(
        cutoff == cutoffs.value(cutoffType),
        "the cutoff %s is not cutoff %s of the populations",
        cutoff,
        cutoffType);
    clients = ImmutableList.copyOf(clients);
    droppedClients = ImmutableList.copyOf(droppedClients);
    statistics.checkCounts(clients.size(), droppedClients.size());
  }

  /** How many clients fell in a category. */
  public int count(ChangeCategory category) {
    return (int) clients.stream().filter(client -> client.category() == category).count();
  }

  /** The count of each of the five categories, zeros included. */
  public Map<ChangeCategory, Integer> counts() {
    return ReliableChangeSample.countsOf(
        clients.stream().map(ClinicalSignificanceClient::category).toList(),
        List.of(ChangeCategory.values()));
  }
}
