package org.alliance.web.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.ColumnMapper;

/**
 * How an administration's risk flags are kept in its {@code risk_flags} text column: a JSON object
 * of the risk items answered above their minimum, by item id in item order, with the answer; NULL
 * when there are none. Written when an administration is stored, read with every score a trend is
 * built from.
 */
public final class RiskFlagsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The Java type of the flags, which a query registers {@link #COLUMN} for. */
  public static final GenericType<Map<String, Double>> TYPE = new GenericType<>() {};

  /** Reads the column as the flags: empty where it is NULL. */
  public static final ColumnMapper<Map<String, Double>> COLUMN =
      (rs, column, ctx) -> read(rs.getString(column));

  private RiskFlagsJson() {}

  /** Risk items and their answers, or null when there are none (the column is then NULL). */
  public static String write(Map<String, Double> flags) {
    if (flags.isEmpty()) {
      return null;
    }
    ObjectNode object = MAPPER.createObjectNode();
    flags.forEach(object::put);
    return object.toString();
  }

  public static Map<String, Double> read(String json) {
    Map<String, Double> flags = new LinkedHashMap<>();
    if (json != null) {
      try {
        MAPPER
            .readTree(json)
            .properties()
            .forEach(field -> flags.put(field.getKey(), field.getValue().doubleValue()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(
            "stored risk flags are not JSON: " + e.getOriginalMessage(), e);
      }
    }
    return flags;
  }
}
