package org.alliance.io.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Respondent;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertRule;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of resource the export writes, and a whole transaction Bundle, validates against the
 * base R4 profiles with HAPI's validator: no error or fatal message. The warnings that remain
 * offline are listed in {@link #KNOWN_WARNINGS}; any other warning fails, so a new one is looked
 * at.
 */
@Tag("slow")
class FhirValidationTest {
  /** Warnings expected offline, each for a reason given in docs/fhir.md. */
  static final List<Pattern> KNOWN_WARNINGS =
      List.of(
          // LOINC and the toolkit's own code systems are not loaded into the offline validator.
          Pattern.compile(
              "CodeSystem is unknown and can't be validated: (http://loinc\\.org|https://alliancetoolkit\\.org/fhir/CodeSystem/[a-z-]+) .*"),
          Pattern.compile(
              "The code cannot be checked because codeSystem 'http://loinc\\.org' version 'null' is not supported.*"),
          // A severity band has no code in the HL7 interpretation value set (an extensible
          // binding), so it is
          // coded in the toolkit's band code system.
          Pattern.compile(
              "None of the codings provided are in the value set 'Observation Interpretation Codes' .*\\(codes = https://alliancetoolkit\\.org/fhir/CodeSystem/band#[a-z0-9-]+\\)"),
          // The issue asks for the unit {score}; UCUM annotations carry no meaning for a machine.
          Pattern.compile(
              "UCUM Codes that contain human readable annotations like \\{score\\} can be misleading.*"),
          // An administration without a date has no effective time to give.
          Pattern.compile(
              "Best Practice Recommendation: In general, all observations should have an effective\\[x\\].*"),
          // Therapist- and observer-rated forms name no performer: the toolkit does not know who
          // rated.
          Pattern.compile(
              "Best Practice Recommendation: In general, all observations should have a performer.*"));

  private static FhirValidation validation;
  private static final Map<String, String> warningsSeen = new LinkedHashMap<>();

  @BeforeAll
  static void startValidator() {
    validation = new FhirValidation();
  }

  @AfterAll
  static void listWarnings() {
    System.out.println(
        "FhirValidationTest: warnings left (offline): " + new TreeSet<>(warningsSeen.keySet()));
  }

  static Stream<String> instruments() {
    return FhirFixtures.CATALOG.instruments().stream().map(Instrument::id);
  }

  /** Fails on any error or fatal message, and on any warning not in {@link #KNOWN_WARNINGS}. */
  static void assertValid(IBaseResource resource) {
    List<SingleValidationMessage> messages = validation.messages(resource);
    List<String> bad = new ArrayList<>();
    for (SingleValidationMessage message : messages) {
      if (FhirValidation.isError(message)) {
        bad.add(FhirValidation.describe(message));
      } else if (message.getSeverity() == ResultSeverityEnum.WARNING) {
        Optional<Pattern> known =
            KNOWN_WARNINGS.stream()
                .filter(p -> p.matcher(message.getMessage()).matches())
                .findFirst();
        if (known.isEmpty()) {
          bad.add("unexpected " + FhirValidation.describe(message));
        } else {
          warningsSeen.putIfAbsent(known.get().pattern(), message.getMessage());
        }
      }
    }
    assertThat(bad).as("validator messages for %s", Fhir.toJson(resource, true)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instruments")
  void everyQuestionnaireValidates(String id) {
    assertValid(FhirQuestionnaire.toQuestionnaire(FhirFixtures.CATALOG.get(id)));
  }

  /**
   * Administrations whose answers are all on the scale: one complete, one with an item skipped, one
   * declined and one left out (by another client, whose reference is not a FHIR id, at intake,
   * undated).
   */
  static List<Administration> onScale(Instrument instrument, Random random) {
    Administration complete = FhirFixtures.complete(instrument, random, "c001", 3);
    Map<String, Answer> partial = new LinkedHashMap<>(complete.answers());
    partial.put(instrument.items().get(0).id(), Answer.NotAnswered.SKIPPED);
    partial.put(instrument.items().get(1).id(), Answer.NotAnswered.DECLINED);
    partial.remove(instrument.items().get(2).id());
    return List.of(
        complete,
        new Administration(
            instrument.id(),
            complete.instrumentVersion(),
            "client 7",
            0,
            Optional.empty(),
            Optional.of(Respondent.OBSERVER),
            partial));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instruments")
  void responsesAndObservationsOfEveryInstrumentValidate(String id) {
    Instrument instrument = FhirFixtures.CATALOG.get(id);
    for (Administration administration : onScale(instrument, new Random(id.hashCode()))) {
      for (Resource resource :
          FhirExport.of(FhirFixtures.CATALOG)
              .withoutQuestionnaires()
              .bundle(
                  List.of(ScoredAdministration.of(administration, FhirFixtures.SCORER)), List.of())
              .getEntry()
              .stream()
              .map(Bundle.BundleEntryComponent::getResource)
              .toList()) {
        assertValid(resource);
      }
    }
  }

  @Test
  void flagsOfEveryRuleValidate() {
    for (AlertRule rule : AlertRule.values()) {
      Alert alert =
          new Alert(
              "c001",
              rule,
              "phq-9",
              4,
              "The explanation of " + rule.id(),
              Map.of("change", 7.0, "threshold", 6.0));
      assertValid(FhirFlag.toFlag(alert, Optional.of(LocalDate.of(2026, 2, 4)), Optional.empty()));
      assertValid(FhirFlag.toFlag(alert, Optional.empty(), Optional.empty()));
    }
  }

  @Test
  void theExampleBundleAndEveryLineOfTheExampleNdjsonValidate() throws Exception {
    Path folder = FhirExampleTest.examples().resolve("fhir");
    assertValid(
        Fhir.jsonParser(false)
            .parseResource(Files.readString(folder.resolve(FhirExampleTest.BUNDLE))));
    for (String line : Files.readAllLines(folder.resolve(FhirExampleTest.NDJSON))) {
      assertValid(Fhir.jsonParser(false).parseResource(line));
    }
  }

  @Test
  void answersOffTheScaleAreErrorsAgainstTheQuestionnaire() {
    Instrument phq9 = FhirFixtures.CATALOG.get("phq-9");
    Map<String, Answer> answers =
        new LinkedHashMap<>(FhirFixtures.complete(phq9, new Random(3), "c001", 1).answers());
    answers.put("phq9_4", Answer.of(7));
    Administration offScale =
        new Administration(
            "phq-9", Optional.of("1.0"), "c001", 1, Optional.empty(), Optional.empty(), answers);

    List<String> errors =
        validation
            .messages(
                FhirQuestionnaireResponse.toResponse(
                    offScale,
                    phq9,
                    org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus
                        .INPROGRESS))
            .stream()
            .filter(FhirValidation::isError)
            .map(FhirValidation::describe)
            .toList();

    assertThat(errors)
        .singleElement()
        .asString()
        .contains("item[3].answer[0]")
        .contains("answer-value::7 is not in the set of permitted values");
  }

  @Test
  void aTransactionBundleOfEverythingValidates() throws Exception {
    Random random = new Random(11);
    List<ScoredAdministration> administrations = new ArrayList<>();
    for (Instrument instrument : FhirFixtures.CATALOG.instruments()) {
      for (Administration administration : onScale(instrument, random)) {
        administrations.add(ScoredAdministration.of(administration, FhirFixtures.SCORER));
      }
    }
    List<Alert> alerts =
        List.of(
            new Alert(
                "c001",
                AlertRule.CRITICAL_ITEM,
                "phq-9",
                1,
                "PHQ-9 item 9 answered 2 at session 1",
                Map.of("answer", 2.0)),
            new Alert(
                "c001",
                AlertRule.ALLIANCE_BELOW_CUTOFF,
                "srs",
                1,
                "SRS below 36",
                Map.of("total", 30.0, "cutoff", 36.0)));
    Bundle bundle = FhirExport.of(FhirFixtures.CATALOG).bundle(administrations, alerts);

    assertThat(bundle.getEntry()).hasSizeGreaterThan(40);
    assertValid(bundle);

    // The same resources as NDJSON, each line parsed back and validated on its own.
    StringWriter ndjson = new StringWriter();
    try (FhirNdjsonWriter writer = FhirExport.of(FhirFixtures.CATALOG).ndjson(ndjson)) {
      writer.write(administrations, alerts);
    }
    for (String line : ndjson.toString().split("\n")) {
      assertValid(Fhir.jsonParser(false).parseResource(line));
    }
  }
}
