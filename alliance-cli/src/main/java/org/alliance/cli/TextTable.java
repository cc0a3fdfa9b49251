package org.alliance.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, for reading on a screen. */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(List<String> header) {
    this.header = header;
  }

  void add(List<String> row) {
    rows.add(row);
  }

  void print(PrintWriter out) {
    int[] widths = new int[header.size()];
    measure(header, widths);
    rows.forEach(row -> measure(row, widths));
    line(out, header, widths);
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    out.flush();
  }

  private static void measure(List<String> row, int[] widths) {
    for (int i = 0; i < row.size(); i++) {
      widths[i] = Math.max(widths[i], row.get(i).length());
    }
  }

  private static void line(PrintWriter out, List<String> row, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        text.append("  ");
      }
      text.append(row.get(i));
      if (i < row.size() - 1) {
        text.append(" ".repeat(widths[i] - row.get(i).length()));
      }
    }
    out.println(text.toString().stripTrailing());
  }
}
