package org.alliance.web.platform;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.Locale;
import org.alliance.web.platform.security.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request (a {@code /health} check at DEBUG only): method, path template (never
 * the path itself, which may hold ids), status, milliseconds and the acting user's id. Never a
 * query string, a body, a header or a token.
 */
public final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("alliance.request");

  private RequestLog() {}

  public static void log(Context ctx, Float ms) {
    Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
    Object user = ctx.attribute(Authentication.USER_ATTRIBUTE);
    // A load balancer or monitor asks /health every few seconds: at INFO it would drown the lines
    // that matter, so it is logged at DEBUG only.
    boolean health = endpoint != null && endpoint.path.equals("/health");
    (health ? LOG.atDebug() : LOG.atInfo())
        .addKeyValue("method", ctx.method().name())
        .addKeyValue("path", endpoint == null ? "(no route)" : endpoint.path)
        .addKeyValue("status", ctx.statusCode())
        .addKeyValue("ms", String.format(Locale.ROOT, "%.1f", ms))
        .addKeyValue("user", user == null ? "-" : user)
        .log("request");
  }
}
