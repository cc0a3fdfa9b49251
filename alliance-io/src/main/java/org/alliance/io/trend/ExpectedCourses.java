package org.alliance.io.trend;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Construct;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.CourseSample;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Measure;

/**
 * Fits the expected course of each outcome measure from reference episodes. A seeded random sample
 * of at most {@link CourseSample#SIZE} courses per measure is kept (reservoir sampling), so a
 * reference file of any size is read in bounded memory and the fit is the same on every run.
 */
public final class ExpectedCourses {
  /** The most reference courses of one measure a fit uses. */

  /**
   * The fitted courses, one per outcome measure that had enough reference data, and for every other
   * measure the reason it has none, in words a user can act on.
   *
   * @param notes the reasons by measure id, in the order the measures were met
   */
  public record Fit(List<ExpectedCourse> courses, Map<String, String> notes) {
    public Fit {
      courses = ImmutableList.copyOf(courses);
      notes = ImmutableMap.copyOf(notes);
    }
  }

  private ExpectedCourses() {}

  /**
   * Reads every episode of the reference and fits the expected course of each outcome measure in
   * it.
   */
  public static Fit fit(EpisodeReader reference) {
    Map<String, Measure> measures = new LinkedHashMap<>();
    Map<String, CourseSample> samples = new LinkedHashMap<>();
    while (reference.hasNext()) {
      for (Course course : reference.next().episode().courses(Construct.OUTCOME)) {
        measures.putIfAbsent(course.measure().id(), course.measure());
        samples.computeIfAbsent(course.measure().id(), key -> new CourseSample()).offer(course);
      }
    }
    List<ExpectedCourse> fitted = new ArrayList<>();
    Map<String, String> notes = new LinkedHashMap<>();
    for (Map.Entry<String, CourseSample> entry : samples.entrySet()) {
      try {
        fitted.add(
            ExpectedCourse.fit(
                measures.get(entry.getKey()),
                entry.getValue().courses(),
                ExpectedCourse.Options.defaults()));
      } catch (IllegalArgumentException e) {
        notes.put(entry.getKey(), e.getMessage());
      }
    }
    return new Fit(fitted, notes);
  }
}
