package org.alliance.io.json;

import static org.alliance.io.json.JsonFixtures.course;
import static org.alliance.io.json.JsonFixtures.flatExpectedCourse;
import static org.alliance.io.json.JsonFixtures.names;
import static org.alliance.io.json.JsonFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertRule;
import org.alliance.core.trend.Episode;
import org.junit.jupiter.api.Test;

class TrendJsonTest {

  @Test
  void writesEachCourseAgainstItsOwnExpectedCourseThenTheAlertsAndNotes() throws Exception {
    Episode episode =
        new Episode(
            "c1", Optional.of("dr-a"), List.of(course("phq-9", 12, 14), course("srs", 38, 35)));
    Alert below =
        new Alert(
            "c1",
            AlertRule.ALLIANCE_BELOW_CUTOFF,
            "srs",
            2,
            "SRS 35 is below 36.",
            Map.of("score", 35.0));

    JsonNode json =
        tree(
            TrendJson.of(
                episode,
                Map.of("phq-9", flatExpectedCourse("phq-9")),
                List.of(below),
                List.of("no expected course of gad-7")));

    assertThat(names(json)).containsExactly("courses", "alerts", "notes");
    JsonNode phq9 = json.get("courses").get(0);
    JsonNode srs = json.get("courses").get(1);
    assertThat(phq9.get("measure").asText()).isEqualTo("phq-9");
    assertThat(phq9.get("expectedCourseEpisodes").asInt()).isEqualTo(40);
    assertThat(phq9.get("sessions").get(1).get("status").asText()).isEqualTo("not-on-track");
    assertThat(srs.get("expectedCourseEpisodes").isNull()).isTrue();
    assertThat(names(srs.get("sessions").get(1))).containsExactly("session", "date", "score");
    assertThat(json.get("alerts").get(0).get("rule").asText()).isEqualTo("alliance-below-cutoff");
    assertThat(json.get("notes").get(0).asText()).isEqualTo("no expected course of gad-7");
  }

  @Test
  void aClientWithoutAlertsOrNotesHasEmptyLists() throws Exception {
    Episode episode = new Episode("c1", Optional.empty(), List.of(course("srs", 40)));

    JsonNode json = tree(TrendJson.of(episode, Map.of(), List.of(), List.of()));

    assertThat(json.get("alerts").isArray()).isTrue();
    assertThat(json.get("alerts").size()).isZero();
    assertThat(json.get("notes").size()).isZero();
  }
}
