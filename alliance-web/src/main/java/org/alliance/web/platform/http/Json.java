package org.alliance.web.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.alliance.io.json.AllianceJson;

/**
 * The JSON the API answers with: io's one mapper ({@link AllianceJson}: ISO dates, no timestamps as
 * numbers), and writing an answer straight to the response. The answers themselves are records of
 * the features that answer them, built on io's records for scores, courses, alerts and rates;
 * absent values are written as null, so every field is always there. Read with it, a body may not
 * repeat a key within an object nor nest deeper than {@value #MAX_DEPTH} levels.
 */
public final class Json {
  /** No request body of the API is more than a few levels deep; Jackson's own limit is 1000. */
  public static final int MAX_DEPTH = 100;

  public static final ObjectMapper MAPPER = mapper();

  private Json() {}

  private static ObjectMapper mapper() {
    ObjectMapper mapper = AllianceJson.mapper();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    return mapper;
  }

  /**
   * Writes a value as JSON straight to the response. The hot endpoints use it: Javalin copies a
   * result through a new 32 KB buffer, which at thousands of requests a second is most of the
   * server's garbage.
   */
  public static void send(Context ctx, int status, Object value) {
    send(ctx, status, bytes(value));
  }

  /**
   * A value as JSON bytes; the answers are records, maps and lists of plain values, which always
   * can be written.
   */
  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the answer could not be written as JSON", e);
    }
  }

  /** The same with the JSON already written. */
  public static void send(Context ctx, int status, byte[] json) {
    ctx.status(status).contentType(ContentType.APPLICATION_JSON);
    try {
      ctx.outputStream().write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("the answer could not be sent", e);
    }
  }
}
