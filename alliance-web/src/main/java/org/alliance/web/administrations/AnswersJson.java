package org.alliance.web.administrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;

/**
 * How answers and risk flags are kept in their JSON text columns: an object by item id, in item order,
 * whose values are numbers or the reason an answer is missing ({@code "missing"}, {@code "skipped"},
 * {@code "declined"}). Only valid, scored administrations are stored, so no answer is unreadable text.
 */
public final class AnswersJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AnswersJson() {}

  public static String write(Answers answers) {
    ObjectNode object = MAPPER.createObjectNode();
    answers.forEach((item, answer) -> {
      if (answer instanceof Answer.Value value) {
        object.put(item, value.value());
      } else if (answer instanceof Answer.NotAnswered reason) {
        object.put(item, reason.name().toLowerCase(Locale.ROOT));
      } else if (answer instanceof Answer.Unreadable unreadable) {
        throw new IllegalArgumentException("item " + item + ": unreadable answer '" + unreadable.raw() + "' cannot be stored");
      }
    });
    return object.toString();
  }

  public static Answers read(String json) {
    JsonNode tree = parse(json);
    Answers.Builder answers = Answers.builder(tree.size());
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      JsonNode value = field.getValue();
      answers.put(field.getKey(), value.isNumber() ? Answer.of(value.doubleValue())
          : Answer.NotAnswered.valueOf(value.asText().toUpperCase(Locale.ROOT)));
    }
    return answers.build();
  }

  /** Risk items and their answers, or null when there are none (the column is then NULL). */
  public static String writeFlags(Map<String, Double> flags) {
    if (flags.isEmpty()) {
      return null;
    }
    ObjectNode object = MAPPER.createObjectNode();
    flags.forEach(object::put);
    return object.toString();
  }

  public static Map<String, Double> readFlags(String json) {
    Map<String, Double> flags = new LinkedHashMap<>();
    if (json != null) {
      parse(json).properties().forEach(field -> flags.put(field.getKey(), field.getValue().doubleValue()));
    }
    return flags;
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored answers are not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
