package org.alliance.web.platform.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The widths the pages' charts are drawn at. A chart is an SVG image that scales with the page, its
 * type with it: drawn 880 wide and shown on a phone, its legend would shrink to 5 px. So each page
 * offers a drawing per range of screen widths, each no wider than the room it gets there, and the
 * browser fetches only the one that fits: the type stays at least its drawn size (11 px).
 */
public final class ChartSizes {
  /** The width for a desk, and for any chart request that names none. */
  public static final int WIDE = 880;

  /**
   * A narrower drawing and the screens it serves (a media query); each width is at most the room a
   * chart has at the narrowest of them.
   */
  public record Step(int width, String media) {}

  /**
   * Phones (up to 480 px: at least 326 px of room from 360 px up), large phones, tablets; the room
   * is the screen less the page's and the figure's padding (34 px on a phone, 58 beyond).
   */
  public static final List<Step> STEPS =
      List.of(
          new Step(320, "(max-width: 30rem)"),
          new Step(440, "(max-width: 40rem)"),
          new Step(580, "(max-width: 60rem)"));

  private ChartSizes() {}

  /** The address of the chart at {@code src} drawn at this width. */
  public static String at(String src, int width) {
    return src + (src.contains("?") ? "&" : "?") + "width=" + width;
  }

  /**
   * The width a chart request asks for ({@code ?width=}), {@link #WIDE} when none; 400 for any
   * width the pages do not offer, so that no request draws a chart of any size.
   */
  public static int width(Context ctx) {
    String asked = ctx.queryParam("width");
    if (asked == null || asked.isBlank()) {
      return WIDE;
    }
    String trimmed = asked.trim();
    if (trimmed.equals(Integer.toString(WIDE))) {
      return WIDE;
    }
    for (Step step : STEPS) {
      if (trimmed.equals(Integer.toString(step.width()))) {
        return step.width();
      }
    }
    throw WebException.badRequest(
        "width: a chart is drawn "
            + STEPS.stream()
                .map(step -> Integer.toString(step.width()))
                .collect(Collectors.joining(", "))
            + " or "
            + WIDE
            + " pixels wide, not '"
            + asked
            + "'");
  }
}
