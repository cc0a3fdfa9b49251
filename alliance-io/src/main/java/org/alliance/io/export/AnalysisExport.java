package org.alliance.io.export;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Score;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.SourceLocation;

/**
 * An analysis-ready export of administrations for R, SPSS or Stata: a data CSV in the long or wide
 * layout, of item answers or of scores, and a data dictionary CSV beside it ({@code variable,
 * label, type, values, instrument, item, score}). Every row carries the client, a stable episode id
 * ({@code client_episode}), the episode number, the session and the date. Where there is no value
 * an {@link ExportCode} says why; an empty cell is a missing answer. Column names suit SPSS and
 * Stata ({@link VariableNames}).
 *
 * <p>Administrations are collected with {@link #add} and written sorted by client, episode and
 * session; {@link Episodes} explains how episodes are told apart and what counts as a duplicate.
 */
public final class AnalysisExport {
  private final Catalog catalog;
  private final ExportLayout layout;
  private final ExportLevel level;
  private final Map<String, List<ExportEntry>> byClient = new TreeMap<>();
  private long added;

  /**
   * What writing found.
   *
   * @param rows data rows written
   * @param columns the data file's columns, described for syntax files
   * @param problems administrations left out (a second one of an instrument at the same session)
   * @param notes things worth knowing that changed nothing, such as a session's differing dates
   */
  public record Result(
      long rows,
      List<ExportColumn> columns,
      List<InputProblem> problems,
      List<InputProblem> notes) {
    public Result {
      columns = List.copyOf(columns);
      problems = List.copyOf(problems);
      notes = List.copyOf(notes);
    }
  }

