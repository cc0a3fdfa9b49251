package org.alliance.io.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;

/**
 * Writes administrations in the long layout that {@link AdministrationCsvReader} reads: {@code
 * client, session, date, clinician, instrument, item, value}, one row per answered, skipped or
 * declined item, in item order. A missing answer has no row, which is how the long layout says
 * "missing".
 */
public final class AdministrationLongCsvWriter implements AdministrationWriter {
  private final CsvWriter csv;
  private final Catalog catalog;
  private final String[] fields = new String[7];

  public AdministrationLongCsvWriter(Writer out, Catalog catalog) {
    this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(1 << 16).build(out);
    this.catalog = catalog;
    csv.writeRecord("client", "session", "date", "clinician", "instrument", "item", "value");
  }

  @Override
  public void write(Administration administration, String clinician) {
    Instrument instrument = catalog.get(administration.instrumentId());
    fields[0] = administration.client();
    fields[1] = Integer.toString(administration.session());
    fields[2] = administration.date().map(Object::toString).orElse("");
    fields[3] = clinician;
    fields[4] = instrument.id();
    for (Item item : instrument.items()) {
      Answer answer = administration.answer(item.id());
      if (answer == Answer.NotAnswered.MISSING) {
        continue;
      }
      fields[5] = item.id();
      fields[6] = AdministrationCsvWriter.cell(answer);
      csv.writeRecord(fields);
    }
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
