package org.alliance.core.trend;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Numbers;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Applies every alert rule to one client's episode and returns the alerts, most urgent first. A
 * pure function of the episode, the risk flags and the options.
 */
public final class AlertFinder {
  private final AlertOptions options;

  public AlertFinder(AlertOptions options) {
    this.options = requireNonNull(options, "options");
  }

  /** The alerts of one client, most urgent first. */
  public List<Alert> alerts(Episode episode, List<RiskFlag> flags) {
    List<Alert> alerts = new ArrayList<>();
    criticalItems(episode, flags, alerts);
    viciousCircle(episode, alerts);
    for (Course outcome : episode.courses(Construct.OUTCOME)) {
      reliableDeterioration(outcome, alerts);
      offTrack(outcome, alerts);
    }
    for (Course alliance : episode.courses(Construct.ALLIANCE)) {
      unrepairedRupture(alliance, alerts);
      belowCutoff(alliance, alerts);
      drop(alliance, alerts);
    }
    alerts.sort(
        Comparator.comparingInt((Alert alert) -> alert.rule().urgency())
            .thenComparing(Alert::measure));
    return alerts;
  }

  /** Risk answers at the latest administration of their instrument. */
  private static void criticalItems(Episode episode, List<RiskFlag> flags, List<Alert> alerts) {
    Map<String, Integer> latest = new LinkedHashMap<>();
    for (Course course : episode.courses()) {
      course
          .last()
          .ifPresent(last -> latest.merge(course.measure().id(), last.session(), Math::max));
    }
    for (RiskFlag flag : flags) {
      latest.merge(flag.instrumentId(), flag.session(), Math::max);
    }
    for (RiskFlag flag : flags) {
      if (flag.session() != latest.get(flag.instrumentId())) {
        continue;
      }
      Optional<Instrument> instrument =
          episode.course(flag.instrumentId()).flatMap(course -> course.measure().instrument());
      String name =
          instrument
              .map(known -> known.id().toUpperCase(java.util.Locale.ROOT))
              .orElse(flag.instrumentId().toUpperCase(java.util.Locale.ROOT));
      String question =
          instrument
              .flatMap(known -> known.item(flag.itemId()))
              .map(found -> "risk question \"" + found.label().en() + "\"")
              .orElse("risk question");
      alerts.add(
          new Alert(
              episode.client(),
              AlertRule.CRITICAL_ITEM,
              flag.instrumentId(),
              flag.session(),
              name
                  + " "
                  + question
                  + " answered "
                  + Numbers.format(flag.answer())
                  + " at session "
                  + flag.session()
                  + ": check the client's safety, following the clinic's risk protocol",
              numbers("answer", flag.answer(), "threshold", 0)));
    }
  }

  /** Alliance falling while the outcome is flat or worsening, over the latest sessions. */
  private void viciousCircle(Episode episode, List<Alert> alerts) {
    List<Course> alliances = episode.courses(Construct.ALLIANCE);
    List<Course> outcomes = episode.courses(Construct.OUTCOME);
    if (alliances.isEmpty() || outcomes.isEmpty()) {
      return;
    }
    Course alliance = alliances.get(0);
    List<Observation> ratings = alliance.observations();
    if (ratings.size() < 3) {
      return;
    }
    List<Observation> window =
        ratings.subList(Math.max(0, ratings.size() - options.viciousWindow()), ratings.size());
    int first = window.get(0).session();
    int last = window.get(window.size() - 1).session();
    // Rounded before comparing, so a fall of exactly 0.5 a session (31.8 after 33.3, 32.8, 32.3)
    // counts.
    double allianceSlope = round(alliance.measure().sign() * slope(window));
    double slopeThreshold =
        AlertOptions.alliancePoints(options.viciousAllianceSlope(), alliance.measure());
    if (allianceSlope > -round(slopeThreshold)) {
      return;
    }
    for (Course outcome : outcomes) {
      List<Observation> scores =
          outcome.observations().stream()
              .filter(o -> o.session() >= first && o.session() <= last)
              .toList();
      if (scores.size() < 2) {
        continue;
      }
      double improvement = round(outcome.measure().sign() * slope(scores));
      if (improvement < options.viciousOutcomeSlope()) {
        alerts.add(
            new Alert(
                episode.client(),
                AlertRule.VICIOUS_CIRCLE,
                alliance.measure().id() + "+" + outcome.measure().id(),
                last,
                alliance.measure().label()
                    + " fell "
                    + points(-allianceSlope)
                    + " a session over sessions "
                    + first
                    + "-"
                    + last
                    + " while "
                    + outcome.measure().label()
                    + " "
                    + (improvement <= 0
                        ? "did not improve (" + points(-improvement) + " a session worse)"
                        : "barely improved (" + points(improvement) + " a session)")
                    + ": talk about the relationship before the outcome slips further",
                numbers(
                    "allianceSlope",
                    allianceSlope,
                    "allianceSlopeThreshold",
                    -slopeThreshold,
                    "outcomeImprovementSlope",
                    improvement,
                    "outcomeSlopeThreshold",
                    options.viciousOutcomeSlope(),
                    "firstSession",
                    first,
                    "lastSession",
                    last)));
        return;
      }
    }
  }

