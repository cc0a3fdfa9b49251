package org.alliance.web.administrations;

import java.util.List;
import org.alliance.web.alerts.AlertItem;

/**
 * What the clinician sees at once after entering a measure: the total, its band and clinical side,
 * any risk item answered, and the client's alerts at this session.
 */
public record EntryResult(
    long clientId,
    String reference,
    String instrument,
    int session,
    String total,
    String band,
    String cutoff,
    boolean clinical,
    List<String> riskItems,
    List<AlertItem> alerts) {
  public EntryResult {
    riskItems = List.copyOf(riskItems);
    alerts = List.copyOf(alerts);
  }
}
