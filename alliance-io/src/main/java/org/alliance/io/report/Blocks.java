package org.alliance.io.report;

import java.util.ArrayList;
import java.util.List;
import org.alliance.io.chart.Figure;
import org.alliance.io.report.ReportDocument.Block;
import org.alliance.io.report.ReportDocument.Tone;

/**
 * Collects the blocks of a report document in order, so a layout reads like the report it makes.
 */
final class Blocks {
  private final List<Block> blocks = new ArrayList<>();

  Blocks heading(String text) {
    blocks.add(new ReportDocument.Heading(2, text));
    return this;
  }

  Blocks subheading(String text) {
    blocks.add(new ReportDocument.Heading(3, text));
    return this;
  }

  Blocks text(String text) {
    return paragraph(text, Tone.PLAIN);
  }

  Blocks note(String text) {
    return paragraph(text, Tone.NOTE);
  }

  Blocks warning(String text) {
    return paragraph(text, Tone.WARNING);
  }

  Blocks paragraph(String text, Tone tone) {
    blocks.add(new ReportDocument.Paragraph(text, tone));
    return this;
  }

  Blocks facts(List<ReportDocument.Fact> facts) {
    if (!facts.isEmpty()) {
      blocks.add(new ReportDocument.Facts(facts));
    }
    return this;
  }

  Blocks table(ReportDocument.Table table) {
    blocks.add(table);
    return this;
  }

  Blocks chart(Figure figure) {
    blocks.add(new ReportDocument.Chart(figure));
    return this;
  }

  Blocks bullets(List<String> items) {
    if (!items.isEmpty()) {
      blocks.add(new ReportDocument.Bullets(items));
    }
    return this;
  }

  List<Block> build() {
    return List.copyOf(blocks);
  }
}
