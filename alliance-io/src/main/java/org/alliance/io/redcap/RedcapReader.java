package org.alliance.io.redcap;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;
import org.alliance.io.csv.AnswerText;
import org.alliance.io.csv.CsvInput;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.AdministrationSource;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.IsoDate;
import org.alliance.io.input.ItemLocator;
import org.alliance.io.input.SourceLocation;
import org.alliance.io.redcap.RedcapMapping.FormMapping;
import org.alliance.io.redcap.RedcapMapping.SessionSource;

/**
 * Streams administrations from a REDCap flat export ("CSV raw data"): {@code record_id}, the
 * optional {@code redcap_event_name}, {@code redcap_repeat_instrument} and {@code
 * redcap_repeat_instance}, and one column per field. Each row gives one administration per mapped
 * instrument whose fields are not all blank; a row of a repeating form gives only that form's.
 * Every problem names the file, line, column and field; a file that cannot be read at all raises
 * {@link InputFormatException}.
 */
public final class RedcapReader implements AdministrationSource {
  /**
   * A REDCap date-time field (datetime_ymd, datetime_seconds_ymd): its date is the
   * administration's.
   */
  private static final Pattern DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?");

  /** At most this many unmapped form names are remembered for the note. */
  private static final int MAX_UNMAPPED = 50;

  private final CsvInput input;
  private final RedcapMapping mapping;
  private final int record;
  private final int event;
  private final int repeatInstrument;
  private final int repeatInstance;
  private final List<Form> forms;
  private final List<String> ignoredColumns = new ArrayList<>();
  private final Set<String> unmappedForms = new LinkedHashSet<>();
  private final ArrayDeque<AdministrationRow> pending = new ArrayDeque<>();
  private boolean ended;

  /**
   * A mapped instrument with its columns resolved against the header; -1 for a column it does not
   * have.
   */
  private record Form(
      FormMapping mapping,
      SessionSource session,
      int sessionColumn,
      int dateColumn,
      String[] itemIds,
      int[] itemColumns,
      int[] ownedColumns,
      Map<String, Integer> columnOfItem) {}

  private RedcapReader(CsvInput input, RedcapMapping mapping, Catalog catalog) {
    this.input = input;
    this.mapping = mapping;
    this.record = recordColumn(input, mapping);
    this.event = input.column(RedcapNames.EVENT).orElse(-1);
    this.repeatInstrument = input.column(RedcapNames.REPEAT_INSTRUMENT).orElse(-1);
    this.repeatInstance = input.column(RedcapNames.REPEAT_INSTANCE).orElse(-1);
    List<FormMapping> mapped =
        mapping.conventional() ? conventionalForms(input, catalog) : mapping.forms();
    if (mapped.isEmpty()) {
      throw fileProblem(
          "no column is named like an item of a known instrument (such as phq9_1); name the REDCap fields "
              + "like the item ids (alliance instruments show ID lists them), or give a mapping file (docs/exports.md)");
    }
    Map<Integer, Integer> useCount = new HashMap<>();
    List<Form> resolved = new ArrayList<>();
    for (FormMapping form : mapped) {
      resolved.add(resolve(form, useCount));
    }
    this.forms = resolved;
    Set<Integer> used = new HashSet<>(useCount.keySet());
    used.add(record);
    used.add(event);
    used.add(repeatInstrument);
    used.add(repeatInstance);
    List<String> header = input.header();
    for (int column = 0; column < header.size(); column++) {
      String name = header.get(column).toLowerCase(Locale.ROOT);
      if (!used.contains(column)
          && !name.endsWith("_complete")
          && !name.startsWith("redcap_")
          && !name.endsWith("_timestamp")) {
        ignoredColumns.add(
            name.isEmpty() ? "column " + (column + 1) + " (no name)" : header.get(column));
      }
    }
  }

  /** Opens a REDCap export. */
  public static RedcapReader open(Path file, RedcapMapping mapping, Catalog catalog)
      throws IOException {
    return open(file.toString(), Files.newInputStream(file), mapping, catalog);
  }

  /** Reads a stream; {@code name} is used in messages. The stream is closed with the reader. */
  public static RedcapReader open(
      String name, InputStream in, RedcapMapping mapping, Catalog catalog) throws IOException {
    return open(name, in, mapping, catalog, StandardCharsets.UTF_8);
  }

  /** Reads a stream in the given encoding; {@code name} is used in messages. */
  public static RedcapReader open(
      String name, InputStream in, RedcapMapping mapping, Catalog catalog, Charset encoding)
      throws IOException {
    CsvInput input;
    try {
      input = new CsvInput(name, in, encoding);
    } catch (RuntimeException | IOException e) {
      in.close();
      throw e;
    }
    try {
      return new RedcapReader(input, mapping, catalog);
    } catch (RuntimeException e) {
      input.close();
      throw e;
    }
  }

