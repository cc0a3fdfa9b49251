package org.alliance.web.alerts;

import java.util.List;
import org.alliance.io.json.AlertJson;
import org.alliance.io.json.CourseJson;
import org.alliance.io.json.TrendJson;
import org.alliance.web.platform.access.ClientJson;

/** {@code GET /api/clients/{id}/trend}: the client beside the fields of io's {@link TrendJson}. */
public record ClientTrendAnswer(
    ClientJson client, List<CourseJson> courses, List<AlertJson> alerts, List<String> notes) {
  public static ClientTrendAnswer of(ClientJson client, TrendJson trend) {
    return new ClientTrendAnswer(client, trend.courses(), trend.alerts(), trend.notes());
  }
}
