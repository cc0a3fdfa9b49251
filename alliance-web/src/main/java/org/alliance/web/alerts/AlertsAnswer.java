package org.alliance.web.alerts;

import java.util.List;
import org.alliance.io.json.AlertJson;
import org.alliance.web.platform.access.ClientJson;

/**
 * {@code GET /api/alerts}: how many clients were checked, and those with alerts, most urgent first.
 */
public record AlertsAnswer(int clientsChecked, List<ClientAlertsJson> clients) {
  /** One client's alerts; urgency is that of the most urgent alert (1 is the most urgent). */
  public record ClientAlertsJson(ClientJson client, int urgency, List<AlertJson> alerts) {}
}
