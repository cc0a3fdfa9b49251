package org.alliance.io.chart;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.escape.Escaper;
import com.google.common.xml.XmlEscapers;
import java.math.BigDecimal;
import java.util.function.DoubleFunction;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Paints a figure with JFreeSVG and makes the result an accessible, scalable SVG element. */
final class Svg {
  private static final Escaper XML = XmlEscapers.xmlContentEscaper();

  /**
   * Tenths of a pixel are finer than any screen shows; the default six decimals only make the file
   * bigger.
   */
  private static final DoubleFunction<String> TENTHS = value -> decimals(value, 1);

  private static final DoubleFunction<String> HUNDREDTHS = value -> decimals(value, 2);

  private Svg() {}

  static String of(Figure figure, int width, int height) {
    checkArgument(
        width > 0 && height > 0, "a chart needs a positive size, not %sx%s", width, height);
    String id =
        "chart-"
            + Integer.toHexString(
                (figure.title() + '\n' + figure.description() + '\n' + width + 'x' + height)
                    .hashCode());
    SVGGraphics2D graphics = new SVGGraphics2D(width, height);
    graphics.setGeomDoubleConverter(TENTHS);
    graphics.setTransformDoubleConverter(HUNDREDTHS);
    // Clip-path ids must not collide when several charts share a page.
    graphics.setDefsKeyPrefix(id + "-");
    figure.paint(graphics, width, height);
    String element = graphics.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    int endOfTag = element.indexOf('>');
    checkArgument(element.startsWith("<svg") && endOfTag > 0, "JFreeSVG wrote no svg element");
    return element.substring(0, endOfTag)
        + " role='img' aria-labelledby='"
        + id
        + "-title "
        + id
        + "-desc'>"
        + "<title id='"
        + id
        + "-title'>"
        + XML.escape(figure.title())
        + "</title>"
        + "<desc id='"
        + id
        + "-desc'>"
        + XML.escape(figure.description())
        + "</desc>"
        + element.substring(endOfTag + 1);
  }

  private static String decimals(double value, int digits) {
    return BigDecimal.valueOf(Math.round(value * Math.pow(10, digits)), digits)
        .stripTrailingZeros()
        .toPlainString();
  }
}
