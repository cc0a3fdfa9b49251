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

  /**
   * Why the client stands where they do among the clients, in plain words: their most urgent alert,
   * its level, and the others they carry.
   */
  public String why() {
    if (alerts.isEmpty()) {
      return "No alert: nothing in the latest scores asks for attention, so this client comes after"
          + " every client with an alert.";
    }
    Alert first = alerts.get(0);
    StringBuilder why =
        new StringBuilder(first.rule().level() == AlertLevel.RED ? "Red" : "Amber")
            .append(": ")
            .append(lowerFirst(first.rule().title()))
            .append(" at session ")
            .append(first.session())
            .append(
                first.rule().level() == AlertLevel.RED
                    ? ", to act on in the next session."
                    : ", to look at.");
    List<String> others =
        alerts.subList(1, alerts.size()).stream()
            .map(alert -> lowerFirst(alert.rule().title()))
            .distinct()
            .filter(title -> !title.equals(lowerFirst(first.rule().title())))
            .toList();
    if (!others.isEmpty()) {
      why.append(" Also: ").append(String.join("; ", others)).append('.');
    }
    why.append(
        " Clients are listed by their most urgent alert: a risk item answered, reliable"
            + " deterioration, the alliance falling while the outcome is not improving, off the"
            + " expected course, an unrepaired rupture, then the rest.");
    return why.toString();
  }

  private static String lowerFirst(String title) {
    return Character.toLowerCase(title.charAt(0)) + title.substring(1);
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
