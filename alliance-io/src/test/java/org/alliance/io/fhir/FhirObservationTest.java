package org.alliance.io.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Score;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the Observation of a score says: code, value, band, cutoff side, subscales, risk items, and
 * why a form was not scored.
 */
class FhirObservationTest {
  private static final Reference RESPONSE =
      new Reference("urn:uuid:00000000-0000-0000-0000-000000000001");

  /** An administration whose items all have the same answer, except those given. */
  private static Administration administration(
      String instrumentId, double each, Map<String, Answer> except) {
    Instrument instrument = FhirFixtures.CATALOG.get(instrumentId);
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (Item item : instrument.items()) {
      answers.put(item.id(), except.getOrDefault(item.id(), Answer.of(each)));
    }
    answers.values().removeIf(answer -> answer == Answer.NotAnswered.MISSING);
    return new Administration(
        instrumentId,
        Optional.of(instrument.version()),
        "c001",
        4,
        Optional.of(LocalDate.of(2026, 2, 4)),
        Optional.empty(),
        answers);
  }

  private static Observation observation(Administration administration) {
    Instrument instrument = FhirFixtures.CATALOG.get(administration.instrumentId());
    Score score = FhirFixtures.SCORER.score(administration);
    return FhirObservation.toObservation(administration, score, instrument, RESPONSE);
  }

