package org.alliance.io.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.instrument.DefinitionResult;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Instrument -&gt; Questionnaire -&gt; Instrument and Administration -&gt; QuestionnaireResponse
 * -&gt; Administration give back what went in.
 */
class FhirRoundTripTest {
  private static final int ADMINISTRATIONS_PER_SEED = 40;

  static Stream<String> instruments() {
    return FhirFixtures.CATALOG.instruments().stream().map(Instrument::id);
  }

  static Stream<Arguments> instrumentsAndSeeds() {
    return instruments().flatMap(id -> Stream.of(1L, 2L, 3L).map(seed -> Arguments.of(id, seed)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instruments")
  void everyBuiltInInstrumentRoundTripsThroughItsQuestionnaire(String id) {
    Instrument instrument = FhirFixtures.CATALOG.get(id);
    Questionnaire questionnaire = FhirQuestionnaire.toQuestionnaire(instrument);

    DefinitionResult direct = FhirQuestionnaire.toInstrument(questionnaire);
    DefinitionResult viaJson = FhirQuestionnaire.read(FhirQuestionnaire.toJson(instrument));

    assertThat(direct.problems()).isEmpty();
    assertThat(direct.instrument()).contains(instrument);
    assertThat(viaJson.problems()).isEmpty();
    assertThat(viaJson.instrument()).contains(instrument);
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("instrumentsAndSeeds")
  void randomAdministrationsRoundTripThroughNdjsonAndABundle(String id, long seed)
      throws IOException {
    Instrument instrument = FhirFixtures.CATALOG.get(id);
    Random random = new Random(seed * 1_000 + id.hashCode());
    List<Administration> administrations = new ArrayList<>();
    List<ScoredAdministration> scored = new ArrayList<>();
    for (int i = 0; i < ADMINISTRATIONS_PER_SEED; i++) {
      Administration administration = FhirFixtures.random(instrument, random);
      administrations.add(administration);
      scored.add(ScoredAdministration.of(administration, FhirFixtures.SCORER));
    }
    FhirExport export = FhirExport.of(FhirFixtures.CATALOG);
    StringWriter ndjson = new StringWriter();
    try (FhirNdjsonWriter writer = export.ndjson(ndjson)) {
      writer.write(scored, List.of());
    }
    StringWriter bundle = new StringWriter();
    export.writeBundle(scored, List.of(), bundle);

    for (String[] file :
        new String[][] {{"random.ndjson", ndjson.toString()}, {"random.json", bundle.toString()}}) {
      List<AdministrationRow> rows = FhirFixtures.read(file[0], file[1]);
      assertThat(rows).as(file[0]).hasSize(administrations.size());
      for (int i = 0; i < rows.size(); i++) {
        AdministrationRow row = rows.get(i);
        Administration original = administrations.get(i);
        boolean unknownItems =
            original.answers().keySet().stream().anyMatch(item -> instrument.item(item).isEmpty());
        assertThat(unknownItems).isFalse();
        assertThat(row.problems()).as("%s row %s", file[0], i).isEmpty();
        assertThat(row.administration()).as("%s row %s", file[0], i).contains(original);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instruments")
  void anAdministrationWithoutVersionIsPinnedToTheCatalogVersion(String id) throws IOException {
    Instrument instrument = FhirFixtures.CATALOG.get(id);
    Administration given = FhirFixtures.complete(instrument, new Random(5), "c001", 2);
    Administration unversioned =
        new Administration(
            given.instrumentId(),
            Optional.empty(),
            given.client(),
            given.session(),
            given.date(),
            given.respondent(),
            given.answers());

    QuestionnaireResponse response =
        FhirQuestionnaireResponse.toResponse(
            unversioned, instrument, QuestionnaireResponseStatus.INPROGRESS);
    AdministrationRow row = FhirFixtures.readOne("one.ndjson", Fhir.toJson(response, false));

    assertThat(response.getQuestionnaire())
        .isEqualTo(Fhir.questionnaireUrl(id) + "|" + instrument.version());
    assertThat(response.getStatus()).isEqualTo(QuestionnaireResponseStatus.COMPLETED);
    assertThat(row.administration()).contains(given);
  }
}
