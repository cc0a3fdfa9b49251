package org.alliance.io.json;

import java.util.Map;
import org.alliance.core.trend.Alert;

/**
 * One alert as JSON: the rule that fired with its version, title, urgency (1 is the most urgent)
 * and level ({@code red} or {@code amber}), the measure and session, the sentence for the
 * clinician, and the numbers behind it in the rule's order.
 */
public record AlertJson(
    String rule,
    String version,
    String title,
    int urgency,
    String level,
    String measure,
    int session,
    String explanation,
    Map<String, Double> numbers) {

  public static AlertJson of(Alert alert) {
    return new AlertJson(
        alert.rule().id(),
        alert.rule().version(),
        alert.rule().title(),
        alert.rule().urgency(),
        alert.rule().level().word(),
        alert.measure(),
        alert.session(),
        alert.explanation(),
        alert.numbers());
  }
}
