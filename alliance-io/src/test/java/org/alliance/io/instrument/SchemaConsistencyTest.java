package org.alliance.io.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.junit.jupiter.api.Test;

/**
 * docs/instrument.schema.json describes what the writer writes, so the schema cannot drift from the
 * code.
 */
class SchemaConsistencyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode schema() throws IOException {
    return JSON.readTree(Path.of("../docs/instrument.schema.json").toFile());
  }

  @Test
  void everyFieldTheWriterWritesIsInTheSchema() throws IOException {
    JsonNode schema = schema();
    JsonNode defs = schema.get("$defs");
    for (Instrument instrument : Catalog.builtIn().instruments()) {
      JsonNode written = JSON.readTree(InstrumentJson.write(instrument));
      assertThat(names(schema.get("properties"))).containsAll(names(written));
      assertThat(schema.get("required"))
          .allSatisfy(field -> assertThat(written.has(field.asText())).isTrue());
      for (JsonNode item : written.get("items")) {
        assertThat(names(defs.get("item").get("properties"))).containsAll(names(item));
      }
      for (JsonNode cutoff : written.path("cutoffs")) {
        assertThat(names(defs.get("cutoff").get("properties"))).containsAll(names(cutoff));
      }
      for (JsonNode subscale : written.path("subscales")) {
        assertThat(names(defs.get("subscale").get("properties"))).containsAll(names(subscale));
      }
      if (written.has("norms")) {
        assertThat(names(defs.get("norms").get("properties")))
            .containsExactlyInAnyOrderElementsOf(names(written.get("norms")));
      }
    }
  }

  @Test
  void theSchemaListsExactlyTheNamesTheReaderAccepts() throws IOException {
    JsonNode properties = schema().get("properties");
    assertThat(values(properties.get("scoring").get("enum")))
        .containsExactly("sum", "mean", "mean-x10", "count-yes");
    assertThat(String.join(", ", quoted(properties.get("scoring").get("enum"))))
        .isEqualTo(JsonNames.SCORING.accepted().replace(" or ", ", "));
    assertThat(String.join(", ", quoted(properties.get("direction").get("enum"))))
        .isEqualTo(JsonNames.DIRECTION.accepted().replace(" or ", ", "));
    assertThat(String.join(", ", quoted(properties.get("respondent").get("enum"))))
        .isEqualTo(JsonNames.RESPONDENT.accepted().replace(" or ", ", "));
    assertThat(
            String.join(
                ", ",
                quoted(
                    schema()
                        .get("$defs")
                        .get("cutoff")
                        .get("properties")
                        .get("clinicalSide")
                        .get("enum"))))
        .isEqualTo(JsonNames.SIDE.accepted().replace(" or ", ", "));
    assertThat(
            String.join(
                ", ",
                quoted(
                    schema()
                        .get("$defs")
                        .get("licence")
                        .get("properties")
                        .get("kind")
                        .get("enum"))))
        .isEqualTo(JsonNames.LICENCE_KIND.accepted().replace(" or ", ", "));
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> values(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static List<String> quoted(JsonNode array) {
    return values(array).stream().map(value -> "'" + value + "'").toList();
  }
}
