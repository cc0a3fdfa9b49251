package org.alliance.io.table;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Numbers;

/**
 * A table of results (one row per client, gain or rupture) with a summary, written as CSV or as
 * JSON {@code {"<rows>": [...], "summary": {...}}}. Cells are strings, numbers (written without
 * trailing zeros), booleans or null.
 */
public final class ResultTable {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private final String rowsName;
  private final List<String> columns;
  private final List<List<Object>> rows = new ArrayList<>();
  private final Map<String, Object> summary = new LinkedHashMap<>();

  public ResultTable(String rowsName, List<String> columns) {
    this.rowsName = rowsName;
    this.columns = List.copyOf(columns);
  }

  public void add(Object... cells) {
    checkArgument(
        cells.length == columns.size(), "%s cells for %s columns", cells.length, columns.size());
    List<Object> row = new ArrayList<>(cells.length);
    Collections.addAll(row, cells);
    rows.add(row);
  }

  /** Adds a summary entry; values may be numbers, strings, booleans, lists or maps. */
  public void summary(String name, Object value) {
    summary.put(name, value);
  }

  public List<String> columns() {
    return columns;
  }

  public List<List<Object>> rows() {
    return rows;
  }

  public Map<String, Object> summary() {
    return summary;
  }

  /** The rows as CSV with a header line. */
  public void writeCsv(Writer out) throws IOException {
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
    csv.writeRecord(columns);
    for (List<Object> row : rows) {
      csv.writeRecord(row.stream().map(ResultTable::text).toList());
    }
    csv.flush();
  }

  /** Rows and summary as one JSON document. */
  public void writeJson(Writer out) throws IOException {
    List<Map<String, Object>> objects = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        object.put(columns.get(i), row.get(i));
      }
      objects.add(object);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put(rowsName, objects);
    document.put("summary", summary);
    JSON.writeValue(out, document);
    out.write('\n');
    out.flush();
  }

  /** A cell as text: numbers without trailing zeros, null as empty. */
  public static String text(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof Double || cell instanceof Float) {
      double value = ((Number) cell).doubleValue();
      // Six decimals would print a p-value of 1e-20 as 0: a value that small keeps its exponent.
      return value != 0 && Math.abs(value) < 5e-7 ? Double.toString(value) : Numbers.format(value);
    }
    return cell.toString();
  }
}
