package org.alliance.web.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Optional;
import org.alliance.io.json.JsonErrors;

/** Reading the parts of a request the API needs, with a clear 400 when one is malformed. */
public final class Requests {
  private Requests() {}

  /** A numeric id from the path. */
  public static long id(Context ctx, String name) {
    String raw = ctx.pathParam(name);
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw WebException.notFound("no " + name + " '" + raw + "'");
  }

  /**
   * The body as JSON; 400 saying what is wrong and at which line and column when it is not JSON, or
   * repeats a key, or is nested too deeply.
   */
  public static JsonNode json(Context ctx) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw WebException.badRequest("the request has no body; send a JSON object");
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw WebException.badRequest(
          (JsonErrors.isLimit(e) ? "the body is refused: " : "the body is not valid JSON: ")
              + JsonErrors.describeWithPlace(e));
    }
  }

  /** An optional query parameter. */
  public static Optional<String> query(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).filter(value -> !value.isBlank());
  }

  /** An optional whole-number query parameter within bounds. */
  public static Optional<Integer> queryInt(Context ctx, String name, int min, int max) {
    Optional<String> raw = query(ctx, name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value >= min && value <= max) {
        return Optional.of(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw WebException.badRequest(
        "query parameter "
            + name
            + ": expected a whole number "
            + min
            + "-"
            + max
            + ", found '"
            + raw.get()
            + "'");
  }

  /** An optional true/false query parameter, false when absent. */
  public static boolean queryFlag(Context ctx, String name) {
    Optional<String> raw = query(ctx, name);
    if (raw.isEmpty() || raw.get().equals("false")) {
      return false;
    }
    if (raw.get().equals("true")) {
      return true;
    }
    throw WebException.badRequest(
        "query parameter " + name + ": expected true or false, found '" + raw.get() + "'");
  }

  /** A text field of a JSON object, when present. */
  public static Optional<String> text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw WebException.badRequest(field + ": expected a string, found " + node);
    }
    if (node.asText().indexOf('\u0000') >= 0) {
      throw WebException.badRequest(field + ": text may not contain the NUL character (U+0000)");
    }
    return Optional.of(node.asText());
  }
}
