package org.alliance.io.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.function.DoubleFunction;
import org.knowm.xchart.style.markers.Marker;

/**
 * Point markers in sizes of their own (XChart gives every series one size). Event marks get a white
 * edge so they stand out where they sit on a line, and a ring surrounds a point without hiding it.
 */
final class Markers {
  private static final BasicStroke EDGE = new BasicStroke(1.2f);
  private static final BasicStroke RING = new BasicStroke(2f);

  private Markers() {}

  /** A filled circle. */
  static Marker dot(double scale) {
    return new Shaped(scale, false, size -> new Ellipse2D.Double(-size / 2, -size / 2, size, size));
  }

  /** A triangle pointing up, for an improvement. */
  static Marker triangleUp(double scale) {
    return new Shaped(scale, true, size -> triangle(size, -1));
  }

  /** A triangle pointing down, for a worsening. */
  static Marker triangleDown(double scale) {
    return new Shaped(scale, true, size -> triangle(size, 1));
  }

  /** A diamond. */
  static Marker diamond(double scale) {
    return new Shaped(
        scale,
        true,
        size -> {
          Path2D.Double path = new Path2D.Double();
          path.moveTo(0, -size / 2);
          path.lineTo(size / 2, 0);
          path.lineTo(0, size / 2);
          path.lineTo(-size / 2, 0);
          path.closePath();
          return path;
        });
  }

  /** An open ring drawn around a point. */
  static Marker ring(double scale) {
    return new Marker() {
      @Override
      public void paint(Graphics2D graphics, double x, double y, int markerSize) {
        double size = markerSize * scale;
        Stroke stroke = graphics.getStroke();
        graphics.setStroke(RING);
        graphics.draw(new Ellipse2D.Double(x - size / 2, y - size / 2, size, size));
        graphics.setStroke(stroke);
      }
    };
  }

  /**
   * An equilateral triangle of the given height centred on its centroid; direction -1 points up, 1
   * down.
   */
  private static Shape triangle(double size, int direction) {
    double half = size / 2;
    Path2D.Double path = new Path2D.Double();
    path.moveTo(0, direction * size * 2 / 3);
    path.lineTo(half * 1.15, -direction * size / 3);
    path.lineTo(-half * 1.15, -direction * size / 3);
    path.closePath();
    return path;
  }

  /** A shape centred on the point, filled in the series colour, with an optional white edge. */
  private static final class Shaped extends Marker {
    private final double scale;
    private final boolean edged;
    private final DoubleFunction<Shape> shape;

    Shaped(double scale, boolean edged, DoubleFunction<Shape> shape) {
      this.scale = scale;
      this.edged = edged;
      this.shape = shape;
    }

    @Override
    public void paint(Graphics2D graphics, double x, double y, int markerSize) {
      Shape placed =
          AffineTransform.getTranslateInstance(x, y)
              .createTransformedShape(shape.apply(markerSize * scale));
      graphics.fill(placed);
      if (edged) {
        Paint paint = graphics.getPaint();
        Stroke stroke = graphics.getStroke();
        graphics.setPaint(Color.WHITE);
        graphics.setStroke(EDGE);
        graphics.draw(placed);
        graphics.setPaint(paint);
        graphics.setStroke(stroke);
      }
    }
  }
}
