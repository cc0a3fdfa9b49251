package org.alliance.io.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The one Jackson configuration for the JSON that the CLI and the server write: dates as ISO text
 * ({@code 2024-01-08}), and every field written, null when absent. The records of this package hold
 * absent values as plain nulls, so no Optional ever reaches Jackson. Reading with it refuses a key
 * given twice in one object (which value was meant cannot be known), with its line and column; see
 * {@link JsonErrors} for the words.
 */
public final class AllianceJson {
  private static final ObjectWriter WRITER = mapper().writer();

  private AllianceJson() {}

  /**
   * A new mapper with this configuration, for callers that read JSON too or add their own settings.
   */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /** A shared writer with this configuration; writers are immutable, so it is safe to share. */
  public static ObjectWriter writer() {
    return WRITER;
  }

  /**
   * An enum constant as the JSON names it: {@code TOO_MANY_MISSING} as {@code too-many-missing}.
   */
  static String name(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A number that may be absent, as the records hold it: null when absent. */
  static Double number(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
