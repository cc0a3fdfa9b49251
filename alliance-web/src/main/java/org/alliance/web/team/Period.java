package org.alliance.web.team;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.alliance.web.platform.http.WebException;

/**
 * The dates a cohort's scores are taken from, both ends included and both optional: {@code
 * ?from=2026-01-01&to=2026-03-31}. A score without a date cannot be placed in a period, so it is
 * left out once a period is given.
 */
public record Period(Optional<LocalDate> from, Optional<LocalDate> to) {
  /** The earliest date a period may start: before it, a date is a typing mistake. */
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  public static final Period ALL = new Period(Optional.empty(), Optional.empty());

  public Period {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }

  /** The period of a request's {@code from} and {@code to}; 400 naming the field when wrong. */
  public static Period of(Context ctx, LocalDate today) {
    Optional<LocalDate> from = date(ctx, "from", today);
    Optional<LocalDate> to = date(ctx, "to", today);
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw WebException.badRequest(
          "from: " + from.get() + " is after to: " + to.get() + "; give the earlier date first");
    }
    return new Period(from, to);
  }

  private static Optional<LocalDate> date(Context ctx, String field, LocalDate today) {
    String value = ctx.queryParam(field);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw WebException.badRequest(field + ": write a date as YYYY-MM-DD, not " + quoted(value));
    }
    if (date.isBefore(EARLIEST) || date.isAfter(today.plusDays(1))) {
      throw WebException.badRequest(
          field + ": " + date + " is not between " + EARLIEST + " and today");
    }
    return Optional.of(date);
  }

  private static String quoted(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return "\"" + shown + "\"";
  }

  public boolean isAll() {
    return from.isEmpty() && to.isEmpty();
  }

  /** Whether a score on this date belongs to the period. */
  public boolean contains(Optional<LocalDate> date) {
    if (isAll()) {
      return true;
    }
    return date.isPresent()
        && from.map(start -> !date.get().isBefore(start)).orElse(true)
        && to.map(end -> !date.get().isAfter(end)).orElse(true);
  }

  /** The period in words, for pages: {@code scores dated 2026-01-01 to 2026-03-31}. */
  public String inWords() {
    if (isAll()) {
      return "all scores";
    }
    return "scores dated "
        + from.map(date -> "from " + date).orElse("up")
        + " "
        + to.map(date -> "to " + date).orElse("to today");
  }
}
