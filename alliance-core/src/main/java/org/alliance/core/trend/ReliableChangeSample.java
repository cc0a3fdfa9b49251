package org.alliance.core.trend;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reliable change over a sample (research use): each client's index and category, in input order,
 * the clients left out for a missing score, and the statistics used.
 */
public record ReliableChangeSample(
    ReliableChangeStatistics statistics,
    List<ReliableChangeIndex> clients,
    List<String> droppedClients) {
  public ReliableChangeSample {
    requireNonNull(statistics, "statistics");
    clients = ImmutableList.copyOf(clients);
    droppedClients = ImmutableList.copyOf(droppedClients);
    statistics.checkCounts(clients.size(), droppedClients.size());
  }

  /** How many clients fell in a category. */
  public int count(ChangeCategory category) {
    return (int) clients.stream().filter(client -> client.category() == category).count();
  }

  /** The count of each of improved, unchanged and deteriorated, zeros included. */
  public Map<ChangeCategory, Integer> counts() {
    return countsOf(
        clients.stream().map(ReliableChangeIndex::category).toList(),
        List.of(ChangeCategory.IMPROVED, ChangeCategory.UNCHANGED, ChangeCategory.DETERIORATED));
  }

  static Map<ChangeCategory, Integer> countsOf(
      List<ChangeCategory> categories, List<ChangeCategory> shown) {
    EnumMap<ChangeCategory, Integer> counts = new EnumMap<>(ChangeCategory.class);
    shown.forEach(category -> counts.put(category, 0));
    categories.forEach(category -> counts.merge(category, 1, Integer::sum));
    return Maps.immutableEnumMap(counts);
  }
}
