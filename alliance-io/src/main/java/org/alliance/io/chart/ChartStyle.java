package org.alliance.io.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The look every chart shares: colours from the Okabe-Ito palette, which people with the common
 * colour vision deficiencies can tell apart, plain sans-serif type, light grid lines and the legend
 * beside the plot, or below it, one entry a line, on a chart too narrow to spare the room (XChart
 * does not wrap a legend).
 */
final class ChartStyle {
  static final Color BLUE = new Color(0x0072B2);
  static final Color GREEN = new Color(0x009E73);
  static final Color VERMILLION = new Color(0xD55E00);
  static final Color ORANGE = new Color(0xE69F00);
  static final Color SKY = new Color(0x56B4E9);
  static final Color PURPLE = new Color(0xCC79A7);
  static final Color INK = new Color(0x222222);
  static final Color MUTED = new Color(0x666666);
  static final Color GRID = new Color(0xE3E3E3);
  static final Color TRANSPARENT = new Color(0, 0, 0, 0);

  /** The orange, light enough that the lines drawn over it stay clear. */
  static final Color CAUTION_ZONE = new Color(0xE6, 0x9F, 0x00, 70);

  static final BasicStroke LINE =
      new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  static final BasicStroke THIN = new BasicStroke(1f);
  static final BasicStroke DASHED =
      new BasicStroke(
          2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f);

  /** Dots, for marks that sit behind the data, such as a chart note's session. */
  static final BasicStroke DOTTED =
      new BasicStroke(
          1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {1.5f, 4f}, 0f);

  /** The marker size every series shares (XChart has one); custom markers scale it. */
  static final int MARKER_SIZE = 7;

  /**
   * Below this width the legend goes under the plot: beside it, it would take half of a phone's
   * chart.
   */
  static final int NARROW = 560;

  static final int LEGEND_PADDING = 6;

  private static final Font BASE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font LEGEND_FONT = BASE.deriveFont(11.5f);

  /** How XChart measures legend labels. */
  private static final FontRenderContext MEASURE = new FontRenderContext(null, true, false);

  /** The share of the chart's width XChart allows a legend label before cutting it off. */
  private static final double LABEL_ROOM = 0.45;

  private ChartStyle() {}

  /** Whether a chart this wide has its legend below the plot. */
  static boolean narrow(int width) {
    return width < NARROW;
  }

  /**
   * Breaks each legend label wider than XChart allows into lines at its spaces: XChart would cut it
   * off with an ellipsis, which on a phone's chart hides what a line means.
   */
  static void fitLegend(XYChart chart, int width) {
    double room = width * LABEL_ROOM - 2;
    for (XYSeries series : chart.getSeriesCollection()) {
      series.setLabel(wrap(series.getLabel(), room));
    }
  }

  private static String wrap(String label, double room) {
    if (width(label) <= room) {
      return label;
    }
    // A part in brackets, such as a cutoff's value, reads best on a line of its own.
    int bracket = label.indexOf(" (");
    if (bracket > 0) {
      return wrap(label.substring(0, bracket), room)
          + '\n'
          + wrap(label.substring(bracket + 1), room);
    }
    StringBuilder lines = new StringBuilder();
    String line = "";
    for (String word : label.split(" ")) {
      String longer = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && width(longer) > room) {
        lines.append(line).append('\n');
        line = word;
      } else {
        line = longer;
      }
    }
    return lines.append(line).toString();
  }

  private static Rectangle2D bounds(String text) {
    return new TextLayout(text, LEGEND_FONT, MEASURE).getOutline(null).getBounds2D();
  }

  private static double width(String text) {
    return bounds(text).getWidth();
  }

  /**
   * The height of the legend below a narrow chart as XChart lays it out: each entry's lines 3 px
   * apart, at least a marker high, with padding around every entry.
   */
  static int legendHeight(XYChart chart) {
    double height = LEGEND_PADDING;
    for (XYSeries series : chart.getSeriesCollection()) {
      if (!series.isShowInLegend()) {
        continue;
      }
      double text = -3;
      for (String line : series.getLabel().split("\n")) {
        text += bounds(line).getHeight() + 3;
      }
      height += Math.max(text, MARKER_SIZE) + LEGEND_PADDING;
    }
    return (int) Math.ceil(height);
  }

  /** Applies the shared look to the styler of a chart this wide. */
  static void apply(AxesChartStyler styler, int width) {
    styler.setBaseFont(BASE);
    styler.setChartTitleVisible(false);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setChartFontColor(INK);
    // A narrow chart's plot reaches its right edge: room for half of the last tick label.
    styler.setChartPadding(narrow(width) ? 10 : 6);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setPlotGridLinesColor(GRID);
    styler.setPlotGridLinesStroke(THIN);
    styler.setPlotContentSize(0.94);
    styler.setAxisTitleFont(BASE.deriveFont(Font.BOLD, 12f));
    styler.setAxisTickLabelsFont(BASE.deriveFont(Figure.SMALLEST_TEXT));
    styler.setAxisTickLabelsColor(INK);
    styler.setAxisTickMarksColor(MUTED);
    styler.setLegendVisible(true);
    styler.setLegendPosition(
        narrow(width) ? Styler.LegendPosition.OutsideS : Styler.LegendPosition.OutsideE);
    styler.setLegendLayout(Styler.LegendLayout.Vertical);
    styler.setLegendFont(LEGEND_FONT);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setLegendBackgroundColor(Color.WHITE);
    styler.setLegendPadding(LEGEND_PADDING);
    styler.setLegendSeriesLineLength(22);
    styler.setMarkerSize(MARKER_SIZE);
    styler.setAntiAlias(true);
    styler.setTextAntiAlias(true);
  }
}
