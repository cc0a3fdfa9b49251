package org.alliance.io.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;

/** Core values to write, and the JSON they come out as. */
final class JsonFixtures {
  static final Catalog CATALOG = Catalog.builtIn();

  private JsonFixtures() {}

  /** The JSON text, as the CLI and the server write it. */
  static String json(Object value) throws JsonProcessingException {
    return AllianceJson.writer().writeValueAsString(value);
  }

  static JsonNode tree(Object value) throws JsonProcessingException {
    return AllianceJson.mapper().readTree(json(value));
  }

  /** The field names of an object, in the order written. */
  static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A PHQ-9 scored with these answers to items 1..9; null leaves an item empty. */
  static Score phq9(Integer... answers) {
    Map<String, Answer> byItem = new LinkedHashMap<>();
    for (int i = 0; i < answers.length; i++) {
      byItem.put(
          "phq9_" + (i + 1),
          answers[i] == null ? Answer.NotAnswered.MISSING : new Answer.Value(answers[i]));
    }
    return Scorer.builtIn().score(Administration.of("phq-9", "c1", 1, Optional.empty(), byItem));
  }

  /** A course of an instrument; the first session is dated 2024-01-08, the others have no date. */
  static Course course(String instrument, double... scores) {
    List<Observation> observations = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      observations.add(
          new Observation(
              i + 1, i == 0 ? Optional.of(LocalDate.of(2024, 1, 8)) : Optional.empty(), scores[i]));
    }
    return new Course("c1", Measure.of(CATALOG.get(instrument)), observations);
  }

  /**
   * An expected course that expects the intake score at every session, with a residual SD of 1: the
   * caution edge lies 0.674 (the 75th percentile of the normal) on the worse side, the not-on-track
   * edge 1.282.
   */
  static ExpectedCourse flatExpectedCourse(String instrument) {
    return new ExpectedCourse(
        Measure.of(CATALOG.get(instrument)),
        0,
        1,
        0,
        0,
        Map.of(),
        1.0,
        40,
        300,
        10,
        ExpectedCourse.Options.defaults());
  }
}
