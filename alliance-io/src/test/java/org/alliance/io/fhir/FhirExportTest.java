package org.alliance.io.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertRule;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** The shape of the transaction Bundle and of NDJSON: entries, requests, ids, references, Flags. */
class FhirExportTest {
  private static final FhirExport EXPORT = FhirExport.of(FhirFixtures.CATALOG);

  private static List<ScoredAdministration> course(String client) {
    Random random = new Random(client.hashCode());
    List<ScoredAdministration> course = new ArrayList<>();
    for (int session = 1; session <= 3; session++) {
      course.add(
          ScoredAdministration.of(
              FhirFixtures.complete(FhirFixtures.CATALOG.get("phq-9"), random, client, session),
              FhirFixtures.SCORER));
      course.add(
          ScoredAdministration.of(
              FhirFixtures.complete(FhirFixtures.CATALOG.get("srs"), random, client, session),
              FhirFixtures.SCORER));
    }
    return course;
  }

  private static final Alert RUPTURE =
      new Alert(
          "c001",
          AlertRule.UNREPAIRED_RUPTURE,
          "srs",
          2,
          "The SRS fell to 28.4 at session 2 and has not come back",
          Map.of("depth", 7.5, "threshold", 36.0, "window", 2.0));

  private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream()
        .map(BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  @Test
  void aTransactionBundlePostsEveryResourceOnceUnderAUrnUuid() {
    Bundle bundle = EXPORT.bundle(course("c001"), List.of(RUPTURE));

    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
    assertThat(bundle.getEntry())
        .extracting(entry -> entry.getResource().fhirType())
        .containsExactly(
            "Questionnaire",
            "Questionnaire",
            "QuestionnaireResponse",
            "Observation",
            "QuestionnaireResponse",
            "Observation",
            "QuestionnaireResponse",
            "Observation",
            "QuestionnaireResponse",
            "Observation",
            "QuestionnaireResponse",
            "Observation",
            "QuestionnaireResponse",
            "Observation",
            "Flag");
    Set<String> fullUrls = new HashSet<>();
    for (BundleEntryComponent entry : bundle.getEntry()) {
      assertThat(entry.getFullUrl()).matches("urn:uuid:[0-9a-f-]{36}");
      assertThat(fullUrls.add(entry.getFullUrl())).isTrue();
      assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
      assertThat(entry.getRequest().getUrl()).isEqualTo(entry.getResource().fhirType());
      assertThat(entry.getResource().hasId()).isFalse();
    }
    assertThat(bundle.getEntry().get(0).getRequest().getIfNoneExist())
        .isEqualTo("url=https://alliancetoolkit.org/fhir/Questionnaire/phq-9&version=1.0");
    BundleEntryComponent response = bundle.getEntry().get(2);
    assertThat(response.getRequest().getIfNoneExist())
        .isEqualTo("identifier=" + Fhir.IDENTIFIER_SYSTEM + "|" + response.getFullUrl());
    assertThat(((QuestionnaireResponse) response.getResource()).getIdentifier().getValue())
        .isEqualTo(response.getFullUrl());
  }

  @Test
  void everyObservationIsDerivedFromItsResponseAndTheFlagPointsAtItsObservation() {
    Bundle bundle = EXPORT.bundle(course("c001"), List.of(RUPTURE));

    for (int i = 0; i < bundle.getEntry().size(); i++) {
      if (bundle.getEntry().get(i).getResource() instanceof Observation observation) {
        assertThat(observation.getDerivedFromFirstRep().getReference())
            .isEqualTo(bundle.getEntry().get(i - 1).getFullUrl());
      }
    }
    Flag flag = resources(bundle, Flag.class).get(0);
    String srsSession2 = bundle.getEntry().get(9).getFullUrl();
    assertThat(
            ((Observation) bundle.getEntry().get(9).getResource())
                .getCode()
                .getCodingFirstRep()
                .getCode())
        .isEqualTo("srs");
    assertThat(
            ((Reference)
                    flag.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/flag-detail")
                        .getValue())
                .getReference())
        .isEqualTo(srsSession2);
    assertThat(flag.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-01-21");

    Alert circle =
        new Alert(
            "c001",
            AlertRule.VICIOUS_CIRCLE,
            "srs+phq-9",
            3,
            "SRS falling while PHQ-9 does not improve",
            Map.of());
    Flag onTwoMeasures =
        resources(EXPORT.bundle(course("c001"), List.of(circle)), Flag.class).get(0);
    assertThat(onTwoMeasures.getPeriod().getStartElement().getValueAsString())
        .isEqualTo("2026-01-28");
    assertThat(
            onTwoMeasures.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/flag-detail"))
        .isNull();
  }

  @Test
  void aFlagKeepsTheExplanationTheRuleItsVersionAndTheNumbers() {
    Flag flag = FhirFlag.toFlag(RUPTURE, Optional.of(LocalDate.of(2026, 1, 21)), Optional.empty());

    assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE);
    assertThat(flag.getCode().getText())
        .isEqualTo("The SRS fell to 28.4 at session 2 and has not come back");
    assertThat(flag.getCode().getCodingFirstRep().getSystem()).isEqualTo(Fhir.ALERT_RULE_SYSTEM);
    assertThat(flag.getCode().getCodingFirstRep().getCode()).isEqualTo("unrepaired-rupture");
    assertThat(flag.getCategory())
        .extracting(category -> category.getCodingFirstRep().getCode())
        .containsExactly("alliance");
    assertThat(flag.getSubject().getReference()).isEqualTo("Patient/c001");
    assertThat(flag.getExtensionByUrl(Fhir.SESSION).getValue().primitiveValue()).isEqualTo("2");
    Extension rule = flag.getExtensionByUrl(Fhir.ALERT_RULE);
    assertThat(rule.getExtensionByUrl("id").getValue().primitiveValue())
        .isEqualTo("unrepaired-rupture");
    assertThat(rule.getExtensionByUrl("version").getValue().primitiveValue())
        .isEqualTo(AlertRule.UNREPAIRED_RUPTURE.version());
    assertThat(rule.getExtensionByUrl("measure").getValue().primitiveValue()).isEqualTo("srs");
    assertThat(rule.getExtensionsByUrl("number"))
        .extracting(
            number ->
                number.getExtensionByUrl("name").getValue().primitiveValue()
                    + "="
                    + ((DecimalType) number.getExtensionByUrl("value").getValue())
                        .getValue()
                        .toPlainString())
        .containsExactlyInAnyOrder("depth=7.5", "threshold=36", "window=2");

    Flag risk =
        FhirFlag.toFlag(
            new Alert("c001", AlertRule.CRITICAL_ITEM, "phq-9", 3, "Item 9 answered 2", Map.of()),
            Optional.empty(),
            Optional.empty());
    assertThat(risk.getCategory())
        .extracting(category -> category.getCodingFirstRep().getCode())
        .containsExactly("risk", "safety");
    assertThat(risk.hasPeriod()).isFalse();
  }

  @Test
  void theSameInputGivesTheSameBundleAndARepeatedSessionGetsItsOwnId() {
    List<ScoredAdministration> course = new ArrayList<>(course("c001"));
    course.add(
        course.get(
            0)); // the same form twice: a data error, but each copy must stay a separate resource

    String first = Fhir.toJson(EXPORT.bundle(course, List.of(RUPTURE)), false);
    String second = Fhir.toJson(EXPORT.bundle(course, List.of(RUPTURE)), false);
    Bundle bundle = EXPORT.bundle(course, List.of(RUPTURE));

    assertThat(first).isEqualTo(second);
    assertThat(bundle.getEntry().stream().map(BundleEntryComponent::getFullUrl).distinct().count())
        .isEqualTo(bundle.getEntry().size());
  }

  @Test
  void incompleteResponsesAreInProgressOrStoppedWhenAsked() {
    Administration incomplete =
        Administration.of("gad-7", "c001", 1, Optional.empty(), Map.of("gad7_1", Answer.of(2)));
    Administration declined =
        Administration.of(
            "gad-7",
            "c001",
            2,
            Optional.empty(),
            Map.of(
                "gad7_1",
                Answer.of(2),
                "gad7_2",
                Answer.NotAnswered.DECLINED,
                "gad7_3",
                Answer.NotAnswered.SKIPPED,
                "gad7_4",
                Answer.of(0),
                "gad7_5",
                Answer.of(0),
                "gad7_6",
                Answer.of(1),
                "gad7_7",
                Answer.of(1)));
    List<ScoredAdministration> forms =
        List.of(
            ScoredAdministration.of(incomplete, FhirFixtures.SCORER),
            ScoredAdministration.of(declined, FhirFixtures.SCORER));

    assertThat(resources(EXPORT.bundle(forms, List.of()), QuestionnaireResponse.class))
        .extracting(QuestionnaireResponse::getStatus)
        .containsExactly(
            QuestionnaireResponseStatus.INPROGRESS, QuestionnaireResponseStatus.COMPLETED);
    assertThat(
            resources(
                EXPORT.incompleteAsStopped().bundle(forms, List.of()), QuestionnaireResponse.class))
        .extracting(QuestionnaireResponse::getStatus)
        .containsExactly(
            QuestionnaireResponseStatus.STOPPED, QuestionnaireResponseStatus.COMPLETED);
    assertThat(EXPORT.withoutQuestionnaires().bundle(forms, List.of()).getEntry()).hasSize(4);
  }

  @Test
  void anInstrumentOutsideTheCatalogCannotBeWritten() {
    Administration unknown =
        Administration.of("bdi-ii", "c001", 1, Optional.empty(), Map.of("bdi_1", Answer.of(2)));
    FhirExport phq9Only = FhirExport.of(Catalog.of(List.of(FhirFixtures.CATALOG.get("phq-9"))));

    assertThatThrownBy(
            () ->
                phq9Only.bundle(
                    List.of(ScoredAdministration.of(unknown, FhirFixtures.SCORER)), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot write client c001 session 1 as FHIR: unknown instrument 'bdi-ii'; known: phq-9");
  }

  /** A writer that records how much had been written when each client's call returned. */
  private static final class CountingWriter extends Writer {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void write(char[] buffer, int offset, int length) {
      text.append(buffer, offset, length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void ndjsonStreamsOneResourcePerLineWithIdsAndRelativeReferences() throws IOException {
    CountingWriter out = new CountingWriter();
    List<Integer> linesAfterEachClient = new ArrayList<>();
    try (FhirNdjsonWriter writer = EXPORT.ndjson(out)) {
      for (String client : List.of("c001", "c002", "c003")) {
        writer.write(course(client), client.equals("c001") ? List.of(RUPTURE) : List.of());
        linesAfterEachClient.add((int) out.text.chars().filter(c -> c == '\n').count());
      }
      assertThat(writer.written()).isEqualTo(2 + 3 * 12 + 1);
    }

    // Written as given: each client's resources are out before the next client is passed in.
    assertThat(linesAfterEachClient).containsExactly(2 + 12 + 1, 2 + 12 + 1 + 12, 2 + 12 + 1 + 24);
    String[] lines = out.text.toString().split("\n");
    Set<String> ids = new HashSet<>();
    for (String line : lines) {
      Resource resource = (Resource) Fhir.jsonParser(false).parseResource(line);
      assertThat(resource.getIdElement().getIdPart()).matches("[0-9a-f-]{36}");
      assertThat(ids.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart())).isTrue();
    }
    for (String line : lines) {
      Resource resource = (Resource) Fhir.jsonParser(false).parseResource(line);
      if (resource instanceof Observation observation) {
        assertThat(ids).contains(observation.getDerivedFromFirstRep().getReference());
      }
      if (resource instanceof Flag flag) {
        Reference detail =
            (Reference)
                flag.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/flag-detail")
                    .getValue();
        assertThat(ids).contains(detail.getReference());
      }
    }
    assertThat(lines)
        .filteredOn(line -> line.contains("\"resourceType\":\"Questionnaire\""))
        .hasSize(2);
  }

  @Test
  void unusualValuesAreWrittenExactlyAndClientsThatAreNoFhirIdGoInAnIdentifier()
      throws IOException {
    Administration administration =
        new Administration(
            "srs",
            Optional.of("3.0"),
            "client 7/b",
            0,
            Optional.empty(),
            Optional.empty(),
            Map.of(
                "srs_1",
                Answer.of(0.1 + 0.2),
                "srs_2",
                Answer.of(1e20),
                "srs_3",
                new Answer.Unreadable("x"),
                "srs_4",
                Answer.of(Double.NaN)));

    QuestionnaireResponse response =
        FhirQuestionnaireResponse.toResponse(
            administration,
            FhirFixtures.CATALOG.get("srs"),
            QuestionnaireResponseStatus.INPROGRESS);

    assertThat(response.getSubject().hasReference()).isFalse();
    assertThat(response.getSubject().getIdentifier().getValue()).isEqualTo("client 7/b");
    assertThat(response.getItem().get(0).getAnswerFirstRep().getValueDecimalType().getValue())
        .isEqualByComparingTo(new BigDecimal("0.30000000000000004"));
    assertThat(response.getItem().get(1).getAnswerFirstRep().getValueDecimalType().getValue())
        .isEqualByComparingTo(new BigDecimal("1E+20"));
    assertThat(response.getItem().get(2).getAnswerFirstRep().getValueStringType().getValue())
        .isEqualTo("x");
    // A FHIR decimal cannot hold NaN: it goes as text, read back as an unreadable answer.
    assertThat(response.getItem().get(3).getAnswerFirstRep().getValueStringType().getValue())
        .isEqualTo("NaN");
    Administration back =
        FhirFixtures.readOne("n.ndjson", Fhir.toJson(response, false)).administration().get();
    assertThat(back.answers())
        .containsEntry("srs_1", Answer.of(0.1 + 0.2))
        .containsEntry("srs_2", Answer.of(1e20))
        .containsEntry("srs_4", new Answer.Unreadable("NaN"));
    assertThat(back.client()).isEqualTo("client 7/b");
  }

  @Test
  void aLineBreakInAnyTextStaysInsideItsNdjsonLine() throws IOException {
    Administration administration =
        Administration.of(
            "phq-9", "c\n1", 1, Optional.empty(), Map.of("phq9_1", new Answer.Unreadable("2\n3")));
    Alert alert = new Alert("c\n1", AlertRule.CRITICAL_ITEM, "phq-9", 1, "two\nlines", Map.of());
    StringWriter out = new StringWriter();
    try (FhirNdjsonWriter writer = EXPORT.withoutQuestionnaires().ndjson(out)) {
      writer.write(
          List.of(ScoredAdministration.of(administration, FhirFixtures.SCORER)), List.of(alert));
    }

    assertThat(out.toString().split("\n")).hasSize(3);
    assertThat(FhirFixtures.read("lines.ndjson", out.toString()))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.administration().get().answers())
                    .containsEntry("phq9_1", new Answer.Unreadable("2\n3")));
  }
}
