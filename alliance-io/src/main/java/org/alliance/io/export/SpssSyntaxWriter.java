package org.alliance.io.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes SPSS syntax (also run by PSPP) that reads an analysis export: {@code GET DATA} with each
 * column's type, then variable labels, value labels for labelled values and codes, and the codes
 * declared user-missing ({@code LOWEST THRU -50}), so that no code is ever averaged as a score.
 */
public final class SpssSyntaxWriter {
  /** SPSS truncates variable labels at 256 bytes and value labels at 120. */
  private static final int VARIABLE_LABEL = 250;

  private static final int VALUE_LABEL = 120;

  private SpssSyntaxWriter() {}

  /**
   * @param data the data file, written into the syntax as an absolute path
   * @param columns the columns as {@link AnalysisExport.Result#columns()} describes them
   */
  public static void write(Writer out, Path data, List<ExportColumn> columns) throws IOException {
    PrintWriter syntax = new PrintWriter(out);
    syntax.println(
        "* Reads "
            + data.getFileName()
            + " (written by alliance export) with its labels and missing-value codes.");
    syntax.println("* If you move the data file, change the path after /FILE.");
    syntax.println("GET DATA");
    syntax.println("  /TYPE=TXT");
    syntax.println("  /FILE=" + quote(data.toAbsolutePath().toString()));
    syntax.println("  /ENCODING='UTF8'");
    syntax.println("  /ARRANGEMENT=DELIMITED");
    syntax.println("  /DELCASE=LINE");
    syntax.println("  /FIRSTCASE=2");
    syntax.println("  /DELIMITERS=','");
    syntax.println("  /QUALIFIER='\"'");
    syntax.println("  /VARIABLES=");
    for (ExportColumn column : columns) {
      syntax.println("    " + column.name() + " " + format(column));
    }
    syntax.println(".");
    syntax.println("VARIABLE LABELS");
    for (int i = 0; i < columns.size(); i++) {
      ExportColumn column = columns.get(i);
      syntax.println(
          "  "
              + (i == 0 ? "" : "/")
              + column.name()
              + " "
              + quote(shorten(column.label(), VARIABLE_LABEL)));
    }
    syntax.println(".");
    List<ExportColumn> labelled =
        columns.stream().filter(column -> !column.labels().isEmpty()).toList();
    if (!labelled.isEmpty()) {
      syntax.println("VALUE LABELS");
      for (int i = 0; i < labelled.size(); i++) {
        ExportColumn column = labelled.get(i);
        List<String> pairs = new ArrayList<>();
        for (ValueLabel label : column.labels()) {
          pairs.add(label.value() + " " + quote(shorten(label.label(), VALUE_LABEL)));
        }
        syntax.println("  " + (i == 0 ? "" : "/") + column.name() + " " + String.join(" ", pairs));
      }
      syntax.println(".");
    }
    List<String> coded =
        columns.stream().filter(ExportColumn::coded).map(ExportColumn::name).toList();
    if (!coded.isEmpty()) {
      syntax.println("MISSING VALUES");
      syntax.println(
          "  " + String.join("\n  ", coded) + " (LOWEST THRU " + ExportCode.HIGHEST + ").");
    }
    syntax.println("EXECUTE.");
    syntax.flush();
  }

  private static String format(ExportColumn column) {
    return switch (column.type()) {
      case "string" -> "A" + Math.max(1, column.width());
      case "integer" -> "F8.0";
      case "date" -> "SDATE10";
      default -> "F16.6";
    };
  }

  /** A quoted string for SPSS: single quotes, each one inside doubled. */
  static String quote(String text) {
    return "'" + text.replace("'", "''").replace('\n', ' ').replace('\r', ' ') + "'";
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}
