package org.alliance.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.AdministrationSource;
import org.alliance.io.input.InputFormatException;

/**
 * Streams administrations from a CSV file in the wide or long layout, one row at a time, in
 * constant memory. A row with problems is returned with them, never dropped; a file that cannot be
 * read at all raises {@link InputFormatException} naming the file and line.
 */
public final class AdministrationCsvReader implements AdministrationSource {
  private final CsvInput input;
  private final CsvLayout layout;
  private final RowSource rows;
  private final List<String> ignoredColumns;
  private AdministrationRow next;
  private Optional<InstrumentInference> inferred = Optional.empty();

  private AdministrationCsvReader(CsvInput input, CsvReadOptions options) {
    this.input = input;
    boolean looksLong = input.column("item").isPresent() && input.column("value").isPresent();
    this.layout = options.layout().orElse(looksLong ? CsvLayout.LONG : CsvLayout.WIDE);
    boolean unnamed =
        options.inferInstrument()
            && options.instrument().isEmpty()
            && input.column("instrument").isEmpty();
    if (layout == CsvLayout.WIDE) {
      WideRows wide = new WideRows(input, options);
      if (unnamed) {
        InstrumentInference inference =
            InstrumentInference.of(input.file(), wide.itemColumnNames(), options.catalog());
        this.inferred = Optional.of(inference);
        wide = new WideRows(input, options.withInstrument(inference.id()));
      }
      this.rows = wide;
      this.ignoredColumns = wide.ignoredColumns();
    } else {
      if (unnamed) {
        // Checked here, but only after the header's own required columns.
        new LongRows(input, options);
        throw InstrumentInference.noInstrumentInLongFile(input.file());
      }
      this.rows = new LongRows(input, options);
      this.ignoredColumns = List.of();
    }
  }

  /** Opens a file; {@code -} reads standard input. */
  public static AdministrationCsvReader open(Path file, CsvReadOptions options) throws IOException {
    if (file.toString().equals("-")) {
      return open("<stdin>", System.in, options);
    }
    return open(file.toString(), Files.newInputStream(file), options);
  }

  /** Reads a stream; {@code name} is used in messages. The stream is closed with the reader. */
  public static AdministrationCsvReader open(String name, InputStream in, CsvReadOptions options)
      throws IOException {
    CsvInput input = new CsvInput(name, in, options.encoding());
    try {
      return new AdministrationCsvReader(input, options);
    } catch (RuntimeException e) {
      input.close();
      throw e;
    }
  }

  /**
   * The instrument told from the item columns, when the file names none and the options ask for it:
   * a command names it on stderr, so the user sees what the file was scored as.
   */
  public Optional<InstrumentInference> inferredInstrument() {
    return inferred;
  }

  public CsvLayout layout() {
    return layout;
  }

  /** Whether the file says each row's instrument itself. */
  public boolean hasInstrumentColumn() {
    return input.column("instrument").isPresent();
  }

  /** Header columns that are neither key fields nor items, and so were not read. */
  public List<String> ignoredColumns() {
    return ignoredColumns;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = rows.next();
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
    input.close();
  }
}
