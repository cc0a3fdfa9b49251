package org.alliance.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.alliance.core.trend.AlertRule;
import org.alliance.io.chart.CourseChart;
import org.alliance.io.report.ReportDocument.Block;
import org.alliance.io.report.ReportDocument.Tone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientReportLayoutTest {
  @TempDir Path dir;

  private ReportDocument document() throws IOException {
    return ClientReportLayout.document(
        ReportFixtures.clientReport(ReportFixtures.write(dir, ReportFixtures.ANSWERS), "c1"));
  }

  private static <T extends Block> List<T> blocks(ReportDocument document, Class<T> type) {
    return document.blocks().stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static String fact(ReportDocument document, String label) {
    return blocks(document, ReportDocument.Facts.class).stream()
        .flatMap(facts -> facts.facts().stream())
        .filter(fact -> fact.label().equals(label))
        .map(ReportDocument.Fact::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no fact " + label));
  }

  private static ReportDocument.Table table(ReportDocument document, String captionStart) {
    return blocks(document, ReportDocument.Table.class).stream()
        .filter(t -> t.caption().startsWith(captionStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no table " + captionStart));
  }

  @Test
  void putsTheSectionsInTheOrderAClinicianReadsThem() throws IOException {
    ReportDocument document = document();

    assertThat(document.title()).isEqualTo("Client report: c1");
    assertThat(blocks(document, ReportDocument.Heading.class))
        .extracting(ReportDocument.Heading::text)
        .containsExactly(
            "Alerts",
            "PHQ-9 (Patient Health Questionnaire-9)",
            "SRS (Session Rating Scale)",
            "Answers at the latest administration",
            "PHQ-9 at session 6 (2026-02-11)",
            "SRS at session 6 (2026-02-11)",
            "How to read this report");
    assertThat(blocks(document, ReportDocument.Chart.class))
        .hasSize(2)
        .allSatisfy(chart -> assertThat(chart.figure()).isInstanceOf(CourseChart.class));
    assertThat(document.footer()).contains("c1").contains("2026-03-01").contains("confidential");
  }

  @Test
  void headsTheReportWithWhoWhenAndWhat() throws IOException {
    ReportDocument document = document();

    assertThat(fact(document, "Client")).isEqualTo("c1");
    assertThat(fact(document, "Clinician")).isEqualTo("dr-a");
    assertThat(fact(document, "Measures"))
        .isEqualTo("PHQ-9 (Patient Health Questionnaire-9); SRS (Session Rating Scale)");
    assertThat(fact(document, "Sessions")).isEqualTo("6 sessions with a score, 1 to 6");
    assertThat(fact(document, "Dates")).isEqualTo("2026-01-07 to 2026-02-11");
    assertThat(blocks(document, ReportDocument.Paragraph.class))
        .anySatisfy(
            p -> {
              assertThat(p.text()).contains("2 of 30 rows");
              assertThat(p.tone()).isEqualTo(Tone.NOTE);
            });
  }

  @Test
  void listsWhatWasDoneAboutAlertsOnlyWhenSomethingWasRecorded() throws IOException {
    ClientReport report =
        ReportFixtures.clientReport(ReportFixtures.write(dir, ReportFixtures.ANSWERS), "c1");
    assertThat(blocks(ClientReportLayout.document(report), ReportDocument.Table.class))
        .noneMatch(table -> table.caption().startsWith("What was done"));

    ReportDocument document =
        ClientReportLayout.document(
            report.withFollowUps(
                List.of(
                    new FollowUp(
                        AlertRule.CRITICAL_ITEM,
                        6,
                        "safety plan reviewed with the client",
                        "Ann Lee",
                        Instant.parse("2026-02-11T15:30:00Z")))));

    assertThat(table(document, "What was done about alerts").rows())
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.cells())
                    .containsExactly(
                        "Risk item answered",
                        "session 6",
                        "safety plan reviewed with the client.",
                        "Ann Lee",
                        "2026-02-11"));
  }

  @Test
  void listsTheChartNotesAndDrawsThemOnTheCharts() throws IOException {
    ClientReport report =
        ReportFixtures.clientReport(ReportFixtures.write(dir, ReportFixtures.ANSWERS), "c1")
            .withNotes(
                List.of(
                    new org.alliance.io.chart.ChartNote(
                        java.util.OptionalInt.of(3),
                        java.util.Optional.empty(),
                        "started sertraline",
                        "Ann Lee")));
    ReportDocument document = ClientReportLayout.document(report);

    assertThat(table(document, "Notes on the chart of c1").rows())
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.cells())
                    .containsExactly("session 3", "started sertraline.", "Ann Lee"));
    assertThat(blocks(document, ReportDocument.Chart.class))
        .allSatisfy(
            figure ->
                assertThat(figure.figure().description())
                    .contains("Note at session 3: started sertraline."));
  }

  @Test
  void saysWhichSessionsAreMissing() {
    assertThat(ClientReportLayout.sessions(List.of(1, 2, 4, 5, 7)))
        .isEqualTo("5 sessions with a score, 1 to 7; no score at sessions 3 and 6");
    assertThat(ClientReportLayout.sessions(List.of(2, 4, 6, 9)))
        .isEqualTo("4 sessions with a score, 2 to 9; no score at sessions 3, 5, 7 and 8");
    assertThat(ClientReportLayout.sessions(List.of(3)))
        .isEqualTo("1 session with a score (session 3)");
    assertThat(ClientReportLayout.sessions(List.of())).isEqualTo("no session has a score");
  }

  @Test
  void listsTheAlertsWithTheirRuleVersionAndNumbersRiskFirst() throws IOException {
    ReportDocument.Table alerts = table(document(), "Alerts for c1");

    assertThat(alerts.rows()).isNotEmpty();
    ReportDocument.Row first = alerts.rows().get(0);
    assertThat(first.tone()).isEqualTo(Tone.URGENT);
    assertThat(first.cells().get(1)).isEqualTo("Risk item answered");
    assertThat(first.cells().get(2))
        .contains("PHQ-9 risk question")
        .contains("answered 1 at session 6")
        .doesNotContain("phq9_9");
    assertThat(first.cells().get(4)).isEqualTo("critical-item v1 (answer 1, threshold 0)");
    assertThat(ClientReportLayout.words("notOnTrackEdge")).isEqualTo("not on track edge");
  }

  @Test
  void statesTheChangeOfEachOutcomeMeasure() throws IOException {
    ReportDocument document = document();

    assertThat(fact(document, "First score")).isEqualTo("18 at session 1 (2026-01-07)");
    assertThat(fact(document, "Latest score")).isEqualTo("7 at session 6 (2026-02-11), mild");
    assertThat(fact(document, "Change")).isEqualTo("-11 points (better)");
    assertThat(fact(document, "Reliable change"))
        .isEqualTo("reliably improved: better by at least 6 points since the first score");
    assertThat(fact(document, "Clinically significant change"))
        .isEqualTo(
            "recovered: reliably improved and out of the clinical range (caseness)"
                + " (by Jacobson-Truax with the published cutoff)");
    assertThat(fact(document, "Expected course"))
        .startsWith("none: fitting one needs at least 30 past episodes");
    assertThat(fact(document, "Ruptures")).isEqualTo("1 rupture, 1 repaired");
  }

  @Test
  void listsSuddenGainsAndRupturesWithTheirSessions() throws IOException {
    ReportDocument document = document();

    ReportDocument.Table gains = table(document, "Sudden gains and losses of PHQ-9");
    assertThat(gains.rows())
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.cells())
                    .containsExactly("Sudden gain", "3 to 4", "16 to 9", "7 points", "no"));
    ReportDocument.Table ruptures = table(document, "Alliance ruptures of SRS");
    assertThat(ruptures.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.cells().subList(0, 4))
                  .containsExactly(
                      "session 3",
                      "38 at session 2",
                      "33 at session 3 (5 lower)",
                      "repaired at session 4");
              assertThat(row.cells().get(4)).isEqualTo("a drop of 5 points or more");
            });
  }

  @Test
  void showsTheRiskAnswerAndTheLicenceNote() throws IOException {
    ReportDocument document = document();

    ReportDocument.Table phq9 =
        blocks(document, ReportDocument.Table.class).stream()
            .filter(t -> t.columns().equals(List.of("#", "Item", "Answer")))
            .findFirst()
            .orElseThrow();
    assertThat(phq9.rows().get(8).tone()).isEqualTo(Tone.URGENT);
    assertThat(phq9.rows().get(8).cells().get(2))
        .isEqualTo("1 (Several days): risk item answered, check safety");
    assertThat(blocks(document, ReportDocument.Paragraph.class))
        .anySatisfy(
            p -> assertThat(p.text()).startsWith("The wording of the SRS items is licensed"));
  }
}
