package org.alliance.core.trend;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * One alert about one client, explained: the rule that fired (with its version), the measure and
 * session, a sentence for the clinician, and the numbers and thresholds behind it.
 *
 * @param numbers the values the rule compared, by name, in a stable order (e.g. {@code change},
 *     {@code threshold})
 */
public record Alert(
    String client,
    AlertRule rule,
    String measure,
    int session,
    String explanation,
    Map<String, Double> numbers) {
  public Alert {
    requireNonNull(client, "client");
    requireNonNull(rule, "rule");
    requireNonNull(measure, "measure");
    requireNonNull(explanation, "explanation");
    numbers = ImmutableMap.copyOf(numbers);
  }
}
