package org.alliance.io.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.instrument.DefinitionProblem;
import org.alliance.io.instrument.DefinitionResult;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.junit.jupiter.api.Test;

/** What an instrument's Questionnaire holds, and how a Questionnaire from elsewhere is read. */
class FhirQuestionnaireTest {
  private static final Instrument PHQ9 = FhirFixtures.CATALOG.get("phq-9");

  @Test
  void thePhq9QuestionnaireCarriesItsUrlLoincCodesAndOrdinalValues() {
    Questionnaire questionnaire = FhirQuestionnaire.toQuestionnaire(PHQ9);

    assertThat(questionnaire.getUrl())
        .isEqualTo("https://alliancetoolkit.org/fhir/Questionnaire/phq-9");
    assertThat(questionnaire.getVersion()).isEqualTo("1.0");
    assertThat(questionnaire.getName()).isEqualTo("PatientHealthQuestionnaire9");
    assertThat(questionnaire.getTitle()).isEqualTo("Patient Health Questionnaire-9");
    assertThat(questionnaire.getStatus()).isEqualTo(PublicationStatus.ACTIVE);
    assertThat(questionnaire.getCode())
        .extracting(Coding::getSystem, Coding::getCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("http://loinc.org", "44249-1"));
    assertThat(questionnaire.getCopyright()).startsWith("public domain.");
    assertThat(questionnaire.getExtensionByUrl(Fhir.INSTRUMENT_DEFINITION)).isNotNull();

    QuestionnaireItemComponent instructions = questionnaire.getItem().get(0);
    assertThat(instructions.getType()).isEqualTo(QuestionnaireItemType.DISPLAY);
    assertThat(instructions.getText()).startsWith("Over the last 2 weeks");
    QuestionnaireItemComponent item9 = questionnaire.getItem().get(9);
    assertThat(item9.getLinkId()).isEqualTo("phq9_9");
    assertThat(item9.getType()).isEqualTo(QuestionnaireItemType.CHOICE);
    assertThat(item9.getText()).startsWith("Thoughts that you would be better off dead");
    assertThat(item9.getCode()).extracting(Coding::getCode).containsExactly("44260-8", "phq9_9");
    assertThat(item9.getAnswerOption()).hasSize(4);
    for (int value = 0; value <= 3; value++) {
      var option = item9.getAnswerOption().get(value);
      assertThat(option.getValueCoding().getSystem()).isEqualTo(Fhir.ANSWER_SYSTEM);
      assertThat(option.getValueCoding().getCode()).isEqualTo(Integer.toString(value));
      assertThat(((DecimalType) option.getExtensionByUrl(Fhir.ORDINAL_VALUE).getValue()).getValue())
          .isEqualByComparingTo(BigDecimal.valueOf(value));
    }
    assertThat(item9.getAnswerOption().get(3).getValueCoding().getDisplay())
        .isEqualTo("Nearly every day");
  }

  @Test
  void aLicensedVisualAnalogueInstrumentHasDecimalItemsWithBoundsAndNoText() {
    Questionnaire srs = FhirQuestionnaire.toQuestionnaire(FhirFixtures.CATALOG.get("srs"));

    assertThat(srs.getItem())
        .hasSize(4)
        .allSatisfy(
            item -> {
              assertThat(item.getType()).isEqualTo(QuestionnaireItemType.DECIMAL);
              assertThat(item.hasText()).isFalse();
              assertThat(
                      ((DecimalType) item.getExtensionByUrl(Fhir.MIN_VALUE).getValue()).getValue())
                  .isEqualByComparingTo("0");
              assertThat(
                      ((DecimalType) item.getExtensionByUrl(Fhir.MAX_VALUE).getValue()).getValue())
                  .isEqualByComparingTo("10");
            });
    assertThat(srs.getItem().get(0).getCode())
        .extracting(Coding::getDisplay)
        .containsExactly("Relationship");
  }

