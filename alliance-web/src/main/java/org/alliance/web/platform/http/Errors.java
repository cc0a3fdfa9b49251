package org.alliance.web.platform.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.alliance.web.platform.db.CommitNotConfirmed;
import org.alliance.web.platform.db.DatabaseFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an answer a person or program can act on: JSON {@code {"error": ...}}
 * under {@code /api}, a plain page elsewhere. An unexpected exception is logged with its stack
 * trace under a short reference, and only the reference reaches the user: never a stack trace or an
 * exception message.
 */
public final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  /** How long a client is asked to wait before sending again while the database is away. */
  private static final String RETRY_AFTER_SECONDS = "5";

  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private Errors() {}

  public static void expected(WebException e, Context ctx) {
    if (isApi(ctx)) {
      ctx.status(e.status()).json(ErrorJson.of(e));
    } else {
      Pages.error(ctx, e.status(), title(e.status()), e.getMessage());
    }
  }

  /** Javalin's own failures, such as a body over the size limit. */
  public static void javalin(HttpResponseException e, Context ctx) {
    expected(
        new WebException(
            e.getStatus(),
            e.getMessage() == null ? title(e.getStatus()) : e.getMessage(),
            List.of()),
        ctx);
  }

  public static void unexpected(Exception e, Context ctx) {
    Optional<DatabaseFault> fault = DatabaseFault.of(e);
    if (fault.isPresent()) {
      database(fault.get(), e, ctx);
      return;
    }
    // A reference to find the log entry by; it guards nothing, so it needs no secure randomness.
    String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
    LOG.error(
        "internal error {} on {} {}",
        reference,
        ctx.method(),
        ctx.endpoints().lastHttpEndpoint() == null
            ? "(no route)"
            : ctx.endpoints().lastHttpEndpoint().path,
        e);
    String message = "internal error; the server log has the details under reference " + reference;
    if (isApi(ctx)) {
      ctx.status(500).json(ErrorJson.of(message));
    } else {
      Pages.error(ctx, 500, "Something went wrong", message);
    }
  }

  /**
   * The database is away or full: the request was fine and can be sent again later, so the answer
   * says so (503, or 507 for a full disk) and whether anything was saved, and the log gets one line
   * rather than a stack trace per request.
   */
  private static void database(DatabaseFault fault, Exception e, Context ctx) {
    boolean read = SAFE.contains(ctx.method());
    String saved =
        causes(e).anyMatch(CommitNotConfirmed.class::isInstance)
            ? "; the database failed while this request was being saved, so it may or may not have"
                + " been saved: check before sending it again (a questionnaire already saved is"
                + " refused as already recorded, never stored twice)"
            : read ? "" : "; nothing was saved from this request";
    int status;
    String title;
    String message;
    if (fault == DatabaseFault.NO_SPACE) {
      status = 507;
      title = "Storage full";
      message =
          "the server cannot store data just now because its disk is full"
              + (read
                  ? ", and it shows client data only once the reading is recorded in the audit log"
                  : saved)
              + "; try again once whoever runs the server has freed space";
    } else {
      status = 503;
      title = "Database not reachable";
      message = "the database is not reachable just now" + saved + "; try again in a moment";
      ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    }
    LOG.warn(
        "{} on {} {}: {}",
        fault == DatabaseFault.NO_SPACE ? "database disk full" : "database unreachable",
        ctx.method(),
        ctx.endpoints().lastHttpEndpoint() == null
            ? "(no route)"
            : ctx.endpoints().lastHttpEndpoint().path,
        causes(e).reduce((first, second) -> second).map(Throwable::toString).orElse(""));
    if (isApi(ctx)) {
      ctx.status(status).json(ErrorJson.of(message));
    } else {
      Pages.error(ctx, status, title, message);
    }
  }

  private static Stream<Throwable> causes(Throwable e) {
    return Stream.iterate(e, cause -> cause != null, Throwable::getCause).limit(50);
  }

  /** A status set without a body, such as 404 for a path no route matches. */
  public static void status(Context ctx) {
    String result = ctx.result();
    if (result != null && !result.isEmpty()) {
      return;
    }
    int status = ctx.statusCode();
    String message =
        status == 404
            ? "there is nothing at " + (isApi(ctx) ? "this API path" : "this address")
            : status == 405 ? "this method is not allowed here" : title(status);
    if (isApi(ctx)) {
      ctx.json(ErrorJson.of(message));
    } else {
      Pages.error(ctx, status, title(status), message);
    }
  }

  private static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/")
        || ctx.path().equals("/api")
        || ctx.path().equals("/health");
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Please sign in";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 413 -> "Too large";
      case 429 -> "Too many attempts";
      case 503 -> "Not available just now";
      case 507 -> "Storage full";
      default -> status >= 500 ? "Server error" : "Error " + status;
    };
  }
}
