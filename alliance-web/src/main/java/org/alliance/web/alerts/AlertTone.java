package org.alliance.web.alerts;

import org.alliance.core.trend.AlertRule;

/**
 * How loudly a page shows an alert: risk items and the vicious circle in red, every other rule in
 * amber.
 */
public final class AlertTone {
  private AlertTone() {}

  public static String of(AlertRule rule) {
    return rule == AlertRule.CRITICAL_ITEM || rule == AlertRule.VICIOUS_CIRCLE
        ? "critical"
        : "warning";
  }
}
