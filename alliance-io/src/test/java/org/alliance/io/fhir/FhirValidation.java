package org.alliance.io.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Instrument;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * HAPI's validator against the base R4 profiles, offline, knowing the Questionnaires of the catalog
 * so that every QuestionnaireResponse is also checked against its Questionnaire (item types, answer
 * options). Slow to start: create one per test class.
 */
final class FhirValidation {
  private final FhirValidator validator;

  FhirValidation() {
    var context = Fhir.context();
    Map<String, Questionnaire> byCanonical = new HashMap<>();
    for (Instrument instrument : FhirFixtures.CATALOG.instruments()) {
      Questionnaire questionnaire = FhirQuestionnaire.toQuestionnaire(instrument);
      questionnaire.setId(instrument.id());
      byCanonical.put(questionnaire.getUrl(), questionnaire);
      byCanonical.put(questionnaire.getUrl() + "|" + questionnaire.getVersion(), questionnaire);
    }
    // HAPI's pre-populated support holds conformance resources only; Questionnaires are served
    // here.
    IValidationSupport questionnaires =
        new IValidationSupport() {
          @Override
          public FhirContext getFhirContext() {
            return context;
          }

          @Override
          public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
            Questionnaire found = byCanonical.get(url);
            return found != null && (type == null || type.isInstance(found))
                ? (type == null ? null : type.cast(found))
                : null;
          }
        };
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(context),
            questionnaires,
            new InMemoryTerminologyServerValidationSupport(context),
            new CommonCodeSystemsTerminologyService(context));
    validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
  }

  /** Every message of the validator. */
  List<SingleValidationMessage> messages(IBaseResource resource) {
    return validator.validateWithResult(resource).getMessages();
  }

  static boolean isError(SingleValidationMessage message) {
    return message.getSeverity() == ResultSeverityEnum.ERROR
        || message.getSeverity() == ResultSeverityEnum.FATAL;
  }

  static String describe(SingleValidationMessage message) {
    return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
  }
}
