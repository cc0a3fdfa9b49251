package org.alliance.io.csv;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.alliance.core.instrument.Catalog;

/**
 * How to read a file of administrations.
 *
 * @param catalog the instruments item columns are matched against
 * @param instrument the instrument of rows whose {@code instrument} cell is empty or absent
 * @param layout the layout, or empty to tell from the header ({@code item} and {@code value}
 *     columns mean long)
 */
public record CsvReadOptions(
    Catalog catalog, Optional<String> instrument, Optional<CsvLayout> layout) {
  public CsvReadOptions {
    requireNonNull(catalog, "catalog");
    requireNonNull(instrument, "instrument");
    requireNonNull(layout, "layout");
  }

  public static CsvReadOptions of(Catalog catalog) {
    return new CsvReadOptions(catalog, Optional.empty(), Optional.empty());
  }

  public CsvReadOptions withInstrument(String id) {
    return new CsvReadOptions(catalog, Optional.of(id), layout);
  }

  public CsvReadOptions withLayout(CsvLayout chosen) {
    return new CsvReadOptions(catalog, instrument, Optional.of(chosen));
  }
}
