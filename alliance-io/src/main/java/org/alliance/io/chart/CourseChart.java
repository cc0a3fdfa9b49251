package org.alliance.io.chart;

import static java.util.Objects.requireNonNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Observation;
import org.alliance.core.trend.Rupture;
import org.alliance.core.trend.SuddenChange;
import org.alliance.core.trend.SuddenChangeResult;
import org.alliance.core.trend.TrackStatus;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One client's scores on one measure over the sessions, with what the trend models found: the
 * clinical cutoff, the expected course of similar clients and its caution zone, sessions not on
 * track, sudden gains and losses, ruptures and repairs. The axis spans the instrument's whole score
 * range and its title says which way is better. A missing session leaves a gap in the line.
 */
public final class CourseChart implements Figure {
  /** At most about this many points draw the expected course. */
  private static final long MAX_LINE_POINTS = 400;

  private final CourseFindings findings;
  private final String name;
  private final List<ChartNote> notes;

  private CourseChart(CourseFindings findings, List<ChartNote> notes) {
    this.findings = requireNonNull(findings, "findings");
    this.name = Wording.measure(findings.course().measure());
    this.notes = List.copyOf(notes);
  }

  /** The chart of these findings. */
  public static CourseChart of(CourseFindings findings) {
    return new CourseChart(findings, List.of());
  }

  /** The same chart with the clinician's notes as marks at their sessions. */
  public CourseChart withNotes(List<ChartNote> chartNotes) {
    return new CourseChart(findings, chartNotes);
  }

  /** The notes this chart can place, with their sessions in its course, in session order. */
  private List<Map.Entry<Integer, ChartNote>> placedNotes() {
    Course course = findings.course();
    int first = course.first().map(Observation::session).orElse(0);
    int last = course.last().map(Observation::session).orElse(0);
    List<Map.Entry<Integer, ChartNote>> placed = new ArrayList<>();
    for (ChartNote note : notes) {
      note.sessionIn(course)
          .ifPresent(
              session -> {
                if (session >= first && session <= last) {
                  placed.add(Map.entry(session, note));
                }
              });
    }
    placed.sort(Map.Entry.comparingByKey());
    return placed;
  }

  @Override
  public String title() {
    return name + " of client " + findings.course().client() + " over sessions";
  }

  @Override
  public String description() {
    Course course = findings.course();
    StringBuilder text =
        new StringBuilder(name)
            .append(" scores by session (")
            .append(Wording.direction(course.measure().direction()))
            .append("): ");
    text.append(
        course.observations().stream()
            .map(o -> "session " + o.session() + " " + Wording.score(o.score()))
            .collect(Collectors.joining(", ")));
    text.append('.');
    cutoff()
        .ifPresent(
            cutoff ->
                text.append(" Cutoff: ")
                    .append(Wording.cutoffSide(cutoff))
                    .append(" is ")
                    .append(Wording.cutoffMeaning(cutoff))
                    .append('.'));
    findings
        .expected()
        .ifPresent(
            expected ->
                text.append(" Expected course of similar clients shown, fitted on ")
                    .append(expected.episodes())
                    .append(" episodes."));
    List<Integer> notOnTrack = sessions(TrackStatus.NOT_ON_TRACK);
    if (!notOnTrack.isEmpty()) {
      text.append(" Not on track at session ").append(join(notOnTrack)).append('.');
    }
    describe(text, findings.gains(), "Sudden gain");
    describe(text, findings.losses(), "Sudden loss");
    for (Map.Entry<Integer, ChartNote> placed : placedNotes()) {
      text.append(" Note at session ")
          .append(placed.getKey())
          .append(": ")
          .append(placed.getValue().text())
          .append('.');
    }
    for (Rupture rupture : distinctRuptures()) {
      text.append(" Rupture from session ")
          .append(rupture.startSession())
          .append(
              rupture.repairSession().isPresent()
                  ? ", repaired at session " + rupture.repairSession().getAsInt()
                  : ", not repaired")
          .append('.');
    }
    return text.toString();
  }