  @Test
  void yesNoItemsAreChoicesOfYesOneAndNoZero() {
    QuestionnaireItemComponent item =
        FhirQuestionnaire.toQuestionnaire(FhirFixtures.CATALOG.get("self-check")).getItem().get(1);

    assertThat(item.getType()).isEqualTo(QuestionnaireItemType.CHOICE);
    assertThat(item.getAnswerOption())
        .extracting(
            option ->
                option.getValueCoding().getCode() + " " + option.getValueCoding().getDisplay())
        .containsExactly("1 Yes", "0 No");
  }

  /**
   * The PHQ-9 Questionnaire as another system would have it: the same items, without the toolkit's
   * definition.
   */
  private static Questionnaire foreignPhq9() {
    Questionnaire questionnaire = FhirQuestionnaire.toQuestionnaire(PHQ9);
    questionnaire.getExtension().clear();
    questionnaire.setUrl("http://example.org/fhir/Questionnaire/PHQ9");
    return questionnaire;
  }

  @Test
  void aForeignQuestionnaireIsScoredAsTheSumOfOrdinalValues() {
    DefinitionResult result = FhirQuestionnaire.toInstrument(foreignPhq9());

    assertThat(result.problems()).isEmpty();
    Instrument foreign = result.instrument().get();
    assertThat(foreign.id()).isEqualTo("phq9");
    assertThat(foreign.items())
        .extracting(Item::id)
        .containsExactlyElementsOf(PHQ9.items().stream().map(Item::id).toList());
    assertThat(foreign.items()).extracting(Item::scale).containsOnly(PHQ9.items().get(0).scale());
    assertThat(foreign.items())
        .extracting(Item::loinc)
        .containsExactlyElementsOf(PHQ9.items().stream().map(Item::loinc).toList());
    assertThat(foreign.items().get(8).label().en()).isEqualTo("Thoughts of death or self-harm");
    assertThat(foreign.construct()).isEqualTo(Construct.OUTCOME);
    assertThat(foreign.direction()).isEqualTo(Direction.HIGHER_IS_WORSE);
    assertThat(foreign.loincPanel()).contains("44249-1");
    assertThat(foreign.cutoffs()).isEmpty();
    assertThat(foreign.notes())
        .anySatisfy(note -> assertThat(note).contains("sum of the answers' ordinal values"));

    Random random = new Random(9);
    for (int i = 0; i < 200; i++) {
      Administration administration = FhirFixtures.complete(PHQ9, random, "c1", i);
      Administration asForeign =
          new Administration(
              "phq9",
              java.util.Optional.empty(),
              "c1",
              i,
              administration.date(),
              administration.respondent(),
              administration.answers());
      assertThat(Scorer.score(foreign, asForeign).total())
          .isEqualTo(Scorer.score(PHQ9, administration).total());
    }
  }

  @Test
  void aForeignQuestionnaireReadsBooleanAndBoundedNumberItemsAndPassesOverOthers() {
    Questionnaire questionnaire =
        new Questionnaire().setUrl("http://example.org/Questionnaire/mood|2").setVersion("2");
    QuestionnaireItemComponent group =
        questionnaire.addItem().setLinkId("g").setType(QuestionnaireItemType.GROUP);
    group.addItem().setLinkId("1.a").setType(QuestionnaireItemType.BOOLEAN).setText("Felt low?");
    QuestionnaireItemComponent line =
        group.addItem().setLinkId("1.b").setType(QuestionnaireItemType.DECIMAL);
    line.addExtension(Fhir.MIN_VALUE, new DecimalType(0));
    line.addExtension(Fhir.MAX_VALUE, new DecimalType(10));
    QuestionnaireItemComponent agreement =
        group.addItem().setLinkId("1.c").setType(QuestionnaireItemType.INTEGER);
    agreement.addExtension(Fhir.MIN_VALUE, new IntegerType(1));
    agreement.addExtension(Fhir.MAX_VALUE, new IntegerType(7));
    questionnaire.addItem().setLinkId("comment").setType(QuestionnaireItemType.STRING);

    Instrument instrument = FhirQuestionnaire.toInstrument(questionnaire).instrument().get();

    assertThat(instrument.id()).isEqualTo("mood");
    assertThat(instrument.version()).isEqualTo("2");
    assertThat(instrument.items()).extracting(Item::id).containsExactly("1_a", "1_b", "1_c");
    assertThat(instrument.items())
        .extracting(Item::scale)
        .containsExactly(
            new ResponseScale.YesNo(),
            new ResponseScale.VisualAnalogue(),
            new ResponseScale.Likert(1, 7, List.of()));
    assertThat(instrument.notes())
        .anySatisfy(
            note -> assertThat(note).isEqualTo("Not scored (not a scale): comment (string)."));
  }