  private static Map<String, Answer> phq9(int... values) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      answers.put("phq9_" + (i + 1), Answer.of(values[i]));
    }
    return answers;
  }

  private static List<String> codes(CodeableConcept concept) {
    return concept.getCoding().stream()
        .map(coding -> coding.getSystem() + "|" + coding.getCode())
        .toList();
  }

  @Test
  void aPhq9TotalIsLoinc44261_6WithUnitScoreBandAndCutoff() {
    Observation observation =
        observation(administration("phq-9", 0, phq9(2, 1, 0, 3, 1, 2, 0, 1, 0)));

    assertThat(observation.getStatus()).isEqualTo(ObservationStatus.FINAL);
    assertThat(codes(observation.getCategoryFirstRep()))
        .containsExactly("http://terminology.hl7.org/CodeSystem/observation-category|survey");
    assertThat(codes(observation.getCode())).containsExactly("http://loinc.org|44261-6");
    assertThat(observation.getCode().getText())
        .isEqualTo("Patient Health Questionnaire-9 total score");
    Quantity value = observation.getValueQuantity();
    assertThat(value.getValue()).isEqualByComparingTo("10");
    assertThat(value.getUnit()).isEqualTo("{score}");
    assertThat(value.getSystem()).isEqualTo("http://unitsofmeasure.org");
    assertThat(value.getCode()).isEqualTo("{score}");
    assertThat(observation.getInterpretation()).hasSize(2);
    assertThat(observation.getInterpretation().get(0).getText()).isEqualTo("moderate");
    assertThat(codes(observation.getInterpretation().get(0)))
        .containsExactly(Fhir.BAND_SYSTEM + "|moderate");
    assertThat(codes(observation.getInterpretation().get(1)))
        .containsExactly("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation|A");
    assertThat(observation.getInterpretation().get(1).getText())
        .isEqualTo("clinical range (caseness) (total >= 10)");
    assertThat(observation.getSubject().getReference()).isEqualTo("Patient/c001");
    assertThat(observation.getPerformerFirstRep().getReference()).isEqualTo("Patient/c001");
    assertThat(observation.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-02-04");
    assertThat(observation.getDerivedFrom())
        .extracting(Reference::getReference)
        .containsExactly(RESPONSE.getReference());
    assertThat(observation.hasDataAbsentReason()).isFalse();
  }

  @ParameterizedTest(name = "PHQ-9 total {0}: band {1}, clinical code {2}")
  @CsvSource({
    "4, minimal, N",
    "5, mild, N",
    "9, mild, N",
    "10, moderate, A",
    "14, moderate, A",
    "15, moderately severe, A",
    "19, moderately severe, A",
    "20, severe, A",
    "27, severe, A"
  })
  void phq9BandsAndCaseFlagAtTheirBoundaries(int total, String band, String clinical) {
    int[] values = new int[9];
    for (int i = 0, left = total; i < 9; i++) {
      values[i] = Math.min(3, left);
      left -= values[i];
    }
    Observation observation = observation(administration("phq-9", 0, phq9(values)));

    assertThat(observation.getValueQuantity().getValue())
        .isEqualByComparingTo(BigDecimal.valueOf(total));
    assertThat(observation.getInterpretation().get(0).getText()).isEqualTo(band);
    assertThat(observation.getInterpretation().get(1).getCodingFirstRep().getCode())
        .isEqualTo(clinical);
  }

  @ParameterizedTest(name = "SRS total {0}: concern {1}")
  @CsvSource({"36.0, N", "35.9, A", "40, N", "0, A"})
  void srsConcernIsBelow36NotAt36(double total, String code) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    double left = total;
    for (int i = 1; i <= 4; i++) {
      double value = Math.min(10, Math.round(left * 10) / 10.0);
      answers.put("srs_" + i, Answer.of(value));
      left -= value;
    }
    Observation observation = observation(administration("srs", 0, answers));

    assertThat(codes(observation.getCode())).containsExactly(Fhir.SCORE_SYSTEM + "|srs");
    assertThat(observation.getValueQuantity().getValue())
        .isEqualByComparingTo(BigDecimal.valueOf(total));
    assertThat(observation.getInterpretation())
        .singleElement()
        .satisfies(
            interpretation ->
                assertThat(interpretation.getCodingFirstRep().getCode()).isEqualTo(code));
  }

  @Test
  void aGad7TotalIsLoinc70274_6() {
    assertThat(codes(observation(administration("gad-7", 1, Map.of())).getCode()))
        .containsExactly("http://loinc.org|70274-6");
  }

  @Test
  void subscalesAreComponentsInTheLocalScoreCodeSystem() {
    Observation observation =
        observation(administration("wai-sr", 3, Map.of("waisr_4", Answer.of(5))));

    assertThat(observation.getValueQuantity().getValue()).isEqualByComparingTo("38");
    assertThat(observation.getComponent())
        .extracting(
            c -> codes(c.getCode()).get(0) + "=" + c.getValueQuantity().getValue().toPlainString())
        .containsExactly(
            Fhir.SCORE_SYSTEM + "|wai-sr:goal=14",
            Fhir.SCORE_SYSTEM + "|wai-sr:task=12",
            Fhir.SCORE_SYSTEM + "|wai-sr:bond=12");
  }

  @Test
  void aProratedTotalSaysSoInANote() {
    Observation observation =
        observation(administration("core-10", 2, Map.of("core10_4", Answer.NotAnswered.MISSING)));

    assertThat(observation.getValueQuantity().getValue())
        .isEqualByComparingTo(BigDecimal.valueOf(20.0));
    assertThat(observation.getNote())
        .extracting(note -> note.getText())
        .contains("Prorated over 1 missing item(s): core10_4.");
  }

  @Test
  void anInvalidFormHasNoValueButADataAbsentReasonAndItsReasons() {
    Observation tooFew =
        observation(
            administration(
                "phq-9", 1, Map.of("phq9_2", Answer.NotAnswered.DECLINED, "phq9_9", Answer.of(0))));
    Observation wrong =
        observation(
            administration("phq-9", 1, Map.of("phq9_2", Answer.of(7), "phq9_9", Answer.of(0))));

    assertThat(tooFew.hasValue()).isFalse();
    assertThat(tooFew.hasInterpretation()).isFalse();
    assertThat(codes(tooFew.getDataAbsentReason()))
        .containsExactly("http://terminology.hl7.org/CodeSystem/data-absent-reason|unknown");
    assertThat(tooFew.getNote())
        .extracting(note -> note.getText())
        .containsExactly("Not scored: 1 of 9 items missing (phq9_2); phq-9 allows none");
    assertThat(codes(wrong.getDataAbsentReason()))
        .containsExactly("http://terminology.hl7.org/CodeSystem/data-absent-reason|error");
    assertThat(wrong.getNote())
        .extracting(note -> note.getText())
        .containsExactly("Not scored: item phq9_2: expected 0-3, found 7");
  }

  @Test
  void aRiskItemIsSurfacedEvenWhenTheFormIsNotScored() {
    Observation observation =
        observation(
            administration(
                "phq-9", 0, Map.of("phq9_9", Answer.of(2), "phq9_1", Answer.NotAnswered.MISSING)));

    assertThat(observation.hasValue()).isFalse();
    ObservationComponentComponent risk = observation.getComponent().get(0);
    assertThat(codes(risk.getCode()))
        .containsExactly("http://loinc.org|44260-8", Fhir.ITEM_SYSTEM + "|phq9_9");
    assertThat(codes(risk.getValueCodeableConcept())).containsExactly(Fhir.ANSWER_SYSTEM + "|2");
    assertThat(risk.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("AA");
    assertThat(observation.getNote())
        .extracting(note -> note.getText())
        .contains(
            "Risk item answered above its minimum: phq9_9 (Thoughts of death or self-harm) = 2. Check risk with the client whatever the total.");
    assertThat(observation.getText().getDivAsString())
        .contains("Risk item answered above its minimum");
  }

  @Test
  void aThirdPartyRatingNamesNoPerformerAndACountOfYesIsSaidSo() {
    Observation therapist = observation(administration("haq-ii-t", 4, Map.of()));
    Observation selfCheck =
        observation(administration("self-check", 1, Map.of("selfcheck_3", Answer.of(0))));

    assertThat(therapist.hasPerformer()).isFalse();
    assertThat(selfCheck.getCode().getText())
        .isEqualTo("Alliance self-check number of yes answers");
    assertThat(selfCheck.getValueQuantity().getValue()).isEqualByComparingTo("7");
    assertThat(selfCheck.getInterpretation())
        .extracting(CodeableConcept::getText)
        .containsExactly(
            "one or more questions answered no: worth talking over with the therapist (total < 8)");
    assertThat(codes(selfCheck.getInterpretationFirstRep()))
        .containsExactly("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation|A");
    assertThat(selfCheck.getCode().getCoding())
        .extracting(Coding::getCode)
        .containsExactly("self-check");
  }
}
