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
        for (List<Object> row : table.rows()) {
          text.add(row.stream().map(ResultTable::text).toList());
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
