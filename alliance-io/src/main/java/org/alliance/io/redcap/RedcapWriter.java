package org.alliance.io.redcap;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;

/**
 * Writes administrations in REDCap's flat import format for the project {@link
 * RedcapDictionaryWriter} describes: {@code record_id} (the client reference), {@code
 * redcap_repeat_instrument} (the instrument's form) and {@code redcap_repeat_instance} (the session
 * number plus one, since REDCap counts instances from 1 and session 0 is an intake), then every
 * form's fields. The session number itself is written to {@code <form>_session}, the date to {@code
 * <form>_date}; skipped answers as the missing-data code {@code NASK}, declined ones as {@code
 * ASKU}; each form is marked complete ({@code <form>_complete} 2). Writing the same session again
 * gives the same instance, so a later import updates rather than duplicates.
 */
public final class RedcapWriter implements Closeable {
  /** REDCap's form status "Complete". */
  static final String COMPLETE = "2";

  private final CsvWriter csv;
  private final RedcapProject project;
  private final Map<String, Integer> offsets = new HashMap<>();
  private final String[] fields;

  /**
   * Sessions written per client and form, to refuse a second administration at the same instance.
   */
  private final Map<String, List<Set<Integer>>> written = new HashMap<>();

  public RedcapWriter(Writer out, RedcapProject project) {
    this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(1 << 16).build(out);
    this.project = project;
    List<String> header =
        new ArrayList<>(
            List.of(
                RedcapNames.RECORD_ID, RedcapNames.REPEAT_INSTRUMENT, RedcapNames.REPEAT_INSTANCE));
    for (RedcapProject.Form form : project.forms()) {
      offsets.put(form.instrument().id(), header.size());
      header.add(form.sessionField());
      header.add(form.dateField());
      header.addAll(form.itemFields());
      header.add(RedcapNames.completeField(form.name()));
    }
    this.fields = new String[header.size()];
    csv.writeRecord(header);
  }

  /**
   * Writes one administration as a row of its instrument's form.
   *
   * @throws IllegalArgumentException when the project has no form for its instrument, or the client
   *     already has an administration of it at this session (REDCap would keep only one)
   */
  public void write(Administration administration) {
    int formIndex = -1;
    for (int i = 0; i < project.forms().size(); i++) {
      if (project
          .forms()
          .get(i)
          .instrument()
          .id()
          .equalsIgnoreCase(administration.instrumentId())) {
        formIndex = i;
      }
    }
    if (formIndex < 0) {
      throw new IllegalArgumentException(
          "the REDCap project has no form for instrument '" + administration.instrumentId() + "'");
    }
    RedcapProject.Form form = project.forms().get(formIndex);
    List<Set<Integer>> sessions =
        written.computeIfAbsent(
            administration.client(),
            client -> {
              List<Set<Integer>> perForm = new ArrayList<>();
              project.forms().forEach(f -> perForm.add(new HashSet<>()));
              return perForm;
            });
    if (!sessions.get(formIndex).add(administration.session())) {
      throw new IllegalArgumentException(
          "client "
              + administration.client()
              + " has "
              + form.instrument().id()
              + " twice at session "
              + administration.session()
              + "; a REDCap project keeps one per session");
    }
    Arrays.fill(fields, "");
    fields[0] = administration.client();
    fields[1] = form.name();
    fields[2] = Long.toString(administration.session() + 1L);
    int i = offsets.get(form.instrument().id());
    fields[i++] = Integer.toString(administration.session());
    fields[i++] = administration.date().map(Object::toString).orElse("");
    for (Item item : form.instrument().items()) {
      fields[i++] = cell(administration.answer(item.id()), item.scale());
    }
    fields[i] = COMPLETE;
    csv.writeRecord(fields);
  }

  /**
   * An answer as REDCap holds it: the number, a missing-data code, or empty. A visual-analogue mark
   * is written with exactly one decimal ({@code 9.0}), as REDCap's {@code number_1dp} validation
   * requires.
   */
  static String cell(Answer answer, ResponseScale scale) {
    if (answer instanceof Answer.Value value) {
      double number = value.value();
      if (scale instanceof ResponseScale.VisualAnalogue && scale.check(number).isEmpty()) {
        return String.format(Locale.ROOT, "%.1f", number);
      }
      return Numbers.format(number);
    }
    if (answer instanceof Answer.Unreadable unreadable) {
      // Kept as written, so REDCap's import check names it rather than it vanishing here.
      return unreadable.raw();
    }
    return switch ((Answer.NotAnswered) answer) {
      case SKIPPED -> "NASK";
      case DECLINED -> "ASKU";
      case MISSING -> "";
    };
  }

  public void flush() throws IOException {
    csv.flush();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
