package org.alliance.io.score;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import org.alliance.io.json.AllianceJson;

/**
 * Writes scores as JSON lines, one {@link ScoredRowJson} per administration: {@code client}, {@code
 * session}, {@code date}, the score's fields ({@code instrument, total} (null when there is no
 * score), {@code mean, subscales, band, clinical, flags, prorated, missing, valid, problems}) and
 * the {@code line} it was read from.
 */
public final class ScoreJsonWriter implements Closeable {
  // Flushed when the caller says so, not after every line.
  private static final ObjectWriter WRITER =
      AllianceJson.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private final JsonGenerator json;

  public ScoreJsonWriter(Writer out) throws IOException {
    this.json = WRITER.createGenerator(out);
    // One object per line: no separator between root values, a newline after each.
    json.setRootValueSeparator(null);
  }

  public void write(ScoredRow scored) throws IOException {
    WRITER.writeValue(json, ScoredRowJson.of(scored));
    json.writeRaw('\n');
  }

  public void flush() throws IOException {
    json.flush();
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}
