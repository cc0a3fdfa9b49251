package org.alliance.io.export;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Score;
import org.alliance.io.csv.InputProblem;
import org.alliance.io.csv.SourceLocation;

/**
 * An analysis-ready export of administrations for R, SPSS or Stata: a data CSV in the long or wide layout,
 * of item answers or of scores, and a data dictionary CSV beside it ({@code variable, label, type, values,
 * instrument, item, score}). Every row carries the client, a stable episode id ({@code client_episode}),
 * the episode number, the session and the date. Where there is no value an {@link ExportCode} says why;
 * an empty cell is a missing answer. Column names suit SPSS and Stata ({@link VariableNames}).
 *
 * <p>Administrations are collected with {@link #add} and written sorted by client, episode and session;
 * {@link Episodes} explains how episodes are told apart and what counts as a duplicate.
 */
public final class AnalysisExport {
  /** The columns every export starts with. */
  static final List<String> KEY_COLUMNS = List.of("client", "episode_id", "episode", "session", "date");

  private final Catalog catalog;
  private final ExportLayout layout;
  private final ExportLevel level;
  private final Map<String, List<ExportEntry>> byClient = new TreeMap<>();
  private long added;

  /** What writing found: rows written, administrations left out (duplicates) and notes (a session's differing dates). */
  public record Result(long rows, List<InputProblem> problems, List<InputProblem> notes) {
    public Result {
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
   * Adds an administration of an instrument in the catalog, with its score (the answers are exported as
   * given, valid or not; scores of invalid administrations are coded).
   */
  public void add(Administration administration, Score score, SourceLocation where) {
    if (catalog.find(administration.instrumentId()).isEmpty()) {
      throw new IllegalArgumentException(catalog.unknown(administration.instrumentId()));
    }
    byClient.computeIfAbsent(administration.client(), client -> new ArrayList<>())
        .add(new ExportEntry(administration, score, where, added++));
  }

  /** Writes the data and its dictionary. */
  public Result write(Writer data, Writer dictionary) throws IOException {
    List<InputProblem> problems = new ArrayList<>();
    List<InputProblem> notes = new ArrayList<>();
    List<Instrument> instruments = instrumentsPresent();
    Map<String, List<ExportVariable>> variables = new LinkedHashMap<>();
    for (Instrument instrument : instruments) {
      variables.put(instrument.id(), ExportVariable.of(instrument, level));
    }
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(1 << 16).build(data);
    CsvWriter dictionaryCsv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(dictionary);
    dictionaryCsv.writeRecord("variable", "label", "type", "values", "instrument", "item", "score");
    long rows = layout == ExportLayout.LONG
        ? writeLong(csv, dictionaryCsv, variables, problems)
        : writeWide(csv, dictionaryCsv, instruments, variables, problems, notes);
    csv.flush();
    dictionaryCsv.flush();
    return new Result(rows, problems, notes);
  }

  /** The instruments of the administrations added, in the catalog's order. */
  private List<Instrument> instrumentsPresent() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    byClient.values().forEach(entries -> entries.forEach(e -> ids.add(catalog.get(e.administration().instrumentId()).id())));
    return catalog.instruments().stream().filter(instrument -> ids.contains(instrument.id())).toList();
  }

  private static void keyDictionary(CsvWriter dictionary, boolean wide) {
    dictionary.writeRecord("client", "Client reference, as in the input", "string", "", "", "", "");
    dictionary.writeRecord("episode_id", "Episode: the client reference and the episode number (client_episode)", "string", "", "", "", "");
    dictionary.writeRecord("episode", "Episode of care of the client, from 1 (see docs/exports.md)", "integer", "1-", "", "", "");
    dictionary.writeRecord("session", "Session number (0 = intake or baseline)", "integer", "0-", "", "", "");
    dictionary.writeRecord("date", wide ? "Date of the session (YYYY-MM-DD; the earliest if its questionnaires differ)"
        : "Date the questionnaire was given (YYYY-MM-DD)", "date", "empty=not recorded", "", "", "");
  }

  // ---------------------------------------------------------------- long

