package org.alliance.io.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of mistake in a definition, reported at its exact JSON path with what was expected. */
class DefinitionProblemsTest {
  private static final String VALID = UserInstrumentTest.MINIMAL;

  /**
   * The valid definition with one piece of text replaced; fails if the text is not there, so no
   * case is vacuous.
   */
  private static String with(String from, String to) {
    assertThat(VALID).contains(from);
    return VALID.replace(from, to);
  }

  static Stream<Arguments> oneMistake() {
    return Stream.of(
        Arguments.of(
            "a misspelt field",
            with("\"reversed\": true", "\"revesred\": true"),
            "$.items[2].revesred",
            "unknown field 'revesred'; did you mean 'reversed'?"),
        Arguments.of(
            "an unknown top-level field",
            with("\"version\": \"1\",", "\"version\": \"1\", \"colour\": \"red\","),
            "$.colour",
            "unknown field 'colour'; expected one of: $schema, id, version, title, respondent, measures, instructions, "
                + "scoring, maxMissing, direction, items, subscales, cutoffs, bands, reliableChange, norms, licence, loinc, notes"),
        Arguments.of(
            "a missing required field",
            with("\"measures\": \"outcome\",", ""),
            "$.measures",
            "missing: expected 'alliance' or 'outcome'"),
        Arguments.of(
            "a text where a number belongs",
            with("\"max\": 3", "\"max\": 3").replaceFirst("\"max\": 3", "\"max\": \"3\""),
            "$.items[0].scale.max",
            "expected a whole number, found the text '3'"),
        Arguments.of(
            "a fraction where a whole number belongs",
            with("\"maxMissing\": 1", "\"maxMissing\": 1.5"),
            "$.maxMissing",
            "expected a whole number, found the number 1.5"),
        Arguments.of(
            "a Likert max not above min",
            with("\"min\": 0, \"max\": 3}, \"reversed\"", "\"min\": 3, \"max\": 3}, \"reversed\""),
            "$.items[2].scale.max",
            "expected a number above min (3), found 3"),
        Arguments.of(
            "the wrong number of anchors",
            with(
                "\"min\": 0, \"max\": 3}, \"critical\"",
                "\"min\": 0, \"max\": 3, \"anchors\": [\"no\", \"yes\"]}, \"critical\""),
            "$.items[3].scale.anchors",
            "expected 4 anchors (one for each point from 0 to 3) or none, found 2"),
        Arguments.of(
            "an unknown scale type",
            with(
                "{\"type\": \"likert\", \"min\": 0, \"max\": 3}, \"critical\"",
                "{\"type\": \"slider\"}, \"critical\""),
            "$.items[3].scale.type",
            "expected 'likert', 'yes-no' or 'visual-analogue', found 'slider'"),
        Arguments.of(
            "an unknown enum name",
            with("\"higher-is-worse\"", "\"lower-is-better\""),
            "$.direction",
            "expected 'higher-is-better' or 'higher-is-worse', found 'lower-is-better'"),
        Arguments.of(
            "a duplicate item id",
            with("\"id\": \"mood_2\"", "\"id\": \"mood_1\""),
            "$.items[1].id",
            "item id 'mood_1' is already used by $.items[0]"),
        Arguments.of(
            "items out of order",
            with("{\"number\": 2,", "{\"number\": 3,"),
            "$.items[1].number",
            "expected 2: items are numbered 1, 2, 3... in the order they are listed"),
        Arguments.of(
            "an invalid id",
            with("\"id\": \"clinic-mood-4\"", "\"id\": \"Clinic Mood\""),
            "$.id",
            "expected an id of lower-case letters, digits, '_' or '-' (starting with a letter or digit), found 'Clinic Mood'"),
        Arguments.of(
            "a subscale naming a missing item",
            with(
                "\"cutoffs\":",
                "\"subscales\": [{\"id\": \"core\", \"label\": \"Core\", \"items\": [1, 2, 7]}], \"cutoffs\":"),
            "$.subscales[0].items[2]",
            "expected an item number from 1 to 4, found 7, which is not an item"),
        Arguments.of(
            "maxMissing as large as the item count",
            with("\"maxMissing\": 1", "\"maxMissing\": 4"),
            "$.maxMissing",
            "expected a whole number from 0 to 3 (fewer than the 4 items), found 4"),
        Arguments.of(
            "bands not ascending",
            with("{\"label\": \"high\", \"from\": 6}", "{\"label\": \"high\", \"from\": 0}"),
            "$.bands[1].from",
            "expected a number above the previous band's 0.0: bands are listed in ascending order, found 0.0"),
        Arguments.of(
            "a text without English",
            with("\"title\": \"Clinic mood check\"", "\"title\": {\"de\": \"Stimmung\"}"),
            "$.title.en",
            "missing: every text needs an English version (\"en\")"),
        Arguments.of(
            "an empty text",
            with("\"label\": \"Worry\"", "\"label\": \"  \""),
            "$.items[1].label",
            "expected a text, found an empty one"),
        Arguments.of(
            "a duplicate cutoff id",
            with(
                "\"clinicalSide\": \"at-or-above\"}]",
                "\"clinicalSide\": \"at-or-above\"}, {\"id\": \"clinical\", \"label\": \"again\", \"value\": 9, \"clinicalSide\": \"above\"}]"),
            "$.cutoffs[1].id",
            "id 'clinical' is already used by $.cutoffs[0]"),
        Arguments.of(
            "a negative reliable change",
            with("\"bands\":", "\"reliableChange\": -2, \"bands\":"),
            "$.reliableChange",
            "expected a positive number of points, found -2.0"),
        Arguments.of(
            "a missing licence",
            with(
                ",\n  \"licence\": {\"kind\": \"open\", \"holder\": \"Example Clinic\", \"terms\": \"Our own measure.\"}",
                ""),
            "$.licence",
            "missing: expected an object with kind, holder and terms"),
        Arguments.of(
            "an array where an object belongs",
            with(
                "{\"kind\": \"open\", \"holder\": \"Example Clinic\", \"terms\": \"Our own measure.\"}",
                "[]"),
            "$.licence",
            "expected an object, found an array"),
        Arguments.of(
            "a string where true or false belongs",
            with("\"critical\": true", "\"critical\": \"yes\""),
            "$.items[3].critical",
            "expected true or false, found the text 'yes'"),
        Arguments.of(
            "no items",
            VALID.substring(0, VALID.indexOf("\"items\": ["))
                + "\"items\": [], "
                + VALID.substring(VALID.indexOf("\"cutoffs\"")),
            "$.items",
            "expected an array of at least one item, found an empty array"),
        Arguments.of(
            "norms with an impossible reliability",
            with(
                "\"bands\":",
                "\"norms\": {\"clinicalMean\": 8, \"clinicalSd\": 3, \"functionalMean\": 2, \"functionalSd\": 2, \"reliability\": 1.2, \"source\": \"x\"}, \"bands\":"),
            "$.norms.reliability",
            "expected a number between 0 and 1 (exclusive), found 1.2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneMistake")
  void reportsTheMistakeAtItsPath(String what, String json, String path, String message) {
    DefinitionResult result = InstrumentJson.read(json);

    assertThat(result.isValid()).isFalse();
    assertThat(result.instrument()).isEmpty();
    assertThat(result.problems()).containsExactly(new DefinitionProblem(path, message));
  }

  @Test
  void countYesScoringNeedsEveryItemToBeYesNo() {
    List<DefinitionProblem> problems =
        InstrumentJson.read(with("\"maxMissing\": 1,", "\"scoring\": \"count-yes\",")).problems();

    assertThat(problems)
        .extracting(DefinitionProblem::toString)
        .containsExactly(
            "$.items[0].scale.type: expected 'yes-no': the scoring is count-yes, which counts yes answers",
            "$.items[1].scale.type: expected 'yes-no': the scoring is count-yes, which counts yes answers",
            "$.items[2].scale.type: expected 'yes-no': the scoring is count-yes, which counts yes answers",
            "$.items[3].scale.type: expected 'yes-no': the scoring is count-yes, which counts yes answers");
  }

  @Test
  void reportsEveryProblemOfAFileAtOnce() {
    String json =
        with("\"reversed\": true", "\"revesred\": true")
            .replace("\"measures\": \"outcome\",", "")
            .replace("\"id\": \"mood_2\"", "\"id\": \"mood_1\"")
            .replace("\"clinicalSide\": \"at-or-above\"", "\"clinicalSide\": \"over\"")
            .replace(
                "{\"label\": \"high\", \"from\": 6}", "{\"label\": \"high\", \"from\": \"six\"}");

    List<DefinitionProblem> problems = InstrumentJson.read(json).problems();

    assertThat(problems)
        .extracting(DefinitionProblem::where)
        .containsExactlyInAnyOrder(
            "$.measures",
            "$.items[1].id",
            "$.items[2].revesred",
            "$.cutoffs[0].clinicalSide",
            "$.bands[1].from");
    assertThat(problems)
        .extracting(DefinitionProblem::toString)
        .contains(
            "$.cutoffs[0].clinicalSide: expected 'at-or-above', 'above', 'at-or-below' or 'below', found 'over'")
        .contains("$.bands[1].from: expected a number, found the text 'six'");
  }

  @Test
  void anUnknownNameFarFromAnyFieldListsTheKnownOnes() {
    List<DefinitionProblem> problems =
        InstrumentJson.read(
                with(
                    "\"clinicalSide\": \"at-or-above\"",
                    "\"clinicalSide\": \"at-or-above\", \"zzzzzzzz\": 1"))
            .problems();

    assertThat(problems)
        .singleElement()
        .extracting(DefinitionProblem::message)
        .asString()
        .isEqualTo(
            "unknown field 'zzzzzzzz'; expected one of: id, label, value, clinicalSide, verified");
  }

  @Test
  void invalidJsonSyntaxIsReportedWithLineAndColumn() {
    String json = "{\n  \"id\": \"x\",\n  \"version\": 1 2\n}\n";

    List<DefinitionProblem> problems = InstrumentJson.read(json).problems();

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where()).isEqualTo("line 3, column 16");
              assertThat(problem.message())
                  .startsWith("not valid JSON: ")
                  .isEqualTo(
                      "not valid JSON: unexpected character '2' where ',' or '}' was expected");
            });
  }

  @Test
  void aDuplicateKeyIsASyntaxErrorWithItsPlace() {
    List<DefinitionProblem> problems =
        InstrumentJson.read("{\"id\": \"a\",\n\"id\": \"b\"}").problems();

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where()).startsWith("line 2, column");
              assertThat(problem.message())
                  .isEqualTo(
                      "not valid JSON: the key \"id\" appears more than once in the same object");
            });
  }

  @Test
  void anEmptyFileOrAnotherKindOfJsonValueIsAProblem() {
    assertThat(InstrumentJson.read("  ").problems())
        .extracting(DefinitionProblem::toString)
        .containsExactly("$: the file is empty: expected an instrument definition");
    assertThat(InstrumentJson.read("[1, 2]").problems())
        .extracting(DefinitionProblem::toString)
        .containsExactly("$: expected an object, found an array");
  }

  @Test
  void schemaReferenceIsAllowed() {
    assertThat(
            InstrumentJson.read(
                    VALID.replaceFirst(
                        "\\{", "{\"\\$schema\": \"../docs/instrument.schema.json\","))
                .problems())
        .isEmpty();
  }
}
