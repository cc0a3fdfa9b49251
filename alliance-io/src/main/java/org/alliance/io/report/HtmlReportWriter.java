package org.alliance.io.report;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.alliance.io.chart.Figure;
import org.alliance.io.report.ReportDocument.Block;
import org.alliance.io.report.ReportDocument.Tone;

/**
 * Writes a report document as one self-contained HTML file: inline CSS and inline SVG charts, no
 * fonts, scripts or images from elsewhere, so it opens offline, can be mailed as is, and prints
 * cleanly. Each chart is drawn twice, for a desk (and print) and for a phone, and the page shows
 * the one that fits the screen. The markup is also well-formed XML.
 */
public final class HtmlReportWriter {
  /** The width the charts are drawn at; they scale down with the page. */
  static final int CHART_WIDTH = 880;

  /**
   * The width each chart is drawn at a second time, for a phone: the wide drawing scaled down to a
   * phone's width would shrink its type to 4 px. The page shows the drawing that fits.
   */
  static final int PHONE_CHART_WIDTH = 320;

  private static final Escaper ESCAPE = HtmlEscapers.htmlEscaper();

  private static final String STYLE =
      """
      :root { color-scheme: light; }
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        color: #222; background: #fff; margin: 0; line-height: 1.45; font-size: 15px; }
      main { max-width: 980px; margin: 0 auto; padding: 24px 28px 40px; }
      header { border-bottom: 3px solid #0072B2; margin-bottom: 18px; }
      h1 { font-size: 26px; margin: 0 0 4px; }
      .confidential { color: #555; font-size: 13px; margin: 0 0 10px; }
      h2 { font-size: 20px; margin: 30px 0 10px; padding-top: 10px; border-top: 1px solid #ddd; }
      h3 { font-size: 16px; margin: 20px 0 8px; }
      p { margin: 8px 0; }
      p.note { color: #555; font-size: 13.5px; }
      p.warning { background: #fff4db; border-left: 4px solid #E69F00; padding: 6px 10px; }
      p.urgent { background: #fde4e1; border-left: 4px solid #D55E00; padding: 6px 10px; }
      dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 10px 0 14px; }
      dl.facts dt { font-weight: 600; color: #444; }
      dl.facts dd { margin: 0; }
      table { border-collapse: collapse; width: 100%; margin: 10px 0 14px; font-size: 14px; }
      caption { text-align: left; color: #555; font-size: 13.5px; padding-bottom: 4px; }
      th { text-align: left; background: #eef2f6; font-weight: 600; }
      th, td { padding: 5px 8px; border-bottom: 1px solid #e2e2e2; vertical-align: top; }
      tr.urgent td { background: #fde4e1; }
      tr.urgent td:first-child { box-shadow: inset 4px 0 0 #D55E00; }
      tr.warning td { background: #fff4db; }
      tr.warning td:first-child { box-shadow: inset 4px 0 0 #E69F00; }
      tr.note td { color: #666; }
      figure.chart { margin: 12px 0; }
      figure.chart svg { max-width: 100%; height: auto; display: block; }
      figure.chart .phone { display: none; }
      ul { padding-left: 22px; }
      li { margin: 4px 0; }
      footer { color: #666; font-size: 12.5px; border-top: 1px solid #ddd; margin-top: 30px; padding-top: 8px; }
      @media screen and (max-width: 40rem) {
        main { padding: 12px 12px 32px; }
        th, td { padding: 5px 5px; }
        td { overflow-wrap: anywhere; }
        figure.chart .desk { display: none; }
        figure.chart .phone { display: block; }
        figure.chart .phone svg { width: 100%; }
        dl.facts { grid-template-columns: minmax(0, 10em) 1fr; gap: 4px 12px; }
      }
      @page { size: A4; margin: 14mm 12mm; }
      @media print {
        body { font-size: 10.5pt; }
        main { max-width: none; padding: 0; }
        h2 { break-after: avoid; page-break-after: avoid; }
        h3 { break-after: avoid; page-break-after: avoid; }
        figure.chart, tr, dl.facts, div.keep { break-inside: avoid; page-break-inside: avoid; }
        tr.urgent td, tr.warning td, p.warning, p.urgent { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      }
      """;

  private HtmlReportWriter() {}

