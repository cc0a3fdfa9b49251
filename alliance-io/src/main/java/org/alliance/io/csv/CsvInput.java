package org.alliance.io.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.SourceLocation;

/**
 * A CSV file opened for streaming: UTF-8 (bytes that are not UTF-8 become U+FFFD, which the row
 * readers report with their line and column, see {@link #NOT_UTF8}), a byte-order mark skipped, the
 * delimiter (comma, semicolon or tab) taken from the header line, quoted fields and CRLF line ends
 * handled by FastCSV.
 */
public final class CsvInput implements Closeable {
  private static final int BUFFER = 1 << 16;

  /** The header line is read twice (once to find the delimiter); it may be this long. */
  private static final int MAX_HEADER = 1 << 22;

  /** What the decoder puts in place of bytes that are not UTF-8. */
  public static final char NOT_UTF8 = '\uFFFD';

  private final String file;
  private final Charset encoding;
  private final EncodingCheck check;
  private final char delimiter;
  private final CsvReader<CsvRecord> csv;
  private final CloseableIterator<CsvRecord> records;
  private final List<String> header;
  private final Map<String, Integer> columns = new HashMap<>();
  private long lastLine = 1;

  public CsvInput(String file, InputStream in) throws IOException {
    this(file, in, StandardCharsets.UTF_8);
  }

  /** A file in the given encoding; bytes that are not text in it become {@link #NOT_UTF8}. */
  public CsvInput(String file, InputStream in, Charset encoding) throws IOException {
    this.file = file;
    this.encoding = encoding;
    if (encoding.equals(StandardCharsets.UTF_8)) {
      this.check = new EncodingCheck(in);
      in = check;
    } else {
      this.check = null;
    }
    // Replacing bad bytes (rather than failing at the decoder, which reads ahead) lets each row say
    // on which line and column its text is not UTF-8, while the other rows are still read.
    var decoder =
        encoding
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), BUFFER);
    reader.mark(MAX_HEADER);
    String firstLine = reader.readLine();
    try {
      reader.reset();
      // Release the mark: left at 4 Mi characters, BufferedReader would grow its buffer to that
      // size.
      reader.mark(0);
    } catch (IOException e) {
      reader.close();
      throw new InputFormatException(
          SourceLocation.line(file, 1),
          "the header line is longer than " + (MAX_HEADER >> 20) + " MiB");
    }
    if (firstLine == null || firstLine.isBlank()) {
      reader.close();
      throw new InputFormatException(
          SourceLocation.line(file, 1), "the file is empty; expected a header line");
    }
    if (firstLine.charAt(0) == '\uFEFF') {
      reader.skip(1);
      firstLine = firstLine.substring(1);
    }
    this.delimiter = sniffDelimiter(firstLine);
    this.csv =
        CsvReader.builder()
            .fieldSeparator(delimiter)
            .skipEmptyLines(true)
            .allowUnclosedQuote(false)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .ofCsvRecord(reader);
    this.records = csv.iterator();
    CsvRecord headerRecord =
        next()
            .orElseThrow(
                () ->
                    new InputFormatException(
                        SourceLocation.line(file, 1), "the file is empty; expected a header line"));
    this.header = new ArrayList<>(headerRecord.getFieldCount());
    for (int i = 0; i < headerRecord.getFieldCount(); i++) {
      String name = headerRecord.getField(i).strip();
      if (name.indexOf(NOT_UTF8) >= 0) {
        throw new InputFormatException(
            SourceLocation.cell(file, headerRecord.getStartingLineNumber(), i + 1, name),
            "the header " + notText());
      }
      String key = name.toLowerCase(Locale.ROOT);
      if (!key.isEmpty() && columns.putIfAbsent(key, i) != null) {
        throw new InputFormatException(
            SourceLocation.cell(file, headerRecord.getStartingLineNumber(), i + 1, name),
            "column '"
                + name
                + "' appears twice in the header (first in column "
                + (columns.get(key) + 1)
                + ")");
      }
      header.add(name);
    }
  }

  /**
   * What to say of a cell holding {@link #NOT_UTF8}: that its bytes are not text in the file's
   * encoding, and which option reads it, naming Windows-1252 when the bytes read so far fit it.
   */
  public String notText() {
    if (check == null) {
      return "is not "
          + encoding.displayName()
          + " text (a byte here is from another encoding); give --encoding with the file's encoding";
    }
    return check.looksLikeWindows1252()
        ? "is not UTF-8 text; the file looks like Windows-1252 (as Excel saves it on Windows): "
            + "give --encoding windows-1252, or save it as UTF-8"
        : "is not UTF-8 text (a byte here is from another encoding); give --encoding with the "
            + "file's encoding (such as windows-1252 or iso-8859-1), or save it as UTF-8";
  }

  /** The delimiter that occurs most often outside quotes in the header line. */
  private static char sniffDelimiter(String line) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == ',') {
          commas++;
        } else if (c == ';') {
          semicolons++;
        } else if (c == '\t') {
          tabs++;
        }
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }

  public String file() {
    return file;
  }

  /** Semicolon files come from locales that write decimals with a comma, such as 5,3. */
  public boolean decimalComma() {
    return delimiter == ';';
  }

  public List<String> header() {
    return header;
  }

  /** The 0-based index of a column, matched without regard to case. */
  public Optional<Integer> column(String name) {
    return Optional.ofNullable(columns.get(name.toLowerCase(Locale.ROOT)));
  }

  public long lastLine() {
    return lastLine;
  }

  /** The next record, or empty at the end of the file. */
  public Optional<CsvRecord> next() {
    try {
      if (!records.hasNext()) {
        return Optional.empty();
      }
      CsvRecord record = records.next();
      lastLine = record.getStartingLineNumber();
      return Optional.of(record);
    } catch (CsvParseException e) {
      throw new InputFormatException(
          SourceLocation.line(file, lastLine + 1), "cannot read the CSV here: " + rootMessage(e));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? e.getMessage() : root.getMessage();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
