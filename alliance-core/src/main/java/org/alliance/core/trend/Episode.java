package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.alliance.core.instrument.Construct;

/**
 * One client's course of therapy: a course per measure (typically an outcome measure at the start
 * of each session and an alliance measure at the end), and the clinician, where known.
 */
public record Episode(String client, Optional<String> clinician, List<Course> courses) {
  public Episode {
    checkArgument(client != null && !client.isBlank(), "an episode needs a client");
    requireNonNull(clinician, "clinician");
    courses = ImmutableList.copyOf(courses);
    Set<String> measures = new HashSet<>();
    for (Course course : courses) {
      checkArgument(
          course.client().equals(client),
          "course of client %s in the episode of %s",
          course.client(),
          client);
      checkArgument(
          measures.add(course.measure().id()),
          "client %s has two courses of %s",
          client,
          course.measure().id());
    }
  }

  /** The course of a measure. */
  public Optional<Course> course(String measureId) {
    return courses.stream().filter(course -> course.measure().id().equals(measureId)).findFirst();
  }

  /** The courses of alliance or of outcome measures. */
  public List<Course> courses(Construct construct) {
    return courses.stream().filter(course -> course.measure().construct() == construct).toList();
  }
}
