package org.alliance.web.clients;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.alliance.core.trend.Alert;
import org.alliance.web.alerts.AlertTone;

/**
 * What the caseload dashboard shows: each client with their latest outcome and alliance scores and
 * their alerts, the clients with alerts first (most urgent first), and the alert kinds to filter
 * by.
 *
 * @param rule the alert kind the list is filtered to, if any
 * @param rules every alert kind, as (id, title) for the filter
 */
public record CaseloadView(
    List<Row> rows,
    int clients,
    Optional<String> rule,
    List<RuleOption> rules,
    boolean showClinician) {
  public CaseloadView {
    rows = List.copyOf(rows);
    requireNonNull(rule, "rule");
    rules = List.copyOf(rules);
  }

  /** An alert kind the dashboard can be filtered to, and how many clients on the list have it. */
  public record RuleOption(String id, String title, int clients) {}

  /** One client's line. */
  public record Row(
      long id,
      String reference,
      String clinician,
      String lastSeen,
      List<ScoreCell> outcome,
      List<ScoreCell> alliance,
      List<Alert> alerts) {
    public Row {
      outcome = List.copyOf(outcome);
      alliance = List.copyOf(alliance);
      alerts = List.copyOf(alerts);
    }

    /** The most urgent alert's kind, for the row's colour: "critical", "warning" or "". */
    public String tone() {
      return alerts.isEmpty() ? "" : AlertTone.of(alerts.get(0).rule());
    }
  }

  /**
   * A latest score with its trend arrow.
   *
   * @param trend "better", "worse", "steady" or "" when there is no earlier score
   * @param concern whether the score is on the clinical (outcome) or concern (alliance) side of the
   *     cutoff
   */
  public record ScoreCell(
      String measure, String score, int session, String trend, boolean concern) {
    /** The arrow a clinician reads at a glance; the words are in {@link #trendWords}. */
    public String arrow() {
      return switch (trend) {
        case "better" -> "\u25B2";
        case "worse" -> "\u25BC";
        case "steady" -> "\u25B6";
        default -> "";
      };
    }

    public String trendWords() {
      return switch (trend) {
        case "better" -> "better than the session before";
        case "worse" -> "worse than the session before";
        case "steady" -> "the same as the session before";
        default -> "first score";
      };
    }
  }
}
