package org.alliance.web.clients;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.alliance.core.trend.Alert;
import org.alliance.web.alerts.AlertTone;

/**
 * What the caseload dashboard shows: one page of the clients found, each with their latest outcome
 * and alliance scores and their alerts, the clients with alerts first (most urgent first); the
 * search, the alert kinds and active or discharged to filter by; and the form that adds a client.
 *
 * @param clients how many clients the search and filters found, over all pages
 * @param search what was typed in the search box ("" for none)
 * @param discharged whether the list shows the discharged clients instead of the active ones
 * @param rule the alert kind the list is filtered to, if any
 * @param rules every alert kind, as (id, title) for the filter
 * @param page the page shown, from 1
 * @param pages how many pages the clients found fill
 */
public record CaseloadView(
    List<Row> rows,
    int clients,
    String search,
    boolean discharged,
    Optional<String> rule,
    List<RuleOption> rules,
    boolean showClinician,
    int page,
    int pages,
    ClientForm addForm) {
  public CaseloadView {
    rows = List.copyOf(rows);
    requireNonNull(search, "search");
    requireNonNull(rule, "rule");
    rules = List.copyOf(rules);
    requireNonNull(addForm, "addForm");
  }

  /** "1 client" or "3 clients". */
  public String clientsInWords() {
    return clients + (clients == 1 ? " client" : " clients");
  }

  /** Whether any filter narrows the list, so that "show everyone" is offered. */
  public boolean filtered() {
    return !search.isEmpty() || discharged || rule.isPresent();
  }

  /** The address of another page of the same list. */
  public String pageUrl(int number) {
    StringBuilder url = new StringBuilder("/?");
    if (!search.isEmpty()) {
      url.append("q=").append(URLEncoder.encode(search, StandardCharsets.UTF_8)).append('&');
    }
    if (discharged) {
      url.append("status=discharged&");
    }
    rule.ifPresent(id -> url.append("alert=").append(id).append('&'));
    url.append("page=").append(number);
    return url.toString();
  }

  /** An alert kind the dashboard can be filtered to, and how many clients on the list have it. */
  public record RuleOption(String id, String title, int clients) {}

  /**
   * One client's line.
   *
   * @param episode since when the client's episode of care runs, or when it ended, in words
   */
  public record Row(
      long id,
      String reference,
      String clinician,
      String episode,
      String lastSeen,
      List<ScoreCell> outcome,
      List<ScoreCell> alliance,
      List<Alert> alerts,
      java.util.Set<String> done) {
    public Row {
      outcome = List.copyOf(outcome);
      alliance = List.copyOf(alliance);
      alerts = List.copyOf(alerts);
      done = java.util.Set.copyOf(done);
    }

    /** Whether someone recorded what was done about this alert, and it was not re-opened. */
    public boolean isDone(Alert alert) {
      return done.contains(key(alert.rule().id(), alert.session()));
    }

    /**
     * The row's colour: that of its most urgent alert nobody acted on ("critical", "warning"),
     * "done" when all were acted on, "" without alerts.
     */
    public String tone() {
      return alerts.stream()
          .filter(alert -> !isDone(alert))
          .findFirst()
          .map(alert -> AlertTone.of(alert.rule()))
          .orElse(alerts.isEmpty() ? "" : "done");
    }

    /** How {@link #done} names an alert. */
    public static String key(String ruleId, int session) {
      return ruleId + "@" + session;
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
