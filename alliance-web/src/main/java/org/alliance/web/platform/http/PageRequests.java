package org.alliance.web.platform.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import org.alliance.core.scoring.Administration;

/** Reading a page's path parameters and form fields, with errors that name the field. */
public final class PageRequests {
  private PageRequests() {}

  /** A numeric id from the path; 404 for anything else, as for an id that does not exist. */
  public static long id(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw WebException.notFound("there is nothing at this address");
    }
  }

  /**
   * The {@code page} query parameter of a long list (from 1); 1 when absent; 400 naming it when it
   * is not a whole number in range.
   */
  public static int page(Context ctx) {
    return Requests.queryInt(ctx, "page", 1, Paging.MAX_NUMBER).orElse(1);
  }

  /** A form field, trimmed; empty when absent or blank. */
  public static Optional<String> field(Context ctx, String name) {
    String value = ctx.formParam(name);
    if (value != null && value.indexOf('\u0000') >= 0) {
      throw WebException.badRequest(name + ": text may not contain the NUL character (U+0000)");
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** A session number field (0 to {@link Administration#MAX_SESSION}); empty when blank. */
  public static OptionalInt session(Context ctx, String name) {
    Optional<String> value = field(ctx, name);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int session = Integer.parseInt(value.get());
      if (Administration.isSessionNumber(session)) {
        return OptionalInt.of(session);
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw WebException.badRequest(
        name
            + ": expected a session number ("
            + Administration.SESSION_NUMBER
            + "), found '"
            + value.get()
            + "'");
  }

  /** A date field (YYYY-MM-DD, as a date input sends it); empty when blank. */
  public static Optional<LocalDate> date(Context ctx, String name) {
    Optional<String> value = field(ctx, name);
    try {
      return value.map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      throw WebException.badRequest(
          name + ": expected a date as YYYY-MM-DD, found '" + value.get() + "'");
    }
  }
}
