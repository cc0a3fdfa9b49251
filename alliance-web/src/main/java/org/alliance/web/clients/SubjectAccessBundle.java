package org.alliance.web.clients;

import java.util.List;
import java.util.UUID;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.trend.Alert;
import org.alliance.io.fhir.Fhir;
import org.alliance.io.fhir.FhirExport;
import org.alliance.io.fhir.ScoredAdministration;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The subject-access export as a FHIR R4 transaction Bundle: what the FHIR export holds (the
 * Questionnaires, a QuestionnaireResponse and score Observation per administration, a Flag per
 * current alert), plus what that export leaves out on purpose because this one goes to the person
 * themself: a Patient with the clinic's reference as identifier, the date of birth, the language
 * and the contacts as telecom. Every reference to the client points at that Patient.
 */
final class SubjectAccessBundle {
  /** The code system of the languages of the client's pages (BCP 47). */
  private static final String LANGUAGE_SYSTEM = "urn:ietf:bcp:47";

  private SubjectAccessBundle() {}

  static Bundle of(
      SubjectAccess held, Catalog catalog, List<ScoredAdministration> scored, List<Alert> alerts) {
    Bundle bundle = FhirExport.of(catalog).bundle(scored, alerts);
    Patient patient = patient(held);
    String fullUrl = "urn:uuid:" + UUID.randomUUID();
    Identifier identifier = patient.getIdentifierFirstRep();
    // The exported resources name the client by reference or identifier; here they point at the
    // Patient of the same Bundle.
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      relink(entry.getResource(), fullUrl, identifier);
    }
    Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent();
    entry
        .setFullUrl(fullUrl)
        .setResource(patient)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient")
        .setIfNoneExist("identifier=" + identifier.getSystem() + "|" + identifier.getValue());
    bundle.getEntry().add(0, entry);
    return bundle;
  }

  private static Patient patient(SubjectAccess held) {
    ClientDetails details = held.record().details();
    Patient patient = new Patient();
    patient
        .addIdentifier()
        .setUse(Identifier.IdentifierUse.USUAL)
        .setSystem(Fhir.CLIENT_SYSTEM)
        .setValue(held.client().reference());
    patient.setActive(held.record().dischargedAt().isEmpty());
    details.birthDate().ifPresent(born -> patient.setBirthDate(java.sql.Date.valueOf(born)));
    details
        .email()
        .ifPresent(
            email ->
                patient
                    .addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(email.value()));
    details
        .mobile()
        .ifPresent(
            mobile ->
                patient
                    .addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setUse(ContactPoint.ContactPointUse.MOBILE)
                    .setValue(mobile.value()));
    patient
        .addCommunication()
        .setPreferred(true)
        .setLanguage(
            new CodeableConcept(
                new Coding(
                    LANGUAGE_SYSTEM, details.language().code(), details.language().label())));
    return patient;
  }

  /** Points every reference to a Patient in the resource at the Bundle's Patient. */
  private static void relink(Resource resource, String fullUrl, Identifier identifier) {
    for (Reference reference :
        Fhir.context().newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
      boolean patient =
          "Patient".equals(reference.getType())
              || (reference.getReference() != null
                  && reference.getReference().startsWith("Patient/"));
      if (patient) {
        reference.setReference(fullUrl).setType("Patient").setIdentifier(identifier.copy());
      }
    }
  }
}
