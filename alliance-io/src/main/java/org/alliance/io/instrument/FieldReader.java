package org.alliance.io.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.alliance.core.instrument.Ids;
import org.alliance.core.instrument.LocalizedText;

/**
 * Reads the fields of one JSON object and records a problem, with its path, for each field that is
 * missing, of the wrong type or unknown. Getters return {@code null} (or empty) after a problem, so
 * the caller can keep reading and report every problem of a file at once.
 */
final class FieldReader {
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");

  private final JsonNode node;
  private final String path;
  private final List<DefinitionProblem> problems;
  private final Set<String> known = new LinkedHashSet<>();

  private FieldReader(JsonNode node, String path, List<DefinitionProblem> problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /**
   * A reader of the object at this path, or empty (and a problem) when the node is not an object.
   */
  static Optional<FieldReader> of(JsonNode node, String path, List<DefinitionProblem> problems) {
    if (!node.isObject()) {
      problems.add(DefinitionProblem.at(path, "expected an object, found " + describe(node)));
      return Optional.empty();
    }
    return Optional.of(new FieldReader(node, path, problems));
  }

  String path() {
    return path;
  }

  String path(String field) {
    return path + "." + field;
  }

  void problem(String where, String message) {
    problems.add(DefinitionProblem.at(where, message));
  }

  /**
   * The field's value, or null when it is absent or JSON null: optional fields may be written
   * either way.
   */
  JsonNode field(String name) {
    known.add(name);
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /** Marks a field as allowed without reading it, such as {@code $schema}. */
  void allow(String name) {
    known.add(name);
  }

  boolean has(String name) {
    return field(name) != null;
  }

  JsonNode required(String name, String expected) {
    JsonNode value = field(name);
    if (value == null) {
      problem(path(name), "missing: expected " + expected);
    }
    return value;
  }

  String requiredString(String name) {
    JsonNode value = required(name, "a text");
    return value == null ? null : string(value, path(name));
  }

  Optional<String> optionalString(String name) {
    JsonNode value = field(name);
    return value == null ? Optional.empty() : Optional.ofNullable(string(value, path(name)));
  }

  /**
   * An identifier: lower-case letters, digits, '_' or '-', as ids are everywhere in the toolkit.
   */
  String requiredId(String name) {
    String id = requiredString(name);
    if (id != null && !Ids.isValid(id)) {
      problem(
          path(name),
          "expected an id of lower-case letters, digits, '_' or '-' (starting with a letter or digit), found '"
              + id
              + "'");
      return null;
    }
    return id;
  }

  Integer requiredInt(String name) {
    JsonNode value = required(name, "a whole number");
    return value == null ? null : wholeNumber(value, path(name));
  }

  Integer optionalInt(String name, int fallback) {
    JsonNode value = field(name);
    return value == null ? Integer.valueOf(fallback) : wholeNumber(value, path(name));
  }

  Double requiredNumber(String name) {
    JsonNode value = required(name, "a number");
    return value == null ? null : number(value, path(name));
  }

  Optional<Double> optionalNumber(String name) {
    JsonNode value = field(name);
    return value == null ? Optional.empty() : Optional.ofNullable(number(value, path(name)));
  }

  Boolean optionalBoolean(String name, boolean fallback) {
    JsonNode value = field(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      problem(path(name), "expected true or false, found " + describe(value));
      return null;
    }
    return value.booleanValue();
  }

  /**
   * One of the enum's JSON names, or its default when the field is absent (a null default makes it
   * required).
   */
  <E extends Enum<E>> E choice(String name, JsonNames<E> names, E fallback) {
    JsonNode value = fallback == null ? required(name, names.accepted()) : field(name);
    if (value == null) {
      return fallback;
    }
    String text = string(value, path(name));
    if (text == null) {
      return null;
    }
    Optional<E> parsed = names.parse(text);
    if (parsed.isEmpty()) {
      problem(path(name), "expected " + names.accepted() + ", found '" + text + "'");
    }
    return parsed.orElse(null);
  }

  LocalizedText requiredText(String name) {
    JsonNode value =
        required(name, "a text, or an object of texts by language with at least \"en\"");
    return value == null ? null : localized(value, path(name));
  }

  Optional<LocalizedText> optionalText(String name) {
    JsonNode value = field(name);
    return value == null ? Optional.empty() : Optional.ofNullable(localized(value, path(name)));
  }

  /** An optional array; empty when absent, null after a problem. */
  List<JsonNode> array(String name) {
    JsonNode value = field(name);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      problem(path(name), "expected an array, found " + describe(value));
      return null;
    }
    List<JsonNode> elements = new ArrayList<>();
    value.forEach(elements::add);
    return elements;
  }

  /**
   * Reports every field this reader was not asked about, suggesting the nearest known name for a
   * typo.
   */
  void rejectUnknown() {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                problem(path(name), "unknown field '" + name + "'" + suggestion(name));
              }
            });
  }

  private String suggestion(String unknown) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = EditDistance.between(unknown.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best != null && bestDistance <= Math.max(2, best.length() / 3)) {
      return "; did you mean '" + best + "'?";
    }
    return "; expected one of: " + String.join(", ", known);
  }

  String string(JsonNode value, String where) {
    if (!value.isTextual()) {
      problem(where, "expected a text, found " + describe(value));
      return null;
    }
    if (value.textValue().isBlank()) {
      problem(where, "expected a text, found an empty one");
      return null;
    }
    return value.textValue();
  }

  Integer wholeNumber(JsonNode value, String where) {
    if (!value.isNumber()
        || value.doubleValue() != Math.rint(value.doubleValue())
        || Math.abs(value.doubleValue()) > Integer.MAX_VALUE) {
      problem(where, "expected a whole number, found " + describe(value));
      return null;
    }
    return (int) value.doubleValue();
  }

  Double number(JsonNode value, String where) {
    if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
      problem(where, "expected a number, found " + describe(value));
      return null;
    }
    return value.doubleValue();
  }

  /**
   * A plain string is English only; an object maps language tags to texts and must include "en".
   */
  LocalizedText localized(JsonNode value, String where) {
    if (value.isTextual()) {
      String english = string(value, where);
      return english == null ? null : LocalizedText.of(english);
    }
    if (!value.isObject()) {
      problem(
          where,
          "expected a text, or an object of texts by language with at least \"en\", found "
              + describe(value));
      return null;
    }
    int before = problems.size();
    Map<String, String> byLanguage = new LinkedHashMap<>();
    value
        .fields()
        .forEachRemaining(
            entry -> {
              String languagePath = where + "." + entry.getKey();
              if (!LANGUAGE.matcher(entry.getKey()).matches()) {
                problem(
                    languagePath,
                    "expected a language tag such as en, de or pt-BR, found '"
                        + entry.getKey()
                        + "'");
              }
              String text = string(entry.getValue(), languagePath);
              if (text != null) {
                byLanguage.put(entry.getKey(), text);
              }
            });
    if (!value.has(LocalizedText.ENGLISH)) {
      problem(
          where + "." + LocalizedText.ENGLISH,
          "missing: every text needs an English version (\"en\")");
    }
    return problems.size() == before ? new LocalizedText(byLanguage) : null;
  }

  /**
   * How a JSON value looks, for messages: {@code a text ('x')}, {@code the number 3.5}, {@code an
   * array}.
   */
  static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      return "the text '" + value.textValue() + "'";
    }
    if (value.isNumber()) {
      return "the number " + value.asText();
    }
    if (value.isBoolean()) {
      return value.asText();
    }
    return value.isArray() ? "an array" : "an object";
  }
}
