package org.alliance.io.report;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.alliance.core.instrument.Construct;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertFinder;
import org.alliance.core.trend.AlertOptions;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Observation;
import org.alliance.core.trend.RiskFlag;
import org.alliance.io.chart.ChartNote;
import org.alliance.io.chart.CourseFindings;

/**
 * Everything a client report shows about one client's episode: each measure's course with its
 * findings and change status, the alerts most urgent first, and the item-level answers of the
 * latest administrations. Built from the core's trend models only; the writers decide nothing
 * clinical.
 *
 * @param measures outcome measures first, then alliance measures, each in the episode's order
 * @param alerts every alert of the alert rules, most urgent first
 * @param followUps what the clinician recorded doing about alerts, oldest first
 * @param notes the clinician's notes on the chart, such as a medication change
 * @param latestAnswers the latest administration of each instrument, item by item
 * @param settings how the findings were made, and the notes to show beside them
 */
public record ClientReport(
    Episode episode,
    List<MeasureReport> measures,
    List<Alert> alerts,
    List<FollowUp> followUps,
    List<ChartNote> notes,
    List<ItemAnswers> latestAnswers,
    Settings settings) {

  /**
   * How a report is made and what it says about its data.
   *
   * @param source where the data came from, such as a file name
   * @param generated the day the report is made
   * @param alerts the alert rules' settings, with the expected courses fitted for the not-on-track
   *     rules
   * @param findings how sudden changes and ruptures are looked for
   * @param notes what the reader should know about the data, such as rows left out or a missing
   *     expected course
   */
  public record Settings(
      String source,
      LocalDate generated,
      AlertOptions alerts,
      CourseFindings.Options findings,
      List<String> notes) {
    public Settings {
      requireNonNull(source, "source");
      requireNonNull(generated, "generated");
      requireNonNull(alerts, "alerts");
      requireNonNull(findings, "findings");
      notes = ImmutableList.copyOf(notes);
    }
  }

  public ClientReport {
    requireNonNull(episode, "episode");
    measures = ImmutableList.copyOf(measures);
    alerts = ImmutableList.copyOf(alerts);
    followUps = ImmutableList.copyOf(followUps);
    notes = ImmutableList.copyOf(notes);
    latestAnswers = ImmutableList.copyOf(latestAnswers);
    requireNonNull(settings, "settings");
  }

  /** Applies the trend models and the alert rules to an episode. */
  public static ClientReport build(
      Episode episode,
      List<RiskFlag> riskFlags,
      List<ItemAnswers> latestAnswers,
      Settings settings) {
    List<MeasureReport> measures = new ArrayList<>();
    List<Course> ordered = new ArrayList<>(episode.courses(Construct.OUTCOME));
    ordered.addAll(episode.courses(Construct.ALLIANCE));
    for (Course course : ordered) {
      CourseFindings findings =
          CourseFindings.find(
              course,
              Optional.ofNullable(settings.alerts().expectedCourses().get(course.measure().id())),
              settings.findings());
      measures.add(MeasureReport.of(findings));
    }
    List<Alert> alerts = new AlertFinder(settings.alerts()).alerts(episode, riskFlags);
    return new ClientReport(
        episode, measures, alerts, List.of(), List.of(), latestAnswers, settings);
  }

  /** The same report with what the clinician recorded doing about alerts. */
  public ClientReport withFollowUps(List<FollowUp> recorded) {
    return new ClientReport(episode, measures, alerts, recorded, notes, latestAnswers, settings);
  }

  /** The same report with the clinician's notes on the chart. */
  public ClientReport withNotes(List<ChartNote> chartNotes) {
    return new ClientReport(
        episode, measures, alerts, followUps, chartNotes, latestAnswers, settings);
  }

  public String client() {
    return episode.client();
  }

  /** Every session with at least one score, in order. */
  public List<Integer> sessions() {
    TreeSet<Integer> sessions = new TreeSet<>();
    episode
        .courses()
        .forEach(course -> course.observations().forEach(o -> sessions.add(o.session())));
    return List.copyOf(sessions);
  }

  /** The first and the last date of any score, when the data have dates. */
  public Optional<LocalDate> firstDate() {
    return dates().min(Comparator.naturalOrder());
  }

  public Optional<LocalDate> lastDate() {
    return dates().max(Comparator.naturalOrder());
  }

  private Stream<LocalDate> dates() {
    return episode.courses().stream()
        .flatMap(course -> course.observations().stream())
        .map(Observation::date)
        .flatMap(Optional::stream);
  }
}
