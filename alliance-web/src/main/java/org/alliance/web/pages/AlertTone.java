package org.alliance.web.pages;

import org.alliance.core.trend.AlertRule;

/** How loudly a page shows an alert: risk items and the vicious circle in red, every other rule in amber. */
final class AlertTone {
  private AlertTone() {}

  static String of(AlertRule rule) {
    return rule == AlertRule.CRITICAL_ITEM || rule == AlertRule.VICIOUS_CIRCLE ? "critical" : "warning";
  }
}
