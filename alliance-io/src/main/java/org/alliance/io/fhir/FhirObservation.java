package org.alliance.io.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.instrument.Respondent;
import org.alliance.core.instrument.Subscale;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Problem;
import org.alliance.core.scoring.Score;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * Score -&gt; FHIR Observation: the total with unit {@code {score}}, coded in LOINC where the
 * instrument has a LOINC total (PHQ-9 44261-6, GAD-7 70274-6) and in the toolkit's score code
 * system otherwise; the band and the clinical cutoff as interpretations; subscales and answered
 * risk items as components.
 */
public final class FhirObservation {
  static final String UNIT = "{score}";

  private FhirObservation() {}

  /**
   * The Observation of a score.
   *
   * @param response the reference of the QuestionnaireResponse it is derived from
   */
  public static Observation toObservation(
      Administration administration, Score score, Instrument instrument, Reference response) {
    Observation observation = new Observation();
    observation.addExtension(Fhir.SESSION, new UnsignedIntType(administration.session()));
    observation.setStatus(ObservationStatus.FINAL);
    observation.addCategory(
        new CodeableConcept(new Coding(Fhir.OBSERVATION_CATEGORY_SYSTEM, "survey", "Survey")));
    observation.setCode(totalCode(instrument));
    observation.setSubject(FhirQuestionnaireResponse.subject(administration.client()));
    if (administration.respondent().orElse(instrument.respondent()) == Respondent.CLIENT) {
      observation.addPerformer(
          FhirQuestionnaireResponse.subject(administration.client())); // a self-report
    }
    administration
        .date()
        .ifPresent(date -> observation.setEffective(FhirQuestionnaireResponse.date(date)));
    observation.addDerivedFrom(response);

    String about =
        ", client "
            + administration.client()
            + ", session "
            + administration.session()
            + administration.date().map(date -> ", " + date).orElse("")
            + ".";
    if (score.valid() && score.total().isPresent()) {
      observation.setValue(quantity(score.total().getAsDouble()));
      observation.setText(
          Fhir.narrative(
              observation.getCode().getText()
                  + ": "
                  + Numbers.format(score.total().getAsDouble())
                  + score.band().map(band -> " (" + band.label() + ")").orElse("")
                  + instrument
                      .clinicalCutoff()
                      .flatMap(
                          cutoff ->
                              score
                                  .clinical()
                                  .map(clinical -> ", " + clinical(cutoff, clinical).getText()))
                      .orElse("")
                  + about));
      score
          .band()
          .ifPresent(
              band ->
                  observation.addInterpretation(
                      new CodeableConcept(
                              new Coding(Fhir.BAND_SYSTEM, bandCode(band.label()), band.label()))
                          .setText(band.label())));
      instrument
          .clinicalCutoff()
          .ifPresent(
              cutoff ->
                  score
                      .clinical()
                      .ifPresent(
                          clinical -> observation.addInterpretation(clinical(cutoff, clinical))));
    } else {
      boolean onlyMissing =
          score.problems().stream()
              .filter(problem -> problem.kind().invalidates())
              .allMatch(problem -> problem.kind() == Problem.Kind.TOO_MANY_MISSING);
      String reason = onlyMissing ? "unknown" : "error";
      observation.setDataAbsentReason(
          new CodeableConcept(
                  new Coding(
                      Fhir.DATA_ABSENT_REASON_SYSTEM, reason, onlyMissing ? "Unknown" : "Error"))
              .setText("not scored"));
      observation.setText(Fhir.narrative(observation.getCode().getText() + ": not scored" + about));
    }
    for (Subscale subscale : instrument.subscales()) {
      Double value = score.subscales().get(subscale.id());
      if (value != null) {
        observation.addComponent(
            new ObservationComponentComponent(
                    new CodeableConcept(
                            new Coding(
                                Fhir.SCORE_SYSTEM,
                                instrument.id() + ":" + subscale.id(),
                                subscale.label().en()))
                        .setText(subscale.label().en()))
                .setValue(quantity(value)));
      }
    }
    List<String> riskNotes = new ArrayList<>();
    for (String itemId : score.flags()) {
      instrument
          .item(itemId)
          .ifPresent(
              item -> {
                observation.addComponent(riskItem(item, administration.answer(itemId)));
                riskNotes.add(
                    itemId
                        + " ("
                        + item.label().en()
                        + ") = "
                        + answerText(administration.answer(itemId)));
              });
    }
    if (!riskNotes.isEmpty()) {
      String note =
          "Risk item answered above its minimum: "
              + String.join("; ", riskNotes)
              + ". Check risk with the client whatever the total.";
      observation.addNote().setText(note);
      observation.getText().getDiv().addTag("p").addText(Fhir.xmlText(note));
    }
    if (score.prorated()) {
      observation
          .addNote()
          .setText(
              "Prorated over "
                  + score.missing().size()
                  + " missing item(s): "
                  + String.join(", ", score.missing())
                  + ".");
    }
    if (!score.problems().isEmpty()) {
      List<String> messages = score.problems().stream().map(Problem::message).toList();
      observation
          .addNote()
          .setText((score.valid() ? "Note: " : "Not scored: ") + String.join("; ", messages));
    }
    return observation;
  }

