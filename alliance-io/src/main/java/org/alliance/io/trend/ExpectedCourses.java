package org.alliance.io.trend;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.alliance.core.instrument.Construct;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Measure;

/**
 * Fits the expected course of each outcome measure from reference episodes. A seeded random sample of at
 * most {@link #SAMPLE} courses per measure is kept (reservoir sampling), so a reference file of any size
 * is read in bounded memory and the fit is the same on every run.
 */
public final class ExpectedCourses {
  /** The most reference courses of one measure a fit uses. */
  public static final int SAMPLE = 5_000;

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

  /** Reads every episode of the reference and fits the expected course of each outcome measure in it. */
  public static Fit fit(EpisodeReader reference) {
    Map<String, Measure> measures = new LinkedHashMap<>();
    Map<String, List<Course>> samples = new LinkedHashMap<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    Random random = new Random(20_011_001L);
    while (reference.hasNext()) {
      for (Course course : reference.next().episode().courses(Construct.OUTCOME)) {
        String id = course.measure().id();
        measures.putIfAbsent(id, course.measure());
        List<Course> sample = samples.computeIfAbsent(id, key -> new ArrayList<>());
        int n = seen.merge(id, 1, Integer::sum);
        if (sample.size() < SAMPLE) {
          sample.add(course);
        } else {
          int slot = random.nextInt(n);
          if (slot < SAMPLE) {
            sample.set(slot, course);
          }
        }
      }
    }
    List<ExpectedCourse> fitted = new ArrayList<>();
    Map<String, String> notes = new LinkedHashMap<>();
    for (Map.Entry<String, List<Course>> entry : samples.entrySet()) {
      try {
        fitted.add(ExpectedCourse.fit(measures.get(entry.getKey()), entry.getValue(), ExpectedCourse.Options.defaults()));
      } catch (IllegalArgumentException e) {
        notes.put(entry.getKey(), e.getMessage());
      }
    }
    return new Fit(fitted, notes);
  }
}
