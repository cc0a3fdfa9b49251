package org.alliance.io.score;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvReadOptions;

/** Reads fixture files into scored rows, and parses JSON with jackson-core for the assertions. */
final class ScoreFixtures {
  private ScoreFixtures() {}

  static List<ScoredRow> scoredRows(Path dir, String name, String content, CsvReadOptions options)
      throws IOException {
    Path file = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    Scorer scorer = Scorer.builtIn();
    List<ScoredRow> rows = new ArrayList<>();
    try (AdministrationCsvReader reader = AdministrationCsvReader.open(file, options)) {
      reader.forEachRemaining(row -> rows.add(ScoredRow.score(row, scorer)));
    }
    return rows;
  }

  static CsvReadOptions options() {
    return CsvReadOptions.of(Catalog.builtIn());
  }

  /**
   * One JSON value: objects become ordered maps, arrays lists, integers longs, other numbers
   * doubles.
   */
  static Object parseJson(String text) throws IOException {
    JsonFactory factory =
        JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    try (JsonParser parser = factory.createParser(text)) {
      parser.nextToken();
      Object value = read(parser);
      if (parser.nextToken() != null) {
        throw new IOException("more than one JSON value in: " + text);
      }
      return value;
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parseObject(String text) throws IOException {
    Object value = parseJson(text);
    if (!(value instanceof Map)) {
      throw new IOException("not a JSON object: " + text);
    }
    return (Map<String, Object>) value;
  }

  private static Object read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IOException("no JSON value");
    }
    switch (token) {
      case START_OBJECT:
        {
          Map<String, Object> object = new LinkedHashMap<>();
          while (parser.nextToken() != JsonToken.END_OBJECT) {
            String name = parser.currentName();
            parser.nextToken();
            object.put(name, read(parser));
          }
          return object;
        }
      case START_ARRAY:
        {
          List<Object> array = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(read(parser));
          }
          return array;
        }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected " + token);
    }
  }
}
