package org.alliance.io.fhir;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;

/** HAPI's validator against the base R4 profiles, offline. Slow to start: create one per test class. */
final class FhirValidation {
  private final FhirValidator validator;

  FhirValidation() {
    var context = Fhir.context();
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(context),
        new InMemoryTerminologyServerValidationSupport(context),
        new CommonCodeSystemsTerminologyService(context));
    FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
    validator = context.newValidator().registerValidatorModule(instanceValidator);
  }

  /** Every message of the validator. */
  List<SingleValidationMessage> messages(IBaseResource resource) {
    ValidationResult result = validator.validateWithResult(resource);
    return result.getMessages();
  }

  /** The errors and fatal errors. */
  List<SingleValidationMessage> errors(IBaseResource resource) {
    return messages(resource).stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .toList();
  }
}
