package org.alliance.web.platform.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the server's pages from the jte templates compiled at build time (HTML-escaped by
 * default).
 */
public final class Pages {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private Pages() {}

  /** Renders a template with parameters given as name, value, name, value... */
  public static void render(Context ctx, String template, Object... namesAndValues) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    StringOutput output = new StringOutput();
    ENGINE.render(template, parameters, output);
    ctx.html(output.toString());
  }

  /** A plain error page. */
  public static void error(Context ctx, int status, String title, String message) {
    ctx.status(status);
    render(ctx, "error.jte", "status", status, "title", title, "message", message);
  }
}
