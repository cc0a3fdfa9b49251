package org.alliance.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvLayout;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.fhir.FhirImport;
import org.alliance.io.input.AdministrationSource;
import org.alliance.io.redcap.RedcapMapping;
import org.alliance.io.redcap.RedcapReader;

/**
 * The input of {@code alliance convert}: a file in one of the formats, opened as a stream of
 * administrations.
 */
final class ConvertSource {
  private final Path file;
  private final ConvertFormat format;
  private final Catalog catalog;
  private final Optional<String> instrument;
  private final Optional<RedcapMapping> redcap;
  private final Charset encoding;

  ConvertSource(
      Path file,
      ConvertFormat format,
      Catalog catalog,
      Optional<String> instrument,
      Optional<RedcapMapping> redcap,
      Charset encoding) {
    this.file = file;
    this.format = format;
    this.catalog = catalog;
    this.instrument = instrument;
    this.redcap = redcap;
    this.encoding = encoding;
  }

  AdministrationSource open(boolean progress) throws IOException {
    boolean stdin = file.toString().equals("-");
    InputStream in = InputFiles.open(file, progress && !stdin);
    String name = InputFiles.name(file);
    return switch (format) {
      case CSV_WIDE, CSV_LONG -> AdministrationCsvReader.open(name, in, csvOptions());
      case REDCAP -> RedcapReader.open(name, in, redcap.orElseThrow(), catalog, encoding);
      case FHIR, FHIR_NDJSON -> FhirImport.open(name, in, catalog);
    };
  }

  private CsvReadOptions csvOptions() {
    // --from csv-wide is also the default for any CSV file: let the header decide unless long was
    // asked for.
    Optional<CsvLayout> layout =
        format == ConvertFormat.CSV_LONG ? Optional.of(CsvLayout.LONG) : Optional.empty();
    return new CsvReadOptions(catalog, instrument, layout)
        .withEncoding(encoding)
        .inferringInstrument();
  }

  /**
   * The instruments the input holds, for outputs that need them before the first row (the wide
   * layout's item columns): the --instrument when given, else a first pass over the file; standard
   * input cannot be read twice, so there it is every instrument in the catalog.
   */
  List<Instrument> instruments() throws IOException {
    if (instrument.isPresent()) {
      return List.of(catalog.get(instrument.get()));
    }
    if (file.toString().equals("-")) {
      return catalog.instruments();
    }
    Set<String> ids = new LinkedHashSet<>();
    try (AdministrationSource rows = open(false)) {
      rows.forEachRemaining(
          row ->
              row.administration()
                  .filter(administration -> catalog.contains(administration.instrumentId()))
                  .ifPresent(administration -> ids.add(administration.instrumentId())));
    }
    List<Instrument> found = new ArrayList<>();
    ids.forEach(id -> found.add(catalog.get(id)));
    return found;
  }
}
