package org.alliance.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.trend.AlertFinder;
import org.alliance.core.trend.AlertOptions;
import org.alliance.core.trend.AlertRule;
import org.alliance.core.trend.ChangeCategory;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.alliance.core.trend.RiskFlag;
import org.alliance.core.trend.Rupture;
import org.alliance.io.chart.CourseFindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientReportTest {
  @TempDir Path dir;

  private ClientReport report() throws IOException {
    return ReportFixtures.clientReport(ReportFixtures.write(dir, ReportFixtures.ANSWERS), "c1");
  }

  @Test
  void holdsEachMeasureWithWhatTheTrendModelsFind() throws IOException {
    ClientReport report = report();

    assertThat(report.measures())
        .extracting(m -> m.course().measure().id())
        .containsExactly("phq-9", "srs");
    MeasureReport phq9 = report.measures().get(0);
    assertThat(phq9.course().observations())
        .extracting(Observation::score)
        .containsExactly(18.0, 17.0, 16.0, 9.0, 8.0, 7.0);
    assertThat(phq9.findings().gains().orElseThrow().changes())
        .singleElement()
        .satisfies(
            gain -> {
              assertThat(gain.pregainSession()).isEqualTo(3);
              assertThat(gain.magnitude()).isEqualTo(7);
            });
    assertThat(phq9.findings().losses().orElseThrow().changes()).isEmpty();
    assertThat(phq9.reliableChange().orElseThrow().category()).isEqualTo(ChangeCategory.IMPROVED);
    assertThat(phq9.category()).hasValue(ChangeCategory.RECOVERED);
    assertThat(phq9.latestBand().orElseThrow().label()).isEqualTo("mild");

    MeasureReport srs = report.measures().get(1);
    assertThat(srs.reliableChange()).isEmpty();
    assertThat(srs.category()).isEmpty();
    assertThat(srs.findings().ruptures()).extracting(Rupture::startSession).containsOnly(3);
    assertThat(srs.findings().ruptures())
        .allSatisfy(rupture -> assertThat(rupture.repairSession()).hasValue(4));
  }

  @Test
  void holdsTheAlertsOfTheAlertRulesMostUrgentFirst() throws IOException {
    ClientReport report = report();

    assertThat(report.alerts())
        .isEqualTo(
            new AlertFinder(AlertOptions.defaults())
                .alerts(report.episode(), List.of(new RiskFlag(6, "phq-9", "phq9_9", 1))));
    assertThat(report.alerts().get(0).rule()).isEqualTo(AlertRule.CRITICAL_ITEM);
    assertThat(report.alerts().get(0).session()).isEqualTo(6);
  }

  @Test
  void holdsTheLatestAnswersAndTheSessionsAndDates() throws IOException {
    ClientReport report = report();

    assertThat(report.latestAnswers())
        .extracting(a -> a.instrument().id() + "@" + a.session())
        .containsExactly("phq-9@6", "srs@6");
    assertThat(report.sessions()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(report.firstDate()).hasValue(LocalDate.of(2026, 1, 7));
    assertThat(report.lastDate()).hasValue(LocalDate.of(2026, 2, 11));
    assertThat(report.episode().clinician()).hasValue("dr-a");
  }

  /**
   * PHQ-9: reliable change is 6 points, a score of 10 or more is clinical; both boundaries count
   * exactly.
   */
  @ParameterizedTest(name = "{0} -> {1}: {2}, {3}")
  @CsvSource({
    "16, 10, IMPROVED, IMPROVED", // a change of exactly 6 is reliable; 10 is still clinical
    "16, 11, UNCHANGED, UNCHANGED", // 5 is not
    "18, 9, IMPROVED, RECOVERED", // out of the clinical range at 9
    "15, 10, UNCHANGED, UNCHANGED",
    "4, 10, DETERIORATED, HARMED", // from outside into the clinical range
    "12, 18, DETERIORATED, DETERIORATED" // clinical from the start
  })
  void judgesChangeAtTheInstrumentsExactBoundaries(
      double first, double last, ChangeCategory reliable, ChangeCategory combined) {
    Course course =
        new Course(
            "c1",
            Measure.of(Catalog.builtIn().get("phq-9")),
            List.of(
                Observation.of(1, first),
                Observation.of(2, (first + last) / 2),
                Observation.of(3, last)));

    MeasureReport measure =
        MeasureReport.of(
            CourseFindings.find(course, Optional.empty(), CourseFindings.Options.defaults()));

    assertThat(measure.reliableChange().orElseThrow().category()).isEqualTo(reliable);
    assertThat(measure.category()).hasValue(combined);
  }

  @Test
  void aSingleScoreHasNoChange() {
    Course course =
        new Course(
            "c1", Measure.of(Catalog.builtIn().get("gad-7")), List.of(Observation.of(1, 12)));

    MeasureReport measure =
        MeasureReport.of(
            CourseFindings.find(course, Optional.empty(), CourseFindings.Options.defaults()));

    assertThat(measure.reliableChange()).isEmpty();
    assertThat(measure.category()).isEmpty();
    assertThat(measure.latestBand().orElseThrow().label()).isEqualTo("moderate");
  }
}
