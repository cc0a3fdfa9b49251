package org.alliance.web.administrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;
import org.jdbi.v3.core.mapper.ColumnMapper;

/**
 * How answers are kept in their JSON text column: an object by item id, in item order, whose values
 * are numbers or the reason an answer is missing ({@code "missing"}, {@code "skipped"}, {@code
 * "declined"}). Only valid, scored administrations are stored, so no answer is unreadable text.
 * (Risk flags are kept as {@link org.alliance.web.alerts.RiskFlagsJson} says.)
 */
public final class AnswersJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads the {@code answers} column, which a query registers for {@link Answers}. */
  static final ColumnMapper<Answers> COLUMN = (rs, column, ctx) -> read(rs.getString(column));

  private AnswersJson() {}

  public static String write(Answers answers) {
    ObjectNode object = MAPPER.createObjectNode();
    answers.forEach(
        (item, answer) -> {
          if (answer instanceof Answer.Value value) {
            object.put(item, value.value());
          } else if (answer instanceof Answer.NotAnswered reason) {
            object.put(item, reason.name().toLowerCase(Locale.ROOT));
          } else if (answer instanceof Answer.Unreadable unreadable) {
            throw new IllegalArgumentException(
                "item " + item + ": unreadable answer '" + unreadable.raw() + "' cannot be stored");
          }
        });
    return object.toString();
  }

  public static Answers read(String json) {
    JsonNode tree = parse(json);
    Answers.Builder answers = Answers.builder(tree.size());
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      JsonNode value = field.getValue();
      answers.put(
          field.getKey(),
          value.isNumber()
              ? Answer.of(value.doubleValue())
              : Answer.NotAnswered.valueOf(value.asText().toUpperCase(Locale.ROOT)));
    }
    return answers.build();
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored answers are not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
