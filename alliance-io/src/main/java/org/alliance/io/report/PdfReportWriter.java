package org.alliance.io.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.alliance.io.chart.Figure;
import org.alliance.io.report.ReportDocument.Block;
import org.alliance.io.report.ReportDocument.Tone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes a report document as an A4 PDF with PDFBox: text wrapped to the page, tables that continue
 * on the next page with their header repeated, charts drawn as vector graphics by the same code
 * that draws them as SVG, and a footer with page numbers on every page.
 */
public final class PdfReportWriter {
  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = 46;
  private static final float TOP = PAGE.getHeight() - 44;
  private static final float BOTTOM = 50;
  private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

  private static final Color INK = new Color(0x222222);
  private static final Color MUTED = new Color(0x5A5A5A);
  private static final Color BLUE = new Color(0x0072B2);
  private static final Color RULE = new Color(0xDDDDDD);
  private static final Color HEADER = new Color(0xEEF2F6);
  private static final Color WARNING = new Color(0xFFF4DB);
  private static final Color WARNING_EDGE = new Color(0xE69F00);
  private static final Color URGENT = new Color(0xFDE4E1);
  private static final Color URGENT_EDGE = new Color(0xD55E00);

  private static final float BODY = 9.5f;
  private static final float SMALL = 8.5f;
  private static final float CELL = 8.3f;

  /**
   * The width charts are laid out at before they are scaled to the text width: type of about 8
   * points.
   */
  private static final int CHART_WIDTH = 760;

  /** The width of the labels of a list of facts. */
  private static final float LABEL_WIDTH = 128;

  private PdfReportWriter() {}

  /** Writes the document; the stream is not closed. */
  public static void write(ReportDocument document, OutputStream out) throws IOException {
    write(document, out, true);
  }

