package org.alliance.io.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.core.scoring.Administration;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertFinder;
import org.alliance.core.trend.AlertOptions;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.trend.EpisodeReader;
import org.junit.jupiter.api.Test;

/**
 * The files in examples/fhir are what the export writes for examples/phq9-wide.csv, with the alerts
 * of {@code alliance trend}; this test keeps them so. After a deliberate change to the mapping,
 * rewrite them with {@code -Dalliance.fhir.writeExamples=true} and review the difference.
 */
class FhirExampleTest {
  static final String BUNDLE = "phq9-bundle.json";
  static final String NDJSON = "phq9.ndjson";

  static Path examples() {
    Path up = Path.of("../examples");
    return Files.isDirectory(up) ? up : Path.of("examples");
  }

  private static CsvReadOptions options() {
    return CsvReadOptions.of(FhirFixtures.CATALOG).withInstrument("phq-9");
  }

  /** Every administration of the CSV file with its score. */
  static List<ScoredAdministration> administrations() throws IOException {
    List<ScoredAdministration> administrations = new ArrayList<>();
    try (AdministrationCsvReader reader =
        AdministrationCsvReader.open(examples().resolve("phq9-wide.csv"), options())) {
      while (reader.hasNext()) {
        AdministrationRow row = reader.next();
        assertThat(row.problems()).isEmpty();
        administrations.add(
            ScoredAdministration.of(row.administration().get(), FhirFixtures.SCORER));
      }
    }
    return administrations;
  }

  /** The alerts {@code alliance trend} raises for the file. */
  static List<Alert> alerts() throws IOException {
    List<Alert> alerts = new ArrayList<>();
    AlertFinder finder = new AlertFinder(AlertOptions.defaults());
    try (EpisodeReader episodes =
        EpisodeReader.fromAnswers(
            examples().resolve("phq9-wide.csv"),
            options(),
            FhirFixtures.SCORER,
            problem -> {
              throw new AssertionError(problem.toString());
            })) {
      episodes.forEachRemaining(
          client -> alerts.addAll(finder.alerts(client.episode(), client.riskFlags())));
    }
    return alerts;
  }

  private static void check(String name, String written) throws IOException {
    Path file = examples().resolve("fhir").resolve(name);
    if (Boolean.getBoolean("alliance.fhir.writeExamples")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, written, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("%s is out of date; rewrite it with -Dalliance.fhir.writeExamples=true", file)
        .isEqualTo(written);
  }

  @Test
  void theExampleBundleIsWhatTheExportWritesForPhq9Wide() throws IOException {
    List<Alert> alerts = alerts();
    assertThat(alerts)
        .extracting(alert -> alert.client() + " " + alert.rule().id())
        .containsExactly("c002 critical-item", "c002 reliable-deterioration");
    StringWriter bundle = new StringWriter();
    FhirExport.of(FhirFixtures.CATALOG).writeBundle(administrations(), alerts, bundle);

    check(BUNDLE, bundle.toString());
  }

  @Test
  void theExampleNdjsonIsWhatTheExportWritesForPhq9Wide() throws IOException {
    StringWriter ndjson = new StringWriter();
    try (FhirNdjsonWriter writer = FhirExport.of(FhirFixtures.CATALOG).ndjson(ndjson)) {
      writer.write(administrations(), alerts());
    }

    check(NDJSON, ndjson.toString());
  }

  @Test
  void bothExamplesReadBackAsTheAdministrationsOfTheCsvFile() throws IOException {
    List<Administration> expected = new ArrayList<>();
    for (ScoredAdministration scored : administrations()) {
      Administration csv = scored.administration();
      // A response pins the version the answers were given in.
      expected.add(
          new Administration(
              csv.instrumentId(),
              Optional.of("1.0"),
              csv.client(),
              csv.session(),
              csv.date(),
              csv.respondent(),
              csv.answers()));
    }
    for (String name : List.of(BUNDLE, NDJSON)) {
      List<AdministrationRow> rows;
      try (FhirImport source =
          FhirImport.open(examples().resolve("fhir").resolve(name), FhirFixtures.CATALOG)) {
        rows = new ArrayList<>();
        source.forEachRemaining(rows::add);
        assertThat(source.otherResources()).containsKeys("Questionnaire", "Observation", "Flag");
      }
      assertThat(rows).allSatisfy(row -> assertThat(row.problems()).isEmpty());
      assertThat(rows)
          .extracting(row -> row.administration().get())
          .containsExactlyElementsOf(expected);
    }
  }
}
