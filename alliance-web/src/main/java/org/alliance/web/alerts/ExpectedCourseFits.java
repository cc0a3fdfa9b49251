package org.alliance.web.alerts;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.CourseSample;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.jdbi.v3.core.Jdbi;

/**
 * The expected course of each outcome measure, fitted on the clinic's own past episodes, as the
 * CLI's {@code trend} fits it on a reference file: a seeded random sample of at most {@link
 * CourseSample#SIZE} courses per measure (reservoir sampling, so the clinic's size does not
 * matter), and a note where a measure has too few episodes. Refitted from time to time as the
 * clinic's data grows; readers see one fit at a time.
 */
public final class ExpectedCourseFits {

  /**
   * One fit: the expected courses by measure id, and why an outcome measure has none, by measure id
   * (so a client is told only about the measures they filled in).
   */
  public record Fit(
      Map<String, ExpectedCourse> courses, Map<String, String> notes, long administrations) {
    public Fit {
      courses = ImmutableMap.copyOf(courses);
      notes = ImmutableMap.copyOf(notes);
    }
  }

  private final Jdbi jdbi;
  private final Supplier<Catalog> catalog;
  private volatile Fit current = new Fit(Map.of(), Map.of(), -1);

  public ExpectedCourseFits(Jdbi jdbi, Supplier<Catalog> catalog) {
    this.jdbi = jdbi;
    this.catalog = catalog;
  }

  public Fit current() {
    return current;
  }

  /** Fits again when administrations were added or removed since the last fit. */
  public void refitIfChanged() {
    long count = jdbi.withHandle(ScoreHistory::version);
    if (count != current.administrations()) {
      refit(count);
    }
  }

  private void refit(long administrations) {
    List<String> instruments = jdbi.withHandle(ScoreHistory::instruments);
    Map<String, ExpectedCourse> courses = new LinkedHashMap<>();
    Map<String, String> notes = new LinkedHashMap<>();
    Catalog known = catalog.get();
    for (String id : instruments) {
      Instrument instrument = known.find(id).orElse(null);
      if (instrument == null || instrument.construct() != Construct.OUTCOME) {
        continue;
      }
      Measure measure = Measure.of(instrument);
      List<Course> sample = sample(measure);
      try {
        courses.put(
            instrument.id(),
            ExpectedCourse.fit(measure, sample, ExpectedCourse.Options.defaults()));
      } catch (IllegalArgumentException e) {
        notes.put(
            instrument.id(),
            measure.label()
                + " has no expected course yet, so no \"off the expected course\" alerts: "
                + e.getMessage());
      }
    }
    current = new Fit(courses, notes, administrations);
  }

  private List<Course> sample(Measure measure) {
    CourseSample sample = new CourseSample();
    CourseCollector collector = new CourseCollector(measure, sample::offer);
    jdbi.useHandle(
        handle -> ScoreHistory.scoresOfInstrument(handle, measure.id(), collector::accept));
    collector.finish();
    return sample.courses();
  }

  /**
   * Groups one instrument's scores, read in client and episode order, into one course per episode
   * of care.
   */
  private static final class CourseCollector {
    private final Measure measure;
    private final java.util.function.Consumer<Course> done;
    private long episode = -1;
    private String reference;
    private final List<Observation> observations = new ArrayList<>();

    CourseCollector(Measure measure, java.util.function.Consumer<Course> done) {
      this.measure = measure;
      this.done = done;
    }

    void accept(ScoreHistory.ClientSessionScore row) {
      if (row.episodeId() != episode) {
        finish();
        episode = row.episodeId();
        reference = row.client().reference();
      }
      observations.add(
          new Observation(row.score().session(), row.score().date(), row.score().total()));
    }

    void finish() {
      if (!observations.isEmpty()) {
        done.accept(new Course(reference, measure, observations));
        observations.clear();
      }
    }
  }
}
