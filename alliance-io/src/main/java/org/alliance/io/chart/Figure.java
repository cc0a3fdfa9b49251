package org.alliance.io.chart;

import java.awt.Graphics2D;

/**
 * A chart the reports and the web pages show: drawn once onto any {@link Graphics2D}, which gives
 * SVG for HTML pages and vector graphics for PDF pages from the same code.
 */
public interface Figure {
  /**
   * The smallest type a chart draws, in its own units (pixels at its drawn size): the axes' tick
   * labels; the legend is a little larger. Shown smaller than drawn, a chart's type shrinks with
   * it, so pages draw a chart for the width they show it at.
   */
  float SMALLEST_TEXT = 11f;

  /**
   * A short name for the chart, such as "PHQ-9 over sessions"; the SVG's title for screen readers.
   */
  String title();

  /** What the chart shows in words, for readers who cannot see it; the SVG's description. */
  String description();

  /** The height that suits this chart at the given width, in the same units. */
  int suggestedHeight(int width);

  /** Paints the chart into the rectangle from (0, 0) to (width, height) of the graphics. */
  void paint(Graphics2D graphics, int width, int height);

  /**
   * The chart as an SVG element to embed in a page: scalable (it has a viewBox), with a title and a
   * description for screen readers.
   */
  default String svg(int width, int height) {
    return Svg.of(this, width, height);
  }
}
