package org.alliance.web.platform.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.EOFException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.sql.SQLException;
import java.util.Optional;
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

  private Errors() {}

  public static void expected(WebException e, Context ctx) {
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
   * A failure that the request caused, found while a handler read it: a 4xx in plain words, with
   * nothing to log a stack trace for.
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
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static boolean decodingPath(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException
          && cause.getStackTrace().length > 0
          && cause.getStackTrace()[0].getClassName().equals("java.net.URLDecoder")) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static Optional<HttpException> refusedByJetty(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
        return Optional.of(http);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
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
      default -> status >= 500 ? "Server error" : "Error " + status;
    };
  }
}
