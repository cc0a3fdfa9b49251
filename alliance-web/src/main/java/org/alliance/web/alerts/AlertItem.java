package org.alliance.web.alerts;

import java.util.Arrays;
import java.util.List;
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
    Optional<Acknowledgement> acknowledgement,
    List<Acknowledgement> reopened) {

  /** The alert with what was recorded about it: the standing acknowledgement and re-opened ones. */
  public static AlertItem of(Alert alert, List<Acknowledgement> acknowledgements) {
    List<Acknowledgement> mine =
        acknowledgements.stream()
            .filter(ack -> ack.isFor(alert.rule().id(), alert.session()))
            .toList();
    Optional<Acknowledgement> standing = mine.stream().filter(Acknowledgement::open).findFirst();
    return new AlertItem(
        alert.rule().id(),
        alert.rule().title(),
        measures(alert.measure()),
        alert.session(),
        alert.explanation(),
        standing.isPresent() ? "done" : AlertTone.of(alert.rule()),
        AlertGuide.of(alert.rule()),
        standing,
        mine.stream().filter(ack -> !ack.open()).toList());
  }

  /** {@code srs+phq-9} as {@code SRS and PHQ-9}: the server's measures are all instruments. */
  static String measures(String ids) {
    return Arrays.stream(ids.split("\\+"))
        .map(id -> id.toUpperCase(Locale.ROOT))
        .collect(Collectors.joining(" and "));
  }
}
