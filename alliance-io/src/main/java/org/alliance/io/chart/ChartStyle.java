package org.alliance.io.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The look every chart shares: colours from the Okabe-Ito palette, which people with the common
 * colour vision deficiencies can tell apart, plain sans-serif type, light grid lines and the legend
 * beside the plot (XChart does not wrap a legend below it).
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

  /** The marker size every series shares (XChart has one); custom markers scale it. */
  static final int MARKER_SIZE = 7;

  private ChartStyle() {}

  /** Applies the shared look to a chart's styler. */
  static void apply(AxesChartStyler styler) {
    Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    styler.setBaseFont(base);
    styler.setChartTitleVisible(false);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setChartFontColor(INK);
    styler.setChartPadding(6);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setPlotGridLinesColor(GRID);
    styler.setPlotGridLinesStroke(THIN);
    styler.setPlotContentSize(0.94);
    styler.setAxisTitleFont(base.deriveFont(Font.BOLD, 12f));
    styler.setAxisTickLabelsFont(base.deriveFont(11f));
    styler.setAxisTickLabelsColor(INK);
    styler.setAxisTickMarksColor(MUTED);
    styler.setLegendVisible(true);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setLegendLayout(Styler.LegendLayout.Vertical);
    styler.setLegendFont(base.deriveFont(11.5f));
    styler.setLegendBorderColor(Color.WHITE);
    styler.setLegendBackgroundColor(Color.WHITE);
    styler.setLegendPadding(6);
    styler.setLegendSeriesLineLength(22);
    styler.setMarkerSize(MARKER_SIZE);
    styler.setAntiAlias(true);
    styler.setTextAntiAlias(true);
  }
}
