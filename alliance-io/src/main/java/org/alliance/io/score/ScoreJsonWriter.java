package org.alliance.io.score;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Score;

/**
 * Writes scores as JSON lines, one object per administration: {@code client}, {@code session},
 * {@code date}, {@code instrument}, {@code total} (null when there is no score), {@code mean},
 * {@code subscales}, {@code band}, {@code clinical}, {@code prorated}, {@code missing}, {@code flags},
 * {@code valid}, {@code problems}, and the {@code line} it was read from.
 */
public final class ScoreJsonWriter implements Closeable {
  private final JsonGenerator json;

  public ScoreJsonWriter(Writer out) throws IOException {
    // One object per line: no separator between root values, a newline after each.
    this.json = new JsonFactory().setRootValueSeparator(null).createGenerator(out);
  }

  public void write(ScoredRow scored) throws IOException {
    Optional<Administration> administration = scored.row().administration();
    var key = scored.row().key();
    boolean valid = scored.valid();
    Optional<Score> score = scored.score();
    json.writeStartObject();
    json.writeStringField("client", administration.map(Administration::client).orElse(key.client()));
    if (administration.isPresent()) {
      json.writeNumberField("session", administration.get().session());
      writeNullable("date", administration.get().date().map(Object::toString));
    } else {
      // A row whose key could not be read keeps its fields as written, so it can still be found.
      writeSessionAsWritten(key.session());
      writeNullable("date", Optional.of(key.date()).filter(text -> !text.isEmpty()));
    }
    json.writeStringField("instrument", scored.instrument());
    writeNumber("total", valid ? score.get().total() : OptionalDouble.empty());
    writeNumber("mean", valid ? score.get().mean() : OptionalDouble.empty());
    json.writeObjectFieldStart("subscales");
    if (valid) {
      for (Map.Entry<String, Double> subscale : score.get().subscales().entrySet()) {
        json.writeNumberField(subscale.getKey(), subscale.getValue());
      }
    }
    json.writeEndObject();
    writeNullable("band", valid ? score.get().band().map(band -> band.label()) : Optional.empty());
    if (valid && score.get().clinical().isPresent()) {
      json.writeBooleanField("clinical", score.get().clinical().get());
    } else {
      json.writeNullField("clinical");
    }
    json.writeBooleanField("prorated", valid && score.get().prorated());
    writeStrings("missing", score.map(Score::missing).orElse(List.of()));
    writeStrings("flags", score.map(Score::flags).orElse(List.of()));
    json.writeBooleanField("valid", valid);
    writeStrings("problems", scored.problemMessages());
    json.writeNumberField("line", scored.row().location().line());
    json.writeEndObject();
    json.writeRaw('\n');
  }

  /** A session number as a number when it reads as one, else as the text written. */
  private void writeSessionAsWritten(String session) throws IOException {
    if (session.isEmpty()) {
      json.writeNullField("session");
      return;
    }
    try {
      json.writeNumberField("session", Long.parseLong(session));
    } catch (NumberFormatException e) {
      json.writeStringField("session", session);
    }
  }

  private void writeNumber(String name, OptionalDouble value) throws IOException {
    if (value.isEmpty()) {
      json.writeNullField(name);
      return;
    }
    double number = value.getAsDouble();
    if (number == Math.rint(number) && Math.abs(number) < 1e15) {
      json.writeNumberField(name, (long) number);
    } else {
      json.writeNumberField(name, number);
    }
  }

  private void writeNullable(String name, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      json.writeStringField(name, value.get());
    } else {
      json.writeNullField(name);
    }
  }

  private void writeStrings(String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  public void flush() throws IOException {
    json.flush();
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}
