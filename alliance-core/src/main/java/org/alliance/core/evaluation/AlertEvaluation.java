package org.alliance.core.evaluation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertFinder;
import org.alliance.core.trend.AlertLevel;
import org.alliance.core.trend.AlertOptions;
import org.alliance.core.trend.AlertRule;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.ExpectedCourse;

/**
 * Measures the alert rules on a simulated clinic whose truth is known. Each client's alerts are
 * computed after each of their sessions from what the clinic had seen by then, exactly as the
 * server computes them; the expected courses are fitted on another simulated clinic of the same
 * model (the clinic's history). For each rule: sensitivity (a true event is flagged, and how many
 * sessions late) and precision (a session flagged by the rule has a true event behind it); for the
 * caseload as a whole: the share of active clients carrying any alert, and a red one, week by week.
 */
public final class AlertEvaluation {
  /** Weeks before this one are left out of the burden: the clinic is still filling up. */
  public static final int STEADY_FROM_WEEK = 26;

  private AlertEvaluation() {}

  /**
   * How well one rule (or a group of rules) catches its true event.
   *
   * @param events true events
   * @param atSession share of events flagged at the session they occur (or become knowable)
   * @param withinTwo share flagged at most two sessions late
   * @param missed share never flagged while the client was in therapy
   * @param flags sessions at which the rule fired
   * @param precision share of those sessions with a true event behind them
   * @param burden mean share of active clients carrying the alert in a steady week
   */
  public record Accuracy(
      String name,
      String event,
      int events,
      OptionalDouble atSession,
      OptionalDouble withinTwo,
      OptionalDouble missed,
      int flags,
      OptionalDouble precision,
      double burden) {}

  /**
   * The share of active clients (between their first and last session) who carry an alert, over the
   * steady weeks of the clinic.
   */
  public record Burden(
      int weeks,
      double activeClients,
      double meanAny,
      double maxAny,
      double meanRed,
      double maxRed) {}

  public record Result(
      ClinicModel model, long seed, AlertOptions options, List<Accuracy> rules, Burden burden) {
    public Result {
      requireNonNull(model, "model");
      requireNonNull(options, "options");
      rules = ImmutableList.copyOf(rules);
      requireNonNull(burden, "burden");
    }
  }

  /** A row of the table: which rules count as a flag, the true events, and the truth behind. */
  private record Row(
      String name,
      String event,
      Set<AlertRule> rules,
      Function<TrueEvents, List<Integer>> onsets,
      BiPredicate<TrueEvents, Integer> truth) {}

  /** The clinic's alerts after each scored session of one client. */
  private record ClientRun(
      ClinicClient client, TrueEvents truth, Map<Integer, Set<AlertRule>> at) {}

  public static Result evaluate(ClinicModel model, long seed, AlertOptions options) {
    ClinicSimulator simulator = new ClinicSimulator(model);
    AlertOptions fitted = withExpectedCourses(options, simulator.simulate(seed + 1));
    AlertFinder finder = new AlertFinder(fitted);
    List<ClientRun> runs = new ArrayList<>();
    for (ClinicClient client : simulator.simulate(seed)) {
      Map<Integer, Set<AlertRule>> at = new TreeMap<>();
      for (int s = 1; s <= client.lastSession(); s++) {
        if (client.scoredAt(s)) {
          Set<AlertRule> rules = EnumSet.noneOf(AlertRule.class);
          for (Alert alert : finder.alerts(client.observedUntil(s), client.riskFlagsUntil(s))) {
            rules.add(alert.rule());
          }
          at.put(s, rules);
        }
      }
      runs.add(new ClientRun(client, new TrueEvents(client), at));
    }
    int window = options.ruptures().repairWindow();
    List<Accuracy> accuracy = new ArrayList<>();
    for (Row row : rows(window)) {
      // The "red" share of a burden counted with the row's rules is the row's own burden.
      accuracy.add(accuracy(row, runs, burden(model, runs, row.rules()).meanRed()));
    }
    return new Result(model, seed, options, accuracy, burden(model, runs, red()));
  }

