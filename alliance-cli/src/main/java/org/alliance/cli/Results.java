package org.alliance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.alliance.io.table.ResultTable;

/**
 * Writes a result table in the chosen format; in table and CSV form the summary follows as plain
 * lines.
 */
final class Results {
  private Results() {}

  static void write(ResultTable table, ResultFormat format, PrintWriter out, PrintWriter err)
      throws IOException {
    switch (format) {
      case JSON -> table.writeJson(out);
      case CSV -> {
        table.writeCsv(out);
        // Standard output stays one clean CSV table; the summary goes beside it.
        printSummary(table.summary(), err);
      }
      case TABLE -> {
        TextTable text = new TextTable(table.columns());
        int p = table.columns().indexOf("p");
        for (List<Object> row : table.rows()) {
          List<String> cells = new java.util.ArrayList<>(row.size());
          for (int i = 0; i < row.size(); i++) {
            cells.add(
                i == p && row.get(i) instanceof Double value
                    ? pValue(value)
                    : ResultTable.text(row.get(i)));
          }
          text.add(cells);
        }
        if (!table.rows().isEmpty()) {
          text.print(out);
          out.println();
        }
        printSummary(table.summary(), out);
      }
    }
    out.flush();
    err.flush();
  }

  /** A p-value for people: three decimals, and "< 0.001" rather than a rounded 0. */
  static String pValue(double p) {
    return p < 0.001 ? "< 0.001" : String.format(java.util.Locale.ROOT, "%.3f", p);
  }

  private static void printSummary(Map<String, Object> summary, PrintWriter out) {
    summary.forEach(
        (name, value) -> {
          // A section of its own (an entry whose values are themselves maps) reads better as one
          // line per entry than as one long line.
          if (value instanceof Map<?, ?> map
              && map.values().stream().anyMatch(Map.class::isInstance)) {
            out.println(name + ":");
            map.forEach((key, inner) -> out.println("  " + key + ": " + describe(inner)));
          } else {
            out.println(name + ": " + describe(value));
          }
        });
  }

  private static String describe(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder text = new StringBuilder();
      map.forEach(
          (key, inner) ->
              text.append(text.length() == 0 ? "" : ", ")
                  .append(key)
                  .append(' ')
                  .append(describe(inner)));
      return text.toString();
    }
    return ResultTable.text(value);
  }
}
