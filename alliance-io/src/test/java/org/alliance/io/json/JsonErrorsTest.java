package org.alliance.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {
  private static final ObjectMapper MAPPER = AllianceJson.mapper();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build());
  }

  private static JsonProcessingException error(String json) {
    return catchThrowableOfType(JsonProcessingException.class, () -> MAPPER.readTree(json));
  }

  private static String described(String json) {
    return JsonErrors.describeWithPlace(error(json));
  }

  @Test
  void limitsAreSaidWithTheirNumberNotTheSettingBehindThem() {
    assertThat(described("[".repeat(150)))
        .endsWith("the JSON is nested too deeply (more than 100 levels)");
    assertThat(described("{\"a\": 1" + "0".repeat(1500) + "}"))
        .endsWith("a number is too long (more than 1000 digits)");
    assertThat(JsonErrors.isLimit(error("[".repeat(150)))).isTrue();
    assertThat(JsonErrors.isLimit(error("{"))).isFalse();
  }

  @Test
  void aDuplicateKeyIsNamedWithItsPlace() {
    assertThat(described("{\"reference\": \"a\",\n \"reference\": \"b\"}"))
        .isEqualTo(
            "line 2, column 13: the key \"reference\" appears more than once in the same object");
    assertThat(
            MAPPER.isEnabled(
                com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
        .isTrue();
  }

  @Test
  void syntaxErrorsSayWhatWasExpected() {
    assertThat(described("{\"a\": 1,\n  }"))
        .isEqualTo(
            "line 2, column 3: unexpected character '}' where a key in double quotes was expected");
    assertThat(described("{\"a\" 1}"))
        .endsWith("unexpected character '1' where ':' was expected after a key");
    assertThat(described("{\"a\": 1 \"b\": 2}")).endsWith("where ',' or '}' was expected");
    assertThat(described("[1 2]")).endsWith("where ',' or ']' was expected");
    assertThat(described("{\"a\": NaN}"))
        .endsWith("'NaN' is not a JSON number; send a number, or null for no value");
    assertThat(described("{\"a\": -Infinity}")).contains("is not a JSON number");
    assertThat(described("{\"a\": nope}"))
        .endsWith(
            "'nope' is not a JSON value (text goes in double quotes; values are numbers, objects, arrays, true, false or null)");
    assertThat(described("{\"a\": 1"))
        .endsWith("the JSON ends before an object is closed with '}'");
    assertThat(described("[1, 2")).endsWith("the JSON ends before an array is closed with ']'");
    assertThat(described("{\"a\": \"text"))
        .endsWith("the JSON ends inside a text value (a closing '\"' is missing)");
    assertThat(described("{\"a\": [1}")).endsWith("'}' where ']' was expected to close the array");
    assertThat(described("]")).endsWith("']' closes nothing: no object or array is open here");
    assertThat(described("{\"a\": 01}"))
        .endsWith("a number starts with a zero (JSON numbers have no leading zeros)");
    assertThat(described("{\"a\": \"x\u0001y\"}"))
        .contains("a control character (code 1) inside a text value must be escaped");
    assertThat(described("{\"a\": \"\\q\"}")).contains("'\\q' is not an escape JSON knows");
  }

  @Test
  void noMessageNamesJavaOrJacksonInternals() {
    List<String> broken =
        List.of(
            "[".repeat(150),
            "{\"a\":1" + "0".repeat(2000) + "}",
            "{\"a\":1,\"a\":2}",
            "{",
            "[",
            "{\"a\"",
            "{\"a\":",
            "{\"a\":\"",
            "{'a': 1}",
            "{a: 1}",
            "[1,]",
            "{\"a\":1,}",
            "[1}",
            "{]",
            "}",
            "NaN",
            "Infinity",
            "-Infinity",
            "+1",
            "01",
            "1.",
            ".5",
            "1e",
            "-",
            "--1",
            "0x10",
            "tru",
            "nul",
            "\"\\u12\"",
            "\"\\x\"",
            "// comment\n{}",
            "/* c */ {}",
            "{\"a\":1}}",
            "[1] [2]",
            "{\"a\":1} x",
            "\"\u0000\"",
            "\uFEFF\uFEFF{}",
            "#",
            "@",
            "{\"a\":1e99999999999}");
    for (String json : broken) {
      JsonProcessingException e = error(json);
      if (e == null) {
        continue;
      }
      assertThat(JsonErrors.describeWithPlace(e))
          .as("message for %s (Jackson: %s)", json, e.getOriginalMessage())
          .doesNotContain(
              "`",
              "()",
              "Feature",
              "Exception",
              "Source",
              "REDACTED",
              "Constraints",
              "com.fasterxml",
              "Jackson")
          .doesNotContainPattern("[A-Z][a-z]+[A-Z][a-z]+")
          .isNotBlank();
    }
  }
}