  private long writeLong(CsvWriter csv, CsvWriter dictionary, Map<String, List<ExportVariable>> variables,
      List<InputProblem> problems) {
    boolean items = level == ExportLevel.ITEMS;
    List<String> header = new ArrayList<>(KEY_COLUMNS);
    header.add("instrument");
    header.addAll(items ? List.of("item", "item_number", "value") : List.of("score", "value"));
    csv.writeRecord(header);
    keyDictionary(dictionary, false);
    dictionary.writeRecord("instrument", "Instrument id (see alliance instruments)", "string", "", "", "", "");
    if (items) {
      dictionary.writeRecord("item", "Item id; the rows for value below give each item's label and values", "string", "", "", "", "");
      dictionary.writeRecord("item_number", "Item number within the instrument, from 1", "integer", "1-", "", "", "");
      dictionary.writeRecord("value", "The answer, or a code saying why there is none", "decimal", codesSummary(items, false), "", "", "");
    } else {
      dictionary.writeRecord("score", "Which score: total, mean, a subscale id, band, clinical, risk or prorated", "string", "", "", "", "");
      dictionary.writeRecord("value", "The score, or a code saying why there is none", "decimal", codesSummary(items, false), "", "", "");
    }
    variables.values().forEach(list -> list.forEach(variable -> dictionary.writeRecord("value", variable.label(), variable.type(),
        variable.valuesAndCodes(false), variable.instrument().id(), variable.item().orElse(""), variable.score().orElse(""))));

    long rows = 0;
    String[] fields = new String[header.size()];
    for (List<ExportEntry> entries : byClient.values()) {
      for (Episodes.Placed placed : Episodes.place(entries, problems)) {
        ExportEntry entry = placed.entry();
        Administration administration = entry.administration();
        Instrument instrument = catalog.get(administration.instrumentId());
        for (ExportVariable variable : variables.get(instrument.id())) {
          int i = keyFields(fields, administration.client(), placed.episode(), administration.session(), administration.date());
          fields[i++] = instrument.id();
          fields[i++] = variable.key();
          if (items) {
            fields[i++] = Integer.toString(instrument.item(variable.key()).map(Item::number).orElseThrow());
          }
          fields[i] = variable.cell().apply(entry);
          csv.writeRecord(fields);
          rows++;
        }
      }
    }
    return rows;
  }

  private static String codesSummary(boolean items, boolean wide) {
    List<String> codes = new ArrayList<>();
    if (items) {
      codes.add("empty=missing");
      codes.add(ExportCode.SKIPPED.describe());
      codes.add(ExportCode.DECLINED.describe());
    } else {
      codes.add(ExportCode.INCOMPLETE.describe());
    }
    codes.add(ExportCode.INVALID.describe());
    if (wide) {
      codes.add(ExportCode.NOT_ADMINISTERED.describe());
    }
    return String.join("; ", codes);
  }

  private static int keyFields(String[] fields, String client, int episode, int session, Optional<LocalDate> date) {
    fields[0] = client;
    fields[1] = client + "_" + episode;
    fields[2] = Integer.toString(episode);
    fields[3] = Integer.toString(session);
    fields[4] = date.map(LocalDate::toString).orElse("");
    return KEY_COLUMNS.size();
  }

  // ---------------------------------------------------------------- wide

  private long writeWide(CsvWriter csv, CsvWriter dictionary, List<Instrument> instruments,
      Map<String, List<ExportVariable>> variables, List<InputProblem> problems, List<InputProblem> notes) {
    VariableNames names = new VariableNames();
    List<String> header = new ArrayList<>();
    for (String key : KEY_COLUMNS) {
      header.add(names.claim(key));
    }
    keyDictionary(dictionary, true);
    Map<String, Integer> offsets = new HashMap<>();
    for (Instrument instrument : instruments) {
      offsets.put(instrument.id(), header.size());
      for (ExportVariable variable : variables.get(instrument.id())) {
        String name = names.claim(variable.wanted());
        header.add(name);
        dictionary.writeRecord(name, variable.label(), variable.type(), variable.valuesAndCodes(true), instrument.id(),
            variable.item().orElse(""), variable.score().orElse(""));
      }
    }
    csv.writeRecord(header);

    long rows = 0;
    String[] fields = new String[header.size()];
    for (List<ExportEntry> entries : byClient.values()) {
      List<Episodes.Placed> placed = Episodes.place(entries, problems);
      int from = 0;
      while (from < placed.size()) {
        // One row per client, episode and session: the administrations placed there, in catalog order.
        int to = from;
        Episodes.Placed first = placed.get(from);
        while (to < placed.size() && placed.get(to).episode() == first.episode()
            && placed.get(to).entry().administration().session() == first.entry().administration().session()) {
          to++;
        }
        List<Episodes.Placed> session = placed.subList(from, to);
        Arrays.fill(fields, ExportCode.NOT_ADMINISTERED.cell());
        Administration firstAdministration = first.entry().administration();
        keyFields(fields, firstAdministration.client(), first.episode(), firstAdministration.session(), sessionDate(session, notes));
        for (Episodes.Placed one : session) {
          ExportEntry entry = one.entry();
          Instrument instrument = catalog.get(entry.administration().instrumentId());
          int i = offsets.get(instrument.id());
          for (ExportVariable variable : variables.get(instrument.id())) {
            fields[i++] = variable.cell().apply(entry);
          }
        }
        csv.writeRecord(fields);
        rows++;
        from = to;
      }
    }
    return rows;
  }

  /** The earliest date of a session's administrations; a note for each that differs. */
  private static Optional<LocalDate> sessionDate(List<Episodes.Placed> session, List<InputProblem> notes) {
    Optional<LocalDate> earliest = session.stream().map(p -> p.entry().administration().date()).flatMap(Optional::stream)
        .min(Comparator.naturalOrder());
    for (Episodes.Placed placed : session) {
      Administration administration = placed.entry().administration();
      if (administration.date().isPresent() && !administration.date().equals(earliest)) {
        notes.add(new InputProblem(placed.entry().location(), "client " + administration.client() + " session "
            + administration.session() + ": " + administration.instrumentId() + " is dated " + administration.date().get()
            + ", the session " + earliest.get() + "; the wide layout keeps the earliest (the long layout keeps each date)"));
      }
    }
    return earliest;
  }
}