  private static Set<AlertRule> red() {
    Set<AlertRule> red = EnumSet.noneOf(AlertRule.class);
    for (AlertRule rule : AlertRule.values()) {
      if (rule.level() == AlertLevel.RED) {
        red.add(rule);
      }
    }
    return red;
  }

  private static List<Row> rows(int window) {
    return List.of(
        new Row(
            AlertRule.CRITICAL_ITEM.title(),
            "a risk item answered above 0",
            EnumSet.of(AlertRule.CRITICAL_ITEM),
            TrueEvents::riskOnsets,
            TrueEvents::riskAnswered),
        new Row(
            AlertRule.RELIABLE_DETERIORATION.title() + ", as the scores show it",
            "the scores first show reliable deterioration; precision against the true course",
            EnumSet.of(AlertRule.RELIABLE_DETERIORATION),
            TrueEvents::measuredDeteriorationOnset,
            TrueEvents::trueDeterioration),
        new Row(
            AlertRule.RELIABLE_DETERIORATION.title() + ", true course",
            "the true score is first worse than at intake by the reliable change",
            EnumSet.of(AlertRule.RELIABLE_DETERIORATION),
            TrueEvents::trueDeteriorationOnset,
            TrueEvents::trueDeterioration),
        new Row(
            AlertRule.VICIOUS_CIRCLE.title(),
            "the true SRS is 3+ points lower than 3 sessions earlier and the true ORS no better",
            EnumSet.of(AlertRule.VICIOUS_CIRCLE),
            TrueEvents::viciousOnsets,
            TrueEvents::viciousCircle),
        new Row(
            AlertRule.NOT_ON_TRACK.title(),
            "a client whose true ORS ends less than 5 points (the reliable change) above intake",
            EnumSet.of(AlertRule.NOT_ON_TRACK),
            TrueEvents::notImprovedOnset,
            (truth, s) -> truth.endsNotImproved()),
        new Row(
            AlertRule.UNREPAIRED_RUPTURE.title(),
            "a true rupture not repaired, from the end of its repair window",
            EnumSet.of(AlertRule.UNREPAIRED_RUPTURE),
            truth -> truth.unrepairedOnsets(window),
            TrueEvents::openRupture),
        new Row(
            AlertRule.ALLIANCE_BELOW_CUTOFF.title(),
            "the true SRS falls below 36",
            EnumSet.of(AlertRule.ALLIANCE_BELOW_CUTOFF),
            TrueEvents::belowCutoffOnsets,
            TrueEvents::allianceBelowCutoff),
        new Row(
            AlertRule.ALLIANCE_DROP.title(),
            "the true SRS falls 3+ points from one session to the next",
            EnumSet.of(AlertRule.ALLIANCE_DROP),
            TrueEvents::dropOnsets,
            TrueEvents::allianceDropped),
        new Row(
            AlertRule.OFF_TRACK_CAUTION.title(),
            "as for off the expected course",
            EnumSet.of(AlertRule.OFF_TRACK_CAUTION),
            TrueEvents::notImprovedOnset,
            (truth, s) -> truth.endsNotImproved()),
        new Row(
            "Any red alert",
            "a risk answer, reliable deterioration in the scores, or a true vicious circle",
            red(),
            truth ->
                concat(
                    truth.riskOnsets(), truth.measuredDeteriorationOnset(), truth.viciousOnsets()),
            (truth, s) ->
                truth.riskAnswered(s) || truth.trueDeterioration(s) || truth.viciousCircle(s)),
        new Row(
            "Any alert",
            "any of the events above except a client's poor end",
            EnumSet.allOf(AlertRule.class),
            truth ->
                concat(
                    truth.riskOnsets(),
                    truth.measuredDeteriorationOnset(),
                    truth.viciousOnsets(),
                    truth.unrepairedOnsets(window)),
            (truth, s) ->
                truth.riskAnswered(s)
                    || truth.trueDeterioration(s)
                    || truth.viciousCircle(s)
                    || truth.openRupture(s)
                    || truth.allianceBelowCutoff(s)
                    || truth.allianceDropped(s)
                    || truth.endsNotImproved()));
  }

  @SafeVarargs
  private static List<Integer> concat(List<Integer>... lists) {
    return Arrays.stream(lists).flatMap(List::stream).sorted().toList();
  }

