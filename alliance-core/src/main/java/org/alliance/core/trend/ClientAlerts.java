package org.alliance.core.trend;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One client's alerts, most urgent first; lists of these are ranked so the most urgent client comes
 * first.
 */
public record ClientAlerts(String client, List<Alert> alerts) {
  public ClientAlerts {
    requireNonNull(client, "client");
    alerts = ImmutableList.copyOf(alerts);
  }

  /** The urgency of the client's most urgent alert, or {@code Integer.MAX_VALUE} without alerts. */
  public int urgency() {
    return alerts.stream()
        .mapToInt(alert -> alert.rule().urgency())
        .min()
        .orElse(Integer.MAX_VALUE);
  }

  /** Clients ranked: most urgent alert first, then more alerts, then by client reference. */
  public static List<ClientAlerts> rank(List<ClientAlerts> clients) {
    List<ClientAlerts> ranked = new ArrayList<>(clients);
    ranked.sort(
        Comparator.comparingInt(ClientAlerts::urgency)
            .thenComparing(
                Comparator.comparingInt((ClientAlerts c) -> c.alerts().size()).reversed())
            .thenComparing(ClientAlerts::client));
    return ranked;
  }
}
