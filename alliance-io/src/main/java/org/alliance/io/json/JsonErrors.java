package org.alliance.io.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's reading errors in the words of the person who wrote the JSON: what is wrong and where,
 * never the name of a Java class, method or setting (Jackson's own messages name some, such as
 * {@code StreamReadConstraints.getMaxNestingDepth()}). Every reader of JSON input (the server's
 * request bodies, instrument definitions, FHIR files, REDCap mappings) words its errors here.
 */
public final class JsonErrors {
  /** Longest part of the input (a key, a token) quoted back in a message. */
  private static final int QUOTED = 40;

  private static final Pattern LIMIT =
      Pattern.compile(
          "^(Document nesting depth|Number value length|String value length|Name length"
              + "|Document length|Token count) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
  private static final Pattern DUPLICATE =
      Pattern.compile("^Duplicate (?:field|Object property) ['\"](.*)['\"]$", Pattern.DOTALL);
  private static final Pattern UNEXPECTED_CHARACTER =
      Pattern.compile(
          "^Unexpected character \\(('(.{1,2})' \\(code (\\d+)[^)]*\\)|\\(CTRL-CHAR, code (\\d+)\\))\\)"
              + "( in numeric value)?(?:: (.*))?$",
          Pattern.DOTALL);
  private static final Pattern CONTROL_IN_TEXT =
      Pattern.compile("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
  private static final Pattern ESCAPE =
      Pattern.compile("^Unrecognized character escape '(.{1,2})'", Pattern.DOTALL);
  private static final Pattern TOKEN =
      Pattern.compile("^(?:Unrecognized|Non-standard) token '(.*?)'(?::|$)", Pattern.DOTALL);
  private static final Pattern CLOSE_MARKER =
      Pattern.compile("^Unexpected close marker '(.)': (?:expected '(.)' \\(for (\\w+)|no open)");
  private static final Pattern UTF8_BYTE = Pattern.compile("(0x\\p{XDigit}{1,8})");

  /**
   * What a message must not contain: Java class, method or setting names and Jackson's own
   * plumbing.
   */
  private static final Pattern INTERNAL =
      Pattern.compile(
          "`|\\(\\)|Feature|Exception|Source|REDACTED|Constraints|JsonNode|\\b[a-z]+\\.[a-z]+\\.|"
              + "\\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\\b");

  private JsonErrors() {}

  /** What is wrong, without where: "unexpected character '}' where a key was expected". */
  public static String describe(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
    Matcher m = LIMIT.matcher(original);
    if (m.find()) {
      return limit(m.group(1), Long.parseLong(m.group(3)));
    }
    m = DUPLICATE.matcher(original);
    if (m.find()) {
      return "the key \"" + quote(m.group(1)) + "\" appears more than once in the same object";
    }
    if (original.startsWith("Unexpected end-of-input")
        || original.startsWith("No content to map due to end-of-input")) {
      return endOfInput(original);
    }
    m = CLOSE_MARKER.matcher(original);
    if (m.find()) {
      return m.group(2) == null
          ? "'" + m.group(1) + "' closes nothing: no object or array is open here"
          : "'"
              + m.group(1)
              + "' where '"
              + m.group(2)
              + "' was expected to close the "
              + (m.group(3).equals("Array") ? "array" : "object");
    }
    m = UNEXPECTED_CHARACTER.matcher(original);
    if (m.find()) {
      return unexpectedCharacter(m);
    }
    m = CONTROL_IN_TEXT.matcher(original);
    if (m.find()) {
      return "a control character (code "
          + m.group(1)
          + ") inside a text value must be escaped, such as \\n for a line break";
    }
    m = ESCAPE.matcher(original);
    if (m.find()) {
      return "'\\"
          + m.group(1)
          + "' is not an escape JSON knows (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)";
    }
    m = TOKEN.matcher(original);
    if (m.find()) {
      return token(m.group(1));
    }
    if (original.startsWith("Invalid numeric value")
        || original.startsWith("Numeric value (")
        || original.startsWith("Unexpected character") && original.contains("numeric value")) {
      return original.contains("out of range")
          ? "a number is out of the range this field allows"
          : original.contains("Leading zeroes")
              ? "a number starts with a zero (JSON numbers have no leading zeros)"
              : "a number is not written as JSON writes numbers (such as 12, -3.5 or 1e3)";
    }
    if (original.contains("UTF-8") || original.contains("surrogate")) {
      Matcher bad = UTF8_BYTE.matcher(original);
      return "the text is not valid UTF-8" + (bad.find() ? " (byte " + bad.group(1) + ")" : "");
    }
    if (original.startsWith("Trailing token")) {
      return "there is more after the JSON value; send one value";
    }
    return plain(original);
  }

  /** Where the input stops being readable, such as "line 3, column 7", when Jackson knows it. */
  public static Optional<String> where(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 1) {
      return Optional.empty();
    }
    return Optional.of(
        "line " + location.getLineNr() + ", column " + Math.max(1, location.getColumnNr()));
  }

  /** Where and what: "line 3, column 7: unexpected character '}' ...", or only what. */
  public static String describeWithPlace(JsonProcessingException e) {
    return where(e).map(where -> where + ": ").orElse("") + describe(e);
  }

  /** Whether the input broke one of the reader's size limits, rather than being malformed. */
  public static boolean isLimit(JsonProcessingException e) {
    String original = e.getOriginalMessage();
    return original != null && LIMIT.matcher(original).find();
  }

  private static String limit(String what, long maximum) {
    String message =
        switch (what) {
          case "Document nesting depth" -> "the JSON is nested too deeply (more than %d levels)";
          case "Number value length" -> "a number is too long (more than %d digits)";
          case "String value length" -> "a text value is too long (more than %d characters)";
          case "Name length" -> "a key is too long (more than %d characters)";
          case "Document length" -> "the JSON is too long (more than %d characters)";
          default -> "the JSON has too many values (more than %d)";
        };
    return message.formatted(maximum);
  }

  private static String endOfInput(String original) {
    if (original.contains("for Object") || original.contains("Object entries")) {
      return "the JSON ends before an object is closed with '}'";
    }
    if (original.contains("for Array") || original.contains("Array entries")) {
      return "the JSON ends before an array is closed with ']'";
    }
    if (original.contains("name")) {
      return "the JSON ends inside a key (a closing '\"' is missing)";
    }
    if (original.contains("quote") || original.contains("String value")) {
      return "the JSON ends inside a text value (a closing '\"' is missing)";
    }
    if (original.startsWith("No content")) {
      return "there is no JSON value: the text is empty";
    }
    return "the JSON ends too early";
  }

  private static String unexpectedCharacter(Matcher m) {
    String character =
        m.group(2) != null ? "'" + m.group(2) + "'" : "control character (code " + m.group(4) + ")";
    if (m.group(5) != null) {
      return "unexpected character " + character + " in a number";
    }
    String tail = m.group(6) == null ? "" : m.group(6);
    String expected;
    if (tail.contains("start field name") || tail.contains("for quoted")) {
      expected = " where a key in double quotes was expected";
    } else if (tail.contains("separate Object entries")) {
      expected = " where ',' or '}' was expected";
    } else if (tail.contains("separate Array entries")) {
      expected = " where ',' or ']' was expected";
    } else if (tail.contains("colon")) {
      expected = " where ':' was expected after a key";
    } else if (tail.contains("valid value") || tail.contains("expected a value")) {
      expected =
          " where a value was expected (text in double quotes, a number, an object, an array,"
              + " true, false or null)";
    } else if (tail.contains("root-level")) {
      expected = " after the value; send one value";
    } else if (tail.contains("comment")) {
      expected = " (JSON has no comments)";
    } else if (tail.contains("digit")) {
      expected = " where a digit was expected";
    } else {
      expected = "";
    }
    return "unexpected character " + character + expected;
  }

  private static String token(String token) {
    String shown = quote(token);
    return switch (shown.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "")) {
      case "nan", "infinity", "inf" ->
          "'" + shown + "' is not a JSON number; send a number, or null for no value";
      default ->
          "'"
              + shown
              + "' is not a JSON value (text goes in double quotes; values are numbers,"
              + " objects, arrays, true, false or null)";
    };
  }

  /** Jackson's message with its plumbing cut off, or a plain one when what is left names any. */
  private static String plain(String original) {
    String message = original;
    for (String cut :
        new String[] {" (start marker", " at [Source", "[Source", ": enable `", "\n"}) {
      int at = message.indexOf(cut);
      if (at >= 0) {
        message = message.substring(0, at);
      }
    }
    message = message.strip();
    if (message.isEmpty() || message.length() > 200 || INTERNAL.matcher(message).find()) {
      return "the text is not valid JSON here";
    }
    return Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }

  /** A piece of the input quoted back: at most {@value #QUOTED} characters, on one line. */
  private static String quote(String text) {
    String line = text.replaceAll("\\p{Cntrl}", "?");
    return line.length() <= QUOTED ? line : line.substring(0, QUOTED) + "...";
  }
}
