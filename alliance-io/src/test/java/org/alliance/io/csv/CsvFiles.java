package org.alliance.io.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliance.core.instrument.Catalog;
import org.alliance.io.input.AdministrationRow;

/** Small helpers for writing fixture files and reading them back. */
final class CsvFiles {
  static final String PHQ9_ITEMS = "q1,q2,q3,q4,q5,q6,q7,q8,q9";

  private CsvFiles() {}

  static Path write(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  static Path write(Path dir, String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  static CsvReadOptions any() {
    return CsvReadOptions.of(Catalog.builtIn());
  }

  static CsvReadOptions phq9() {
    return any().withInstrument("phq-9");
  }

  static List<AdministrationRow> readAll(Path file, CsvReadOptions options) throws IOException {
    try (AdministrationCsvReader reader = AdministrationCsvReader.open(file, options)) {
      List<AdministrationRow> rows = new ArrayList<>();
      reader.forEachRemaining(rows::add);
      return rows;
    }
  }
}
