package org.alliance.web.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.alliance.core.trend.Alert;
import org.alliance.web.alerts.AlertAcknowledgements.Acknowledgement;

/**
 * An alert as a page shows it: its title and measures in plain words, its explanation, the guide it
 * links to and, once acted on, what was done, with who and when.
 */
public record AlertItem(
    String ruleId,
    String title,
    String measure,
    int session,
    String explanation,
    String tone,
    AlertGuide guide,
    Optional<Acknowledgement> acknowledgement) {

  public static AlertItem of(Alert alert, Optional<Acknowledgement> acknowledgement) {
    return new AlertItem(
        alert.rule().id(),
        alert.rule().title(),
        measures(alert.measure()),
        alert.session(),
        alert.explanation(),
        AlertTone.of(alert.rule()),
        AlertGuide.of(alert.rule()),
        acknowledgement);
  }

  /** {@code srs+phq-9} as {@code SRS and PHQ-9}: the server's measures are all instruments. */
  static String measures(String ids) {
    return Arrays.stream(ids.split("\\+"))
        .map(id -> id.toUpperCase(Locale.ROOT))
        .collect(Collectors.joining(" and "));
  }
}
