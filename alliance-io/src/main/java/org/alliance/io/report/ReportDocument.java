package org.alliance.io.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.alliance.io.chart.Figure;

/**
 * A report as a sequence of plain blocks (headings, paragraphs, facts, tables, charts, lists) that
 * the HTML and the PDF writer both render. The wording is decided once, when the document is laid
 * out; the writers only typeset it.
 *
 * @param title the report's title, such as {@code Client report: c001}
 * @param footer a line for the foot of every printed page
 */
public record ReportDocument(String title, String footer, List<Block> blocks) {
  /** The line under every report's title: a report holds clinical information. */
  public static final String CONFIDENTIAL =
      "Confidential: holds clinical information about people. Keep it where clinical records are kept.";

  public ReportDocument {
    requireNonNull(title, "title");
    requireNonNull(footer, "footer");
    blocks = ImmutableList.copyOf(blocks);
  }

  /** How a paragraph or table row should stand out. */
  public enum Tone {
    PLAIN,
    /** Secondary information: methods, notes on the data. */
    NOTE,
    /** Needs attention: a warning, an alert. */
    WARNING,
    /** Needs attention first: a risk item answered. */
    URGENT
  }

  /** One part of a report. */
  public sealed interface Block permits Heading, Paragraph, Facts, Table, Chart, Bullets {}

  /** A section heading: level 2 for a section, 3 for a part of one. */
  public record Heading(int level, String text) implements Block {
    public Heading {
      checkArgument(level == 2 || level == 3, "a heading is of level 2 or 3, not %s", level);
      requireNonNull(text, "text");
    }
  }

  public record Paragraph(String text, Tone tone) implements Block {
    public Paragraph {
      requireNonNull(text, "text");
      requireNonNull(tone, "tone");
    }
  }

  /** Labelled values, such as the header of a client report. */
  public record Facts(List<Fact> facts) implements Block {
    public Facts {
      facts = ImmutableList.copyOf(facts);
    }
  }

  public record Fact(String label, String value) {
    public Fact {
      requireNonNull(label, "label");
      requireNonNull(value, "value");
    }
  }

  /**
   * A table.
   *
   * @param caption what the table shows, in a sentence
   * @param widths the relative width of each column
   */
  public record Table(String caption, List<String> columns, List<Integer> widths, List<Row> rows)
      implements Block {
    public Table {
      requireNonNull(caption, "caption");
      columns = ImmutableList.copyOf(columns);
      widths = ImmutableList.copyOf(widths);
      rows = ImmutableList.copyOf(rows);
      checkArgument(
          widths.size() == columns.size(),
          "%s widths for %s columns",
          widths.size(),
          columns.size());
      for (Row row : rows) {
        checkArgument(
            row.cells().size() == columns.size(),
            "a row of %s cells in a table of %s columns",
            row.cells().size(),
            columns.size());
      }
    }
  }

  public record Row(List<String> cells, Tone tone) {
    public Row {
      cells = ImmutableList.copyOf(cells);
      requireNonNull(tone, "tone");
    }
  }

  /** A chart, drawn as SVG in HTML and as vector graphics in PDF. */
  public record Chart(Figure figure) implements Block {
    public Chart {
      requireNonNull(figure, "figure");
    }
  }

  public record Bullets(List<String> items) implements Block {
    public Bullets {
      items = ImmutableList.copyOf(items);
    }
  }
}
