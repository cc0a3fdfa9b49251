package org.alliance.io.chart;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Observation;

/**
 * A clinician's note on a client's chart, such as a medication change: at a session, on a date, or
 * neither (then it is listed but marks no session).
 *
 * @param by who wrote it
 */
public record ChartNote(OptionalInt session, Optional<LocalDate> date, String text, String by) {
  public ChartNote {
    requireNonNull(session, "session");
    requireNonNull(date, "date");
    requireNonNull(text, "text");
    requireNonNull(by, "by");
  }

  /**
   * The session of a course the note marks: its own session, or for a note with only a date the
   * first session of the course on or after that date (the first the change could show in); empty
   * when the course has no such session or no dates, or the note has neither.
   */
  public OptionalInt sessionIn(Course course) {
    if (session.isPresent()) {
      return session;
    }
    if (date.isEmpty()) {
      return OptionalInt.empty();
    }
    return course.observations().stream()
        .filter(o -> o.date().isPresent() && !o.date().get().isBefore(date.get()))
        .mapToInt(Observation::session)
        .min();
  }

  /** Where the note is, in words: {@code session 3}, {@code 2026-02-11}, or {@code -}. */
  public String where() {
    return session.isPresent()
        ? "session " + session.getAsInt()
        : date.map(LocalDate::toString).orElse("-");
  }
}