  private static void reliableDeterioration(Course outcome, List<Alert> alerts) {
    if (outcome
        .measure()
        .instrument()
        .flatMap(
            instrument ->
                instrument.reliableChange().isPresent()
                    ? Optional.of(instrument)
                    : Optional.empty())
        .isEmpty()) {
      return; // no published reliable-change value (a child version, a score column): the rule does
      // not apply
    }
    ReliableChange.byThreshold(outcome)
        .filter(change -> change.category().isReliableDeterioration())
        .ifPresent(
            change -> {
              int first = outcome.first().orElseThrow().session();
              int last = outcome.last().orElseThrow().session();
              alerts.add(
                  new Alert(
                      outcome.client(),
                      AlertRule.RELIABLE_DETERIORATION,
                      outcome.measure().id(),
                      last,
                      outcome.measure().label()
                          + " went from "
                          + Numbers.format(change.pre())
                          + " at session "
                          + first
                          + " to "
                          + Numbers.format(change.post())
                          + " at session "
                          + last
                          + ": worse by at least the reliable change of "
                          + Numbers.format(change.threshold()),
                      numbers(
                          "intake",
                          change.pre(),
                          "latest",
                          change.post(),
                          "change",
                          change.change(),
                          "threshold",
                          change.threshold())));
            });
  }

  private void offTrack(Course outcome, List<Alert> alerts) {
    ExpectedCourse expected = options.expectedCourses().get(outcome.measure().id());
    if (expected == null || outcome.observations().size() < 2) {
      return;
    }
    List<ExpectedCourse.SessionStatus> statuses = expected.classify(outcome);
    ExpectedCourse.SessionStatus latest = statuses.get(statuses.size() - 1);
    if (latest.status() == TrackStatus.ON_TRACK
        || (latest.status() == TrackStatus.CAUTION && !options.cautionAlerts())) {
      return;
    }
    boolean notOnTrack = latest.status() == TrackStatus.NOT_ON_TRACK;
    ExpectedCourse.Band band = latest.band();
    alerts.add(
        new Alert(
            outcome.client(),
            notOnTrack ? AlertRule.NOT_ON_TRACK : AlertRule.OFF_TRACK_CAUTION,
            outcome.measure().id(),
            latest.session(),
            outcome.measure().label()
                + " "
                + Numbers.format(latest.score())
                + " at session "
                + latest.session()
                + " is worse than "
                + Math.round(
                    100
                        * (notOnTrack
                            ? expected.options().notOnTrackPercentile()
                            : expected.options().cautionPercentile()))
                + "% of similar clients (expected "
                + say(band.expected())
                + ", fitted on "
                + expected.episodes()
                + " episodes)",
            numbers(
                "score",
                latest.score(),
                "expected",
                band.expected(),
                "cautionEdge",
                band.caution(),
                "notOnTrackEdge",
                band.notOnTrack(),
                "t",
                band.t())));
  }

  /**
   * The most recent rupture whose repair window has passed without a repair, while the latest
   * rating is still below the pre-rupture level (a late recovery ends the alert).
   */
  private void unrepairedRupture(Course alliance, List<Alert> alerts) {
    Optional<Observation> last = alliance.last();
    if (last.isEmpty()) {
      return;
    }
    int lastSession = last.get().session();
    double latest = alliance.measure().sign() * last.get().score();
    RuptureFinder finder = options.ruptures(alliance.measure());
    int window = finder.repairWindow();
    double ruptureMargin = AlertOptions.alliancePoints(options.ruptureMargin(), alliance.measure());
    // A below-cutoff rule without its own cutoff needs the instrument's; measures without one skip
    // it.
    boolean hasCutoff =
        alliance.measure().instrument().flatMap(Instrument::clinicalCutoff).isPresent();
    List<RuptureRule> rules =
        finder.rules().stream()
            .filter(
                rule ->
                    hasCutoff
                        || !(rule instanceof RuptureRule.BelowCutoff below
                            && below.cutoff().isEmpty()))
            .toList();
    if (rules.isEmpty()) {
      return;
    }
    Map<Integer, List<Rupture>> byStart =
        new RuptureFinder(rules, window)
            .find(alliance).stream()
                .filter(
                    rupture ->
                        !rupture.repaired() && lastSession >= rupture.startSession() + window)
                .filter(
                    rupture -> {
                      // Tenths are compared after rounding, so 31.3 is exactly 2 below 33.3.
                      double below =
                          round(alliance.measure().sign() * rupture.preRuptureLevel() - latest);
                      return below >= ruptureMargin && (ruptureMargin > 0 || below > 0);
                    })
                .collect(Collectors.groupingBy(Rupture::startSession));
    Optional<Integer> lastStart = byStart.keySet().stream().max(Integer::compare);
    if (lastStart.isEmpty()) {
      return;
    }
    List<Rupture> ruptures = byStart.get(lastStart.get());
    Rupture deepest =
        ruptures.stream().max(Comparator.comparingDouble(Rupture::depth)).orElseThrow();
    Optional<Cutoff> cutoff = alliance.measure().instrument().flatMap(Instrument::clinicalCutoff);
    String named =
        ruptures.stream()
            .map(rupture -> rupture.rule().inWords(cutoff))
            .distinct()
            .collect(Collectors.joining("; "));
    alerts.add(
        new Alert(
            alliance.client(),
            AlertRule.UNREPAIRED_RUPTURE,
            alliance.measure().id(),
            deepest.startSession(),
            alliance.measure().label()
                + " fell from "
                + Numbers.format(deepest.preRuptureLevel())
                + " to "
                + Numbers.format(deepest.troughRating())
                + " at session "
                + deepest.troughSession()
                + ", did not come back within "
                + window
                + " sessions, and is still "
                + (ruptureMargin > 0 ? "at least " + points(ruptureMargin) + " " : "")
                + "below "
                + Numbers.format(deepest.preRuptureLevel())
                + ". Rupture rule: "
                + named
                + ". Raise the relationship openly in the next session.",
            numbers(
                "preRuptureLevel",
                deepest.preRuptureLevel(),
                "trough",
                deepest.troughRating(),
                "depth",
                deepest.depth(),
                "startSession",
                deepest.startSession(),
                "repairWindow",
                window)));
  }

