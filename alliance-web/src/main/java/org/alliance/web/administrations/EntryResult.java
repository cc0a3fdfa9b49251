package org.alliance.web.administrations;

import org.alliance.web.alerts.AlertItem;

import org.alliance.web.clients.ClientView;

import java.util.List;

/**
 * What the clinician sees at once after entering a measure: the total, its band and clinical side, any
 * risk item answered, and the client's alerts at this session.
 */
public record EntryResult(long clientId, String reference, String instrument, int session, String total, String band,
    String cutoff, boolean clinical, List<String> riskItems, List<AlertItem> alerts) {
  public EntryResult {
    riskItems = List.copyOf(riskItems);
    alerts = List.copyOf(alerts);
  }
}
