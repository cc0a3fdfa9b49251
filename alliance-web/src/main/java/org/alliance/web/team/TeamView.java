package org.alliance.web.team;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What the team page shows: the outcome rates of one measure for all clients in reach and per
 * clinician, each with its count, denominator and 95% Wilson interval.
 *
 * @param scope "your team" or "the whole clinic"
 * @param measure the measure shown; empty when no client in reach has one yet
 * @param minimumClients clinicians with fewer clients are marked as too few to compare
 * @param chartSrc the address of the rate chart image
 * @param empty why there is nothing to show, or ""
 * @param definition how each client was judged, in words
 * @param talkingTherapies the NHS Talking Therapies rates, when clients have PHQ-9 and GAD-7
 * @param period the dates the scores were taken from
 */
public record TeamView(
    String scope,
    Optional<String> measure,
    String measureName,
    List<MeasureOption> measures,
    int clients,
    int minimumClients,
    List<Group> groups,
    Optional<String> chartSrc,
    String chartDescription,
    String empty,
    String definition,
    Optional<TalkingTherapiesView> talkingTherapies,
    Period period) {
  public TeamView {
    requireNonNull(scope, "scope");
    requireNonNull(definition, "definition");
    requireNonNull(talkingTherapies, "talkingTherapies");
    requireNonNull(measure, "measure");
    measures = List.copyOf(measures);
    groups = List.copyOf(groups);
    requireNonNull(chartSrc, "chartSrc");
    requireNonNull(period, "period");
  }

  static TeamView empty(String scope, List<MeasureOption> measures, Period period, String why) {
    return new TeamView(
        scope,
        Optional.empty(),
        "",
        measures,
        0,
        0,
        List.of(),
        Optional.empty(),
        "",
        why,
        "",
        Optional.empty(),
        period);
  }

  /** Whether a clinician has fewer clients than {@link #minimumClients}. */
  public boolean anyBelowMinimum() {
    return groups.stream().anyMatch(Group::belowMinimum);
  }

  /** An outcome measure the page can show. */
  public record MeasureOption(String id, String name) {}

  /** All clients or one clinician: their rates and pre-post effect size. */
  public record Group(
      String name,
      int clients,
      Rate improved,
      Rate recovered,
      Rate deteriorated,
      String effectSize,
      boolean belowMinimum,
      List<String> warnings) {
    public Group {
      warnings = List.copyOf(warnings);
    }
  }

  /** A rate as "count of denominator", the percentage and its 95% Wilson interval. */
  public record Rate(int count, int of, String rate, String interval) {}

  /**
   * The NHS Talking Therapies rates in words: how many clients were counted and left out, a row per
   * outcome, and the rules.
   */
  public record TalkingTherapiesView(
      int clients, String leftOut, List<OutcomeRow> outcomes, List<String> rules) {
    public TalkingTherapiesView {
      requireNonNull(leftOut, "leftOut");
      outcomes = List.copyOf(outcomes);
      rules = List.copyOf(rules);
    }
  }

  /** One outcome's rate and whom it counts among. */
  public record OutcomeRow(String outcome, Rate rate, String among) {}
}
