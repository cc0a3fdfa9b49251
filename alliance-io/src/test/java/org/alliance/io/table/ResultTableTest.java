package org.alliance.io.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Three columns, two rows (a number without trailing zeros, a null, a boolean, text that needs
   * quoting).
   */
  private static ResultTable example() {
    ResultTable table = new ResultTable("clients", List.of("client", "change", "reliable"));
    table.add("c1", -6.0, true);
    table.add("c2, \"the second\"", 1.0 / 3, null);
    Map<String, Object> categories = new LinkedHashMap<>();
    categories.put("improved", 1);
    categories.put("unchanged", 1);
    table.summary("categories", categories);
    table.summary("clients", 2);
    table.summary("rules", List.of("a", "b"));
    table.summary("cutoff", 18.25);
    return table;
  }

  /** Records whether it was closed. */
  private static final class TrackingWriter extends StringWriter {
    boolean closed;

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }

  @Test
  void writesCsvWithAHeaderAndCellsAsText() throws IOException {
    StringWriter out = new StringWriter();

    example().writeCsv(out);

    assertThat(out.toString())
        .isEqualTo(
            ""
                + "client,change,reliable\n"
                + "c1,-6,true\n"
                + "\"c2, \"\"the second\"\"\",0.333333,\n");
  }

  @Test
  void writesOnlyTheHeaderForNoRows() throws IOException {
    StringWriter out = new StringWriter();

    new ResultTable("gains", List.of("client", "magnitude")).writeCsv(out);

    assertThat(out.toString()).isEqualTo("client,magnitude\n");
  }

  @Test
  void writesJsonWithTheRowsUnderTheirNameAndTheSummary() throws IOException {
    TrackingWriter out = new TrackingWriter();

    example().writeJson(out);

    assertThat(out.closed).as("the writer belongs to the caller").isFalse();
    String text = out.toString();
    assertThat(text).endsWith("}\n");
    JsonNode document = JSON.readTree(text);
    List<String> keys = new ArrayList<>();
    document.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("clients", "summary");

    JsonNode rows = document.get("clients");
    assertThat(rows.isArray()).isTrue();
    assertThat(rows).hasSize(2);
    JsonNode first = rows.get(0);
    List<String> columns = new ArrayList<>();
    first.fieldNames().forEachRemaining(columns::add);
    assertThat(columns).containsExactly("client", "change", "reliable");
    assertThat(first.get("client").asText()).isEqualTo("c1");
    assertThat(first.get("change").isNumber()).isTrue();
    assertThat(first.get("change").asDouble()).isEqualTo(-6.0);
    assertThat(first.get("reliable").isBoolean()).isTrue();
    assertThat(first.get("reliable").asBoolean()).isTrue();
    JsonNode second = rows.get(1);
    assertThat(second.get("client").asText()).isEqualTo("c2, \"the second\"");
    // JSON keeps full precision; only the text forms round to six decimals.
    assertThat(second.get("change").asDouble()).isEqualTo(1.0 / 3);
    assertThat(second.has("reliable")).isTrue();
    assertThat(second.get("reliable").isNull()).isTrue();

    JsonNode summary = document.get("summary");
    List<String> names = new ArrayList<>();
    summary.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("categories", "clients", "rules", "cutoff");
    assertThat(summary.get("categories").get("improved").asInt()).isEqualTo(1);
    assertThat(summary.get("clients").isInt()).isTrue();
    assertThat(summary.get("rules").isArray()).isTrue();
    assertThat(summary.get("rules").get(1).asText()).isEqualTo("b");
    assertThat(summary.get("cutoff").asDouble()).isEqualTo(18.25);
  }

  @Test
  void writesAnEmptyArrayForNoRows() throws IOException {
    StringWriter out = new StringWriter();
    ResultTable table = new ResultTable("ruptures", List.of("client"));
    table.summary("ruptures", 0);

    table.writeJson(out);

    JsonNode document = JSON.readTree(out.toString());
    assertThat(document.get("ruptures").isArray()).isTrue();
    assertThat(document.get("ruptures")).isEmpty();
    assertThat(document.get("summary").get("ruptures").asInt()).isZero();
  }

  @Test
  void keepsRowsAndSummaryInTheOrderGiven() {
    ResultTable table = example();
    table.summary("clients", 3); // replacing keeps the place

    assertThat(table.columns()).containsExactly("client", "change", "reliable");
    assertThat(table.rows()).hasSize(2);
    assertThat(table.rows().get(0)).containsExactly("c1", -6.0, true);
    assertThat(table.summary().keySet())
        .containsExactly("categories", "clients", "rules", "cutoff");
    assertThat(table.summary().get("clients")).isEqualTo(3);
  }

  @Test
  void rejectsARowWithTheWrongNumberOfCells() {
    ResultTable table = new ResultTable("clients", List.of("client", "pre", "post"));

    assertThatThrownBy(() -> table.add("c1", 3.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 cells for 3 columns");
    assertThat(table.rows()).isEmpty();
  }

  @Test
  void writesCellsAsTextWithoutTrailingZeros() {
    assertThat(ResultTable.text(null)).isEmpty();
    assertThat(ResultTable.text(12.0)).isEqualTo("12");
    assertThat(ResultTable.text(28.5)).isEqualTo("28.5");
    assertThat(ResultTable.text(130 / 9.0)).isEqualTo("14.444444");
    assertThat(ResultTable.text(2.5f)).isEqualTo("2.5");
    assertThat(ResultTable.text(-0.0)).isEqualTo("0");
    assertThat(ResultTable.text(7)).isEqualTo("7");
    assertThat(ResultTable.text(false)).isEqualTo("false");
    assertThat(ResultTable.text("unrepaired")).isEqualTo("unrepaired");
  }
}
