package org.alliance.io.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import org.alliance.core.instrument.Catalog;
import org.alliance.io.fhir.LocatedJson.Node;
import org.alliance.io.fhir.LocatedJson.Obj;
import org.alliance.io.fhir.LocatedJson.Str;
import org.alliance.io.fhir.LocatedJson.SyntaxException;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.AdministrationSource;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.SourceLocation;

/**
 * Reads administrations from FHIR QuestionnaireResponses: a Bundle of any type (or a single
 * response) in JSON, or NDJSON with one resource per line. Both are streamed: a Bundle entry by
 * entry, NDJSON line by line. Every response gives a row, with its problems located by file, line,
 * column and element path; other resources (Questionnaires, Observations, Flags...) are counted and
 * passed over. Each response's instrument is found in the catalog from its questionnaire URL
 * ({@code https://alliancetoolkit.org/fhir/Questionnaire/phq-9|1.0}, any URL ending in a catalog
 * id, or a LOINC panel URL). A file that cannot be read at all (a Bundle that is not JSON, or a
 * JSON resource that is neither a Bundle nor a QuestionnaireResponse) raises {@link
 * InputFormatException} with its line.
 */
public final class FhirImport implements AdministrationSource {
  /** How the file holds its resources. */
  public enum Format {
    /** One JSON resource: a Bundle, or a single QuestionnaireResponse. */
    BUNDLE,
    /** Newline-delimited JSON, one resource per line (FHIR bulk data). */
    NDJSON
  }

  static final String RESPONSE = "QuestionnaireResponse";

  /** The longest NDJSON line read; a longer one is reported and passed over. */
  static final int MAX_LINE = 32 << 20;

  /** Jackson reads UTF-8, UTF-16 and UTF-32; other bytes are not JSON text. */
  private static final String NOT_TEXT = "not JSON text in UTF-8 (or UTF-16/32): ";

  /** How far the start of a file is looked at to tell NDJSON from a Bundle. */
  private static final int SNIFF = 1 << 20;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  /** The next row of one layout, or null at the end. */
  private interface Rows {
    AdministrationRow next() throws IOException;
  }

  private final String file;
  private final InputStream in;
  private final Format format;
  private final ResponseReader responses;
  private final Map<String, Long> others = new TreeMap<>();
  private final Rows rows;
  private AdministrationRow next;

  private FhirImport(String file, BufferedInputStream in, Format format, Catalog catalog) {
    this.file = file;
    this.in = in;
    this.format = format;
    this.responses = new ResponseReader(catalog);
    this.rows = format == Format.NDJSON ? new NdjsonRows(in) : new BundleRows(in);
  }

  /**
   * Opens a file; {@code -} reads standard input. Files named {@code *.ndjson} or {@code *.jsonl}
   * are NDJSON; others are looked at.
   */
  public static FhirImport open(Path file, Catalog catalog) throws IOException {
    if (file.toString().equals("-")) {
      return open("<stdin>", System.in, catalog);
    }
    return open(file.toString(), Files.newInputStream(file), catalog);
  }