  /** Writes the document; the writer is flushed, not closed. */
  public static void write(ReportDocument document, Writer out) throws IOException {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append(
            "<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<meta name=\"generator\" content=\"Alliance toolkit\"/>\n")
        .append("<title>")
        .append(text(document.title()))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n")
        .append("</head>\n<body>\n<main>\n<header>\n<h1>")
        .append(text(document.title()))
        .append("</h1>\n")
        .append("<p class=\"confidential\">")
        .append(text(ReportDocument.CONFIDENTIAL))
        .append("</p>\n</header>\n");
    List<Block> blocks = document.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      int end = keptWith(blocks, i);
      if (end > i) {
        // A heading, its introduction and its chart print on one page.
        html.append("<div class=\"keep\">\n");
        for (int j = i; j <= end; j++) {
          block(blocks.get(j), html);
        }
        html.append("</div>\n");
        i = end;
      } else {
        block(blocks.get(i), html);
      }
    }
    html.append("<footer>")
        .append(text(document.footer()))
        .append("</footer>\n</main>\n</body>\n</html>\n");
    out.write(html.toString());
    out.flush();
  }

  /**
   * The last block to keep on one printed page with the heading at {@code start}: through its
   * paragraphs to the chart or facts that follow; {@code start} itself when there is nothing to
   * keep together.
   */
  private static int keptWith(List<Block> blocks, int start) {
    if (!(blocks.get(start) instanceof ReportDocument.Heading)) {
      return start;
    }
    for (int next = start + 1; next < blocks.size(); next++) {
      Block block = blocks.get(next);
      if (block instanceof ReportDocument.Chart || block instanceof ReportDocument.Facts) {
        return next;
      }
      if (!(block instanceof ReportDocument.Paragraph)) {
        return start;
      }
    }
    return start;
  }

  private static void block(Block block, StringBuilder html) {
    if (block instanceof ReportDocument.Heading heading) {
      html.append("<h")
          .append(heading.level())
          .append('>')
          .append(text(heading.text()))
          .append("</h")
          .append(heading.level())
          .append(">\n");
    } else if (block instanceof ReportDocument.Paragraph paragraph) {
      html.append("<p")
          .append(tone(paragraph.tone()))
          .append('>')
          .append(text(paragraph.text()))
          .append("</p>\n");
    } else if (block instanceof ReportDocument.Facts facts) {
      html.append("<dl class=\"facts\">\n");
      for (ReportDocument.Fact fact : facts.facts()) {
        html.append("<dt>")
            .append(text(fact.label()))
            .append("</dt><dd>")
            .append(text(fact.value()))
            .append("</dd>\n");
      }
      html.append("</dl>\n");
    } else if (block instanceof ReportDocument.Table table) {
      table(table, html);
    } else if (block instanceof ReportDocument.Chart chart) {
      Figure figure = chart.figure();
      html.append("<figure class=\"chart\"><div class=\"desk\">")
          .append(figure.svg(CHART_WIDTH, figure.suggestedHeight(CHART_WIDTH)))
          .append("</div><div class=\"phone\">")
          .append(figure.svg(PHONE_CHART_WIDTH, figure.suggestedHeight(PHONE_CHART_WIDTH)))
          .append("</div></figure>\n");
    } else if (block instanceof ReportDocument.Bullets bullets) {
      html.append("<ul>\n");
      bullets.items().forEach(item -> html.append("<li>").append(text(item)).append("</li>\n"));
      html.append("</ul>\n");
    }
  }

  private static void table(ReportDocument.Table table, StringBuilder html) {
    html.append("<table>\n<caption>")
        .append(text(table.caption()))
        .append("</caption>\n<colgroup>");
    int total = table.widths().stream().mapToInt(Integer::intValue).sum();
    for (int width : table.widths()) {
      html.append("<col style=\"width:").append(Math.round(100.0 * width / total)).append("%\"/>");
    }
    html.append("</colgroup>\n<thead><tr>");
    table
        .columns()
        .forEach(column -> html.append("<th scope=\"col\">").append(text(column)).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    for (ReportDocument.Row row : table.rows()) {
      html.append("<tr").append(tone(row.tone())).append('>');
      row.cells().forEach(cell -> html.append("<td>").append(text(cell)).append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static String tone(Tone tone) {
    return switch (tone) {
      case PLAIN -> "";
      case NOTE -> " class=\"note\"";
      case WARNING -> " class=\"warning\"";
      case URGENT -> " class=\"urgent\"";
    };
  }

  /** Escaped text; characters that XML forbids (control characters from a file) become spaces. */
  private static String text(String value) {
    StringBuilder clean = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            c -> {
              boolean allowed =
                  c == '\t'
                      || c == '\n'
                      || c == '\r'
                      || (c >= 0x20 && c < 0xD800)
                      || (c >= 0xE000 && c < 0xFFFE)
                      || c >= 0x10000;
              clean.appendCodePoint(allowed ? c : ' ');
            });
    return ESCAPE.escape(clean.toString());
  }
}
