package org.alliance.web.platform.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.EOFException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.alliance.web.platform.db.CommitNotConfirmed;
import org.alliance.web.platform.db.DatabaseFault;
import org.eclipse.jetty.http.HttpException;
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
  private static final Set<String> LOCK_CONFLICTS = Set.of("40001", "40P01", "55P03", "HYT00");

  /** How long a client is asked to wait before sending again while the database is away. */
  private static final String RETRY_AFTER_SECONDS = "5";

  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private Errors() {}

  public static void expected(WebException e, Context ctx) {
    if (e.status() == 413) {
      BodyLimits.drain(ctx);
    }
    if (isApi(ctx)) {
      ctx.status(e.status()).json(ErrorJson.of(e));
    } else {
      Pages.error(ctx, e.status(), title(e.status()), e.getMessage());
    }
  }

  /**
   * Javalin's own failures, such as a body over the size limit, in the same words as ours where its
   * message is for developers ("Endpoint GET /x not found") or only the status's name.
   */
  public static void javalin(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String message = e.getMessage();
    boolean plain =
        message != null
            && !message.isBlank()
            && status != 404
            && status != 405
            && !message.equalsIgnoreCase(org.eclipse.jetty.http.HttpStatus.getMessage(status))
            && !message.matches(
                "(?s).*(Exception|Endpoint|\\bat [a-z]+\\.|[a-z]\\.[a-z]+\\.[A-Z]).*");
    expected(new WebException(status, plain ? message : message(ctx, status)), ctx);
  }

  public static void unexpected(Exception e, Context ctx) {
    Optional<DatabaseFault> fault = DatabaseFault.of(e);
    if (fault.isPresent()) {
      database(fault.get(), e, ctx);
      return;
    }
    Optional<WebException> mistake = clientMistake(e);
    if (mistake.isPresent()) {
      expected(mistake.get(), ctx);
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
        causedBy(e, CommitNotConfirmed.class)
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

  /**
   * A failure that the request caused (found while a handler read it) or that another request
   * caused at the same moment: a 4xx in plain words, with nothing to log a stack trace for.
   */
  private static Optional<WebException> clientMistake(Exception e) {
    if (causedBy(e, EOFException.class)) {
      // Jetty's EofException: the client closed its side before sending the whole body.
      return Optional.of(
          WebException.badRequest(
              "the request ended before its body was complete (shorter than its Content-Length)"));
    }
    if (unstorableText(e)) {
      // PostgreSQL refuses the NUL character in text (H2 takes it): whatever field held it, the
      // request's text cannot be stored or looked up.
      return Optional.of(
          WebException.badRequest(
              "the request has text with a NUL character (U+0000), which cannot be stored;"
                  + " remove it"));
    }
    if (lockConflict(e)) {
      // Two requests changing the same rows in opposite orders (two imports adding the same new
      // clients, say): the database gave up on one of them, which is safe to send again.
      return Optional.of(
          WebException.conflict(
              "another request was changing the same data at the same moment, so nothing of this"
                  + " request was stored; send it again"));
    }
    if (decodingPath(e)) {
      // A path parameter Jetty lets through (/api/clients/1;x%) that Javalin cannot decode.
      return Optional.of(WebException.badRequest(ProtocolErrors.message(400, "path")));
    }
    Optional<HttpException> refused = refusedByJetty(e);
    if (refused.isPresent()) {
      // Jetty refused part of the request, such as a multipart form without a boundary.
      int status = refused.get().getCode();
      return Optional.of(
          new WebException(status, ProtocolErrors.message(status, refused.get().getReason())));
    }
    if (causedBy(e, UnsupportedCharsetException.class)
        || causedBy(e, IllegalCharsetNameException.class)) {
      // Content-Type: ...; charset=bogus, so the body cannot be read as text.
      return Optional.of(
          new WebException(
              415, "the request's character set (charset) is not known; send the body as UTF-8"));
    }
    return Optional.empty();
  }

  /** PostgreSQL's "invalid byte sequence" (22021) and "untranslatable character" (22P05). */
  private static boolean unstorableText(Throwable e) {
    return causes(e)
        .anyMatch(
            cause ->
                cause instanceof SQLException sql
                    && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState())));
  }

  /**
   * A deadlock or a lock wait that timed out: SQLSTATE 40001 (serialization failure, H2's
   * deadlock), 40P01 (PostgreSQL's deadlock), 55P03 (lock not available) or HYT00 (H2's lock
   * timeout).
   */
  private static boolean lockConflict(Throwable e) {
    return causes(e)
        .anyMatch(
            cause ->
                cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && LOCK_CONFLICTS.contains(sql.getSQLState()));
  }

  private static boolean decodingPath(Throwable e) {
    return causes(e)
        .anyMatch(
            cause ->
                cause instanceof IllegalArgumentException
                    && cause.getStackTrace().length > 0
                    && cause.getStackTrace()[0].getClassName().equals("java.net.URLDecoder"));
  }

  private static Optional<HttpException> refusedByJetty(Throwable e) {
    return causes(e)
        .filter(cause -> cause instanceof HttpException)
        .map(HttpException.class::cast)
        .filter(http -> http.getCode() >= 400 && http.getCode() < 500)
        .findFirst();
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    return causes(e).anyMatch(type::isInstance);
  }

  /** The exception and its causes, outermost first. */
  private static Stream<Throwable> causes(Throwable e) {
    return Stream.iterate(
            e, cause -> cause != null, cause -> cause.getCause() == cause ? null : cause.getCause())
        .limit(50);
  }

  /** A status set without a body, such as 404 for a path no route matches. */
  public static void status(Context ctx) {
    String result = ctx.result();
    if (result != null && !result.isEmpty()) {
      return;
    }
    int status = ctx.statusCode();
    String message = message(ctx, status);
    if (isApi(ctx)) {
      ctx.json(ErrorJson.of(message));
    } else {
      Pages.error(ctx, status, title(status), message);
    }
  }

  private static String message(Context ctx, int status) {
    return status == 404
        ? "there is nothing at " + (isApi(ctx) ? "this API path" : "this address")
        : ProtocolErrors.message(status, "");
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
      case 415 -> "Unsupported content";
      case 429 -> "Too many attempts";
      case 503 -> "Not available just now";
      case 507 -> "Storage full";
      default -> status >= 500 ? "Server error" : "Error " + status;
    };
  }
}
