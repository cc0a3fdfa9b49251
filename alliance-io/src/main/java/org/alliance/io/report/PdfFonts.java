package org.alliance.io.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The two fonts of a PDF report. A Unicode TrueType font of the system (DejaVu Sans, Liberation
 * Sans, Arial) is embedded when one is found, so client references and item text in other alphabets
 * print as written; otherwise the standard Helvetica, which knows Western European letters only.
 * Either way, a character the font cannot show is printed as '?' rather than stopping the report.
 */
final class PdfFonts {
  /** Regular and bold faces to look for, in order of preference. */
  private static final List<String[]> CANDIDATES =
      List.of(
          new String[] {
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
          },
          new String[] {
            "/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"
          },
          new String[] {
            "/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"
          },
          new String[] {
            "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"
          },
          new String[] {
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"
          },
          new String[] {
            "/System/Library/Fonts/Supplemental/Arial.ttf",
            "/System/Library/Fonts/Supplemental/Arial Bold.ttf"
          },
          new String[] {"/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"},
          new String[] {"C:\\Windows\\Fonts\\arial.ttf", "C:\\Windows\\Fonts\\arialbd.ttf"});

  final PDFont regular;
  final PDFont bold;
  private final Map<PDFont, Map<Integer, Boolean>> encodable = new HashMap<>();

  private PdfFonts(PDFont regular, PDFont bold) {
    this.regular = regular;
    this.bold = bold;
  }

  /** A system font embedded in the document when {@code embed} and one is found; else Helvetica. */
  static PdfFonts load(PDDocument document, boolean embed) {
    if (embed) {
      for (String[] pair : CANDIDATES) {
        Path regular = Path.of(pair[0]);
        Path bold = Path.of(pair[1]);
        if (Files.isReadable(regular) && Files.isReadable(bold)) {
          try {
            return new PdfFonts(embed(document, regular), embed(document, bold));
          } catch (IOException e) {
            // A damaged font file: try the next one, and in the end the standard font.
          }
        }
      }
    }
    return new PdfFonts(
        new PDType1Font(Standard14Fonts.FontName.HELVETICA),
        new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
  }

  /**
   * A subset of the font embedded without its glyph substitutions: PDFBox would otherwise set "fi"
   * and "ff" as ligature glyphs, which text extraction, search and screen readers return as U+FB01
   * and U+FB00.
   */
  private static PDType0Font embed(PDDocument document, Path file) throws IOException {
    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
    document.registerTrueTypeFontForClosing(font);
    font.setEnableGsub(false);
    return PDType0Font.load(document, font, true);
  }

  /**
   * The text with line breaks and tabs as spaces and every character the font cannot show as '?'.
   */
  String printable(PDFont font, String text) {
    Map<Integer, Boolean> known = encodable.computeIfAbsent(font, f -> new HashMap<>());
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                clean.append(' ');
              } else {
                clean.appendCodePoint(
                    known.computeIfAbsent(c, point -> canEncode(font, point)) ? c : '?');
              }
            });
    return clean.toString();
  }

  /** The width of printable text in points. */
  float width(PDFont font, float size, String printable) throws IOException {
    return font.getStringWidth(printable) / 1000f * size;
  }

  private static boolean canEncode(PDFont font, int codePoint) {
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }
}
