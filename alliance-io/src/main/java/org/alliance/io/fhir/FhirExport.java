package org.alliance.io.fhir;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.core.trend.Alert;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes administrations, their scores and alerts as FHIR R4: one transaction Bundle, or NDJSON
 * with one resource per line. Each administration becomes a QuestionnaireResponse and an
 * Observation derived from it, each alert a Flag; the Questionnaire of every instrument used comes
 * first. Resource ids are UUIDs made from the client, instrument and session, so the same input
 * always gives the same output and a server told to create only what it does not have yet ({@code
 * ifNoneExist}) can take a file twice.
 */
public final class FhirExport {
  private final Catalog catalog;
  private final QuestionnaireResponseStatus incomplete;
  private final boolean questionnaires;

  private FhirExport(
      Catalog catalog, QuestionnaireResponseStatus incomplete, boolean questionnaires) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.incomplete = incomplete;
    this.questionnaires = questionnaires;
  }

  /** An export of administrations of the catalog's instruments. */
  public static FhirExport of(Catalog catalog) {
    return new FhirExport(catalog, QuestionnaireResponseStatus.INPROGRESS, true);
  }

  /**
   * The same, writing a response with unanswered items as stopped (given up) rather than
   * in-progress.
   */
  public FhirExport incompleteAsStopped() {
    return new FhirExport(catalog, QuestionnaireResponseStatus.STOPPED, questionnaires);
  }

  /** The same, without the Questionnaires (for a server that has them already). */
  public FhirExport withoutQuestionnaires() {
    return new FhirExport(catalog, incomplete, false);
  }

  /**
   * A transaction Bundle: every entry has a {@code urn:uuid} fullUrl and a POST request that
   * creates it only if the server has no resource with its identifier (its url and version for a
   * Questionnaire).
   *
   * @throws IllegalArgumentException when an administration's instrument is not in the catalog
   */
  public Bundle bundle(List<ScoredAdministration> administrations, List<Alert> alerts) {
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    Group group = new Group((type, uuid) -> new Reference("urn:uuid:" + uuid));
    group.add(administrations, alerts, new HashSet<>());
    for (Entry entry : group.entries) {
      bundle
          .addEntry()
          .setFullUrl("urn:uuid:" + entry.uuid())
          .setResource(entry.resource())
          .getRequest()
          .setMethod(HTTPVerb.POST)
          .setUrl(entry.resource().fhirType())
          .setIfNoneExist(entry.ifNoneExist());
    }
    return bundle;
  }

  /** Writes the transaction {@link #bundle} as pretty-printed JSON. */
  public void writeBundle(
      List<ScoredAdministration> administrations, List<Alert> alerts, Writer out)
      throws IOException {
    out.write(Fhir.toJson(bundle(administrations, alerts), true));
    out.write('\n');
    out.flush();
  }

  /**
   * A writer of NDJSON (FHIR bulk data): one resource per line, each with its id, references
   * relative ({@code QuestionnaireResponse/<id>}). It writes as it is given, in constant memory.
   */
  public FhirNdjsonWriter ndjson(Writer out) {
    return new FhirNdjsonWriter(this, out);
  }

  /** The resources of one group of administrations and alerts, for the NDJSON writer. */
  List<Resource> resources(
      List<ScoredAdministration> administrations,
      List<Alert> alerts,
      Set<String> questionnairesWritten) {
    Group group = new Group((type, uuid) -> new Reference(type + "/" + uuid));
    group.add(administrations, alerts, questionnairesWritten);
    List<Resource> resources = new ArrayList<>(group.entries.size());
    for (Entry entry : group.entries) {
      resources.add(entry.resource().setId(entry.uuid()));
    }
    return resources;
  }

  /** One resource with its id and the condition under which a server creates it. */
  private record Entry(Resource resource, String uuid, String ifNoneExist) {}

  /** Where an alert's Observation is, and the date of its session. */
  private record Target(Optional<LocalDate> date, Reference observation) {}

  /**
   * Builds the entries of one bundle or one NDJSON group, linking them by the given kind of
   * reference.
   */
  private final class Group {
    private final BiFunction<String, String, Reference> reference;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> occurrences = new HashMap<>();
    private final Map<String, Target> targets = new HashMap<>();
    private final Map<String, LocalDate> dates = new HashMap<>();

    Group(BiFunction<String, String, Reference> reference) {
      this.reference = reference;
    }

    void add(
        List<ScoredAdministration> administrations,
        List<Alert> alerts,
        Set<String> questionnairesWritten) {
      List<Entry> responses = new ArrayList<>();
      for (ScoredAdministration scored : administrations) {
        Administration administration = scored.administration();
        Instrument instrument =
            catalog
                .find(administration.instrumentId())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "cannot write client "
                                + administration.client()
                                + " session "
                                + administration.session()
                                + " as FHIR: "
                                + catalog.unknown(administration.instrumentId())));
        if (questionnaires && questionnairesWritten.add(instrument.id())) {
          Questionnaire questionnaire = FhirQuestionnaire.toQuestionnaire(instrument);
          entries.add(
              new Entry(
                  questionnaire,
                  uuid("Questionnaire", questionnaire.getUrl(), questionnaire.getVersion()),
                  "url=" + questionnaire.getUrl() + "&version=" + questionnaire.getVersion()));
        }
        String key =
            occurrence(
                key(
                    administration.client(),
                    instrument.id(),
                    Integer.toString(administration.session())));
        String responseId = uuid("QuestionnaireResponse", key);
        QuestionnaireResponse response =
            FhirQuestionnaireResponse.toResponse(administration, instrument, incomplete);
        scored
            .clinician()
            .ifPresent(
                clinician -> response.setAuthor(FhirQuestionnaireResponse.author(clinician)));
        responses.add(identified(response, responseId));
        String observationId = uuid("Observation", key);
        Reference observationReference = reference.apply("Observation", observationId);
        Observation observation =
            FhirObservation.toObservation(
                administration,
                scored.score(),
                instrument,
                reference.apply("QuestionnaireResponse", responseId));
        responses.add(identified(observation, observationId));
        targets.putIfAbsent(
            key(
                administration.client(),
                instrument.id(),
                Integer.toString(administration.session())),
            new Target(administration.date(), observationReference));
        administration
            .date()
            .ifPresent(
                date ->
                    dates.putIfAbsent(
                        key(administration.client(), Integer.toString(administration.session())),
                        date));
      }
      entries.addAll(responses);
      for (Alert alert : alerts) {
        String session = Integer.toString(alert.session());
        Optional<Target> target =
            Optional.ofNullable(targets.get(key(alert.client(), alert.measure(), session)));
        // An alert on two measures (the vicious circle) has no one Observation, but its session
        // still has a date.
        Optional<LocalDate> date =
            target
                .flatMap(Target::date)
                .or(() -> Optional.ofNullable(dates.get(key(alert.client(), session))));
        String flagId =
            uuid(
                "Flag",
                occurrence(key(alert.client(), alert.rule().id(), alert.measure(), session)));
        entries.add(
            identified(FhirFlag.toFlag(alert, date, target.map(Target::observation)), flagId));
      }
    }

    private Entry identified(Resource resource, String uuid) {
      Identifier identifier =
          new Identifier().setSystem(Fhir.IDENTIFIER_SYSTEM).setValue("urn:uuid:" + uuid);
      if (resource instanceof QuestionnaireResponse response) {
        response.setIdentifier(identifier);
      } else if (resource instanceof Observation observation) {
        observation.addIdentifier(identifier);
      } else if (resource instanceof Flag flag) {
        flag.addIdentifier(identifier);
      }
      return new Entry(
          resource, uuid, "identifier=" + Fhir.IDENTIFIER_SYSTEM + "|urn:uuid:" + uuid);
    }

    /**
     * The key, with the number of earlier uses appended from the second use on, so every id is
     * unique.
     */
    private String occurrence(String key) {
      int earlier = occurrences.merge(key, 1, Integer::sum) - 1;
      return earlier == 0 ? key : key + "#" + earlier;
    }
  }

  /** Parts joined with their lengths, so no two different lists give the same key. */
  private static String key(String... parts) {
    StringBuilder key = new StringBuilder();
    for (String part : parts) {
      key.append(part.length()).append(':').append(part).append(';');
    }
    return key.toString();
  }

  private static String uuid(String type, String... parts) {
    return UUID.nameUUIDFromBytes(
            ("alliance-fhir;" + type + ";" + key(parts)).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
