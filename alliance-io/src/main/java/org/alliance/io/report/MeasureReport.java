package org.alliance.io.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Band;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.trend.ChangeCategory;
import org.alliance.core.trend.ChangeDefinition;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.ReliableChange;
import org.alliance.core.trend.ReliableChangeByThreshold;
import org.alliance.core.trend.ReliableChangePair;
import org.alliance.io.chart.CourseFindings;

/**
 * One measure of a client report: the findings of the trend models, and for an outcome measure the
 * change from the first to the latest score judged as the {@code cohort} command judges it, by
 * {@link ChangeDefinition#publishedCutoff}: reliable against the instrument's published value,
 * recovered when it also moves from the clinical side of the instrument's cutoff to the other.
 *
 * @param reliableChange first to latest score against the published reliable-change value, when the
 *     instrument has one and the course two scores
 * @param category the combined category (recovered, improved, unchanged, deteriorated, harmed) when
 *     the instrument also has a clinical cutoff
 * @param latestBand the severity band of the latest score, when the instrument has bands
 */
public record MeasureReport(
    CourseFindings findings,
    Optional<ReliableChangeByThreshold> reliableChange,
    Optional<ChangeCategory> category,
    Optional<Band> latestBand) {

  public MeasureReport {
    requireNonNull(findings, "findings");
    requireNonNull(reliableChange, "reliableChange");
    requireNonNull(category, "category");
    requireNonNull(latestBand, "latestBand");
  }

  /** The change status of the findings' course. */
  public static MeasureReport of(CourseFindings findings) {
    Course course = findings.course();
    Optional<Instrument> instrument = course.measure().instrument();
    Optional<ReliableChangeByThreshold> change =
        instrument.isPresent() && instrument.get().reliableChange().isPresent()
            ? ReliableChange.byThreshold(course)
            : Optional.empty();
    // The same definition as the cohort rates and the change command, so a client reported
    // recovered here is counted recovered there.
    Optional<ChangeCategory> category =
        change.isPresent() && ChangeDefinition.missingPublishedValues(course.measure()).isEmpty()
            ? Optional.of(
                ChangeDefinition.publishedCutoff(course.measure())
                    .judge(
                        List.of(
                            ReliableChangePair.of(
                                course.client(), change.get().pre(), change.get().post())))
                    .clients()
                    .get(0)
                    .category())
            : Optional.empty();
    Optional<Band> band =
        instrument.flatMap(i -> course.last().flatMap(last -> i.band(last.score())));
    return new MeasureReport(findings, change, category, band);
  }

  public Course course() {
    return findings.course();
  }
}
