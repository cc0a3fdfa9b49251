package org.alliance.web.links;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A client link as a QR code drawn in inline SVG: one rectangle per run of dark modules in a row,
 * no script and no style attribute, so the pages' content security policy allows it and it prints
 * sharply.
 */
public final class ClientLinkQrCode {
  /** The quiet zone around the code, in modules: the 4 the QR standard asks for. */
  private static final int MARGIN = 4;

  private ClientLinkQrCode() {}

  /** The SVG of a QR code of {@code text}, sized by CSS (its viewBox is in modules). */
  public static String svg(String text) {
    BitMatrix matrix;
    try {
      // Medium error correction: survives a smudged screen or print, and keeps the code small
      // enough to scan.
      matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      MARGIN));
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "a link of " + text.length() + " characters does not fit in a QR code", e);
    }
    int width = matrix.getWidth();
    int height = matrix.getHeight();
    StringBuilder svg = new StringBuilder(16_384);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append(
            "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code of the link\">")
        .append("<rect width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" fill=\"#fff\"/>");
    for (int y = 0; y < height; y++) {
      int x = 0;
      while (x < width) {
        if (!matrix.get(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < width && matrix.get(x, y)) {
          x++;
        }
        svg.append("<rect x=\"")
            .append(start)
            .append("\" y=\"")
            .append(y)
            .append("\" width=\"")
            .append(x - start)
            .append("\" height=\"1\"/>");
      }
    }
    return svg.append("</svg>").toString();
  }
}
