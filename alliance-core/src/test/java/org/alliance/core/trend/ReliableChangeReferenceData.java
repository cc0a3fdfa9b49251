package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkState;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;

/**
 * Reads the reference data sets in {@code src/test/resources/reference} (see the README there) into
 * pre-post pairs and courses. Core has no CSV library, and these files need none: no field holds a
 * comma.
 */
final class ReliableChangeReferenceData {
  private ReliableChangeReferenceData() {}

  /** jacobson_1989: one pair per couple, in file order; a missing post score stays missing. */
  static List<ReliableChangePair> jacobson(String column) {
    Map<String, OptionalDouble[]> byCouple = new LinkedHashMap<>();
    for (Map<String, String> row : rows("jacobson_1989.csv")) {
      OptionalDouble[] scores =
          byCouple.computeIfAbsent(
              row.get("subject"),
              id -> new OptionalDouble[] {OptionalDouble.empty(), OptionalDouble.empty()});
      scores[row.get("time").equals("pre") ? 0 : 1] = score(row.get(column));
    }
    List<ReliableChangePair> pairs = new ArrayList<>();
    byCouple.forEach(
        (couple, scores) -> pairs.add(new ReliableChangePair(couple, scores[0], scores[1])));
    return pairs;
  }

  /**
   * claus_2020: one pair per client, pre = time {@code pre}, post = time {@code post}, in file
   * order.
   */
  static List<ReliableChangePair> claus(String column, int pre, int post) {
    List<ReliableChangePair> pairs = new ArrayList<>();
    for (Course course : clausCourses(column)) {
      pairs.add(ReliableChangePair.fromCourse(course, pre, post));
    }
    return pairs;
  }

  /**
   * claus_2020 as one course per client, the measurement time as the session number; missing times
   * have no observation.
   */
  static List<Course> clausCourses(String column) {
    Measure measure = Measure.column(column, Direction.HIGHER_IS_WORSE, Construct.OUTCOME);
    Map<String, List<Observation>> byClient = new LinkedHashMap<>();
    for (Map<String, String> row : rows("claus_2020.csv")) {
      List<Observation> observations =
          byClient.computeIfAbsent(row.get("id"), id -> new ArrayList<>());
      score(row.get(column))
          .ifPresent(
              score -> observations.add(Observation.of(Integer.parseInt(row.get("time")), score)));
    }
    List<Course> courses = new ArrayList<>();
    byClient.forEach(
        (client, observations) -> courses.add(new Course(client, measure, observations)));
    return courses;
  }

  static List<Map<String, String>> rows(String file) {
    try (InputStream in =
        ReliableChangeReferenceData.class.getResourceAsStream("/reference/" + file)) {
      checkState(in != null, "test resource /reference/%s is missing", file);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String[] header = fields(reader.readLine());
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = fields(line);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], i < fields.length ? fields[i] : "");
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] fields(String line) {
    // -1 keeps trailing empty fields, such as the missing gds of couples 27-30.
    String[] fields = line.split(",", -1);
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i].replace("\"", "").trim();
    }
    return fields;
  }

  private static OptionalDouble score(String field) {
    return field.isEmpty() || field.equals("NA")
        ? OptionalDouble.empty()
        : OptionalDouble.of(Double.parseDouble(field));
  }
}
