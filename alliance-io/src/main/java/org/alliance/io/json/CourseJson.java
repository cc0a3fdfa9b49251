package org.alliance.io.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;

/**
 * One client's course on one measure as JSON: what the measure is, its cutoff and reliable change,
 * and each session's score, against the expected course where one was fitted.
 *
 * @param title the instrument's English title, or the measure id for a score column
 * @param construct {@code outcome} or {@code alliance}
 * @param cutoff the instrument's clinical cutoff, null without one
 * @param reliableChange the instrument's reliable-change threshold, null without one
 * @param expectedCourseEpisodes how many reference episodes the expected course was fitted on, null
 *     without one
 */
public record CourseJson(
    String measure,
    String title,
    String construct,
    boolean higherIsBetter,
    CutoffJson cutoff,
    Double reliableChange,
    Integer expectedCourseEpisodes,
    List<SessionJson> sessions) {

  /**
   * A clinical cutoff.
   *
   * @param clinicalSide which scores are clinical: {@code >=}, {@code >}, {@code <=} or {@code <}
   *     the value
   * @param rule the same in words, such as {@code total < 36}
   */
  public record CutoffJson(double value, String clinicalSide, String rule) {
    public static CutoffJson of(Cutoff cutoff) {
      return new CutoffJson(cutoff.value(), cutoff.clinicalSide().symbol(), cutoff.describe());
    }
  }

  /**
   * One session's score. The last four fields are there only when the measure has an expected
   * course (they are left out, not null, without one).
   *
   * @param date null when the session has no date
   * @param status {@code on-track}, {@code caution} or {@code not-on-track}
   * @param expected the expected score at this session
   * @param cautionEdge a score beyond this edge, on the worse side, needs caution
   * @param notOnTrackEdge a score beyond this edge, on the worse side, is not on track
   */
  public record SessionJson(
      int session,
      LocalDate date,
      double score,
      @JsonInclude(JsonInclude.Include.NON_NULL) String status,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double expected,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double cautionEdge,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double notOnTrackEdge) {}

  public static CourseJson of(Course course, Optional<ExpectedCourse> expected) {
    Measure measure = course.measure();
    Optional<Instrument> instrument = measure.instrument();
    List<ExpectedCourse.SessionStatus> statuses =
        expected.map(found -> found.classify(course)).orElse(List.of());
    List<SessionJson> sessions = new ArrayList<>(course.observations().size());
    for (int i = 0; i < course.observations().size(); i++) {
      Observation observation = course.observations().get(i);
      LocalDate date = observation.date().orElse(null);
      if (statuses.isEmpty()) {
        sessions.add(
            new SessionJson(
                observation.session(), date, observation.score(), null, null, null, null));
      } else {
        ExpectedCourse.SessionStatus status = statuses.get(i);
        sessions.add(
            new SessionJson(
                observation.session(),
                date,
                observation.score(),
                AllianceJson.name(status.status()),
                status.band().expected(),
                status.band().caution(),
                status.band().notOnTrack()));
      }
    }
    return new CourseJson(
        measure.id(),
        instrument.map(found -> found.title().en()).orElse(measure.id()),
        AllianceJson.name(measure.construct()),
        measure.sign() > 0,
        instrument.flatMap(Instrument::clinicalCutoff).map(CutoffJson::of).orElse(null),
        instrument.map(found -> AllianceJson.number(found.reliableChange())).orElse(null),
        expected.map(ExpectedCourse::episodes).orElse(null),
        sessions);
  }
}
