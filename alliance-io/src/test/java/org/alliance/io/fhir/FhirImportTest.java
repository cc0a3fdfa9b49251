package org.alliance.io.fhir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertRule;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.InputProblem;
import org.alliance.io.score.ScoredRow;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.junit.jupiter.api.Test;

/** What the importer makes of good, foreign and faulty input, and where it says each problem is. */
class FhirImportTest {
  private static final JsonMapper JSON = new JsonMapper();
  private static final Instrument PHQ9 = FhirFixtures.CATALOG.get("phq-9");

  /** PHQ-9 answers 2,1,0,3,1,2,0,1,1: total 11. */
  private static final Administration ADMINISTRATION =
      new Administration(
          "phq-9",
          Optional.of("1.0"),
          "c001",
          3,
          Optional.of(LocalDate.of(2026, 1, 21)),
          Optional.empty(),
          answers(2, 1, 0, 3, 1, 2, 0, 1, 1));

  private static Map<String, Answer> answers(int... values) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      answers.put("phq9_" + (i + 1), Answer.of(values[i]));
    }
    return answers;
  }

  /** The response as an editable JSON tree. */
  private static ObjectNode response() throws IOException {
    return (ObjectNode)
        JSON.readTree(
            Fhir.toJson(
                FhirQuestionnaireResponse.toResponse(
                    ADMINISTRATION, PHQ9, QuestionnaireResponseStatus.INPROGRESS),
                false));
  }

  private static ObjectNode item(ObjectNode response, int index) {
    return (ObjectNode) response.withArray("item").get(index);
  }

  private static ObjectNode answer(ObjectNode response, int index) {
    return (ObjectNode) item(response, index).withArray("answer").get(0);
  }

  /** The one row of a one-line NDJSON file holding this response. */
  private static AdministrationRow row(JsonNode response) throws IOException {
    return FhirFixtures.readOne("in.ndjson", response.toString());
  }

  private static InputProblem onlyProblem(AdministrationRow row) {
    assertThat(row.problems()).hasSize(1);
    return row.problems().get(0);
  }

  @Test
  void aResponseIsReadWithItsKeyAndAnswers() throws IOException {
    AdministrationRow row = row(response());

    assertThat(row.problems()).isEmpty();
    assertThat(row.administration()).contains(ADMINISTRATION);
    assertThat(row.key())
        .isEqualTo(new AdministrationRow.RawKey("c001", "3", "2026-01-21", "phq-9", ""));
    assertThat(row.location().toString())
        .isEqualTo("in.ndjson line 1, column 1 (QuestionnaireResponse)");
  }

  @Test
  void anUnknownQuestionnaireIsAProblemOfTheRowAndListsTheKnownInstruments() throws IOException {
    ObjectNode response = response();
    response.put("questionnaire", "https://example.org/fhir/Questionnaire/bdi-ii|2");

    AdministrationRow row = row(response);

    InputProblem problem = onlyProblem(row);
    assertThat(row.administration()).isEmpty();
    assertThat(problem.where().field()).contains("QuestionnaireResponse.questionnaire");
    assertThat(problem.where().line()).isEqualTo(1);
    assertThat(problem.where().column())
        .isEqualTo(response.toString().indexOf("\"https://example.org") + 1);
    assertThat(problem.message())
        .startsWith("unknown questionnaire 'https://example.org/fhir/Questionnaire/bdi-ii|2'")
        .contains("phq-9", "gad-7", "srs");
  }

  @Test
  void anUnknownLinkIdIsReportedAndTheOtherAnswersKept() throws IOException {
    ObjectNode response = response();
    response
        .withArray("item")
        .addObject()
        .put("linkId", "phq9_10")
        .putArray("answer")
        .addObject()
        .putObject("valueCoding")
        .put("system", Fhir.ANSWER_SYSTEM)
        .put("code", "1");

    AdministrationRow row = row(response);

    InputProblem problem = onlyProblem(row);
    assertThat(problem.where().field()).contains("QuestionnaireResponse.item[9].linkId");
    assertThat(problem.message())
        .isEqualTo(
            "unknown linkId 'phq9_10': not an item of phq-9 (its items are phq9_1 to phq9_9)");
    assertThat(row.administration()).contains(ADMINISTRATION);
  }

  @Test
  void anAnswerNotInTheAnswerOptionsIsReportedAtItsCoding() throws IOException {
    ObjectNode response = response();
    answer(response, 0)
        .putObject("valueCoding")
        .put("system", "http://loinc.org")
        .put("code", "LA6568-5");

    AdministrationRow row = row(response);

    InputProblem problem = onlyProblem(row);
    assertThat(problem.where().field())
        .contains("QuestionnaireResponse.item[0].answer[0].valueCoding");
    assertThat(problem.message())
        .isEqualTo(
            "answer not in the answer options of phq9_1: expected a code of "
                + Fhir.ANSWER_SYSTEM
                + " (0-3), found 'http://loinc.org|LA6568-5'");
    // The answer is left out, so the scorer finds the item missing as well.
    assertThat(row.administration().get().answers()).doesNotContainKey("phq9_1").hasSize(8);
  }

  @Test
  void aWrongValueTypeIsReportedWithTheTypesTheItemTakes() throws IOException {
    ObjectNode response = response();
    ObjectNode answer = answer(response, 1);
    answer.remove("valueCoding");
    answer.put("valueDate", "2026-01-01");

    InputProblem problem = onlyProblem(row(response));

    assertThat(problem.where().field())
        .contains("QuestionnaireResponse.item[1].answer[0].valueDate");
    assertThat(problem.message())
        .isEqualTo(
            "wrong value type valueDate for item phq9_2 (0-3): expected valueCoding from the "
                + "answer options (or valueInteger)");
  }

  @Test
  void aMissingSubjectLeavesTheRowWithoutAnAdministration() throws IOException {
    ObjectNode response = response();
    response.remove("subject");

    AdministrationRow row = row(response);

    InputProblem problem = onlyProblem(row);
    assertThat(row.administration()).isEmpty();
    assertThat(problem.where().field()).contains("QuestionnaireResponse.subject");
    assertThat(problem.message())
        .isEqualTo("missing: the response needs a subject, Patient/<client reference>");
  }

  @Test
  void theSubjectMayBeAnAbsoluteReferenceOrAnIdentifierButNotAnotherResource() throws IOException {
    ObjectNode response = response();
    response
        .putObject("subject")
        .put("reference", "https://ehr.example.org/fhir/Patient/p-17/_history/3");
    assertThat(row(response).administration().get().client()).isEqualTo("p-17");

    response
        .putObject("subject")
        .putObject("identifier")
        .put("system", "https://clinic.example.org/mrn")
        .put("value", "client 9");
    assertThat(row(response).administration().get().client()).isEqualTo("client 9");

    response.putObject("subject").put("reference", "Group/g1");
    InputProblem problem = onlyProblem(row(response));
    assertThat(problem.where().field()).contains("QuestionnaireResponse.subject.reference");
    assertThat(problem.message()).startsWith("the subject 'Group/g1' is not a Patient reference");
  }

  @Test
  void theSessionComesFromItsExtensionAndMustBeAWholeNumberFromZero() throws IOException {
    ObjectNode response = response();
    ((ObjectNode) response.withArray("extension").get(0)).put("valueUnsignedInt", 0);
    assertThat(row(response).administration().get().session()).isZero();

    ((ObjectNode) response.withArray("extension").get(0)).put("valueUnsignedInt", 1.5);
    InputProblem problem = onlyProblem(row(response));
    assertThat(problem.where().field())
        .contains("QuestionnaireResponse.extension[0].valueUnsignedInt");
    assertThat(problem.message())
        .isEqualTo("expected a session number (a whole number from 0 to 1000), found 1.5");

    response.remove("extension");
    problem = onlyProblem(row(response));
    assertThat(problem.message())
        .startsWith("no session number: expected the extension " + Fhir.SESSION);
  }

  @Test
  void authoredTakesADateOrADateTimeWithItsZone() throws IOException {
    ObjectNode response = response();
    response.put("authored", "2026-01-21T23:30:00-05:00");
    assertThat(row(response).administration().get().date()).contains(LocalDate.of(2026, 1, 21));

    for (String bad : List.of("2026-01", "2026-01-21T23:30:00", "2026-02-30", "21.01.2026")) {
      response.put("authored", bad);
      InputProblem problem = onlyProblem(row(response));
      assertThat(problem.where().field()).contains("QuestionnaireResponse.authored");
      assertThat(problem.message()).contains("found '" + bad + "'");
    }
  }

  @Test
  void skippedDeclinedAndMissingItemsAreReadFromTheirDataAbsentReason() throws IOException {
    ObjectNode response = response();
    item(response, 0).remove("answer");
    item(response, 0)
        .putArray("extension")
        .addObject()
        .put("url", Fhir.DATA_ABSENT_REASON)
        .put("valueCode", "asked-unknown");
    item(response, 1).remove("answer");
    item(response, 1)
        .putArray("extension")
        .addObject()
        .put("url", Fhir.DATA_ABSENT_REASON)
        .put("valueCode", "asked-declined");
    item(response, 2).remove("answer");
    item(response, 2)
        .putArray("extension")
        .addObject()
        .put("url", Fhir.DATA_ABSENT_REASON)
        .put("valueCode", "not-asked");
    item(response, 3).remove("answer"); // an item without answer or reason is simply missing

    Map<String, Answer> answers = row(response).administration().get().answers();

    assertThat(answers)
        .containsEntry("phq9_1", Answer.NotAnswered.SKIPPED)
        .containsEntry("phq9_2", Answer.NotAnswered.DECLINED)
        .containsEntry("phq9_3", Answer.NotAnswered.MISSING)
        .doesNotContainKey("phq9_4");
  }

  @Test
  void conflictingOrRepeatedAnswersAreProblems() throws IOException {
    ObjectNode twice = response();
    twice.withArray("item").add(item(twice, 0).deepCopy());
    assertThat(onlyProblem(row(twice)).message())
        .isEqualTo("item phq9_1 is answered twice (also at QuestionnaireResponse.item[0])");

    ObjectNode both = response();
    item(both, 2)
        .putArray("extension")
        .addObject()
        .put("url", Fhir.DATA_ABSENT_REASON)
        .put("valueCode", "asked-declined");
    assertThat(onlyProblem(row(both)).message())
        .contains("both an answer and a data-absent-reason");

    ObjectNode two = response();
    item(two, 4).withArray("answer").add(answer(two, 4).deepCopy());
    InputProblem problem = onlyProblem(row(two));
    assertThat(problem.where().field()).contains("QuestionnaireResponse.item[4].answer[1]");
    assertThat(problem.message()).isEqualTo("item phq9_5 has 2 answers; expected one");

    ObjectNode unknownReason = response();
    item(unknownReason, 5).remove("answer");
    item(unknownReason, 5)
        .putArray("extension")
        .addObject()
        .put("url", Fhir.DATA_ABSENT_REASON)
        .put("valueCode", "forgot");
    assertThat(onlyProblem(row(unknownReason)).message())
        .startsWith("unknown data-absent-reason 'forgot'");
  }

  @Test
  void aWithdrawnResponseIsNotReadAndAnUnknownStatusIsReported() throws IOException {
    ObjectNode response = response();
    response.put("status", "entered-in-error");
    AdministrationRow withdrawn = row(response);
    assertThat(withdrawn.administration()).isEmpty();
    assertThat(onlyProblem(withdrawn).message()).contains("entered-in-error");

    response.put("status", "finished");
    assertThat(onlyProblem(row(response)).message()).startsWith("unknown status 'finished'");
  }

  @Test
  void valuesADoubleCannotHoldExactlyAreRefusedNotRounded() throws IOException {
    ObjectNode response = response();
    ((ObjectNode) answer(response, 0).get("valueCoding")).put("code", "2.00000000000000001");
    assertThat(onlyProblem(row(response)).message())
        .startsWith("answer not in the answer options of phq9_1");

    String srs =
        "{\"resourceType\":\"QuestionnaireResponse\",\"extension\":[{\"url\":\""
            + Fhir.SESSION
            + "\",\"valueUnsignedInt\":1}],"
            + "\"questionnaire\":\""
            + Fhir.questionnaireUrl("srs")
            + "\",\"subject\":{\"reference\":\"Patient/c1\"},"
            + "\"item\":[{\"linkId\":\"srs_1\",\"answer\":[{\"valueDecimal\":1e400}]}]}";
    InputProblem problem = onlyProblem(FhirFixtures.readOne("srs.ndjson", srs));
    assertThat(problem.where().field())
        .contains("QuestionnaireResponse.item[0].answer[0].valueDecimal");
    assertThat(problem.message())
        .isEqualTo(
            "the answer to srs_1, 1E+400, is too large or has more digits than an answer can hold");
  }

  @Test
  void aScoringProblemIsLocatedAtTheAnswerThatCausedIt() throws IOException {
    ObjectNode response = response();
    ((ObjectNode) answer(response, 3).get("valueCoding")).put("code", "7");

    ScoredRow scored = ScoredRow.score(row(response), FhirFixtures.SCORER);

    assertThat(scored.valid()).isFalse();
    assertThat(scored.locatedProblems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where().field())
                  .contains("QuestionnaireResponse.item[3].answer[0]");
              assertThat(problem.message()).isEqualTo("item phq9_4: expected 0-3, found 7");
            });
  }

  @Test
  void formsFromElsewhereAreReadByLoincCodesOrdinalValuesAndPlainTypes() throws IOException {
    // The shape of a LOINC-based form: panel URL, linkIds that are LOINC item codes, LOINC answers
    // with ordinal values, groups.
    ObjectNode response = response();
    response.put("questionnaire", "http://loinc.org/q/44249-1");
    ArrayNode items = response.putArray("item");
    ObjectNode group = items.addObject().put("linkId", "/44249-1");
    String[] loinc = {
      "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
      "44260-8"
    };
    for (int i = 0; i < loinc.length; i++) {
      ObjectNode answer =
          group
              .withArray("item")
              .addObject()
              .put("linkId", "/" + loinc[i])
              .putArray("answer")
              .addObject();
      if (i < 5) {
        ObjectNode coding =
            answer.putObject("valueCoding").put("system", "http://loinc.org").put("code", "LA" + i);
        coding
            .putArray("extension")
            .addObject()
            .put("url", "http://hl7.org/fhir/StructureDefinition/ordinalValue")
            .put("valueDecimal", i % 4);
      } else {
        answer.put("valueInteger", 1);
      }
    }
    response.putObject("author").put("reference", "Practitioner/dr-a");

    AdministrationRow row = row(response);

    assertThat(row.problems()).isEmpty();
    assertThat(row.key().clinician()).isEqualTo("dr-a");
    Administration administration = row.administration().get();
    assertThat(administration.instrumentId()).isEqualTo("phq-9");
    assertThat(administration.instrumentVersion()).isEmpty();
    assertThat(administration.answers()).isEqualTo(answers(0, 1, 2, 3, 0, 1, 1, 1, 1));
    assertThat(FhirFixtures.SCORER.score(administration).total()).hasValue(10);
  }

  @Test
  void aYesNoItemTakesTrueAndFalse() throws IOException {
    String selfCheck =
        "{\"resourceType\":\"QuestionnaireResponse\",\"extension\":[{\"url\":\""
            + Fhir.SESSION
            + "\",\"valueUnsignedInt\":2}],"
            + "\"questionnaire\":\"self-check\",\"subject\":{\"reference\":\"Patient/c1\"},"
            + "\"item\":[{\"linkId\":\"selfcheck_1\",\"answer\":[{\"valueBoolean\":true}]},{\"linkId\":\"selfcheck_2\",\"answer\":[{\"valueBoolean\":false}]}]}";

    Administration administration =
        FhirFixtures.readOne("s.ndjson", selfCheck).administration().get();

    assertThat(administration.answers())
        .containsEntry("selfcheck_1", Answer.of(1))
        .containsEntry("selfcheck_2", Answer.of(0));
  }

  @Test
  void ndjsonLinesThatCannotBeReadAreReportedOneByOneWithLineAndColumn() throws IOException {
    String good = response().toString();
    String text =
        good
            + "\n{\"resourceType\": \"QuestionnaireResponse\", \"status\": }\n\n[1, 2]\n"
            + "{\"resourceType\":\"Observation\"}\n"
            + good
            + "\n";

    List<AdministrationRow> rows = FhirFixtures.read("mixed.ndjson", text);

    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).problems()).isEmpty();
    assertThat(onlyProblem(rows.get(1)).toString())
        .startsWith(
            "mixed.ndjson line 2, column 53 (JSON): not valid JSON: unexpected character '}' where a value was expected");
    assertThat(onlyProblem(rows.get(2)).toString())
        .isEqualTo(
            "mixed.ndjson line 4, column 1 (JSON): expected a JSON object (one FHIR resource per line), found an array");
    assertThat(rows.get(3).problems()).isEmpty();
    assertThat(rows.get(3).location().line()).isEqualTo(6);
  }

  @Test
  void aBundleIsReadEntryByEntryPassingOverOtherResources() throws IOException {
    StringWriter out = new StringWriter();
    List<ScoredAdministration> administrations =
        List.of(
            ScoredAdministration.of(ADMINISTRATION, FhirFixtures.SCORER),
            ScoredAdministration.of(
                FhirFixtures.complete(FhirFixtures.CATALOG.get("srs"), new Random(1), "c001", 3),
                FhirFixtures.SCORER));
    Alert alert =
        new Alert(
            "c001",
            AlertRule.CRITICAL_ITEM,
            "phq-9",
            3,
            "PHQ-9 item 9 answered 1",
            Map.of("answer", 1.0));
    FhirExport.of(FhirFixtures.CATALOG).writeBundle(administrations, List.of(alert), out);
    String text =
        out.toString().replace("\"code\": \"3\"", "\"code\": \"9\""); // phq9_4 off the scale

    List<AdministrationRow> rows;
    FhirImport source =
        FhirImport.open(
            "export.json", new ByteArrayInputStream(text.getBytes(UTF_8)), FhirFixtures.CATALOG);
    try (source) {
      rows = new ArrayList<>();
      source.forEachRemaining(rows::add);
    }

    assertThat(source.format()).isEqualTo(FhirImport.Format.BUNDLE);
    assertThat(source.otherResources())
        .isEqualTo(Map.of("Questionnaire", 2L, "Observation", 2L, "Flag", 1L));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).location().field()).contains("entry[2] QuestionnaireResponse");
    ScoredRow scored = ScoredRow.score(rows.get(0), FhirFixtures.SCORER);
    InputProblem problem = scored.locatedProblems().get(0);
    assertThat(problem.where().field())
        .contains("entry[2] QuestionnaireResponse.item[3].answer[0]");
    String[] lines = text.split("\n", -1);
    assertThat(lines[(int) problem.where().line() - 1].strip()).isEqualTo("\"answer\": [ {");
  }

  @Test
  void aSingleResponseFileIsReadAsItsOneRow() throws IOException {
    String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(response());
    FhirImport source =
        FhirImport.open(
            "one.json", new ByteArrayInputStream(pretty.getBytes(UTF_8)), FhirFixtures.CATALOG);
    try (source) {
      assertThat(source.format()).isEqualTo(FhirImport.Format.BUNDLE);
      assertThat(source.next().administration()).contains(ADMINISTRATION);
      assertThat(source.hasNext()).isFalse();
    }
  }

  @Test
  void ndjsonIsRecognisedByItsFirstLineWhateverTheName() throws IOException {
    String two = response() + "\n" + response() + "\n";
    try (FhirImport source =
        FhirImport.open(
            "<stdin>", new ByteArrayInputStream(two.getBytes(UTF_8)), FhirFixtures.CATALOG)) {
      assertThat(source.format()).isEqualTo(FhirImport.Format.NDJSON);
    }
    assertThat(FhirFixtures.read("<stdin>", two))
        .hasSize(2)
        .allSatisfy(row -> assertThat(row.problems()).isEmpty());
  }

  @Test
  void aFileThatIsNoBundleOrNotJsonIsAClearErrorWithItsPlace() throws IOException {
    assertThatThrownBy(
            () ->
                FhirFixtures.read(
                    "p.json", "{\n  \"resourceType\": \"Patient\",\n  \"id\": \"x\"\n}"))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(
            "p.json line 2, column 19 (JSON): resourceType is 'Patient': expected a Bundle of QuestionnaireResponses, or one QuestionnaireResponse");
    assertThatThrownBy(
            () ->
                FhirFixtures.read(
                    "t.json", "{\"resourceType\": \"Bundle\", \"entry\": [ {\"resource\": "))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith(
            "t.json line 1, column 52 (JSON): not valid JSON: the JSON ends before an object is closed with '}'");
    assertThatThrownBy(() -> FhirFixtures.read("e.json", ""))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(
            "e.json line 1, column 1 (JSON): the file is empty: expected a FHIR Bundle (JSON) or NDJSON");
    assertThatThrownBy(() -> FhirFixtures.read("b.json", "{\"resourceType\": \"Bundle\"}\n{}"))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(
            "b.json line 2, column 1 (JSON): unexpected content after the end of the Bundle");
    byte[] notUtf8 = {'{', '"', 'r', (byte) 0xFF, '"', ':', '1', '}'};
    assertThatThrownBy(() -> FhirFixtures.read("latin1.json", notUtf8))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith(
            "latin1.json line 1, column ") // Jackson places it just after the byte
        .hasMessageContaining("(JSON): not valid JSON: the text is not valid UTF-8 (byte 0xff)");
    byte[] utf32 = {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, '{', (byte) 0xD8, 0, 0, 0};
    assertThatThrownBy(() -> FhirFixtures.read("utf32.json", utf32))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("utf32.json line 1, column 1 (JSON): ");
    assertThat(FhirFixtures.read("utf32.ndjson", utf32))
        .singleElement()
        .satisfies(row -> assertThat(onlyProblem(row).where().line()).isEqualTo(1));
  }
}
