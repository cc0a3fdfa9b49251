package org.alliance.io.csv;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;

/**
 * How to read a file of administrations.
 *
 * @param catalog the instruments item columns are matched against
 * @param instrument the instrument of rows whose {@code instrument} cell is empty or absent
 * @param layout the layout, or empty to tell from the header ({@code item} and {@code value}
 *     columns mean long)
 * @param encoding the character encoding of the file (UTF-8 unless the user says otherwise)
 * @param inferInstrument whether a file without an instrument column or {@code instrument} is read
 *     as the one instrument its item columns name (see {@link InstrumentInference}); without it,
 *     each such row is reported as having no instrument
 */
public record CsvReadOptions(
    Catalog catalog,
    Optional<String> instrument,
    Optional<CsvLayout> layout,
    Charset encoding,
    boolean inferInstrument) {
  public CsvReadOptions {
    requireNonNull(catalog, "catalog");
    requireNonNull(instrument, "instrument");
    requireNonNull(layout, "layout");
    requireNonNull(encoding, "encoding");
  }

  public CsvReadOptions(Catalog catalog, Optional<String> instrument, Optional<CsvLayout> layout) {
    this(catalog, instrument, layout, StandardCharsets.UTF_8, false);
  }

  public static CsvReadOptions of(Catalog catalog) {
    return new CsvReadOptions(catalog, Optional.empty(), Optional.empty());
  }

  public CsvReadOptions withInstrument(String id) {
    return new CsvReadOptions(catalog, Optional.of(id), layout, encoding, inferInstrument);
  }

  public CsvReadOptions withLayout(CsvLayout chosen) {
    return new CsvReadOptions(catalog, instrument, Optional.of(chosen), encoding, inferInstrument);
  }

  public CsvReadOptions withEncoding(Charset chosen) {
    return new CsvReadOptions(catalog, instrument, layout, chosen, inferInstrument);
  }

  /** The same, telling the instrument from the item columns when the file does not say it. */
  public CsvReadOptions inferringInstrument() {
    return new CsvReadOptions(catalog, instrument, layout, encoding, true);
  }
}