  /**
   * The code of an instrument's total: LOINC where it has one, the toolkit's score code otherwise.
   */
  static CodeableConcept totalCode(Instrument instrument) {
    String text =
        instrument.title().en()
            + " "
            + switch (instrument.scoringRule()) {
              case SUM -> "total score";
              case MEAN -> "mean item score";
              case MEAN_TIMES_10 -> "clinical score (mean x 10)";
              case COUNT_YES -> "number of yes answers";
            };
    Coding coding =
        instrument.loincTotal().isPresent()
            ? new Coding(Fhir.LOINC, instrument.loincTotal().get(), null)
            : new Coding(Fhir.SCORE_SYSTEM, instrument.id(), text);
    return new CodeableConcept(coding).setText(text);
  }

  private static CodeableConcept clinical(Cutoff cutoff, boolean clinical) {
    String rule = cutoff.label() + " (" + cutoff.describe() + ")";
    return new CodeableConcept(
            clinical
                ? new Coding(Fhir.INTERPRETATION_SYSTEM, "A", "Abnormal")
                : new Coding(Fhir.INTERPRETATION_SYSTEM, "N", "Normal"))
        .setText(clinical ? rule : "not " + rule);
  }

  private static ObservationComponentComponent riskItem(Item item, Answer answer) {
    CodeableConcept code = new CodeableConcept().setText(item.label().en());
    item.loinc().ifPresent(loinc -> code.addCoding(new Coding(Fhir.LOINC, loinc, null)));
    code.addCoding(new Coding(Fhir.ITEM_SYSTEM, item.id(), item.label().en()));
    ObservationComponentComponent component = new ObservationComponentComponent(code);
    if (answer instanceof Answer.Value value && Double.isFinite(value.value())) {
      component.setValue(
          new CodeableConcept(
              new Coding(Fhir.ANSWER_SYSTEM, AnswerCodes.code(value.value()), null)));
    }
    component.addInterpretation(
        new CodeableConcept(new Coding(Fhir.INTERPRETATION_SYSTEM, "AA", "Critical abnormal"))
            .setText("risk item answered above its minimum"));
    return component;
  }

  private static String answerText(Answer answer) {
    return answer instanceof Answer.Value value ? Numbers.format(value.value()) : answer.toString();
  }

  static Quantity quantity(double value) {
    return new Quantity()
        .setValue(AnswerCodes.decimal(value))
        .setUnit(UNIT)
        .setSystem(Fhir.UCUM)
        .setCode(UNIT);
  }

  /** {@code moderately-severe} for "moderately severe". */
  static String bandCode(String label) {
    String code =
        label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return code.isEmpty() ? "band" : code;
  }
}