  /**
   * As {@link #write(ReportDocument, OutputStream)}; without {@code embedFont} the standard
   * Helvetica is used.
   */
  static void write(ReportDocument document, OutputStream out, boolean embedFont)
      throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setTitle(document.title());
      info.setCreator("Alliance toolkit");
      PdfFonts fonts = PdfFonts.load(pdf, embedFont);
      try (Pages pages = new Pages(pdf, fonts)) {
        pages.title(document.title());
        List<Block> blocks = document.blocks();
        for (int i = 0; i < blocks.size(); i++) {
          if (blocks.get(i) instanceof ReportDocument.Heading) {
            // A heading stays with its introduction and the first chart, table or list that follows
            // it.
            float keep = 0;
            for (int next = i + 1; next < blocks.size(); next++) {
              keep += pages.estimate(blocks.get(next));
              if (!(blocks.get(next) instanceof ReportDocument.Paragraph)) {
                break;
              }
            }
            pages.keep(keep);
          }
          pages.block(blocks.get(i));
        }
      }
      footers(pdf, fonts, document.footer());
      pdf.save(out);
    }
  }

  /** The footer of every page, added once the number of pages is known. */
  private static void footers(PDDocument pdf, PdfFonts fonts, String footer) throws IOException {
    int count = pdf.getNumberOfPages();
    for (int i = 0; i < count; i++) {
      PDPage page = pdf.getPage(i);
      try (PDPageContentStream stream =
          new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        String number = "page " + (i + 1) + " of " + count;
        PDFont font = fonts.regular;
        float numberWidth = fonts.width(font, 7.5f, number);
        String left =
            fit(fonts, font, 7.5f, fonts.printable(font, footer), WIDTH - numberWidth - 20);
        show(stream, font, 7.5f, MUTED, MARGIN, 26, left);
        show(stream, font, 7.5f, MUTED, MARGIN + WIDTH - numberWidth, 26, number);
      }
    }
  }

  /** The text cut to fit the width, with an ellipsis of three dots when cut. */
  private static String fit(PdfFonts fonts, PDFont font, float size, String text, float width)
      throws IOException {
    if (fonts.width(font, size, text) <= width) {
      return text;
    }
    String cut = text;
    while (!cut.isEmpty() && fonts.width(font, size, cut + "...") > width) {
      cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
    }
    return cut + "...";
  }

  private static void show(
      PDPageContentStream stream,
      PDFont font,
      float size,
      Color color,
      float x,
      float y,
      String printable)
      throws IOException {
    stream.beginText();
    stream.setFont(font, size);
    stream.setNonStrokingColor(color);
    stream.newLineAtOffset(x, y);
    stream.showText(printable);
    stream.endText();
  }

  /** The pages being filled from top to bottom, with the cursor's height on the current page. */
  private static final class Pages implements AutoCloseable {
    private final PDDocument pdf;
    private final PdfFonts fonts;
    private PDPageContentStream stream;
    private float y;

    /**
     * The height the next heading needs below it for what follows, so it is not left alone at a
     * page's foot.
     */
    private float keep;

    Pages(PDDocument pdf, PdfFonts fonts) throws IOException {
      this.pdf = pdf;
      this.fonts = fonts;
      newPage();
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PAGE);
      pdf.addPage(page);
      stream = new PDPageContentStream(pdf, page);
      y = TOP;
    }

    /** Starts a new page unless this much height is left. */
    private void need(float height) throws IOException {
      if (y - height < BOTTOM) {
        newPage();
      }
    }

    void title(String title) throws IOException {
      List<String> lines = wrap(fonts.bold, 19, title, WIDTH);
      for (String line : lines) {
        y -= 21;
        show(stream, fonts.bold, 19, INK, MARGIN, y, line);
      }
      y -= 14;
      show(
          stream,
          fonts.regular,
          SMALL,
          MUTED,
          MARGIN,
          y,
          fonts.printable(fonts.regular, ReportDocument.CONFIDENTIAL));
      y -= 8;
      fill(BLUE, MARGIN, y - 2, WIDTH, 2);
      y -= 12;
    }

    /** The height the next heading must find on its page besides its own, for what follows it. */
    void keep(float height) {
      keep = Math.min(height, TOP - BOTTOM - 60);
    }

    /**
     * About how tall a block will be, or for a table or list its first rows: enough to keep a
     * heading with it.
     */
    float estimate(Block block) throws IOException {
      if (block instanceof ReportDocument.Paragraph paragraph) {
        float size = paragraph.tone() == Tone.NOTE ? SMALL : BODY;
        return wrap(fonts.regular, size, paragraph.text(), WIDTH - 16).size() * size * 1.32f + 9;
      }
      if (block instanceof ReportDocument.Chart chart) {
        return chart.figure().suggestedHeight(CHART_WIDTH) * WIDTH / CHART_WIDTH + 12;
      }
      if (block instanceof ReportDocument.Facts facts) {
        return factsHeight(facts);
      }
      if (block instanceof ReportDocument.Table) {
        return 4 * CELL * 1.28f + 30;
      }
      return 3 * BODY * 1.32f;
    }

    void block(Block block) throws IOException {
      if (block instanceof ReportDocument.Heading heading) {
        heading(heading);
      } else if (block instanceof ReportDocument.Paragraph paragraph) {
        paragraph(paragraph.text(), paragraph.tone());
      } else if (block instanceof ReportDocument.Facts facts) {
        facts(facts);
      } else if (block instanceof ReportDocument.Table table) {
        table(table);
      } else if (block instanceof ReportDocument.Chart chart) {
        chart(chart.figure());
      } else if (block instanceof ReportDocument.Bullets bullets) {
        for (String item : bullets.items()) {
          bullet(item);
        }
        y -= 4;
      }
    }

    private void heading(ReportDocument.Heading heading) throws IOException {
      float size = heading.level() == 2 ? 14 : 11.5f;
      need((heading.level() == 2 ? 40 : 30) + keep);
      keep = 0;
      if (y < TOP) {
        y -= heading.level() == 2 ? 14 : 8;
      }
      if (heading.level() == 2 && y < TOP - 20) {
        fill(RULE, MARGIN, y + 6, WIDTH, 0.8f);
      }
      for (String line : wrap(fonts.bold, size, heading.text(), WIDTH)) {
        y -= size + 3;
        show(stream, fonts.bold, size, INK, MARGIN, y, line);
      }
      y -= 6;
    }

    private void paragraph(String text, Tone tone) throws IOException {
      float size = tone == Tone.NOTE ? SMALL : BODY;
      float leading = size * 1.32f;
      boolean boxed = tone == Tone.WARNING || tone == Tone.URGENT;
      float inset = boxed ? 8 : 0;
      List<String> lines = wrap(fonts.regular, size, text, WIDTH - 2 * inset);
      for (int i = 0; i < lines.size(); i++) {
        need(leading + (boxed ? 4 : 0));
        if (boxed) {
          fill(
              tone == Tone.URGENT ? URGENT : WARNING,
              MARGIN,
              y - leading - (i == lines.size() - 1 ? 3 : 0),
              WIDTH,
              leading + (i == 0 ? 3 : 0) + (i == lines.size() - 1 ? 3 : 0));
          fill(
              tone == Tone.URGENT ? URGENT_EDGE : WARNING_EDGE,
              MARGIN,
              y - leading - (i == lines.size() - 1 ? 3 : 0),
              3,
              leading + (i == 0 ? 3 : 0) + (i == lines.size() - 1 ? 3 : 0));
        }
        y -= leading;
        show(
            stream,
            fonts.regular,
            size,
            tone == Tone.NOTE ? MUTED : INK,
            MARGIN + inset,
            y + leading * 0.25f,
            lines.get(i));
      }
      y -= boxed ? 9 : 5;
    }

    private void bullet(String text) throws IOException {
      float leading = BODY * 1.32f;
      List<String> lines = wrap(fonts.regular, BODY, text, WIDTH - 14);
      for (int i = 0; i < lines.size(); i++) {
        need(leading);
        y -= leading;
        if (i == 0) {
          show(
              stream,
              fonts.regular,
              BODY,
              INK,
              MARGIN + 3,
              y + leading * 0.25f,
              fonts.printable(fonts.regular, "\u2022"));
        }
        show(stream, fonts.regular, BODY, INK, MARGIN + 14, y + leading * 0.25f, lines.get(i));
      }
      y -= 3;
    }

    private float factsHeight(ReportDocument.Facts facts) throws IOException {
      float height = 6;
      for (ReportDocument.Fact fact : facts.facts()) {
        int lines =
            Math.max(
                wrap(fonts.bold, BODY, fact.label(), LABEL_WIDTH - 8).size(),
                wrap(fonts.regular, BODY, fact.value(), WIDTH - LABEL_WIDTH).size());
        height += lines * BODY * 1.32f + 2;
      }
      return height;
    }

    private void facts(ReportDocument.Facts facts) throws IOException {
      float labelWidth = LABEL_WIDTH;
      float leading = BODY * 1.32f;
      // A short list of facts stays on one page.
      need(Math.min(factsHeight(facts), 220));
      for (ReportDocument.Fact fact : facts.facts()) {
        List<String> label = wrap(fonts.bold, BODY, fact.label(), labelWidth - 8);
        List<String> value = wrap(fonts.regular, BODY, fact.value(), WIDTH - labelWidth);
        int lines = Math.max(label.size(), value.size());
        for (int i = 0; i < lines; i++) {
          need(leading);
          y -= leading;
          if (i < label.size()) {
            show(stream, fonts.bold, BODY, MUTED, MARGIN, y + leading * 0.25f, label.get(i));
          }
          if (i < value.size()) {
            show(
                stream,
                fonts.regular,
                BODY,
                INK,
                MARGIN + labelWidth,
                y + leading * 0.25f,
                value.get(i));
          }
        }
        y -= 2;
      }
      y -= 6;
    }

    private void table(ReportDocument.Table table) throws IOException {
      int total = table.widths().stream().mapToInt(Integer::intValue).sum();
      float[] widths = new float[table.columns().size()];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = WIDTH * table.widths().get(i) / total;
      }
      float pad = 3.5f;
      float leading = CELL * 1.28f;
      List<String> caption = wrap(fonts.regular, SMALL, table.caption(), WIDTH);
      need(caption.size() * SMALL * 1.3f + 3 * leading + 4 * pad);
      for (String line : caption) {
        y -= SMALL * 1.3f;
        show(stream, fonts.regular, SMALL, MUTED, MARGIN, y + 2, line);
      }
      y -= 3;
      header(table, widths, pad, leading);
      for (ReportDocument.Row row : table.rows()) {
        List<List<String>> cells = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < widths.length; i++) {
          List<String> cell = wrap(fonts.regular, CELL, row.cells().get(i), widths[i] - 2 * pad);
          cells.add(cell);
          lines = Math.max(lines, cell.size());
        }
        float height = lines * leading + 2 * pad;
        if (y - height < BOTTOM) {
          newPage();
          header(table, widths, pad, leading);
        }
        Color background =
            switch (row.tone()) {
              case URGENT -> URGENT;
              case WARNING -> WARNING;
              default -> null;
            };
        if (background != null) {
          fill(background, MARGIN, y - height, WIDTH, height);
          fill(
              row.tone() == Tone.URGENT ? URGENT_EDGE : WARNING_EDGE,
              MARGIN,
              y - height,
              3,
              height);
        }
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
          List<String> cell = cells.get(i);
          for (int line = 0; line < cell.size(); line++) {
            show(
                stream,
                fonts.regular,
                CELL,
                row.tone() == Tone.NOTE ? MUTED : INK,
                x + pad,
                y - pad - (line + 1) * leading + leading * 0.25f,
                cell.get(line));
          }
          x += widths[i];
        }
        y -= height;
        fill(RULE, MARGIN, y, WIDTH, 0.6f);
      }
      y -= 10;
    }

    private void header(ReportDocument.Table table, float[] widths, float pad, float leading)
        throws IOException {
      List<List<String>> cells = new ArrayList<>();
      int lines = 1;
      for (int i = 0; i < widths.length; i++) {
        List<String> cell = wrap(fonts.bold, CELL, table.columns().get(i), widths[i] - 2 * pad);
        cells.add(cell);
        lines = Math.max(lines, cell.size());
      }
      float height = lines * leading + 2 * pad;
      fill(HEADER, MARGIN, y - height, WIDTH, height);
      float x = MARGIN;
      for (int i = 0; i < widths.length; i++) {
        for (int line = 0; line < cells.get(i).size(); line++) {
          show(
              stream,
              fonts.bold,
              CELL,
              INK,
              x + pad,
              y - pad - (line + 1) * leading + leading * 0.25f,
              cells.get(i).get(line));
        }
        x += widths[i];
      }
      y -= height;
    }

    /**
     * The chart as vector graphics, drawn at the HTML report's size and scaled to the text width.
     */
    private void chart(Figure figure) throws IOException {
      int width = CHART_WIDTH;
      int height = figure.suggestedHeight(width);
      float scale = WIDTH / width;
      float drawn = height * scale;
      need(drawn + 8);
      PdfBoxGraphics2D graphics = new PdfBoxGraphics2D(pdf, width, height);
      try {
        figure.paint(graphics, width, height);
      } finally {
        graphics.dispose();
      }
      PDFormXObject form = graphics.getXFormObject();
      y -= drawn + 4;
      stream.saveGraphicsState();
      stream.transform(new Matrix(scale, 0, 0, scale, MARGIN, y));
      stream.drawForm(form);
      stream.restoreGraphicsState();
      y -= 8;
    }

    private void fill(Color color, float x, float bottom, float width, float height)
        throws IOException {
      stream.setNonStrokingColor(color);
      stream.addRect(x, bottom, width, height);
      stream.fill();
    }

    /** Printable lines of at most {@code width} points; a word longer than a line is cut. */
    private List<String> wrap(PDFont font, float size, String text, float width)
        throws IOException {
      String printable = fonts.printable(font, text);
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : printable.split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (fonts.width(font, size, candidate) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        // A word wider than the line (a long reference or path) is cut where it must be, between
        // characters.
        String rest = word;
        while (fonts.width(font, size, rest) > width && rest.codePointCount(0, rest.length()) > 1) {
          int cut = rest.offsetByCodePoints(rest.length(), -1);
          while (rest.codePointCount(0, cut) > 1
              && fonts.width(font, size, rest.substring(0, cut)) > width) {
            cut = rest.offsetByCodePoints(cut, -1);
          }
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      if (line.length() > 0 || lines.isEmpty()) {
        lines.add(line.toString());
      }
      return lines;
    }

    @Override
    public void close() throws IOException {
      stream.close();
    }
  }
}
