package org.alliance.io.json;

import static org.alliance.io.json.JsonFixtures.course;
import static org.alliance.io.json.JsonFixtures.flatExpectedCourse;
import static org.alliance.io.json.JsonFixtures.json;
import static org.alliance.io.json.JsonFixtures.names;
import static org.alliance.io.json.JsonFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.junit.jupiter.api.Test;

class CourseJsonTest {

  @Test
  void withoutAnExpectedCourseASessionHasOnlyItsDateAndScore() throws Exception {
    // The SRS: higher is better, clinical (an alliance concern) strictly below 36, no
    // reliable-change value.
    Course srs = course("srs", 38, 35.5);

    assertThat(json(CourseJson.of(srs, Optional.empty())))
        .isEqualTo(
            "{\"measure\":\"srs\",\"title\":\"Session Rating Scale\","
                + "\"construct\":\"alliance\",\"higherIsBetter\":true,"
                + "\"cutoff\":{\"value\":36.0,\"clinicalSide\":\"<\",\"rule\":\"total < 36\"},"
                + "\"reliableChange\":null,\"expectedCourseEpisodes\":null,"
                + "\"sessions\":[{\"session\":1,\"date\":\"2024-01-08\",\"score\":38.0},{\"session\":2,\"date\":null,\"score\":35.5}]}");
  }

  @Test
  void againstAnExpectedCourseEachSessionHasItsStatusAndTheBandEdges() throws Exception {
    // Lower is better: the edges lie above the expected 12, at 12.674 (caution) and 13.282 (not on
    // track).
    Course phq9 = course("phq-9", 12, 12.5, 13, 14);

    JsonNode json = tree(CourseJson.of(phq9, Optional.of(flatExpectedCourse("phq-9"))));

    assertThat(names(json))
        .containsExactly(
            "measure",
            "title",
            "construct",
            "higherIsBetter",
            "cutoff",
            "reliableChange",
            "expectedCourseEpisodes",
            "sessions");
    assertThat(json.get("construct").asText()).isEqualTo("outcome");
    assertThat(json.get("higherIsBetter").asBoolean()).isFalse();
    assertThat(json.get("cutoff").toString())
        .isEqualTo("{\"value\":10.0,\"clinicalSide\":\">=\",\"rule\":\"total >= 10\"}");
    assertThat(json.get("reliableChange").asDouble()).isEqualTo(6.0);
    assertThat(json.get("expectedCourseEpisodes").asInt()).isEqualTo(40);
    JsonNode sessions = json.get("sessions");
    assertThat(names(sessions.get(0)))
        .containsExactly(
            "session", "date", "score", "status", "expected", "cautionEdge", "notOnTrackEdge");
    List<String> statuses =
        List.of(
            sessions.get(0).get("status").asText(),
            sessions.get(1).get("status").asText(),
            sessions.get(2).get("status").asText(),
            sessions.get(3).get("status").asText());
    assertThat(statuses).containsExactly("on-track", "on-track", "caution", "not-on-track");
    JsonNode last = sessions.get(3);
    assertThat(last.get("date").isNull()).isTrue();
    assertThat(last.get("expected").asDouble()).isEqualTo(12.0);
    assertThat(last.get("cautionEdge").asDouble()).isCloseTo(12.674, within(0.001));
    assertThat(last.get("notOnTrackEdge").asDouble()).isCloseTo(13.282, within(0.001));
  }

  @Test
  void aScoreColumnIsTitledByItsNameAndHasNoCutoff() throws Exception {
    Course bdi =
        new Course(
            "c1",
            Measure.column("bdi", Direction.HIGHER_IS_WORSE, Construct.OUTCOME),
            List.of(Observation.of(0, 20)));

    assertThat(json(CourseJson.of(bdi, Optional.empty())))
        .isEqualTo(
            "{\"measure\":\"bdi\",\"title\":\"bdi\","
                + "\"construct\":\"outcome\",\"higherIsBetter\":false,\"cutoff\":null,\"reliableChange\":null,"
                + "\"expectedCourseEpisodes\":null,\"sessions\":[{\"session\":0,\"date\":null,\"score\":20.0}]}");
  }
}
