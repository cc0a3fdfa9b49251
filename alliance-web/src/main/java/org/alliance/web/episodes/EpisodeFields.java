package org.alliance.web.episodes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.http.WebException.FieldProblem;

/**
 * The fields that open and close an episode, as the API's JSON and the client page's forms send
 * them, checked with every problem named by its field. A day is YYYY-MM-DD and not in the future:
 * today is taken where the clinic may be, so up to a day ahead of UTC (the server's clock), as for
 * the day of a questionnaire.
 */
public final class EpisodeFields {
  public static final String REFERRAL_DATE = "referralDate";
  public static final String FIRST_SESSION_DATE = "firstSessionDate";
  public static final String REASON = "reason";
  public static final String NOTE = "note";
  public static final String DATE = "date";

  /** The most characters the note with an ending reason may have. */
  public static final int MAX_NOTE = 200;

  /** How far back a referral or a first session may lie. */
  private static final int MAX_YEARS_BACK = 100;

  private EpisodeFields() {}

  /** What opens an episode: both days optional. */
  public record Opening(Optional<LocalDate> referralDate, Optional<LocalDate> firstSessionDate) {
    public static final Opening NONE = new Opening(Optional.empty(), Optional.empty());
  }

  /** What closes an episode: why, on which day, and for "other" a few words. */
  public record Ending(EndingReason reason, Optional<String> note, LocalDate date) {}

  /** The opening fields; 400 naming each problem. */
  public static Opening opening(Map<String, Optional<String>> fields, Instant now) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<LocalDate> referral = day(fields, REFERRAL_DATE, now, problems);
    Optional<LocalDate> first = day(fields, FIRST_SESSION_DATE, now, problems);
    if (problems.isEmpty()
        && referral.isPresent()
        && first.isPresent()
        && first.get().isBefore(referral.get())) {
      problems.add(
          new FieldProblem(
              FIRST_SESSION_DATE,
              "the first session ("
                  + first.get()
                  + ") cannot come before the referral ("
                  + referral.get()
                  + ")"));
    }
    refuse(problems);
    return new Opening(referral, first);
  }

  /**
   * The ending fields; 400 naming each problem. The day defaults to today only when {@code
   * todayWhenMissing} (the API); a form asks for it.
   */
  public static Ending ending(
      Map<String, Optional<String>> fields, Instant now, boolean todayWhenMissing) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<String> code = given(fields, REASON);
    Optional<EndingReason> reason = code.flatMap(EndingReason::ofCode);
    if (code.isEmpty()) {
      problems.add(
          new FieldProblem(REASON, "say why the episode ends, one of: " + EndingReason.codes()));
    } else if (reason.isEmpty()) {
      problems.add(
          new FieldProblem(
              REASON,
              "unknown ending reason '"
                  + shorten(code.get())
                  + "'; one of: "
                  + EndingReason.codes()));
    }
    Optional<String> note = given(fields, NOTE);
    if (note.isPresent() && note.get().length() > MAX_NOTE) {
      problems.add(
          new FieldProblem(
              NOTE, "at most " + MAX_NOTE + " characters, found " + note.get().length()));
    } else if (reason.equals(Optional.of(EndingReason.OTHER))
        && note.map(String::length).orElse(0) < 3) {
      problems.add(
          new FieldProblem(
              NOTE,
              "for \"other\", say in a few words why the episode ends (3 to 200 characters)"));
    }
    Optional<LocalDate> date = day(fields, DATE, now, problems);
    if (date.isEmpty() && given(fields, DATE).isEmpty() && !todayWhenMissing) {
      problems.add(new FieldProblem(DATE, "give the day the episode ends (YYYY-MM-DD)"));
    }
    refuse(problems);
    return new Ending(
        reason.orElseThrow(), note, date.orElse(LocalDate.ofInstant(now, ZoneOffset.UTC)));
  }

  /** The latest day that is not in the future somewhere the clinic may be. */
  public static LocalDate latestToday(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
  }

  private static Optional<LocalDate> day(
      Map<String, Optional<String>> fields,
      String field,
      Instant now,
      List<FieldProblem> problems) {
    Optional<String> text = given(fields, field);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text.get());
    } catch (DateTimeParseException e) {
      problems.add(
          new FieldProblem(
              field, "expected a day as YYYY-MM-DD, found '" + shorten(text.get()) + "'"));
      return Optional.empty();
    }
    if (day.isAfter(latestToday(now))) {
      problems.add(new FieldProblem(field, day + " is in the future; give today at the latest"));
      return Optional.empty();
    }
    LocalDate earliest = LocalDate.ofInstant(now, ZoneOffset.UTC).minusYears(MAX_YEARS_BACK);
    if (day.isBefore(earliest)) {
      problems.add(
          new FieldProblem(
              field, day + " is more than " + MAX_YEARS_BACK + " years ago; check the year"));
      return Optional.empty();
    }
    return Optional.of(day);
  }

  private static Optional<String> given(Map<String, Optional<String>> fields, String field) {
    return fields
        .getOrDefault(field, Optional.empty())
        .map(String::strip)
        .filter(t -> !t.isEmpty());
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  private static void refuse(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw WebException.badRequest(
          problems.get(0).field() + ": " + problems.get(0).message(), problems);
    }
  }
}
