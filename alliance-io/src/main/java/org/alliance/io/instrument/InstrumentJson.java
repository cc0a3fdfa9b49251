package org.alliance.io.instrument;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.alliance.core.instrument.Instrument;
import org.alliance.io.json.JsonErrors;

/**
 * Instrument definitions in JSON: the format of {@code docs/instrument.schema.json}, which
 * describes the built-in instruments and any a clinic adds. Writing then reading gives back an
 * equal instrument. Reading never throws for bad content: it returns every problem, each with its
 * JSON path.
 */
public final class InstrumentJson {
  // Duplicate keys and trailing content are syntax errors here, so they come with a line and
  // column.
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  // Two-space indent, "name": value, one array element per line, "\n" everywhere: the same bytes on
  // every OS.
  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private InstrumentJson() {}

  /** The definition of an instrument, pretty-printed, ending in a newline. */
  public static String write(Instrument instrument) {
    try {
      return WRITER.writeValueAsString(InstrumentJsonWriter.tree(instrument)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings and numbers always serialises", e);
    }
  }

  /** Reads a definition from text. */
  public static DefinitionResult read(String json) {
    try {
      return read(new StringReader(json));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  /**
   * Reads a definition. Invalid JSON gives one problem with the line and column; valid JSON is
   * checked completely and gives every problem found.
   *
   * @throws IOException only when the reader itself fails, never for its content
   */
  public static DefinitionResult read(Reader json) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      return DefinitionResult.invalid(
          List.of(
              where == null
                  ? DefinitionProblem.at("$", "not valid JSON: " + JsonErrors.describe(e))
                  : DefinitionProblem.syntax(
                      where.getLineNr(),
                      where.getColumnNr(),
                      "not valid JSON: " + JsonErrors.describe(e))));
    }
    if (root == null || root.isMissingNode()) {
      return DefinitionResult.invalid(
          List.of(
              DefinitionProblem.at("$", "the file is empty: expected an instrument definition")));
    }
    return DefinitionReader.read(root);
  }
}
