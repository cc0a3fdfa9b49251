package org.alliance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.alliance.core.instrument.Construct;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Measure;
import org.alliance.io.trend.EpisodeReader;

/**
 * Fits the expected course of each outcome measure from reference episodes. A seeded random sample of at
 * most {@link #SAMPLE} courses per measure is kept (reservoir sampling), so a reference file of any size
 * is read in bounded memory and the fit is the same on every run.
 */
final class ExpectedCourses {
  static final int SAMPLE = 5_000;

  private ExpectedCourses() {}

  static List<ExpectedCourse> fit(EpisodeReader reference, PrintWriter err) throws IOException {
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
    for (Map.Entry<String, List<Course>> entry : samples.entrySet()) {
      try {
        fitted.add(ExpectedCourse.fit(measures.get(entry.getKey()), entry.getValue(), ExpectedCourse.Options.defaults()));
      } catch (IllegalArgumentException e) {
        err.println("note: no expected course, so no not-on-track alerts: " + e.getMessage());
      }
    }
    return fitted;
  }
}