  private static void describe(
      StringBuilder text, Optional<SuddenChangeResult> result, String kind) {
    result.ifPresent(
        found ->
            found
                .changes()
                .forEach(
                    change ->
                        text.append(' ')
                            .append(kind)
                            .append(" from session ")
                            .append(change.pregainSession())
                            .append(" to ")
                            .append(change.postgainSession())
                            .append('.')));
  }

  @Override
  public int suggestedHeight(int width) {
    if (!ChartStyle.narrow(width)) {
      return Math.max(300, Math.min(440, width / 2));
    }
    // Under a narrow chart the legend takes its own lines; the plot keeps its height above them.
    return 270 + ChartStyle.legendHeight(chart(width, 300));
  }

  @Override
  public void paint(Graphics2D graphics, int width, int height) {
    chart(width, height).paint(graphics, width, height);
  }

  /**
   * The XChart chart at this size; built anew each time, since XChart lays a chart out for one
   * size.
   */
  XYChart chart(int width, int height) {
    Course course = findings.course();
    XYChart chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .xAxisTitle("Session")
            .yAxisTitle(name + " score (" + Wording.direction(course.measure().direction()) + ")")
            .build();
    XYStyler styler = chart.getStyler();
    ChartStyle.apply(styler, width);
    styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);

    int first = course.first().map(Observation::session).orElse(0);
    int last = course.last().map(Observation::session).orElse(1);
    double xMin = first == last ? first - 1 : first;
    double xMax = first == last ? last + 1 : last;
    double[] yRange = yRange();
    styler.setXAxisMin(xMin);
    styler.setXAxisMax(xMax);
    styler.setYAxisMin(yRange[0]);
    styler.setYAxisMax(yRange[1]);
    // Sessions are whole numbers; a tick between two sessions gets no label.
    styler.setXAxisTickLabelsFormattingFunction(
        x -> x == Math.rint(x) ? Long.toString(Math.round(x)) : "");
    styler.setYAxisTickLabelsFormattingFunction(Wording::score);

