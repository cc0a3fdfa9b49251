package org.alliance.io.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;

/**
 * Writes administrations in the wide layout that {@link AdministrationCsvReader} reads: {@code
 * client, session, date, clinician, instrument, q1..qN}, one row per administration. Skipped and
 * declined answers are written as such; a missing one is an empty cell.
 */
public final class AdministrationCsvWriter implements AdministrationWriter {
  private final CsvWriter csv;
  private final Catalog catalog;
  private final int items;
  private final String[] fields;

  /** A writer with item columns for the largest of these instruments. */
  public AdministrationCsvWriter(Writer out, Catalog catalog, List<Instrument> instruments) {
    this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(1 << 16).build(out);
    this.catalog = catalog;
    this.items =
        instruments.stream().mapToInt(instrument -> instrument.items().size()).max().orElse(0);
    List<String> header =
        new ArrayList<>(List.of("client", "session", "date", "clinician", "instrument"));
    for (int i = 1; i <= items; i++) {
      header.add("q" + i);
    }
    this.fields = new String[header.size()];
    csv.writeRecord(header);
  }

  @Override
  public void write(Administration administration, String clinician) {
    Instrument instrument = catalog.get(administration.instrumentId());
    int i = 0;
    fields[i++] = administration.client();
    fields[i++] = Integer.toString(administration.session());
    fields[i++] = administration.date().map(Object::toString).orElse("");
    fields[i++] = clinician;
    fields[i++] = instrument.id();
    for (int number = 1; number <= items; number++) {
      fields[i++] =
          number <= instrument.items().size()
              ? cell(administration, instrument.items().get(number - 1))
              : "";
    }
    csv.writeRecord(fields);
  }

  private static String cell(Administration administration, Item item) {
    return cell(administration.answer(item.id()));
  }

  /**
   * An answer as a cell: the value, {@code skipped} or {@code declined}, the unreadable text as
   * written, or empty.
   */
  static String cell(Answer answer) {
    if (answer instanceof Answer.Value value) {
      return Numbers.format(value.value());
    }
    if (answer instanceof Answer.Unreadable unreadable) {
      return unreadable.raw();
    }
    return answer == Answer.NotAnswered.MISSING
        ? ""
        : answer.toString().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public void flush() throws IOException {
    csv.flush();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
