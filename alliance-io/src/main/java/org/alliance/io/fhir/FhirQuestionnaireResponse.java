package org.alliance.io.fhir;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * Administration -&gt; FHIR QuestionnaireResponse. Every answer state survives: a value, an answer
 * skipped or declined (an item without answer and with a data-absent-reason), text that was not a
 * number. {@link FhirImport} reads these back into equal administrations.
 */
public final class FhirQuestionnaireResponse {
  /**
   * data-absent-reason codes: declined and skipped are written; asked-unknown is read as skipped
   * too.
   */
  static final String DECLINED = "asked-declined";

  static final String SKIPPED = "not-applicable";
  static final String SKIPPED_TOO = "asked-unknown";
  static final String MISSING = "unknown";

  /** On an item whose unreadable answer was empty text, which a FHIR string cannot hold. */
  static final String UNREADABLE_EMPTY = "error";

  /** Every code of the data-absent-reason code system; those not named above read as missing. */
  static final List<String> ABSENT_REASONS =
      List.of(
          "unknown",
          "asked-unknown",
          "temp-unknown",
          "not-asked",
          "asked-declined",
          "masked",
          "not-applicable",
          "unsupported",
          "as-text",
          "error",
          "not-a-number",
          "negative-infinity",
          "positive-infinity",
          "not-performed",
          "not-permitted");

  private FhirQuestionnaireResponse() {}

  /**
   * The response for an administration of this instrument.
   *
   * @param incomplete the status when some item has no answer: in-progress, or stopped when the
   *     respondent will not finish it
   */
  public static QuestionnaireResponse toResponse(
      Administration administration,
      Instrument instrument,
      QuestionnaireResponseStatus incomplete) {
    QuestionnaireResponse response = new QuestionnaireResponse();
    response.addExtension(Fhir.SESSION, new UnsignedIntType(administration.session()));
    administration
        .respondent()
        .ifPresent(
            respondent ->
                response.addExtension(
                    Fhir.RESPONDENT, new CodeType(respondent.name().toLowerCase(Locale.ROOT))));
    // The version the answers were given in is pinned, so the response still reads right after an
    // update.
    response.setQuestionnaire(
        Fhir.questionnaireUrl(instrument.id())
            + "|"
            + administration.instrumentVersion().orElse(instrument.version()));
    response.setSubject(subject(administration.client()));
    administration.date().ifPresent(date -> response.setAuthoredElement(date(date)));

    int unanswered = 0;
    Set<String> written = new HashSet<>();
    for (Item item : instrument.items()) {
      Answer answer = administration.answers().get(item.id());
      if (answer == null || answer == Answer.NotAnswered.MISSING) {
        unanswered++;
      }
      if (answer != null) {
        response.addItem(item(item.id(), answer, item));
        written.add(item.id());
      }
    }
    // Answers to items the instrument does not have are kept, so nothing is lost; reading them back
    // reports each as an unknown linkId.
    for (Map.Entry<String, Answer> entry : administration.answers().entrySet()) {
      if (!written.contains(entry.getKey())) {
        response.addItem(item(entry.getKey(), entry.getValue(), null));
      }
    }
    response.setStatus(unanswered == 0 ? QuestionnaireResponseStatus.COMPLETED : incomplete);
    int items = instrument.items().size();
    response.setText(
        Fhir.narrative(
            instrument.title().en()
                + " (version "
                + administration.instrumentVersion().orElse(instrument.version())
                + "), client "
                + administration.client()
                + ", session "
                + administration.session()
                + administration.date().map(date -> ", " + date).orElse("")
                + ": "
                + (items - unanswered)
                + " of "
                + items
                + " items answered."));
    return response;
  }

  /**
   * {@code Patient/<client>}; a client reference that is not a valid FHIR id goes in an identifier.
   */
  static Reference subject(String client) {
    Reference reference = new Reference();
    if (Fhir.isId(client)) {
      reference.setReference("Patient/" + client);
    } else {
      reference
          .setType("Patient")
          .setIdentifier(new Identifier().setSystem(Fhir.CLIENT_SYSTEM).setValue(client));
    }
    return reference;
  }

  /**
   * {@code Practitioner/<clinician>}, the clinician who gave the questionnaire; a reference that is
   * not a valid FHIR id goes in an identifier, as for the client.
   */
  static Reference author(String clinician) {
    Reference reference = new Reference();
    if (Fhir.isId(clinician)) {
      reference.setReference("Practitioner/" + clinician);
    } else {
      reference
          .setType("Practitioner")
          .setIdentifier(new Identifier().setSystem(Fhir.CLINICIAN_SYSTEM).setValue(clinician));
    }
    return reference;
  }

  static DateTimeType date(LocalDate date) {
    return new DateTimeType(date.toString()); // day precision, as written
  }

  private static QuestionnaireResponseItemComponent item(String linkId, Answer answer, Item item) {
    QuestionnaireResponseItemComponent component =
        new QuestionnaireResponseItemComponent().setLinkId(linkId);
    if (answer instanceof Answer.Value value) {
      component.addAnswer().setValue(value(value.value(), item));
    } else if (answer instanceof Answer.Unreadable unreadable) {
      if (unreadable.raw().isBlank()) {
        component.addExtension(Fhir.DATA_ABSENT_REASON, new CodeType(UNREADABLE_EMPTY));
      } else {
        component.addAnswer().setValue(new StringType(unreadable.raw()));
      }
    } else {
      String reason =
          switch ((Answer.NotAnswered) answer) {
            case DECLINED -> DECLINED;
            case SKIPPED -> SKIPPED;
            case MISSING -> MISSING;
          };
      component.addExtension(Fhir.DATA_ABSENT_REASON, new CodeType(reason));
    }
    return component;
  }

  private static org.hl7.fhir.r4.model.Type value(double value, Item item) {
    if (!Double.isFinite(value)) {
      // A FHIR decimal cannot hold it; as text it is read back as an unreadable answer, invalid
      // either way.
      return new StringType(Double.toString(value));
    }
    if (item == null || item.scale() instanceof ResponseScale.VisualAnalogue) {
      return new DecimalType(AnswerCodes.decimal(value));
    }
    // Values off the scale are written as they are: the scorer reports them, nothing is clamped.
    return new Coding(Fhir.ANSWER_SYSTEM, AnswerCodes.code(value), anchor(item.scale(), value));
  }

  private static String anchor(ResponseScale scale, double value) {
    if (scale instanceof ResponseScale.YesNo) {
      return value == 1 ? "Yes" : value == 0 ? "No" : null;
    }
    if (scale instanceof ResponseScale.Likert likert
        && !likert.anchors().isEmpty()
        && value == Math.rint(value)
        && value >= likert.minValue()
        && value <= likert.maxValue()) {
      return likert.anchors().get((int) value - likert.minValue());
    }
    return null;
  }
}