    expectedCourse(chart, yRange);
    cutoff()
        .ifPresent(
            cutoff ->
                line(
                    chart,
                    cutoffLabel(cutoff),
                    new double[] {xMin, xMax},
                    new double[] {cutoff.value(), cutoff.value()},
                    ChartStyle.PURPLE,
                    ChartStyle.DASHED));
    scores(chart);
    points(
        chart,
        "Not on track",
        sessions(TrackStatus.NOT_ON_TRACK),
        Markers.ring(2.4),
        ChartStyle.VERMILLION);
    suddenChanges(
        chart, findings.gains(), "Sudden gain", Markers.triangleUp(2.1), ChartStyle.GREEN);
    suddenChanges(
        chart, findings.losses(), "Sudden loss", Markers.triangleDown(2.1), ChartStyle.VERMILLION);
    ruptures(chart);
    notes(chart, yRange);
    ChartStyle.fitLegend(chart, width);
    return chart;
  }

  /** A dotted upright line at each note's session; the page or report lists the notes' words. */
  private void notes(XYChart chart, double[] yRange) {
    List<Map.Entry<Integer, ChartNote>> placed = placedNotes();
    if (placed.isEmpty()) {
      return;
    }
    double[] x = new double[placed.size() * 3];
    double[] y = new double[placed.size() * 3];
    for (int i = 0; i < placed.size(); i++) {
      x[3 * i] = placed.get(i).getKey();
      x[3 * i + 1] = placed.get(i).getKey();
      x[3 * i + 2] = Double.NaN;
      y[3 * i] = yRange[0];
      y[3 * i + 1] = yRange[1];
      y[3 * i + 2] = Double.NaN;
    }
    line(chart, "Chart note", x, y, ChartStyle.MUTED, ChartStyle.DOTTED);
  }

  /** {@code Clinical cutoff (10 or more)}; an alliance measure's cutoff marks a concern. */
  private String cutoffLabel(Cutoff cutoff) {
    return (findings.course().measure().construct() == Construct.ALLIANCE ? "Concern" : "Clinical")
        + " cutoff ("
        + Wording.cutoffSide(cutoff)
        + ")";
  }

  private Optional<Cutoff> cutoff() {
    return findings.course().measure().instrument().flatMap(Instrument::clinicalCutoff);
  }

  /** The instrument's whole range; a score column's own range with a margin, the band included. */
  private double[] yRange() {
    Optional<Instrument> instrument = findings.course().measure().instrument();
    if (instrument.isPresent()) {
      return new double[] {instrument.get().minTotal(), instrument.get().maxTotal()};
    }
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Observation observation : findings.course().observations()) {
      low = Math.min(low, observation.score());
      high = Math.max(high, observation.score());
    }
    for (ExpectedCourse.SessionStatus status : findings.statuses()) {
      low = Math.min(low, Math.min(status.band().expected(), status.band().notOnTrack()));
      high = Math.max(high, Math.max(status.band().expected(), status.band().notOnTrack()));
    }
    if (!(low <= high)) {
      return new double[] {0, 1};
    }
    double margin = Math.max(1, (high - low) * 0.08);
    return new double[] {Math.floor(low - margin), Math.ceil(high + margin)};
  }

  /**
   * The expected course as a dashed line, and the caution zone between the caution and not-on-track
   * edges.
   */
  private void expectedCourse(XYChart chart, double[] yRange) {
    if (findings.expected().isEmpty() || findings.course().observations().size() < 2) {
      return;
    }
    ExpectedCourse expected = findings.expected().get();
    Observation intake = findings.course().observations().get(0);
    long lastT = findings.course().last().orElseThrow().session() - (long) intake.session() + 1;
    // One point per session up to a few hundred; beyond that (a record with a huge session number)
    // evenly spaced points, so the chart's size never follows the session numbers.
    long step = Math.max(1, lastT / MAX_LINE_POINTS);
    List<Long> ts = new ArrayList<>();
    for (long t = 1; t < lastT; t += step) {
      ts.add(t);
    }
    ts.add(lastT);
    List<Double> zoneX = new ArrayList<>();
    List<Double> zoneY = new ArrayList<>();
    double[] lineX = new double[ts.size()];
    double[] lineY = new double[ts.size()];
    for (int i = 0; i < ts.size(); i++) {
      long t = ts.get(i);
      ExpectedCourse.Band band =
          expected.band(intake.score(), (int) Math.min(t, Integer.MAX_VALUE));
      lineX[i] = intake.session() + t - 1;
      lineY[i] = clamp(band.expected(), yRange);
      // At intake every score is on track, so the zone starts at the second session.
      if (t >= 2) {
        zoneX.add(lineX[i]);
        zoneY.add(clamp(band.caution(), yRange));
      }
    }
    for (int i = ts.size() - 1; i >= 0 && ts.get(i) >= 2; i--) {
      long t = ts.get(i);
      zoneX.add((double) intake.session() + t - 1);
      zoneY.add(
          clamp(
              expected.band(intake.score(), (int) Math.min(t, Integer.MAX_VALUE)).notOnTrack(),
              yRange));
    }
    XYSeries zone = chart.addSeries("Caution zone", zoneX, zoneY);
    zone.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    zone.setFillColor(ChartStyle.CAUTION_ZONE);
    zone.setLineColor(ChartStyle.TRANSPARENT);
    zone.setMarker(SeriesMarkers.NONE);
    line(chart, "Expected course", lineX, lineY, ChartStyle.SKY, ChartStyle.DASHED);
  }

  /**
   * The scores, a point per session, with a gap in the line at each missing session; none for an
   * empty course.
   */
  private void scores(XYChart chart) {
    Course course = findings.course();
    if (course.isEmpty()) {
      return;
    }
    // A point per scored session, and a NaN point after each missing stretch to break the line
    // there: as many points as scores, however large the session numbers.
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    int previous = Integer.MIN_VALUE;
    for (Observation observation : course.observations()) {
      if (previous != Integer.MIN_VALUE && observation.session() > previous + 1L) {
        x.add(previous + 1.0);
        y.add(Double.NaN);
      }
      x.add((double) observation.session());
      y.add(observation.score());
      previous = observation.session();
    }
    XYSeries series = chart.addSeries("Score", x, y);
    series.setLineColor(ChartStyle.BLUE);
    series.setLineStyle(ChartStyle.LINE);
    series.setMarker(Markers.dot(1));
    series.setMarkerColor(ChartStyle.BLUE);
  }

  /**
   * Sudden changes, each marked halfway along the line between its two sessions, where the jump
   * happens.
   */
  private static void suddenChanges(
      XYChart chart,
      Optional<SuddenChangeResult> result,
      String label,
      Marker marker,
      Color color) {
    List<SuddenChange> changes = result.map(SuddenChangeResult::changes).orElse(List.of());
    double[] x = changes.stream().mapToDouble(change -> change.pregainSession() + 0.5).toArray();
    double[] y =
        changes.stream()
            .mapToDouble(change -> (change.pregainScore() + change.postgainScore()) / 2)
            .toArray();
    scatter(chart, label, x, y, marker, color);
  }

  /** Rupture starts, repaired or not, and repairs, each on the rating it belongs to. */
  private void ruptures(XYChart chart) {
    Course course = findings.course();
    List<Rupture> ruptures = distinctRuptures();
    List<Integer> repaired =
        ruptures.stream().filter(Rupture::repaired).map(Rupture::startSession).toList();
    List<Integer> unrepaired =
        ruptures.stream()
            .filter(rupture -> !rupture.repaired())
            .map(Rupture::startSession)
            .toList();
    List<Integer> repairs =
        ruptures.stream()
            .filter(Rupture::repaired)
            .map(rupture -> rupture.repairSession().getAsInt())
            .toList();
    scatter(
        chart,
        "Rupture, repaired",
        sessionsX(repaired),
        scoresAt(course, repaired),
        Markers.triangleDown(2.1),
        ChartStyle.ORANGE);
    scatter(
        chart,
        "Rupture, not repaired",
        sessionsX(unrepaired),
        scoresAt(course, unrepaired),
        Markers.triangleDown(2.1),
        ChartStyle.VERMILLION);
    scatter(
        chart,
        "Repair",
        sessionsX(repairs),
        scoresAt(course, repairs),
        Markers.diamond(2.2),
        ChartStyle.GREEN);
  }

  /** One rupture per start session: rules that agree on a start agree on its repair too. */
  private List<Rupture> distinctRuptures() {
    TreeMap<Integer, Rupture> byStart = new TreeMap<>();
    findings.ruptures().forEach(rupture -> byStart.putIfAbsent(rupture.startSession(), rupture));
    return List.copyOf(byStart.values());
  }

  private void points(
      XYChart chart, String label, List<Integer> sessions, Marker marker, Color color) {
    scatter(
        chart, label, sessionsX(sessions), scoresAt(findings.course(), sessions), marker, color);
  }

  private List<Integer> sessions(TrackStatus status) {
    return findings.statuses().stream()
        .filter(s -> s.status() == status)
        .map(ExpectedCourse.SessionStatus::session)
        .toList();
  }

  private static double[] sessionsX(List<Integer> sessions) {
    return sessions.stream().mapToDouble(Integer::doubleValue).toArray();
  }

  private static double[] scoresAt(Course course, List<Integer> sessions) {
    return sessions.stream().mapToDouble(session -> course.at(session).orElseThrow()).toArray();
  }

  /**
   * A series of marks only; a series without points is left out, so the legend lists only what is
   * drawn.
   */
  private static void scatter(
      XYChart chart, String label, double[] x, double[] y, Marker marker, Color color) {
    if (x.length == 0) {
      return;
    }
    XYSeries series = chart.addSeries(label, x, y);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    series.setMarker(marker);
    series.setMarkerColor(color);
  }

  private static void line(
      XYChart chart, String label, double[] x, double[] y, Color color, BasicStroke stroke) {
    XYSeries series = chart.addSeries(label, x, y);
    series.setLineColor(color);
    series.setLineStyle(stroke);
    series.setMarker(SeriesMarkers.NONE);
  }

  private static double clamp(double value, double[] range) {
    return Math.max(range[0], Math.min(range[1], value));
  }

  private static String join(List<Integer> sessions) {
    return sessions.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
