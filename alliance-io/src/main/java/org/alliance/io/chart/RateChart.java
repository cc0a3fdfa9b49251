package org.alliance.io.chart;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliance.core.cohort.Interval;
import org.alliance.core.cohort.Proportion;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Outcome rates of groups of clients (the whole cohort, each clinician) as a forest plot: a row per
 * group, a mark per outcome at its rate and a line across its 95% Wilson interval, so that groups
 * whose intervals overlap are seen not to differ. A group with no one to count has no mark.
 */
public final class RateChart implements Figure {
  /** The outcomes a rate chart shows, in the order of each row's proportions. */
  public enum Outcome {
    IMPROVED("Reliably improved", ChartStyle.GREEN, Markers.triangleUp(1.8)),
    RECOVERED("Recovered", ChartStyle.BLUE, Markers.diamond(1.8)),
    DETERIORATED("Reliably deteriorated", ChartStyle.VERMILLION, Markers.triangleDown(1.8));

    private final String label;
    private final Color color;
    private final Marker marker;

    Outcome(String label, Color color, Marker marker) {
      this.label = label;
      this.color = color;
      this.marker = marker;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One group's rates.
   *
   * @param label the group, as the axis shows it (e.g. {@code clinician-01 (n=28)})
   * @param proportions one per {@link Outcome}, in its order
   */
  public record Row(String label, List<Proportion> proportions) {
    public Row {
      requireNonNull(label, "label");
      proportions = ImmutableList.copyOf(proportions);
      checkArgument(
          proportions.size() == Outcome.values().length,
          "a row needs a proportion per outcome, %s, not %s",
          Outcome.values().length,
          proportions.size());
    }
  }

  private static final double ROW_SPREAD = 0.22;

  private final String title;
  private final List<Row> rows;

  private RateChart(String title, List<Row> rows) {
    this.title = requireNonNull(title, "title");
    this.rows = ImmutableList.copyOf(rows);
    checkArgument(!this.rows.isEmpty(), "a rate chart needs at least one row");
  }

  /** A chart of these rows, top to bottom. */
  public static RateChart of(String title, List<Row> rows) {
    return new RateChart(title, rows);
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String description() {
    StringBuilder text = new StringBuilder("Rates with 95% Wilson intervals.");
    for (Row row : rows) {
      text.append(' ').append(row.label()).append(':');
      for (Outcome outcome : Outcome.values()) {
        text.append(' ')
            .append(outcome.label().toLowerCase(Locale.ROOT))
            .append(' ')
            .append(row.proportions().get(outcome.ordinal()))
            .append(outcome.ordinal() + 1 < Outcome.values().length ? ";" : ".");
      }
    }
    return text.toString();
  }

  @Override
  public int suggestedHeight(int width) {
    // Under a narrow chart the legend takes its own lines.
    return ChartStyle.narrow(width)
        ? plotHeight() + ChartStyle.legendHeight(chart(width, plotHeight()))
        : plotHeight();
  }

  /** The height of the plot with its axes: a band per row. */
  private int plotHeight() {
    return 90 + 46 * rows.size();
  }

  @Override
  public void paint(Graphics2D graphics, int width, int height) {
    chart(width, height).paint(graphics, width, height);
  }

  XYChart chart(int width, int height) {
    XYChart chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .xAxisTitle(ChartStyle.narrow(width) ? "Clients (%)" : "Clients (%), with 95% interval")
            .build();
    XYStyler styler = chart.getStyler();
    ChartStyle.apply(styler, width);
    styler.setYAxisTitleVisible(false);
    styler.setXAxisMin(0.0);
    styler.setXAxisMax(100.0);
    int n = rows.size();
    styler.setYAxisMin(0.5);
    styler.setYAxisMax(n + 0.5);
    // XChart rounds the spacing hint (in pixels) down to a step of 1, 2 or 5 times a power of ten,
    // then
    // widens the step until every label differs: a hint of about one row's height gives a tick per
    // row.
    // Ticks beyond the rows are not drawn, but still need labels of their own.
    // Under a narrow chart the legend takes the height past the plot's.
    int plot = ChartStyle.narrow(width) ? Math.min(height, plotHeight()) : height;
    styler.setYAxisTickMarkSpacingHint(Math.max(8, (int) Math.round((plot - 60) * 0.94 / n)));
    styler.setYAxisTickLabelsFormattingFunction(
        y -> {
          long index = n - Math.round(y);
          boolean row = Math.abs(y - Math.rint(y)) < 1e-9 && index >= 0 && index < n;
          return row ? rows.get((int) index).label() : Wording.score(y);
        });
    styler.setXAxisTickLabelsFormattingFunction(x -> Long.toString(Math.round(x)));
    styler.setPlotGridHorizontalLinesVisible(false);

    for (Outcome outcome : Outcome.values()) {
      double offset = ROW_SPREAD * (1 - outcome.ordinal());
      List<Double> rateX = new ArrayList<>();
      List<Double> rateY = new ArrayList<>();
      List<Double> spanX = new ArrayList<>();
      List<Double> spanY = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Proportion proportion = rows.get(i).proportions().get(outcome.ordinal());
        if (proportion.isEmpty()) {
          continue;
        }
        double y = n - i + offset;
        Interval interval = proportion.wilson().orElseThrow();
        rateX.add(100 * proportion.rate().getAsDouble());
        rateY.add(y);
        // One line series for all intervals of an outcome, broken between rows by NaN.
        spanX.add(100 * interval.lower());
        spanY.add(y);
        spanX.add(100 * interval.upper());
        spanY.add(y);
        spanX.add(Double.NaN);
        spanY.add(Double.NaN);
      }
      if (rateX.isEmpty()) {
        continue;
      }
      XYSeries spans = chart.addSeries(outcome.label() + " interval", spanX, spanY);
      spans.setLineColor(outcome.color);
      spans.setLineStyle(ChartStyle.LINE);
      spans.setMarker(SeriesMarkers.NONE);
      spans.setShowInLegend(false);
      XYSeries rates = chart.addSeries(outcome.label(), rateX, rateY);
      rates.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      rates.setMarker(outcome.marker);
      rates.setMarkerColor(outcome.color);
    }
    ChartStyle.fitLegend(chart, width);
    return chart;
  }
}
