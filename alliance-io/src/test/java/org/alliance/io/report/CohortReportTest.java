package org.alliance.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.cohort.ClientOutcomes;
import org.alliance.core.cohort.ClinicianSummary;
import org.alliance.core.cohort.PrePostEffectSize;
import org.alliance.core.cohort.Proportion;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.trend.ClinicalSignificance;
import org.alliance.core.trend.ClinicalSignificanceSample;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.alliance.core.trend.ReliableChangeOptions;
import org.alliance.core.trend.ReliableChangePair;
import org.junit.jupiter.api.Test;

class CohortReportTest {
  private static final Measure PHQ9 = Measure.of(Catalog.builtIn().get("phq-9"));

  private static Episode episode(
      String client, String clinician, Measure measure, double... scores) {
    List<Observation> observations = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      observations.add(Observation.of(i + 1, scores[i]));
    }
    return new Episode(
        client, Optional.ofNullable(clinician), List.of(new Course(client, measure, observations)));
  }

  /**
   * a: 20 -> 10, reliably improved but still clinical; b: 20 -> 9, recovered; c: 8 -> 15, reliably
   * deteriorated; d: 12 -> 8, unchanged; e: one score, not judged.
   */
  private static List<Episode> cohort() {
    return List.of(
        episode("a", "dr-a", PHQ9, 20, 15, 10),
        episode("b", "dr-a", PHQ9, 20, 9),
        episode("c", "dr-a", PHQ9, 8, 15),
        episode("d", "dr-b", PHQ9, 12, 10, 8),
        episode("e", "dr-b", PHQ9, 14));
  }

  private static CohortReport.Settings settings(OptionalDouble reliability) {
    return new CohortReport.Settings(
        "cohort.csv", LocalDate.of(2026, 3, 1), Optional.empty(), reliability, 3, List.of());
  }

  @Test
  void countsEachOutcomeOverItsOwnDenominator() {
    CohortReport report = CohortReport.build(cohort(), settings(OptionalDouble.empty()));

    assertThat(report.episodes()).isEqualTo(5);
    assertThat(report.counted()).extracting(Course::client).containsExactly("a", "b", "c", "d");
    assertThat(report.rates().improved()).isEqualTo(new Proportion(2, 4));
    assertThat(report.rates().deteriorated()).isEqualTo(new Proportion(1, 4));
    // Only a, b and d started in the clinical range (10 or more), so only they could recover.
    assertThat(report.rates().recovered()).isEqualTo(new Proportion(1, 3));
    assertThat(report.effectSize()).isEqualTo(PrePostEffectSize.of(report.counted()));
  }

  private static final Measure GAD7 = Measure.of(Catalog.builtIn().get("gad-7"));

  private static Episode both(String client, double[] phq9, double[] gad7) {
    List<Course> courses = new ArrayList<>();
    for (Measure measure : List.of(PHQ9, GAD7)) {
      double[] scores = measure == PHQ9 ? phq9 : gad7;
      List<Observation> observations = new ArrayList<>();
      for (int i = 0; i < scores.length; i++) {
        observations.add(Observation.of(i + 1, scores[i]));
      }
      courses.add(new Course(client, measure, observations));
    }
    return new Episode(client, Optional.of("dr-a"), courses);
  }

  /** Every paragraph, fact, table cell and bullet of the document, to search for words. */
  private static String words(ReportDocument document) {
    StringBuilder text = new StringBuilder();
    for (ReportDocument.Block block : document.blocks()) {
      if (block instanceof ReportDocument.Heading heading) {
        text.append(heading.text()).append('\n');
      } else if (block instanceof ReportDocument.Paragraph paragraph) {
        text.append(paragraph.text()).append('\n');
      } else if (block instanceof ReportDocument.Facts facts) {
        facts
            .facts()
            .forEach(f -> text.append(f.label()).append(": ").append(f.value()).append('\n'));
      } else if (block instanceof ReportDocument.Table table) {
        table.rows().forEach(r -> text.append(String.join(" | ", r.cells())).append('\n'));
      } else if (block instanceof ReportDocument.Bullets bullets) {
        bullets.items().forEach(b -> text.append(b).append('\n'));
      }
    }
    return text.toString();
  }

  @Test
  void addsTheNhsTalkingTherapiesRatesWhenTheDataHavePhq9AndGad7() {
    List<Episode> episodes =
        List.of(
            // reliable recovery
            both("a", new double[] {15, 9}, new double[] {10, 5}),
            // not at caseness; reliable improvement
            both("b", new double[] {9, 3}, new double[] {7, 6}),
            // at caseness; no reliable change
            both("c", new double[] {20, 15}, new double[] {15, 12}),
            // one session: left out
            both("d", new double[] {20}, new double[] {15}));

    CohortReport report = CohortReport.build(episodes, settings(OptionalDouble.empty()));

    assertThat(report.talkingTherapies()).isPresent();
    assertThat(report.talkingTherapies().get().reliableImprovement())
        .isEqualTo(new Proportion(2, 3));
    assertThat(report.talkingTherapies().get().recovery()).isEqualTo(new Proportion(1, 2));
    String words = words(CohortReportLayout.document(report));
    assertThat(words)
        .contains("NHS Talking Therapies outcomes")
        .contains("1 left out (1 with fewer than two sessions, 0 without")
        .contains("Reliable improvement | 2 | 3 | 66.7% | ")
        .contains("Recovery | 1 | 2 | 50.0% | ")
        .contains("Reliable recovery | 1 | 2 | 50.0% | ")
        .contains("Reliable deterioration | 0 | 3 | 0.0% | 0.0-")
        .contains("At caseness: PHQ-9 10 or more or GAD-7 8 or more.")
        .contains("Source: NHS Digital")
        .contains(
            "Judged by: Jacobson-Truax with the published cutoff: a change of 6 points or more");
  }

  @Test
  void hasNoNhsTalkingTherapiesSectionWithoutBothMeasures() {
    CohortReport report = CohortReport.build(cohort(), settings(OptionalDouble.empty()));

    assertThat(report.talkingTherapies()).isEmpty();
    assertThat(words(CohortReportLayout.document(report))).doesNotContain("NHS Talking Therapies");
  }

  @Test
  void comparesCliniciansAndFlagsThoseWithTooFewClients() {
    CohortReport report = CohortReport.build(cohort(), settings(OptionalDouble.empty()));

    assertThat(report.clinicians())
        .extracting(s -> s.clinician().orElseThrow())
        .containsExactly("dr-a", "dr-b");
    ClinicianSummary drA = report.clinicians().get(0);
    ClinicianSummary drB = report.clinicians().get(1);
    assertThat(drA.clients()).isEqualTo(3);
    assertThat(drA.belowMinimum()).isFalse();
    assertThat(drA.rates().improved()).isEqualTo(new Proportion(2, 3));
    assertThat(drB.clients()).isEqualTo(1);
    assertThat(drB.belowMinimum()).isTrue();
    assertThat(report.anyClinicianBelowMinimum()).isTrue();
  }

  @Test
  void comparesNoCliniciansWhenNoneAreRecorded() {
    List<Episode> anonymous =
        cohort().stream().map(e -> new Episode(e.client(), Optional.empty(), e.courses())).toList();

    assertThat(CohortReport.build(anonymous, settings(OptionalDouble.empty())).clinicians())
        .isEmpty();
  }

  @Test
  void judgesBySampleStatisticsWhenGivenAReliability() {
    CohortReport report = CohortReport.build(cohort(), settings(OptionalDouble.of(0.8)));

    ClinicalSignificanceSample sample =
        ClinicalSignificance.ofSample(
            report.counted().stream().map(ReliableChangePair::firstAndLast).toList(),
            Direction.HIGHER_IS_WORSE,
            ReliableChangeOptions.jacobsonTruax(0.8));
    long improved =
        sample.clients().stream().filter(c -> c.reliableChange().isReliableImprovement()).count();
    assertThat(report.rates().improved()).isEqualTo(new Proportion((int) improved, 4));
    assertThat(report.outcomes()).hasSize(4);
  }

  @Test
  void needsPublishedValuesOrAReliabilityForAScoreColumn() {
    Measure bdi = Measure.column("bdi", Direction.HIGHER_IS_WORSE, Construct.OUTCOME);
    List<Episode> episodes =
        List.of(
            episode("a", null, bdi, 30, 20),
            episode("b", null, bdi, 25, 24),
            episode("c", null, bdi, 28, 10));

    assertThat(ClientOutcomes.missingPublishedValues(bdi))
        .hasValueSatisfying(reason -> assertThat(reason).contains("--reliability"));
    assertThat(ClientOutcomes.missingPublishedValues(PHQ9)).isEmpty();
    assertThatThrownBy(() -> CohortReport.build(episodes, settings(OptionalDouble.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bdi has no published reliable-change value");
    assertThat(CohortReport.build(episodes, settings(OptionalDouble.of(0.9))).rates().clients())
        .isEqualTo(3);
  }

  @Test
  void refusesACohortWithoutTwoScores() {
    assertThatThrownBy(
            () ->
                CohortReport.build(
                    List.of(episode("e", null, PHQ9, 14)), settings(OptionalDouble.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no client has two or more phq-9 scores");
  }

  @Test
  void estimatesTheAllianceEffectOrSaysWhyNot() {
    Measure srs = Measure.of(Catalog.builtIn().get("srs"));
    List<Episode> withAlliance = new ArrayList<>();
    for (Episode episode : cohort()) {
      List<Course> courses = new ArrayList<>(episode.courses());
      courses.add(
          new Course(episode.client(), srs, List.of(Observation.of(1, 35), Observation.of(2, 37))));
      withAlliance.add(new Episode(episode.client(), episode.clinician(), courses));
    }

    CohortReport report = CohortReport.build(withAlliance, settings(OptionalDouble.empty()));

    assertThat(report.allianceMeasure()).hasValue("srs");
    assertThat(report.allianceEffect()).isEmpty();
    assertThat(report.allianceNote()).isPresent();
    assertThat(CohortReport.build(cohort(), settings(OptionalDouble.empty())).allianceMeasure())
        .isEmpty();
  }
}
