package org.alliance.io.fhir;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.io.json.JsonErrors;

/**
 * JSON values that remember the line and column where they start, read from a Jackson stream.
 * Jackson's own trees forget their place; a problem deep inside a resource must name it, so one
 * resource at a time is read into these.
 */
final class LocatedJson {
  /**
   * Deeper than any QuestionnaireResponse needs; a limit keeps a hostile file from exhausting the
   * stack.
   */
  static final int MAX_DEPTH = 100;

  private LocatedJson() {}

  /** A JSON value and the place it starts (line and column from 1). */
  sealed interface Node permits Obj, Arr, Str, Num, Bool, Null {
    long line();

    long column();

    /** What kind of value this is, for messages: "an object", "a number". */
    String kind();
  }

  record Obj(Map<String, Node> fields, long line, long column) implements Node {
    @Override
    public String kind() {
      return "an object";
    }

    Optional<Node> get(String name) {
      return Optional.ofNullable(fields.get(name));
    }
  }

  record Arr(List<Node> elements, long line, long column) implements Node {
    @Override
    public String kind() {
      return "an array";
    }
  }

  record Str(String value, long line, long column) implements Node {
    @Override
    public String kind() {
      return "a string";
    }
  }

  /** A number kept exactly as written. */
  record Num(BigDecimal value, long line, long column) implements Node {
    @Override
    public String kind() {
      return "a number";
    }
  }

  record Bool(boolean value, long line, long column) implements Node {
    @Override
    public String kind() {
      return "true or false";
    }
  }

  record Null(long line, long column) implements Node {
    @Override
    public String kind() {
      return "null";
    }
  }

  /** JSON that cannot be read, with the place it went wrong. */
  static final class SyntaxException extends Exception {
    final long line;
    final long column;

    SyntaxException(long line, long column, String message) {
      super(message);
      this.line = line;
      this.column = column;
    }

    /**
     * From a Jackson exception, with its location when it has one and {@code fallback} otherwise.
     */
    static SyntaxException of(JsonProcessingException e, long lineOffset, long fallbackLine) {
      JsonLocation where = e.getLocation();
      long line =
          where == null || where.getLineNr() < 1 ? fallbackLine : where.getLineNr() + lineOffset;
      long column = where == null || where.getColumnNr() < 1 ? 1 : where.getColumnNr();
      return new SyntaxException(line, column, "not valid JSON: " + JsonErrors.describe(e));
    }
  }

  /**
   * Reads the value at the parser's current token, leaving the parser on its last token.
   *
   * @param lineOffset added to every line, for input read one line at a time
   */
  static Node read(JsonParser parser, long lineOffset) throws IOException, SyntaxException {
    try {
      return read(parser, lineOffset, 0);
    } catch (JsonProcessingException e) {
      throw SyntaxException.of(e, lineOffset, 1 + lineOffset);
    } catch (NumberFormatException e) {
      JsonLocation where = parser.currentTokenLocation();
      throw new SyntaxException(
          where.getLineNr() + lineOffset,
          Math.max(1, where.getColumnNr()),
          "a number that cannot be read: " + e.getMessage());
    }
  }

  private static Node read(JsonParser parser, long lineOffset, int depth)
      throws IOException, SyntaxException {
    JsonLocation where = parser.currentTokenLocation();
    long line = where.getLineNr() + lineOffset;
    long column = Math.max(1, where.getColumnNr());
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new SyntaxException(line, column, "the JSON ends too early");
    }
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
      throw new SyntaxException(line, column, "JSON nested deeper than " + MAX_DEPTH + " levels");
    }
    switch (token) {
      case START_OBJECT:
        {
          Map<String, Node> fields = new LinkedHashMap<>();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            fields.put(name, read(parser, lineOffset, depth + 1));
          }
          if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new SyntaxException(line, column, "the JSON ends too early, inside this object");
          }
          return new Obj(fields, line, column);
        }
      case START_ARRAY:
        {
          List<Node> elements = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(read(parser, lineOffset, depth + 1));
          }
          return new Arr(elements, line, column);
        }
      case VALUE_STRING:
        return new Str(parser.getText(), line, column);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new Num(parser.getDecimalValue(), line, column);
      case VALUE_TRUE:
        return new Bool(true, line, column);
      case VALUE_FALSE:
        return new Bool(false, line, column);
      case VALUE_NULL:
        return new Null(line, column);
      default:
        throw new SyntaxException(line, column, "unexpected " + token + " in JSON");
    }
  }
}
