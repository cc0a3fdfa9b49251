package org.alliance.web.alerts;

import org.alliance.core.trend.AlertLevel;
import org.alliance.core.trend.AlertRule;

/** How loudly a page shows an alert: the rule's level, red or amber, as a style class. */
public final class AlertTone {
  private AlertTone() {}

  public static String of(AlertRule rule) {
    return rule.level() == AlertLevel.RED ? "critical" : "warning";
  }
}