  @Test
  void aForeignQuestionnaireThatCannotBeScoredSaysWhereAndWhy() {
    Questionnaire gaps = foreignPhq9();
    gaps.getItem().get(2).getAnswerOption().remove(1);
    Questionnaire noOrdinal = foreignPhq9();
    noOrdinal.getItem().get(3).getAnswerOption().get(2).getExtension().clear();
    Questionnaire valueSet = foreignPhq9();
    valueSet.getItem().get(1).getAnswerOption().clear();
    valueSet.getItem().get(1).setAnswerValueSet("http://loinc.org/vs/LL358-3");

    assertThat(FhirQuestionnaire.toInstrument(gaps).problems())
        .containsExactly(
            new DefinitionProblem(
                "Questionnaire.item[2].answerOption",
                "the ordinal values must be the whole numbers from the lowest to the highest, one option each; found [0, 2, 3]"));
    assertThat(FhirQuestionnaire.toInstrument(noOrdinal).problems())
        .containsExactly(
            new DefinitionProblem(
                "Questionnaire.item[3].answerOption[2]",
                "no ordinalValue: the answer cannot be scored"));
    assertThat(FhirQuestionnaire.toInstrument(valueSet).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where()).isEqualTo("Questionnaire.item[1].answerOption");
              assertThat(problem.message())
                  .startsWith(
                      "answers from the value set http://loinc.org/vs/LL358-3 cannot be scored");
            });
  }

  @Test
  void readingJsonReportsSyntaxErrorsWithLineAndColumnAndOtherResourcesByName() {
    assertThat(
            FhirQuestionnaire.read("{\n  \"resourceType\": \"Questionnaire\",\n  \"item\": [\n}")
                .problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where()).isEqualTo("line 4, column 1");
              assertThat(problem.message())
                  .isEqualTo("not valid JSON: '}' where ']' was expected to close the array");
            });
    assertThat(FhirQuestionnaire.read("{\"resourceType\": \"Patient\"}").problems())
        .containsExactly(
            new DefinitionProblem(
                "$.resourceType", "expected a FHIR Questionnaire, found resourceType \"Patient\""));
    assertThat(FhirQuestionnaire.read("").problems())
        .containsExactly(
            new DefinitionProblem("$", "the file is empty: expected a FHIR Questionnaire"));
  }

  @Test
  void anEditedDefinitionMustStillMatchTheQuestionnaireUrlAndVersion() {
    Questionnaire questionnaire = FhirQuestionnaire.toQuestionnaire(PHQ9);
    questionnaire.setVersion("2.0");

    assertThat(FhirQuestionnaire.toInstrument(questionnaire).problems())
        .containsExactly(
            new DefinitionProblem(
                "Questionnaire.version",
                "the version is 2.0 but the definition is of version 1.0"));

    questionnaire.setVersion("1.0").setUrl(Fhir.questionnaireUrl("gad-7"));
    assertThat(FhirQuestionnaire.toInstrument(questionnaire).problems())
        .containsExactly(
            new DefinitionProblem(
                "Questionnaire.url",
                "the url names instrument 'gad-7' but the definition is of 'phq-9'"));
  }
}
