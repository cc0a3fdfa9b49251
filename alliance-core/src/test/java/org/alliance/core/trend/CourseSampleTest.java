package org.alliance.core.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alliance.core.instrument.Catalog;
import org.junit.jupiter.api.Test;

class CourseSampleTest {
  private static final Measure PHQ9 = Measure.of(Catalog.builtIn().get("phq-9"));

  private static Course course(int i) {
    return new Course("c" + i, PHQ9, List.of(Observation.of(1, 15), Observation.of(2, 10)));
  }

  @Test
  void keepsEveryCourseUpToItsSizeInOrder() {
    CourseSample sample = new CourseSample();
    List<Course> offered = new ArrayList<>();
    for (int i = 0; i < CourseSample.SIZE; i++) {
      offered.add(course(i));
      sample.offer(offered.get(i));
    }
    assertThat(sample.courses()).containsExactlyElementsOf(offered);
  }

  @Test
  void beyondItsSizeKeepsAFairSeededSample() {
    CourseSample first = new CourseSample();
    CourseSample second = new CourseSample();
    int total = CourseSample.SIZE * 4;
    for (int i = 0; i < total; i++) {
      first.offer(course(i));
      second.offer(course(i));
    }
    assertThat(first.courses()).hasSize(CourseSample.SIZE).isEqualTo(second.courses());
    Set<String> kept = new HashSet<>();
    first.courses().forEach(course -> kept.add(course.client()));
    long late =
        kept.stream().filter(client -> Integer.parseInt(client.substring(1)) >= total / 2).count();
    // Half the stream came late: about half the sample should too (binomial sd about 35 of 5,000).
    assertThat(late).isBetween(2_300L, 2_700L);
  }
}
