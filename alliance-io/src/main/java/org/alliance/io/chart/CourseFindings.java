package org.alliance.io.chart;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.core.trend.AlertOptions;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Rupture;
import org.alliance.core.trend.RuptureFinder;
import org.alliance.core.trend.RuptureRule;
import org.alliance.core.trend.SuddenChangeCriteria;
import org.alliance.core.trend.SuddenChangeFinder;
import org.alliance.core.trend.SuddenChangeResult;

/**
 * One measure's course and what the trend models find in it: where each session lies against the
 * expected course, sudden gains and losses of an outcome measure, ruptures and repairs of an
 * alliance measure. The course chart draws these marks and the reports list them, so both always
 * agree.
 *
 * @param statuses each session against the expected course, in session order; empty without one
 * @param gains sudden gains over the whole course; empty for an alliance measure or without a
 *     cutoff
 * @param losses sudden losses over the whole course, on the same terms
 * @param ruptures an alliance measure's ruptures by each rule, in the order of the rules
 * @param notes why something was not looked for, in words for the reader of a report
 * @param options how the findings were looked for
 */
public record CourseFindings(
    Course course,
    Optional<ExpectedCourse> expected,
    List<ExpectedCourse.SessionStatus> statuses,
    Optional<SuddenChangeResult> gains,
    Optional<SuddenChangeResult> losses,
    List<Rupture> ruptures,
    List<String> notes,
    Options options) {

  /**
   * How the findings are looked for.
   *
   * @param suddenChangeCutoff criterion 1 of sudden gains and losses in score points; empty to use
   *     the instrument's published reliable-change value
   * @param ruptures the rupture rules and repair window
   */
  public record Options(OptionalDouble suddenChangeCutoff, AlertOptions alerts) {
    public Options {
      requireNonNull(suddenChangeCutoff, "suddenChangeCutoff");
      suddenChangeCutoff.ifPresent(
          cutoff ->
              checkArgument(
                  cutoff > 0 && Double.isFinite(cutoff),
                  "a sudden-change cutoff is a positive number of points, not %s",
                  cutoff));
      requireNonNull(alerts, "alerts");
    }

    /**
     * Sudden gains and losses of at least the instrument's reliable-change value; ruptures by the
     * rules of the unrepaired-rupture alert (a fall of 5 SRS points, or as much of another
     * measure's range; repair within 2 sessions), so the chart shows the ruptures the alerts speak
     * of.
     */
    public static Options defaults() {
      return new Options(OptionalDouble.empty(), AlertOptions.defaults());
    }

    /** The rupture rules for one alliance measure. */
    public RuptureFinder ruptures(Measure measure) {
      return alerts.ruptures(measure);
    }

    /** The same options with sudden changes of at least this many points. */
    public Options withSuddenChangeCutoff(double points) {
      return new Options(OptionalDouble.of(points), alerts);
    }
  }

  public CourseFindings {
    requireNonNull(course, "course");
    requireNonNull(expected, "expected");
    statuses = ImmutableList.copyOf(statuses);
    requireNonNull(gains, "gains");
    requireNonNull(losses, "losses");
    ruptures = ImmutableList.copyOf(ruptures);
    notes = ImmutableList.copyOf(notes);
    requireNonNull(options, "options");
    expected.ifPresent(
        fitted ->
            checkArgument(
                fitted.measure().id().equals(course.measure().id()),
                "an expected course of %s for a course of %s",
                fitted.measure().id(),
                course.measure().id()));
  }

  /**
   * Applies the trend models to a course; {@code expected} is the measure's expected course, if one
   * was fitted.
   */
  public static CourseFindings find(
      Course course, Optional<ExpectedCourse> expected, Options options) {
    requireNonNull(options, "options");
    List<String> notes = new ArrayList<>();
    List<ExpectedCourse.SessionStatus> statuses =
        expected.map(fitted -> fitted.classify(course)).orElse(List.of());
    Optional<SuddenChangeResult> gains = Optional.empty();
    Optional<SuddenChangeResult> losses = Optional.empty();
    List<Rupture> ruptures = List.of();
    String name = Wording.measure(course.measure());
    if (course.measure().construct() == Construct.OUTCOME) {
      OptionalDouble cutoff =
          options.suddenChangeCutoff().isPresent()
              ? options.suddenChangeCutoff()
              : course
                  .measure()
                  .instrument()
                  .map(Instrument::reliableChange)
                  .orElse(OptionalDouble.empty());
      if (cutoff.isEmpty()) {
        notes.add(
            "Sudden gains and losses of "
                + name
                + " were not looked for: it has no published reliable-change "
                + "value to use as the smallest sudden change (give one with --gain-cutoff).");
      } else if (!course.isEmpty()
          && course.last().orElseThrow().session() - (long) course.first().orElseThrow().session()
              >= Administration.MAX_SESSION) {
        // The method walks every session from the first to the last; a session number from before
        // the limit on session numbers could make that billions.
        notes.add(
            "Sudden gains and losses of "
                + name
                + " were not looked for: the course runs from session "
                + course.first().orElseThrow().session()
                + " to session "
                + course.last().orElseThrow().session()
                + ", beyond the highest session number ("
                + Administration.MAX_SESSION
                + ").");
      } else if (!course.isEmpty()) {
        int first = course.first().orElseThrow().session();
        int last = course.last().orElseThrow().session();
        gains =
            Optional.of(
                new SuddenChangeFinder(SuddenChangeCriteria.gains(cutoff.getAsDouble()))
                    .find(course, first, last));
        losses =
            Optional.of(
                new SuddenChangeFinder(SuddenChangeCriteria.losses(cutoff.getAsDouble()))
                    .find(course, first, last));
        if (gains.get().intervals().isEmpty()) {
          notes.add(
              "Sudden gains and losses of "
                  + name
                  + " need at least 4 sessions; this course spans "
                  + (last - first + 1)
                  + ".");
        }
      }
    } else {
      ruptures = ruptures(course, options.ruptures(course.measure()), notes);
    }
    return new CourseFindings(course, expected, statuses, gains, losses, ruptures, notes, options);
  }

  /**
   * Ruptures by every rule the measure allows: the below-cutoff rule needs a cutoff, which a
   * measure may lack.
   */
  private static List<Rupture> ruptures(Course course, RuptureFinder finder, List<String> notes) {
    boolean hasCutoff =
        course.measure().instrument().flatMap(Instrument::clinicalCutoff).isPresent();
    List<RuptureRule> rules =
        finder.rules().stream()
            .filter(
                rule ->
                    hasCutoff
                        || !(rule instanceof RuptureRule.BelowCutoff below
                            && below.cutoff().isEmpty()))
            .toList();
    if (rules.size() < finder.rules().size()) {
      notes.add(
          Wording.measure(course.measure())
              + " has no cutoff, so ruptures were looked for only by the client's own "
              + "earlier ratings.");
    }
    if (rules.isEmpty()) {
      return List.of();
    }
    return new RuptureFinder(rules, finder.repairWindow()).find(course);
  }

  /** The sudden-change cutoff used, when sudden changes were looked for. */
  public OptionalDouble suddenChangeCutoff() {
    return gains
        .map(result -> OptionalDouble.of(result.criteria().cutoff()))
        .orElse(OptionalDouble.empty());
  }
}