  public AnalysisExport(Catalog catalog, ExportLayout layout, ExportLevel level) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.layout = requireNonNull(layout, "layout");
    this.level = requireNonNull(level, "level");
  }

  /**
   * Adds an administration of an instrument in the catalog, with its score (the answers are
   * exported as given, valid or not; scores of invalid administrations are coded).
   */
  public void add(Administration administration, Score score, SourceLocation where) {
    if (catalog.find(administration.instrumentId()).isEmpty()) {
      throw new IllegalArgumentException(catalog.unknown(administration.instrumentId()));
    }
    // An answers export needs no score: not keeping it leaves room for more administrations.
    byClient
        .computeIfAbsent(administration.client(), client -> new ArrayList<>())
        .add(
            new ExportEntry(
                administration, level == ExportLevel.SCORES ? score : null, where, added++));
  }

  /** Writes the data and its dictionary. */
  public Result write(Writer data, Writer dictionary) throws IOException {
    List<InputProblem> problems = new ArrayList<>();
    List<InputProblem> notes = new ArrayList<>();
    Map<String, List<ExportVariable>> variables = new LinkedHashMap<>();
    for (Instrument instrument : instrumentsPresent()) {
      variables.put(instrument.id(), ExportVariable.of(instrument, level));
    }
    Table table = layout == ExportLayout.LONG ? longTable(variables) : wideTable(variables);
    CsvWriter dictionaryCsv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(dictionary);
    dictionaryCsv.writeRecord("variable", "label", "type", "values", "instrument", "item", "score");
    for (String[] row : table.dictionary()) {
      dictionaryCsv.writeRecord(row);
    }
    dictionaryCsv.flush();

    CsvWriter csv =
        CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(1 << 16).build(data);
    csv.writeRecord(table.columns().stream().map(Column::name).toList());
    Rows rows = new Rows(csv, table.columns());
    for (List<ExportEntry> entries : byClient.values()) {
      List<Episodes.Placed> placed = Episodes.place(entries, problems);
      if (layout == ExportLayout.LONG) {
        writeLong(rows, placed, variables);
      } else {
        writeWide(rows, placed, variables, table.offsets(), notes);
      }
    }
    csv.flush();
    return new Result(rows.count, rows.describe(), problems, notes);
  }

  /** The instruments of the administrations added, in the catalog's order. */
  private List<Instrument> instrumentsPresent() {
    Set<String> ids = new HashSet<>();
    byClient
        .values()
        .forEach(
            entries ->
                entries.forEach(e -> ids.add(catalog.get(e.administration().instrumentId()).id())));
    return catalog.instruments().stream()
        .filter(instrument -> ids.contains(instrument.id()))
        .toList();
  }

  // ---------------------------------------------------------------- columns

  /** A column as it is being written: its description, with the widest string seen so far. */
  private record Column(
      String name, String label, String type, List<ValueLabel> labels, boolean coded) {
    boolean string() {
      return type.equals("string");
    }
  }

  /** The columns, the dictionary rows, and where each instrument's columns start (wide layout). */
  private record Table(
      List<Column> columns, List<String[]> dictionary, Map<String, Integer> offsets) {}

  private static final List<ValueLabel> ITEM_CODES =
      List.of(
          new ValueLabel(ExportCode.SKIPPED.cell(), ExportCode.SKIPPED.label()),
          new ValueLabel(ExportCode.DECLINED.cell(), ExportCode.DECLINED.label()),
          new ValueLabel(ExportCode.INVALID.cell(), ExportCode.INVALID.label()));
  private static final List<ValueLabel> SCORE_CODES =
      List.of(
          new ValueLabel(ExportCode.INCOMPLETE.cell(), ExportCode.INCOMPLETE.label()),
          new ValueLabel(ExportCode.INVALID.cell(), ExportCode.INVALID.label()));

  private static List<Column> keyColumns(boolean wide) {
    return new ArrayList<>(
        List.of(
            new Column("client", "Client reference, as in the input", "string", List.of(), false),
            new Column(
                "episode_id",
                "Episode: the client reference and the episode number (client_episode)",
                "string",
                List.of(),
                false),
            new Column(
                "episode",
                "Episode of care of the client, from 1 (see docs/exports.md)",
                "integer",
                List.of(),
                false),
            new Column(
                "session", "Session number (0 = intake or baseline)", "integer", List.of(), false),
            new Column(
                "date",
                wide
                    ? "Date of the session (the earliest if its questionnaires differ)"
                    : "Date the questionnaire was given",
                "date",
                List.of(),
                false)));
  }

  private static String[] dictionaryRow(
      Column column, String values, String instrument, String item, String score) {
    return new String[] {
      column.name(), column.label(), column.type(), values, instrument, item, score
    };
  }

  private static String keyValues(Column column) {
    return switch (column.name()) {
      case "episode" -> "1-";
      case "session" -> "0-";
      case "date" -> "YYYY-MM-DD; empty=not recorded";
      default -> "";
    };
  }

  private Table longTable(Map<String, List<ExportVariable>> variables) {
    boolean items = level == ExportLevel.ITEMS;
    List<Column> columns = keyColumns(false);
    columns.add(
        new Column(
            "instrument", "Instrument id (see alliance instruments)", "string", List.of(), false));
    Column value;
    if (items) {
      columns.add(
          new Column(
              "item",
              "Item id; the rows for value below give each item's label and values",
              "string",
              List.of(),
              false));
      columns.add(
          new Column(
              "item_number",
              "Item number within the instrument, from 1",
              "integer",
              List.of(),
              false));
      value =
          new Column(
              "value",
              "The answer, or a code saying why there is none",
              "decimal",
              ITEM_CODES,
              true);
    } else {
      columns.add(
          new Column(
              "score",
              "Which score: total, mean, a subscale id, band, clinical, risk_item or prorated",
              "string",
              List.of(),
              false));
      value =
          new Column(
              "value",
              "The score, or a code saying why there is none",
              "decimal",
              SCORE_CODES,
              true);
    }
    columns.add(value);
    List<String[]> dictionary = new ArrayList<>();
    for (Column column : columns) {
      String values =
          column == value
              ? (items ? "empty=missing; " : "")
                  + String.join("; ", value.labels().stream().map(ValueLabel::toString).toList())
              : column.name().equals("item_number") ? "1-" : keyValues(column);
      dictionary.add(dictionaryRow(column, values, "", "", ""));
    }
    variables
        .values()
        .forEach(
            list ->
                list.forEach(
                    variable ->
                        dictionary.add(
                            new String[] {
                              "value",
                              variable.label(),
                              variable.type(),
                              variable.valuesAndCodes(false),
                              variable.instrument().id(),
                              variable.item().orElse(""),
                              variable.score().orElse("")
                            })));
    return new Table(columns, dictionary, Map.of());
  }

  private Table wideTable(Map<String, List<ExportVariable>> variables) {
    VariableNames names = new VariableNames();
    List<Column> columns = keyColumns(true);
    List<String[]> dictionary = new ArrayList<>();
    for (Column column : columns) {
      names.claim(column.name());
      dictionary.add(dictionaryRow(column, keyValues(column), "", "", ""));
    }
    Map<String, Integer> offsets = new HashMap<>();
    variables.forEach(
        (instrument, list) -> {
          offsets.put(instrument, columns.size());
          for (ExportVariable variable : list) {
            Column column =
                new Column(
                    names.claim(variable.wanted()),
                    variable.label(),
                    variable.type(),
                    variable.labelsAndCodes(true),
                    true);
            columns.add(column);
            dictionary.add(
                dictionaryRow(
                    column,
                    variable.valuesAndCodes(true),
                    instrument,
                    variable.item().orElse(""),
                    variable.score().orElse("")));
          }
        });
    return new Table(columns, dictionary, offsets);
  }

  /** Writes data rows and keeps the widest value of each string column. */
  private static final class Rows {
    private final CsvWriter csv;
    private final List<Column> columns;
    private final boolean[] string;
    private final int[] widths;
    final String[] fields;
    long count;

    Rows(CsvWriter csv, List<Column> columns) {
      this.csv = csv;
      this.columns = columns;
      this.fields = new String[columns.size()];
      this.string = new boolean[columns.size()];
      this.widths = new int[columns.size()];
      for (int i = 0; i < string.length; i++) {
        string[i] = columns.get(i).string();
      }
    }

    void write() {
      for (int i = 0; i < fields.length; i++) {
        if (string[i] && fields[i].length() * 3 > widths[i]) {
          widths[i] = Math.max(widths[i], fields[i].getBytes(StandardCharsets.UTF_8).length);
        }
      }
      csv.writeRecord(fields);
      count++;
    }

    List<ExportColumn> describe() {
      List<ExportColumn> described = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        Column column = columns.get(i);
        described.add(
            new ExportColumn(
                column.name(),
                column.label(),
                column.type(),
                column.labels(),
                column.coded(),
                widths[i]));
      }
      return described;
    }
  }

  // ---------------------------------------------------------------- rows

  private static int keyFields(
      String[] fields, String client, int episode, int session, Optional<LocalDate> date) {
    fields[0] = client;
    fields[1] = client + "_" + episode;
    fields[2] = Integer.toString(episode);
    fields[3] = Integer.toString(session);
    fields[4] = date.map(LocalDate::toString).orElse("");
    return 5;
  }

  private void writeLong(
      Rows rows, List<Episodes.Placed> placed, Map<String, List<ExportVariable>> variables) {
    boolean items = level == ExportLevel.ITEMS;
    String[] fields = rows.fields;
    for (Episodes.Placed one : placed) {
      ExportEntry entry = one.entry();
      Administration administration = entry.administration();
      Instrument instrument = catalog.get(administration.instrumentId());
      for (ExportVariable variable : variables.get(instrument.id())) {
        int i =
            keyFields(
                fields,
                administration.client(),
                one.episode(),
                administration.session(),
                administration.date());
        fields[i++] = instrument.id();
        fields[i++] = variable.key();
        if (items) {
          fields[i++] =
              Integer.toString(instrument.item(variable.key()).map(Item::number).orElseThrow());
        }
        fields[i] = variable.cell().apply(entry);
        rows.write();
      }
    }
  }

  private void writeWide(
      Rows rows,
      List<Episodes.Placed> placed,
      Map<String, List<ExportVariable>> variables,
      Map<String, Integer> offsets,
      List<InputProblem> notes) {
    String[] fields = rows.fields;
    int from = 0;
    while (from < placed.size()) {
      // One row per client, episode and session: the administrations placed there.
      int to = from;
      Episodes.Placed first = placed.get(from);
      while (to < placed.size()
          && placed.get(to).episode() == first.episode()
          && placed.get(to).entry().administration().session()
              == first.entry().administration().session()) {
        to++;
      }
      List<Episodes.Placed> session = placed.subList(from, to);
      Arrays.fill(fields, ExportCode.NOT_ADMINISTERED.cell());
      Administration firstAdministration = first.entry().administration();
      keyFields(
          fields,
          firstAdministration.client(),
          first.episode(),
          firstAdministration.session(),
          sessionDate(session, notes));
      for (Episodes.Placed one : session) {
        ExportEntry entry = one.entry();
        Instrument instrument = catalog.get(entry.administration().instrumentId());
        int i = offsets.get(instrument.id());
        for (ExportVariable variable : variables.get(instrument.id())) {
          fields[i++] = variable.cell().apply(entry);
        }
      }
      rows.write();
      from = to;
    }
  }

  /** The earliest date of a session's administrations; a note for each that differs. */
  private static Optional<LocalDate> sessionDate(
      List<Episodes.Placed> session, List<InputProblem> notes) {
    Optional<LocalDate> earliest =
        session.stream()
            .map(p -> p.entry().administration().date())
            .flatMap(Optional::stream)
            .min(Comparator.naturalOrder());
    for (Episodes.Placed placed : session) {
      Administration administration = placed.entry().administration();
      if (administration.date().isPresent() && !administration.date().equals(earliest)) {
        notes.add(
            new InputProblem(
                placed.entry().location(),
                "client "
                    + administration.client()
                    + " session "
                    + administration.session()
                    + ": "
                    + administration.instrumentId()
                    + " is dated "
                    + administration.date().get()
                    + ", the session "
                    + earliest.get()
                    + "; the wide layout keeps the earliest (the long layout keeps each date)"));
      }
    }
    return earliest;
  }
}
