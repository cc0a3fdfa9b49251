package org.alliance.web.platform.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
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
    if (endedEarly(e)) {
      // The client closed its side before sending the body its Content-Length announced: its
      // mistake, and nothing to log a stack trace for.
      expected(
          WebException.badRequest(
              "the request ended before its body was complete (shorter than its Content-Length)"),
          ctx);
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

  private static boolean endedEarly(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      // Jetty's EofException is an EOFException.
      if (cause instanceof java.io.EOFException) {
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
      case 429 -> "Too many attempts";
      default -> status >= 500 ? "Server error" : "Error " + status;
    };
  }
}
