package org.alliance.core.trend;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every client's change judged by one {@link ChangeDefinition}, in input order, and the clients
 * left out because a first or last score was missing.
 *
 * @param sample the sample statistics and cutoff behind the judgements, for a sample definition
 */
public record ChangeJudgements(
    ChangeDefinition definition,
    List<ClientChange> clients,
    List<String> leftOut,
    Optional<ClinicalSignificanceSample> sample) {
  public ChangeJudgements {
    requireNonNull(definition, "definition");
    clients = ImmutableList.copyOf(clients);
    leftOut = ImmutableList.copyOf(leftOut);
    requireNonNull(sample, "sample");
  }

  /** The count of each of the five categories, zeros included. */
  public Map<ChangeCategory, Integer> counts() {
    return ReliableChangeSample.countsOf(
        clients.stream().map(ClientChange::category).toList(), List.of(ChangeCategory.values()));
  }

  /** The value of the cutoff between the clinical and the functional range. */
  public double cutoffValue() {
    // Java 17 has no pattern switch; the interface is sealed, so these are all the cases.
    if (definition instanceof ChangeDefinition.PublishedCutoff published) {
      return published.cutoff().value();
    }
    if (definition instanceof ChangeDefinition.NormsCutoff norms) {
      return norms.cutoffValue();
    }
    return sample.orElseThrow().cutoff();
  }
}
