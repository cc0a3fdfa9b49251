package org.alliance.io.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.TrackStatus;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CourseChartTest {
  private static final String SVG = "http://www.w3.org/2000/svg";

  private static XYSeries series(XYChart chart, String name) {
    XYSeries series = chart.getSeries(name);
    assertThat(series).as("series %s of %s", name, names(chart)).isNotNull();
    return series;
  }

  private static List<String> names(XYChart chart) {
    return chart.getSeriesCollection().stream().map(XYSeries::getName).toList();
  }

  @Test
  void marksEachSuddenGainHalfwayBetweenItsSessions() throws IOException {
    CourseFindings findings =
        CourseFindings.find(
            Courses.sgdata("1"),
            Optional.empty(),
            CourseFindings.Options.defaults().withSuddenChangeCutoff(7));

    XYChart chart = CourseChart.of(findings).chart(760, 380);

    XYSeries gains = series(chart, "Sudden gain");
    assertThat(gains.getXData()).containsExactly(3.5, 7.5);
    assertThat(gains.getYData()).containsExactly((34 + 23) / 2.0, (29 + 17) / 2.0);
    assertThat(names(chart))
        .doesNotContain("Sudden loss", "Rupture, repaired", "Repair", "Caution zone");
  }

  @Test
  void drawsTheScoresWithAGapAtAMissingSessionOnTheInstrumentsWholeRange() {
    Course course = Courses.of("phq-9", "c1", 1, 20, 18, Double.NaN, 12, 9);

    XYChart chart =
        CourseChart.of(
                CourseFindings.find(course, Optional.empty(), CourseFindings.Options.defaults()))
            .chart(760, 380);

    XYSeries scores = series(chart, "Score");
    assertThat(scores.getXData()).containsExactly(1, 2, 3, 4, 5);
    assertThat(scores.getYData()[2]).isNaN();
    assertThat(scores.getYData()[4]).isEqualTo(9);
    assertThat(chart.getStyler().getYAxisMin()).isEqualTo(0);
    assertThat(chart.getStyler().getYAxisMax()).isEqualTo(27);
    assertThat(chart.getYAxisTitle()).isEqualTo("PHQ-9 score (lower is better)");
    XYSeries cutoff = series(chart, "Clinical cutoff (10 or more)");
    assertThat(cutoff.getYData()).containsExactly(10, 10);
    assertThat(cutoff.getXData()).containsExactly(1, 5);
  }

  @Test
  void marksTheClinicianNotesAtTheirSessionsAndSaysThemInWords() {
    java.time.LocalDate start = java.time.LocalDate.of(2026, 1, 5);
    List<org.alliance.core.trend.Observation> dated = new java.util.ArrayList<>();
    double[] scores = {18, 16, 15, 12, 10};
    for (int i = 0; i < scores.length; i++) {
      dated.add(
          new org.alliance.core.trend.Observation(
              i + 1, Optional.of(start.plusWeeks(i)), scores[i]));
    }
    Course phq9 =
        new Course(
            "c1", Measure.of(org.alliance.core.instrument.Catalog.builtIn().get("phq-9")), dated);
    List<ChartNote> notes =
        List.of(
            new ChartNote(
                java.util.OptionalInt.of(2), Optional.empty(), "started sertraline", "Ann"),
            // A date between sessions 3 and 4 marks session 4, the first it could show in.
            new ChartNote(
                java.util.OptionalInt.empty(),
                Optional.of(start.plusWeeks(2).plusDays(3)),
                "moved house",
                "Ann"),
            // Outside the course, or at no session or date: not drawn.
            new ChartNote(java.util.OptionalInt.of(9), Optional.empty(), "later", "Ann"),
            new ChartNote(java.util.OptionalInt.empty(), Optional.empty(), "anywhere", "Ann"));

    CourseChart chart =
        CourseChart.of(
                CourseFindings.find(phq9, Optional.empty(), CourseFindings.Options.defaults()))
            .withNotes(notes);

    XYSeries marks = series(chart.chart(760, 380), "Chart note");
    assertThat(marks.getXData()).containsExactly(2.0, 2.0, Double.NaN, 4.0, 4.0, Double.NaN);
    assertThat(chart.description())
        .contains("Note at session 2: started sertraline.")
        .contains("Note at session 4: moved house.")
        .doesNotContain("later")
        .doesNotContain("anywhere");
    // Without notes there is no such series.
    assertThat(
            names(
                CourseChart.of(
                        CourseFindings.find(
                            phq9, Optional.empty(), CourseFindings.Options.defaults()))
                    .chart(760, 380)))
        .doesNotContain("Chart note");
  }

  @Test
  void marksRupturesAndRepairsOnTheirRatings() {
    // Ruptures are falls of 5 points (the alert's rule). Repaired: 38 -> 33 at 2, back to 38.5 at
    // 3. Unrepaired: 38 -> 32 at 5, still low at 6 and 7.
    Course srs = Courses.of("srs", "c1", 1, 38, 33, 38.5, 38, 32, 33.5, 34);

    XYChart chart =
        CourseChart.of(
                CourseFindings.find(srs, Optional.empty(), CourseFindings.Options.defaults()))
            .chart(760, 380);

    assertThat(series(chart, "Rupture, repaired").getXData()).containsExactly(2);
    assertThat(series(chart, "Rupture, repaired").getYData()).containsExactly(33);
    assertThat(series(chart, "Repair").getXData()).containsExactly(3);
    assertThat(series(chart, "Rupture, not repaired").getXData()).containsExactly(5);
    assertThat(series(chart, "Concern cutoff (below 36)").getYData()).containsExactly(36, 36);
    assertThat(chart.getYAxisTitle()).isEqualTo("SRS score (higher is better)");
    assertThat(chart.getStyler().getYAxisMax()).isEqualTo(40);
  }

  @Test
  void shadesTheCautionZoneAndRingsSessionsNotOnTrack() throws IOException {
    List<Course> reference = Courses.sgdata().stream().map(e -> e.courses().get(0)).toList();
    ExpectedCourse expected =
        ExpectedCourse.fit(
            reference.get(0).measure(), reference, ExpectedCourse.Options.defaults());
    Course client =
        reference.stream().filter(c -> c.client().equals("1")).findFirst().orElseThrow();
    CourseFindings findings =
        CourseFindings.find(client, Optional.of(expected), CourseFindings.Options.defaults());
    double[] notOnTrack =
        findings.statuses().stream()
            .filter(s -> s.status() == TrackStatus.NOT_ON_TRACK)
            .mapToDouble(ExpectedCourse.SessionStatus::session)
            .toArray();
    assertThat(notOnTrack).isNotEmpty();

    XYChart chart = CourseChart.of(findings).chart(760, 380);

    assertThat(series(chart, "Not on track").getXData()).containsExactly(notOnTrack);
    XYSeries zone = series(chart, "Caution zone");
    // Sessions 1..12 forward along the caution edge, then back along the not-on-track edge: 24
    // corners.
    assertThat(zone.getXData()).hasSize(24);
    ExpectedCourse.Band atSession5 = expected.band(client.observations().get(0).score(), 6);
    assertThat(zone.getYData()[4]).isCloseTo(atSession5.caution(), offset(1e-9));
    XYSeries line = series(chart, "Expected course");
    assertThat(line.getXData()[0]).isEqualTo(0);
    assertThat(line.getXData()).hasSize(13);
  }

  @Test
  void writesScalableAccessibleSvg() {
    Course course = Courses.of("phq-9", "a<b & \"c\"", 1, 20, 18, Double.NaN, 12, 9);
    CourseChart chart =
        CourseChart.of(
            CourseFindings.find(course, Optional.empty(), CourseFindings.Options.defaults()));

    String svg = chart.svg(760, 380);

    Document document = Xml.parse(svg);
    Element root = document.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo(SVG);
    assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 760 380");
    assertThat(root.getAttribute("width")).isEqualTo("760");
    assertThat(root.getAttribute("height")).isEqualTo("380");
    assertThat(root.getAttribute("role")).isEqualTo("img");
    String[] labelledBy = root.getAttribute("aria-labelledby").split(" ");
    assertThat(labelledBy).hasSize(2);
    Element title = (Element) root.getElementsByTagNameNS(SVG, "title").item(0);
    Element desc = (Element) root.getElementsByTagNameNS(SVG, "desc").item(0);
    assertThat(title.getAttribute("id")).isEqualTo(labelledBy[0]);
    assertThat(desc.getAttribute("id")).isEqualTo(labelledBy[1]);
    assertThat(title.getTextContent()).isEqualTo("PHQ-9 of client a<b & \"c\" over sessions");
    assertThat(desc.getTextContent())
        .contains("session 1 20, session 2 18, session 4 12, session 5 9")
        .contains("lower is better")
        .contains("Cutoff: 10 or more is clinical range (caseness)");
    // Path coordinates keep one decimal: small enough to embed several charts in a page.
    assertThat(svg).doesNotContainPattern("d='[^']*\\d\\.\\d{2,}");
    assertThat(svg.length()).isLessThan(120_000);
  }

  @Test
  void describesTheMarksInWords() throws IOException {
    CourseFindings findings =
        CourseFindings.find(
            Courses.sgdata("1"),
            Optional.empty(),
            CourseFindings.Options.defaults().withSuddenChangeCutoff(7));

    String description = CourseChart.of(findings).description();

    assertThat(description)
        .contains("Sudden gain from session 3 to 4.")
        .contains("Sudden gain from session 7 to 8.");
    Course srs = Courses.of("srs", "c1", 1, 38, 33, 38.5, 38, 32, 33.5, 34);
    assertThat(
            CourseChart.of(
                    CourseFindings.find(srs, Optional.empty(), CourseFindings.Options.defaults()))
                .description())
        .contains("Rupture from session 2, repaired at session 3.")
        .contains("Rupture from session 5, not repaired.");
  }

  @Test
  void drawsACourseOfOneSessionAndAnEmptyOne() {
    Course one = Courses.of("gad-7", "c1", 4, 12);
    Course none = Courses.of("gad-7", "c2", 1);
    Course column =
        new Course(
            "c3", Measure.column("bdi", Direction.HIGHER_IS_WORSE, Construct.OUTCOME), List.of());

    for (Course course : List.of(one, none, column)) {
      CourseChart chart =
          CourseChart.of(
              CourseFindings.find(course, Optional.empty(), CourseFindings.Options.defaults()));
      XYChart drawn = chart.chart(500, 300);
      assertThat(drawn.getStyler().getXAxisMin()).isLessThan(drawn.getStyler().getXAxisMax());
      Xml.parse(chart.svg(500, 300));
    }
  }

  @Test
  void paintsTheSameChartAtEverySize() {
    Course course = Courses.of("phq-9", "c1", 1, 20, 18, 15, 12, 9, 8);
    CourseChart chart =
        CourseChart.of(
            CourseFindings.find(course, Optional.empty(), CourseFindings.Options.defaults()));

    for (int width : new int[] {320, 760, 1200}) {
      XYChart drawn = chart.chart(width, chart.suggestedHeight(width));
      assertThat(drawn.getWidth()).isEqualTo(width);
      assertThat(Stream.of("Score", "Clinical cutoff (10 or more)"))
          .allSatisfy(name -> series(drawn, name));
      assertThat(Arrays.stream(series(drawn, "Score").getYData()).boxed().toList())
          .containsExactly(20.0, 18.0, 15.0, 12.0, 9.0, 8.0);
    }
    assertThat(chart.suggestedHeight(760)).isEqualTo(380);
    assertThat(chart.suggestedHeight(1200)).isEqualTo(440);
  }

  @Test
  void putsTheLegendBelowANarrowChartWithItsLabelsWhole() {
    Course course = Courses.of("phq-9", "c1", 1, 20, 18, 15, 12, 9, 8);
    CourseChart chart =
        CourseChart.of(
            CourseFindings.find(course, Optional.empty(), CourseFindings.Options.defaults()));

    XYChart wide = chart.chart(760, chart.suggestedHeight(760));
    assertThat(wide.getStyler().getLegendPosition()).isEqualTo(LegendPosition.OutsideE);
    assertThat(series(wide, "Clinical cutoff (10 or more)").getLabel())
        .isEqualTo("Clinical cutoff (10 or more)");

    // On a phone the legend beside the plot would take half its width; below, XChart would cut
    // a label longer than 45% of the width off with an ellipsis, so it is broken into lines.
    XYChart narrow = chart.chart(320, chart.suggestedHeight(320));
    assertThat(narrow.getStyler().getLegendPosition()).isEqualTo(LegendPosition.OutsideS);
    assertThat(series(narrow, "Clinical cutoff (10 or more)").getLabel())
        .isEqualTo("Clinical cutoff\n(10 or more)");
    assertThat(series(narrow, "Score").getLabel()).isEqualTo("Score");
    // The legend's three lines come on top of the plot's height.
    assertThat(chart.suggestedHeight(320)).isBetween(270 + 3 * 14, 270 + 3 * 24);
  }
}
