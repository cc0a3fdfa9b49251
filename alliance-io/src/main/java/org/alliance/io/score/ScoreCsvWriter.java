package org.alliance.io.score;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Band;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.scoring.Score;

/**
 * Writes scores as CSV: the key columns, {@code total}, the subscale columns, {@code band}, {@code
 * clinical}, {@code flags}, {@code valid} and {@code problems}. Every input row is written, valid
 * or not, so the output lines up with the input.
 */
public final class ScoreCsvWriter implements Closeable {
  private final CsvWriter csv;
  private final ScoreColumns columns;
  private final List<String> subscaleIds;
  private final String[] fields;

  public ScoreCsvWriter(Writer out, ScoreColumns columns) {
    this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(1 << 16).build(out);
    this.columns = columns;
    this.subscaleIds = columns.subscaleIds();
    List<String> header =
        new ArrayList<>(List.of("client", "session", "date", "instrument", "total"));
    header.addAll(columns.subscaleColumns());
    header.addAll(List.of("band", "clinical", "flags", "valid", "problems"));
    this.fields = new String[header.size()];
    csv.writeRecord(header);
  }

  public void write(ScoredRow scored) {
    var key = scored.row().key();
    int i = 0;
    fields[i++] = key.client();
    fields[i++] = key.session();
    fields[i++] = key.date();
    fields[i++] = scored.instrument();
    boolean valid = scored.valid();
    Score score = valid ? scored.score().get() : null;
    fields[i++] = valid ? Numbers.format(score.total().getAsDouble()) : "";
    if (columns.instrument().isPresent()) {
      for (String id : subscaleIds) {
        Double value = valid ? score.subscales().get(id) : null;
        fields[i++] = value == null ? "" : Numbers.format(value);
      }
    } else {
      fields[i++] = valid ? pairs(score.subscales()) : "";
    }
    fields[i++] = valid ? score.band().map(Band::label).orElse("") : "";
    fields[i++] = valid ? score.clinical().map(String::valueOf).orElse("") : "";
    List<String> flags = scored.score().isPresent() ? scored.score().get().flags() : List.of();
    fields[i++] = flags.isEmpty() ? "" : String.join(";", flags);
    fields[i++] = valid ? "true" : "false";
    fields[i++] =
        valid && score.problems().isEmpty() ? "" : String.join("; ", scored.problemMessages());
    csv.writeRecord(fields);
  }

  private static String pairs(Map<String, Double> subscales) {
    StringBuilder text = new StringBuilder();
    subscales.forEach(
        (id, value) -> {
          if (text.length() > 0) {
            text.append(';');
          }
          text.append(id).append('=').append(Numbers.format(value));
        });
    return text.toString();
  }

  public void flush() throws IOException {
    csv.flush();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