  private static Accuracy accuracy(Row row, List<ClientRun> runs, double burden) {
    int events = 0;
    int atSession = 0;
    int withinTwo = 0;
    int missed = 0;
    int flags = 0;
    int trueFlags = 0;
    for (ClientRun run : runs) {
      for (int onset : row.onsets().apply(run.truth())) {
        events++;
        OptionalDouble lag = OptionalDouble.empty();
        for (Map.Entry<Integer, Set<AlertRule>> entry : run.at().entrySet()) {
          if (entry.getKey() >= onset && fires(row, entry.getValue())) {
            lag = OptionalDouble.of(entry.getKey() - onset);
            break;
          }
        }
        if (lag.isEmpty()) {
          missed++;
        } else {
          atSession += lag.getAsDouble() == 0 ? 1 : 0;
          withinTwo += lag.getAsDouble() <= 2 ? 1 : 0;
        }
      }
      for (Map.Entry<Integer, Set<AlertRule>> entry : run.at().entrySet()) {
        if (fires(row, entry.getValue())) {
          flags++;
          if (row.truth().test(run.truth(), entry.getKey())) {
            trueFlags++;
          }
        }
      }
    }
    return new Accuracy(
        row.name(),
        row.event(),
        events,
        share(atSession, events),
        share(withinTwo, events),
        share(missed, events),
        flags,
        share(trueFlags, flags),
        burden);
  }

  private static boolean fires(Row row, Set<AlertRule> rules) {
    return rules.stream().anyMatch(row.rules()::contains);
  }

  private static OptionalDouble share(int part, int whole) {
    return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
  }

  /**
   * The weekly share of active clients carrying any alert, and one of the {@code counted} rules
   * (the red ones for the caseload's burden).
   */
  private static Burden burden(ClinicModel model, List<ClientRun> runs, Set<AlertRule> counted) {
    int weeks = 0;
    double activeSum = 0;
    double anySum = 0;
    double redSum = 0;
    double maxAny = 0;
    double maxRed = 0;
    for (int week = STEADY_FROM_WEEK; week <= model.weeks(); week++) {
      int active = 0;
      int any = 0;
      int red = 0;
      for (ClientRun run : runs) {
        ClinicClient client = run.client();
        if (week < client.week(1) || week > client.week(client.lastSession())) {
          continue;
        }
        active++;
        Map.Entry<Integer, Set<AlertRule>> latest =
            ((TreeMap<Integer, Set<AlertRule>>) run.at())
                .floorEntry(week - client.intakeWeek() + 1);
        if (latest == null || latest.getValue().isEmpty()) {
          continue;
        }
        any++;
        if (latest.getValue().stream().anyMatch(counted::contains)) {
          red++;
        }
      }
      if (active == 0) {
        continue;
      }
      weeks++;
      activeSum += active;
      anySum += (double) any / active;
      redSum += (double) red / active;
      maxAny = Math.max(maxAny, (double) any / active);
      maxRed = Math.max(maxRed, (double) red / active);
    }
    return weeks == 0
        ? new Burden(0, 0, 0, 0, 0, 0)
        : new Burden(weeks, activeSum / weeks, anySum / weeks, maxAny, redSum / weeks, maxRed);
  }

  /**
   * The options with expected courses of the ORS and the PHQ-9 fitted on the clinic's history; a
   * measure with too few courses for a fit gets none.
   */
  static AlertOptions withExpectedCourses(AlertOptions options, List<ClinicClient> history) {
    AlertOptions fitted = options;
    for (String measure : List.of("ors", "phq-9")) {
      List<Course> courses =
          history.stream()
              .flatMap(client -> client.observed().course(measure).stream())
              .filter(course -> course.observations().size() >= 2)
              .toList();
      if (!courses.isEmpty()) {
        try {
          fitted =
              fitted.withExpectedCourse(
                  ExpectedCourse.fit(
                      courses.get(0).measure(), courses, ExpectedCourse.Options.defaults()));
        } catch (IllegalArgumentException tooFew) {
          // Too small a history for a fit: no expected course, so no not-on-track alerts, as on
          // the server (ExpectedCourseFits).
        }
      }
    }
    return fitted;
  }
}
