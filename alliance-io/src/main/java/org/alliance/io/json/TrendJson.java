package org.alliance.io.json;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.ExpectedCourse;

/**
 * One client's trend as JSON: the course on every measure, the alerts most urgent first, and notes
 * on what could not be done (such as no expected course). The server and the CLI each put it beside
 * their own description of the client.
 */
public record TrendJson(List<CourseJson> courses, List<AlertJson> alerts, List<String> notes) {

  /**
   * @param expectedCourses the expected course of each outcome measure that has one, by measure id
   */
  public static TrendJson of(
      Episode episode,
      Map<String, ExpectedCourse> expectedCourses,
      List<Alert> alerts,
      List<String> notes) {
    return new TrendJson(
        episode.courses().stream()
            .map(
                course ->
                    CourseJson.of(
                        course, Optional.ofNullable(expectedCourses.get(course.measure().id()))))
            .toList(),
        alerts.stream().map(AlertJson::of).toList(),
        List.copyOf(notes));
  }
}