  /** The instruments this file is read as, in the order of the mapping. */
  public List<Instrument> instruments() {
    return forms.stream().map(form -> form.mapping().instrument()).toList();
  }

  /**
   * Header columns that belong to no mapped instrument, and so were not read (REDCap's own columns
   * aside).
   */
  public List<String> ignoredColumns() {
    return ignoredColumns;
  }

  /** Repeating forms met so far that no instrument is mapped to; their rows were not read. */
  public Set<String> unmappedForms() {
    return unmappedForms;
  }

  @Override
  public boolean hasNext() {
    while (pending.isEmpty() && !ended) {
      Optional<CsvRecord> next = input.next();
      if (next.isEmpty()) {
        ended = true;
      } else {
        readRow(next.get());
      }
    }
    return !pending.isEmpty();
  }

  @Override
  public AdministrationRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return pending.removeFirst();
  }

  @Override
  public void close() throws IOException {
    input.close();
  }

  // ---------------------------------------------------------------- set-up

  private static int recordColumn(CsvInput input, RedcapMapping mapping) {
    if (mapping.recordField().isPresent()) {
      String field = mapping.recordField().get();
      return input
          .column(field)
          .orElseThrow(
              () ->
                  new InputFormatException(
                      SourceLocation.line(input.file(), 1),
                      "the mapping's recordField '"
                          + field
                          + "' is not a column; the header has: "
                          + headerList(input)));
    }
    Optional<Integer> recordId = input.column(RedcapNames.RECORD_ID);
    if (recordId.isPresent()) {
      return recordId.get();
    }
    // REDCap always exports the record identifier first, whatever the project calls it.
    String first = input.header().get(0).toLowerCase(Locale.ROOT);
    if (first.isEmpty() || first.startsWith("redcap_")) {
      throw new InputFormatException(
          SourceLocation.line(input.file(), 1),
          "no record identifier: REDCap exports it as the first column (record_id); the header has: "
              + headerList(input));
    }
    return 0;
  }

  private static List<FormMapping> conventionalForms(CsvInput input, Catalog catalog) {
    List<FormMapping> forms = new ArrayList<>();
    for (Instrument instrument : catalog.instruments()) {
      FormMapping form = FormMapping.conventional(instrument);
      if (form.itemFields().values().stream().anyMatch(field -> input.column(field).isPresent())) {
        forms.add(form);
      }
    }
    return forms;
  }

  private Form resolve(FormMapping form, Map<Integer, Integer> useCount) {
    String what = form.instrument().id() + " (" + form.source() + ")";
    List<String> absent = new ArrayList<>();
    String[] itemIds = new String[form.itemFields().size()];
    int[] itemColumns = new int[itemIds.length];
    Map<String, Integer> columnOfItem = new HashMap<>();
    int j = 0;
    for (Map.Entry<String, String> item : form.itemFields().entrySet()) {
      Optional<Integer> column = input.column(item.getValue());
      if (column.isEmpty()) {
        absent.add(
            item.getValue()
                + (item.getValue().equals(item.getKey()) ? "" : " (item " + item.getKey() + ")"));
        continue;
      }
      if (useCount.merge(column.get(), 1, Integer::sum) > 1) {
        throw fileProblem(
            "column "
                + item.getValue()
                + " is mapped twice (again for "
                + item.getKey()
                + " of "
                + what
                + ")");
      }
      itemIds[j] = item.getKey();
      itemColumns[j] = column.get();
      columnOfItem.put(item.getKey(), column.get());
      j++;
    }
    if (!absent.isEmpty()) {
      throw fileProblem(
          "the file has no field for "
              + (absent.size() == 1 ? "item " : "items ")
              + String.join(", ", absent)
              + " of "
              + what
              + "; add the "
              + (absent.size() == 1 ? "field" : "fields")
              + " to the export, or map the items to the project's fields in a mapping file (docs/exports.md)");
    }

    SessionSource session = form.session();
    int sessionColumn = -1;
    if (session == SessionSource.FIELD) {
      String field = form.sessionField().orElseThrow();
      Optional<Integer> column = input.column(field);
      boolean conventional = field.equals(RedcapNames.sessionField(form.form()));
      if (column.isPresent()) {
        sessionColumn = column.get();
        useCount.merge(sessionColumn, 1, Integer::sum);
      } else if (conventional && repeatInstance >= 0) {
        session = SessionSource.INSTANCE;
      } else {
        throw fileProblem(
            "cannot tell the session of "
                + what
                + ": the file has no field "
                + field
                + (conventional ? " and no redcap_repeat_instance" : "")
                + "; give the session field, or \"session\": \"instance\" or \"event\" in a mapping file (docs/exports.md)");
      }
    }
    if (session == SessionSource.INSTANCE && repeatInstance < 0) {
      throw fileProblem(
          "the session of "
              + what
              + " comes from the repeat instance, but the file has no redcap_repeat_instance column");
    }
    if (session == SessionSource.EVENT && event < 0) {
      throw fileProblem(
          "the session of "
              + what
              + " comes from the event, but the file has no redcap_event_name column");
    }
    int dateColumn = -1;
    if (form.dateField().isPresent()) {
      dateColumn =
          input
              .column(form.dateField().get())
              .orElseThrow(
                  () ->
                      fileProblem(
                          "the date field "
                              + form.dateField().get()
                              + " of "
                              + what
                              + " is not a column of the file"));
    } else {
      dateColumn = input.column(RedcapNames.dateField(form.form())).orElse(-1);
    }
    if (dateColumn >= 0) {
      useCount.merge(dateColumn, 1, Integer::sum);
    }
    return new Form(
        form,
        session,
        sessionColumn,
        dateColumn,
        itemIds,
        itemColumns,
        ownedColumns(form.form(), itemColumns, sessionColumn, dateColumn),
        columnOfItem);
  }

  /**
   * The columns whose content makes an administration: the item fields, and the session and date
   * fields only when named after the form ({@code <form>_session}, {@code <form>_date}). A visit
   * date or number that a mapping borrows from another form is filled on rows where this instrument
   * was not given.
   */
  private int[] ownedColumns(String form, int[] itemColumns, int sessionColumn, int dateColumn) {
    List<Integer> owned = new ArrayList<>();
    for (int column : itemColumns) {
      owned.add(column);
    }
    if (sessionColumn >= 0 && isNamed(sessionColumn, RedcapNames.sessionField(form))) {
      owned.add(sessionColumn);
    }
    if (dateColumn >= 0 && isNamed(dateColumn, RedcapNames.dateField(form))) {
      owned.add(dateColumn);
    }
    return owned.stream().mapToInt(Integer::intValue).toArray();
  }

  private boolean isNamed(int column, String name) {
    return input.header().get(column).equalsIgnoreCase(name);
  }

  private InputFormatException fileProblem(String message) {
    return new InputFormatException(SourceLocation.line(input.file(), 1), message);
  }

  private static String headerList(CsvInput input) {
    String joined = String.join(", ", input.header());
    return joined.length() > 300 ? joined.substring(0, 300) + "..." : joined;
  }

  // ---------------------------------------------------------------- rows

  private void readRow(CsvRecord row) {
    String repeatForm = cell(row, repeatInstrument);
    boolean any = false;
    for (Form form : forms) {
      if (!repeatForm.isEmpty() && !repeatForm.equalsIgnoreCase(form.mapping().form())) {
        continue;
      }
      any = true;
      if (!allBlank(row, form.ownedColumns())) {
        pending.add(administration(row, form));
      }
    }
    if (!any && unmappedForms.size() < MAX_UNMAPPED && repeatForm.indexOf(CsvInput.NOT_UTF8) < 0) {
      unmappedForms.add(repeatForm);
    }
  }

  private AdministrationRow administration(CsvRecord row, Form form) {
    long line = row.getStartingLineNumber();
    List<InputProblem> problems = new ArrayList<>(0);
    String client = cell(row, record);
    if (client.isEmpty()) {
      problems.add(problem(line, record, "the record id is empty"));
    }
    String sessionText =
        switch (form.session()) {
          case FIELD -> cell(row, form.sessionColumn());
          case INSTANCE -> cell(row, repeatInstance);
          case EVENT -> cell(row, event);
        };
    String dateText = cell(row, form.dateColumn());
    int session = -1;
    Optional<LocalDate> date = Optional.empty();
    if (notUtf8(client, sessionText, dateText)) {
      int column =
          client.indexOf(CsvInput.NOT_UTF8) >= 0
              ? record
              : dateText.indexOf(CsvInput.NOT_UTF8) >= 0 ? form.dateColumn() : sessionColumn(form);
      problems.add(
          problem(
              line,
              column,
              "the text is not UTF-8 (a byte here is from another encoding); export the file from REDCap again"));
    } else {
      session = session(form, sessionText, line, problems);
      if (!dateText.isEmpty()) {
        try {
          date =
              Optional.of(
                  IsoDate.parse(
                      DATE_TIME.matcher(dateText).matches()
                          ? dateText.substring(0, 10)
                          : dateText));
        } catch (DateTimeException e) {
          problems.add(
              problem(
                  line,
                  form.dateColumn(),
                  "expected a date as YYYY-MM-DD (REDCap's raw export), found '"
                      + abbreviate(dateText)
                      + "'"));
        }
      }
    }
    boolean keyReadable = problems.isEmpty();
    if (row.getFieldCount() != input.header().size()) {
      problems.add(
          new InputProblem(
              SourceLocation.line(input.file(), line),
              "the row has "
                  + row.getFieldCount()
                  + " fields where the header has "
                  + input.header().size()));
    }
    Answers.Builder answers = Answers.builder(form.itemIds().length);
    boolean decimalComma = input.decimalComma();
    for (int j = 0; j < form.itemIds().length; j++) {
      String raw = cell(row, form.itemColumns()[j]);
      if (raw.isEmpty()) {
        continue;
      }
      Answer.NotAnswered code = mapping.missingCodes().get(raw);
      Answer answer = code != null ? code : AnswerText.parse(raw, decimalComma);
      if (answer != Answer.NotAnswered.MISSING) {
        answers.put(form.itemIds()[j], answer);
      }
    }
    String instrumentId = form.mapping().instrument().id();
    Optional<Administration> administration =
        keyReadable
            ? Optional.of(Administration.of(instrumentId, client, session, date, answers.build()))
            : Optional.empty();
    String file = input.file();
    List<String> header = input.header();
    Map<String, Integer> columnOfItem = form.columnOfItem();
    ItemLocator locator =
        itemKey -> {
          Integer column = columnOfItem.get(itemKey);
          return column == null
              ? SourceLocation.line(file, line)
              : SourceLocation.cell(file, line, column + 1, header.get(column));
        };
    return new AdministrationRow(
        administration,
        new AdministrationRow.RawKey(client, sessionText, dateText, instrumentId),
        SourceLocation.line(file, line),
        locator,
        problems);
  }

  private int session(Form form, String text, long line, List<InputProblem> problems) {
    int column = sessionColumn(form);
    switch (form.session()) {
      case EVENT -> {
        Integer number = form.mapping().events().get(text);
        if (number == null) {
          problems.add(
              problem(
                  line,
                  column,
                  text.isEmpty()
                      ? "the event is empty"
                      : "unknown event '"
                          + abbreviate(text)
                          + "'; the mapping gives a session for "
                          + String.join(", ", form.mapping().events().keySet())));
          return -1;
        }
        return number;
      }
      case INSTANCE -> {
        int instance = wholeNumber(text);
        if (instance < 1 || !Administration.isSessionNumber(instance)) {
          problems.add(
              problem(
                  line,
                  column,
                  text.isEmpty()
                      ? "no repeat instance: "
                          + form.mapping().instrument().id()
                          + " takes its session from the repeat instance of form "
                          + form.mapping().form()
                      : "expected a repeat instance (a whole number from 1 to "
                          + Administration.MAX_SESSION
                          + "), found '"
                          + abbreviate(text)
                          + "'"));
          return -1;
        }
        return instance;
      }
      default -> {
        int number = wholeNumber(text);
        if (!Administration.isSessionNumber(number)) {
          problems.add(
              problem(
                  line,
                  column,
                  text.isEmpty()
                      ? "the session is empty"
                      : "expected a session number ("
                          + Administration.SESSION_NUMBER
                          + "), found '"
                          + abbreviate(text)
                          + "'"));
          return -1;
        }
        return number;
      }
    }
  }

  private int sessionColumn(Form form) {
    return switch (form.session()) {
      case FIELD -> form.sessionColumn();
      case INSTANCE -> repeatInstance;
      case EVENT -> event;
    };
  }

  /** A whole number of at most nine digits, or -1. */
  private static int wholeNumber(String text) {
    if (text.isEmpty() || text.length() > 9) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private InputProblem problem(long line, int column, String message) {
    if (column < 0) {
      return new InputProblem(SourceLocation.line(input.file(), line), message);
    }
    return new InputProblem(
        SourceLocation.cell(input.file(), line, column + 1, input.header().get(column)), message);
  }

  private static boolean notUtf8(String... texts) {
    for (String text : texts) {
      if (text.indexOf(CsvInput.NOT_UTF8) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean allBlank(CsvRecord row, int[] columns) {
    for (int column : columns) {
      if (!cell(row, column).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static String cell(CsvRecord row, int column) {
    return column >= 0 && column < row.getFieldCount() ? row.getField(column).strip() : "";
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