  /**
   * Reads a stream; {@code name} is used in messages and tells NDJSON by its ending. Otherwise the
   * first line decides: a whole resource other than a Bundle on it means NDJSON. The stream is
   * closed with the reader.
   */
  public static FhirImport open(String name, InputStream in, Catalog catalog) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    try {
      return new FhirImport(name, buffered, format(name, buffered), catalog);
    } catch (IOException e) {
      buffered.close();
      throw e;
    }
  }

  private static Format format(String name, BufferedInputStream in) throws IOException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
      return Format.NDJSON;
    }
    in.mark(SNIFF + 1);
    byte[] start = in.readNBytes(SNIFF);
    in.reset();
    int from = startsWithBom(start, start.length) ? 3 : 0;
    while (from < start.length
        && (start[from] == ' '
            || start[from] == '\t'
            || start[from] == '\r'
            || start[from] == '\n')) {
      from++;
    }
    int end = from;
    while (end < start.length && start[end] != '\n') {
      end++;
    }
    if (end == start.length && start.length == SNIFF) {
      return Format.BUNDLE; // a first line this long is a Bundle on one line
    }
    try (JsonParser parser = JSON.createParser(start, from, end - from)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Format.BUNDLE;
      }
      Optional<String> type = Optional.empty();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("resourceType") && parser.currentToken() == JsonToken.VALUE_STRING) {
          type = Optional.of(parser.getText());
        }
        parser.skipChildren();
      }
      boolean whole = parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null;
      return whole && type.isPresent() && !type.get().equals("Bundle")
          ? Format.NDJSON
          : Format.BUNDLE;
    } catch (JsonProcessingException | CharConversionException e) {
      return Format.BUNDLE; // the Bundle reader reports the error with its place
    }
  }

  private static boolean startsWithBom(byte[] data, int length) {
    return length >= 3
        && data[0] == (byte) 0xEF
        && data[1] == (byte) 0xBB
        && data[2] == (byte) 0xBF;
  }

  /** Whether the file was read as a Bundle (or single resource) or as NDJSON. */
  public Format format() {
    return format;
  }

  /**
   * Resources other than QuestionnaireResponses read so far, by resource type: passed over, not
   * errors.
   */
  public Map<String, Long> otherResources() {
    return Map.copyOf(others);
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = rows.next();
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": " + e.getMessage(), e);
      }
    }
    return next != null;
  }

  @Override
  public AdministrationRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    AdministrationRow row = next;
    next = null;
    return row;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * The row of one resource: read when it is a response, counted and skipped (null) when it is not.
   */
  private AdministrationRow resource(Node node, String prefix, String path) {
    if (!(node instanceof Obj resource)) {
      return problemRow(
          node, prefix + path, "expected an object (a FHIR resource), found " + node.kind());
    }
    if (!(resource.fields().get("resourceType") instanceof Str type)) {
      return problemRow(
          node,
          prefix + path + ".resourceType",
          resource.get("resourceType").isEmpty()
              ? "missing: every FHIR resource needs a resourceType"
              : "expected a string, found " + resource.fields().get("resourceType").kind());
    }
    if (type.value().equals(RESPONSE)) {
      return responses.read(file, prefix, resource);
    }
    others.merge(type.value(), 1L, Long::sum);
    return null;
  }

  private AdministrationRow problemRow(Node node, String field, String message) {
    return problemRow(
        SourceLocation.cell(
            file, node.line(), (int) Math.min(node.column(), Integer.MAX_VALUE), field),
        message);
  }

  private static AdministrationRow problemRow(SourceLocation where, String message) {
    return new AdministrationRow(
        Optional.empty(),
        new AdministrationRow.RawKey("", "", "", ""),
        where,
        item -> where,
        List.of(new InputProblem(where, message)));
  }

  private InputFormatException fatal(long line, long column, String message) {
    return new InputFormatException(
        SourceLocation.cell(
            file,
            Math.max(1, line),
            (int) Math.min(Math.max(1, column), Integer.MAX_VALUE),
            "JSON"),
        message);
  }

  // ---------------------------------------------------------------- Bundle

  /** A Bundle read entry by entry, or a single QuestionnaireResponse. */
  private final class BundleRows implements Rows {
    private final InputStream in;
    private JsonParser parser;
    private final Map<String, Node> rootFields = new LinkedHashMap<>();
    private String resourceType;
    private long rootLine = 1;
    private long rootColumn = 1;
    private boolean started;
    private boolean inEntries;
    private boolean sawEntries;
    private int entryIndex;
    private boolean done;

    BundleRows(InputStream in) {
      this.in = in;
    }

    @Override
    public AdministrationRow next() throws IOException {
      try {
        return read();
      } catch (JsonProcessingException e) {
        SyntaxException syntax = SyntaxException.of(e, 0, lastLine());
        throw fatal(syntax.line, syntax.column, syntax.getMessage());
      } catch (SyntaxException e) {
        throw fatal(e.line, e.column, e.getMessage());
      } catch (CharConversionException e) {
        throw fatal(lastLine(), 1, NOT_TEXT + e.getMessage());
      }
    }

    private long lastLine() {
      return parser == null ? 1 : parser.currentLocation().getLineNr();
    }

    private AdministrationRow read() throws IOException, SyntaxException {
      if (!started) {
        start();
      }
      while (!done) {
        if (inEntries) {
          if (parser.nextToken() == JsonToken.END_ARRAY) {
            inEntries = false;
            continue;
          }
          int index = entryIndex++;
          AdministrationRow row = entry(LocatedJson.read(parser, 0), index);
          if (row != null) {
            return row;
          }
          continue;
        }
        JsonToken token = parser.nextToken();
        if (token == null) {
          throw fatal(
              lastLine(),
              1,
              "the file ends before the "
                  + (resourceType == null ? "resource" : resourceType)
                  + " is closed");
        }
        if (token == JsonToken.END_OBJECT) {
          return end();
        }
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        JsonLocation where = parser.currentTokenLocation();
        if (name.equals("entry")) {
          if (value != JsonToken.START_ARRAY) {
            throw fatal(
                where.getLineNr(),
                where.getColumnNr(),
                "the Bundle's entry must be an array of entries, found " + describe(value));
          }
          typeMustBe("Bundle", where);
          inEntries = true;
          sawEntries = true;
        } else if (name.equals("resourceType")) {
          if (value != JsonToken.VALUE_STRING) {
            throw fatal(
                where.getLineNr(),
                where.getColumnNr(),
                "resourceType must be a string, found " + describe(value));
          }
          String type = parser.getText();
          if (!type.equals("Bundle") && !type.equals(RESPONSE)) {
            throw fatal(
                where.getLineNr(),
                where.getColumnNr(),
                "resourceType is '"
                    + ResponseReader.abbreviate(type)
                    + "': expected a Bundle of QuestionnaireResponses, or one QuestionnaireResponse");
          }
          typeMustBe(type, where);
          resourceType = type;
          rootFields.put(name, new Str(type, where.getLineNr(), where.getColumnNr()));
        } else if ("Bundle".equals(resourceType)) {
          parser.skipChildren(); // the Bundle's own fields (type, link, meta...) are not needed
        } else {
          rootFields.put(
              name, LocatedJson.read(parser, 0)); // perhaps a single QuestionnaireResponse
        }
      }
      return null;
    }

    /** Reads the first token of the file: the root must be an object. */
    private void start() throws IOException {
      started = true;
      parser =
          JSON.createParser(
              in); // here, so that an encoding Jackson refuses is reported like any other error
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw fatal(1, 1, "the file is empty: expected a FHIR Bundle (JSON) or NDJSON");
      }
      JsonLocation where = parser.currentTokenLocation();
      if (token != JsonToken.START_OBJECT) {
        throw fatal(
            where.getLineNr(),
            where.getColumnNr(),
            "expected a FHIR Bundle, a JSON object, found " + describe(token));
      }
      rootLine = where.getLineNr();
      rootColumn = where.getColumnNr();
    }

    /** A resource with entries must be a Bundle, whichever of the two comes first in the file. */
    private void typeMustBe(String type, JsonLocation where) {
      String other = type.equals("Bundle") ? resourceType : sawEntries ? "Bundle" : null;
      if (other != null && !other.equals(type)) {
        throw fatal(
            where.getLineNr(),
            where.getColumnNr(),
            "a resource with entries must be a Bundle, but its resourceType is '"
                + ResponseReader.abbreviate(type.equals("Bundle") ? other : type)
                + "'");
      }
    }

    /** The end of the root object: a single response gives its row; nothing may follow. */
    private AdministrationRow end() throws IOException {
      done = true;
      JsonLocation where = parser.currentTokenLocation();
      if (parser.nextToken() != null) {
        JsonLocation after = parser.currentTokenLocation();
        throw fatal(
            after.getLineNr(),
            after.getColumnNr(),
            "unexpected content after the end of the "
                + (resourceType == null ? "resource" : resourceType));
      }
      if (resourceType == null) {
        throw fatal(
            rootLine,
            rootColumn,
            "no resourceType: expected a FHIR Bundle of QuestionnaireResponses (ends at line "
                + where.getLineNr()
                + ")");
      }
      if (resourceType.equals(RESPONSE)) {
        return responses.read(file, "", new Obj(rootFields, rootLine, rootColumn));
      }
      return null;
    }

    private AdministrationRow entry(Node entry, int index) {
      String prefix = "entry[" + index + "] ";
      if (!(entry instanceof Obj object)) {
        return problemRow(
            entry,
            "entry[" + index + "]",
            "expected an object (a Bundle entry), found " + entry.kind());
      }
      Optional<Node> resource = object.get("resource");
      if (resource.isEmpty()) {
        return problemRow(entry, "entry[" + index + "]", "the entry has no resource");
      }
      return resource(resource.get(), prefix, "resource");
    }
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the file";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  // ---------------------------------------------------------------- NDJSON

  /** NDJSON read one line at a time; a line that cannot be read gives a row with that problem. */
  private final class NdjsonRows implements Rows {
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 12);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long lineNumber;
    private boolean end;

    NdjsonRows(InputStream in) {
      this.in = in;
    }

    @Override
    public AdministrationRow next() throws IOException {
      while (!end) {
        boolean tooLong = readLine();
        lineNumber++;
        if (tooLong) {
          return problemRow(
              SourceLocation.line(file, lineNumber),
              "the line is longer than " + (MAX_LINE >> 20) + " MiB; passed over");
        }
        byte[] bytes = line.toByteArray();
        int from = lineNumber == 1 && startsWithBom(bytes, bytes.length) ? 3 : 0;
        if (isBlank(bytes, from)) {
          continue;
        }
        AdministrationRow row = parse(bytes, from);
        if (row != null) {
          return row;
        }
      }
      return null;
    }

    /**
     * Reads the next line into {@link #line}; true when it was too long and the rest of it was
     * skipped.
     */
    private boolean readLine() throws IOException {
      line.reset();
      boolean tooLong = false;
      while (true) {
        if (position == limit) {
          limit = in.read(buffer);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            end = true;
            return tooLong;
          }
        }
        int newline = position;
        while (newline < limit && buffer[newline] != '\n') {
          newline++;
        }
        int take = Math.min(newline - position, MAX_LINE - line.size());
        line.write(buffer, position, take);
        tooLong |= take < newline - position;
        boolean found = newline < limit;
        position = found ? newline + 1 : limit;
        if (found) {
          return tooLong;
        }
      }
    }

    private AdministrationRow parse(byte[] bytes, int from) throws IOException {
      try (JsonParser parser = JSON.createParser(bytes, from, bytes.length - from)) {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
          JsonLocation where = parser.currentTokenLocation();
          return problemRow(
              SourceLocation.cell(file, lineNumber, Math.max(1, where.getColumnNr()), "JSON"),
              "expected a JSON object (one FHIR resource per line), found " + describe(first));
        }
        Node node = LocatedJson.read(parser, lineNumber - 1);
        JsonToken after = parser.nextToken();
        if (after != null) {
          JsonLocation where = parser.currentTokenLocation();
          return problemRow(
              SourceLocation.cell(file, lineNumber, Math.max(1, where.getColumnNr()), "JSON"),
              "more than one JSON value on the line; NDJSON has one resource per line");
        }
        return resource(node, "", resourceName(node));
      } catch (JsonProcessingException e) {
        SyntaxException syntax = SyntaxException.of(e, lineNumber - 1, lineNumber);
        return problemRow(
            SourceLocation.cell(
                file, syntax.line, (int) Math.min(syntax.column, Integer.MAX_VALUE), "JSON"),
            syntax.getMessage());
      } catch (SyntaxException e) {
        return problemRow(
            SourceLocation.cell(file, e.line, (int) Math.min(e.column, Integer.MAX_VALUE), "JSON"),
            e.getMessage());
      } catch (CharConversionException e) {
        return problemRow(SourceLocation.line(file, lineNumber), NOT_TEXT + e.getMessage());
      }
    }

    private String resourceName(Node node) {
      return node instanceof Obj object && object.fields().get("resourceType") instanceof Str type
          ? type.value()
          : "resource";
    }

    private boolean isBlank(byte[] bytes, int from) {
      for (int i = from; i < bytes.length; i++) {
        byte b = bytes[i];
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return true;
    }
  }
}
