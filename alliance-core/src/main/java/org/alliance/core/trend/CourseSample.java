package org.alliance.core.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random sample of at most {@link #SIZE} courses from a stream of any length (reservoir
 * sampling), to fit an expected course on: the same courses in the same order give the same sample,
 * wherever they come from.
 */
public final class CourseSample {
  /** Enough courses for stable percentiles per session, few enough to fit in a second. */
  public static final int SIZE = 5_000;

  private final List<Course> courses = new ArrayList<>();
  private final Random random = new Random(20_011_001L);
  private int seen;

  /** Offers one course; it is kept with probability SIZE / courses seen so far. */
  public void offer(Course course) {
    seen++;
    if (courses.size() < SIZE) {
      courses.add(course);
      return;
    }
    int slot = random.nextInt(seen);
    if (slot < SIZE) {
      courses.set(slot, course);
    }
  }

  /** The courses kept. */
  public List<Course> courses() {
    return List.copyOf(courses);
  }
}