  /**
   * The latest {@code belowCutoffRatings} alliance ratings all on the concern side of the cutoff.
   */
  private void belowCutoff(Course alliance, List<Alert> alerts) {
    Optional<Cutoff> cutoff = alliance.measure().instrument().flatMap(Instrument::clinicalCutoff);
    List<Observation> ratings = alliance.observations();
    int needed = options.belowCutoffRatings();
    if (cutoff.isEmpty() || needed == 0 || ratings.size() < needed) {
      return;
    }
    List<Observation> latest = ratings.subList(ratings.size() - needed, ratings.size());
    // The margin moves the line away from the cutoff, on the concern side.
    double margin =
        alliance.measure().sign()
            * AlertOptions.alliancePoints(options.belowCutoffMargin(), alliance.measure());
    if (!latest.stream().allMatch(rating -> cutoff.get().isClinical(rating.score() + margin))) {
      return;
    }
    Observation last = latest.get(needed - 1);
    alerts.add(
        new Alert(
            alliance.client(),
            AlertRule.ALLIANCE_BELOW_CUTOFF,
            alliance.measure().id(),
            last.session(),
            alliance.measure().label()
                + " "
                + latest.stream()
                    .map(rating -> Numbers.format(rating.score()))
                    .collect(Collectors.joining(" and "))
                + (needed == 1 ? " at session " : " at sessions ")
                + latest.stream()
                    .map(rating -> String.valueOf(rating.session()))
                    .collect(Collectors.joining(" and "))
                + ": "
                + (needed == 1 ? "" : "each ")
                + (options.belowCutoffMargin() > 0
                    ? "at least " + points(Math.abs(margin)) + " past "
                    : "past ")
                + "the cutoff of "
                + Numbers.format(cutoff.get().value())
                + " ("
                + cutoff.get().inWords()
                + " is a concern). Ask what could be better.",
            numbers("score", last.score(), "cutoff", cutoff.get().value(), "ratings", needed)));
  }

  private void drop(Course alliance, List<Alert> alerts) {
    List<Observation> ratings = alliance.observations();
    if (ratings.size() < 2) {
      return;
    }
    Observation previous = ratings.get(ratings.size() - 2);
    Observation latest = ratings.get(ratings.size() - 1);
    double fall = alliance.measure().sign() * (previous.score() - latest.score());
    // Tenths are compared after rounding, so 36.1 -> 35.1 counts as a drop of exactly 1.
    double threshold = AlertOptions.alliancePoints(options.allianceDrop(), alliance.measure());
    if (round(fall) < round(threshold)) {
      return;
    }
    alerts.add(
        new Alert(
            alliance.client(),
            AlertRule.ALLIANCE_DROP,
            alliance.measure().id(),
            latest.session(),
            alliance.measure().label()
                + " dropped "
                + points(fall)
                + " from session "
                + previous.session()
                + " to session "
                + latest.session(),
            numbers(
                "previous",
                previous.score(),
                "latest",
                latest.score(),
                "drop",
                round(fall),
                "threshold",
                threshold)));
  }

  /** The least-squares slope of scores over session numbers. */
  private static double slope(List<Observation> observations) {
    SimpleRegression regression = new SimpleRegression();
    for (Observation observation : observations) {
      regression.addData(observation.session(), observation.score());
    }
    return regression.getSlope();
  }

  private static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }

  /** A number of points for a sentence: {@code 1 point}, {@code 0.5 points}. */
  private static String points(double value) {
    String number = say(value);
    return number + (number.equals("1") ? " point" : " points");
  }

  /** A number for a sentence: two decimals at most. */
  private static String say(double value) {
    return Numbers.format(Math.round(value * 100) / 100.0);
  }

  private static Map<String, Double> numbers(Object... namesAndValues) {
    Map<String, Double> numbers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      numbers.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
    }
    return numbers;
  }
}
