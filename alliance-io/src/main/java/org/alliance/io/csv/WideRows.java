package org.alliance.io.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.ItemLocator;
import org.alliance.io.input.SourceLocation;

/**
 * The wide layout: one row per administration, an item per column named {@code q1..qN} (the item
 * number) or by item id. Other columns are ignored and listed, so a user sees what was not read.
 */
final class WideRows implements RowSource {
  private static final Pattern NUMBERED = Pattern.compile("q(\\d{1,4})");

  private final CsvInput input;
  private final KeyColumns keys;
  private final Catalog catalog;
  private final int[] itemColumns;
  private final List<String> ignored = new ArrayList<>();
  private final Map<String, ColumnKeys> byInstrument = new HashMap<>();
  private String lastInstrument;
  private ColumnKeys lastKeys;

  /** For one instrument: the answer key of each item column, and the column of each answer key. */
  private record ColumnKeys(String[] keys, Map<String, Integer> columnOf) {}

  WideRows(CsvInput input, CsvReadOptions options) {
    this.input = input;
    this.catalog = options.catalog();
    this.keys = new KeyColumns(input, options.instrument(), List.of());
    List<Integer> items = new ArrayList<>();
    List<String> header = input.header();
    for (int column = 0; column < header.size(); column++) {
      if (keys.isKey(column)) {
        continue;
      }
      String name = header.get(column).toLowerCase(Locale.ROOT);
      if (NUMBERED.matcher(name).matches() || isItemIdOfAny(name)) {
        items.add(column);
      } else {
        ignored.add(
            header.get(column).isEmpty()
                ? "column " + (column + 1) + " (no name)"
                : header.get(column));
      }
    }
    this.itemColumns = items.stream().mapToInt(Integer::intValue).toArray();
  }

  private boolean isItemIdOfAny(String name) {
    for (Instrument instrument : catalog.instruments()) {
      if (instrument.item(name).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The header names of the item columns, in file order. */
  List<String> itemColumnNames() {
    List<String> names = new ArrayList<>(itemColumns.length);
    for (int column : itemColumns) {
      names.add(input.header().get(column));
    }
    return names;
  }

  List<String> ignoredColumns() {
    return ignored;
  }

  @Override
  public AdministrationRow next() {
    Optional<CsvRecord> next = input.next();
    if (next.isEmpty()) {
      return null;
    }
    CsvRecord record = next.get();
    long line = record.getStartingLineNumber();
    List<InputProblem> problems = new ArrayList<>(0);
    KeyColumns.Key key = keys.read(record, problems);
    boolean keyReadable = problems.isEmpty();
    if (record.getFieldCount() != input.header().size()) {
      problems.add(
          new InputProblem(
              SourceLocation.line(input.file(), line),
              "the row has "
                  + record.getFieldCount()
                  + " fields where the header has "
                  + input.header().size()));
    }
    ColumnKeys columns = columnKeys(key.instrument());
    Answers.Builder answers = Answers.builder(itemColumns.length);
    boolean decimalComma = input.decimalComma();
    for (int j = 0; j < itemColumns.length; j++) {
      int column = itemColumns[j];
      if (column >= record.getFieldCount()) {
        continue;
      }
      String raw = record.getField(column);
      if (raw.isEmpty()) {
        continue;
      }
      Answer answer = AnswerText.parse(raw, decimalComma);
      if (answer != Answer.NotAnswered.MISSING) {
        answers.put(columns.keys()[j], answer);
      }
    }
    Optional<Administration> administration =
        keyReadable
            ? Optional.of(
                Administration.of(
                    key.instrument(), key.client(), key.session(), key.date(), answers.build()))
            : Optional.empty();
    String file = input.file();
    List<String> header = input.header();
    ItemLocator locator =
        itemKey -> {
          Integer column = columns.columnOf().get(itemKey);
          return column == null
              ? SourceLocation.line(file, line)
              : SourceLocation.cell(file, line, column + 1, header.get(column));
        };
    return new AdministrationRow(
        administration, keys.raw(record), SourceLocation.line(file, line), locator, problems);
  }

  private ColumnKeys columnKeys(String instrumentId) {
    // Rows of one file are mostly of one instrument: remember the last one.
    if (instrumentId.equals(lastInstrument)) {
      return lastKeys;
    }
    ColumnKeys cached = byInstrument.get(instrumentId);
    if (cached == null) {
      cached = mapColumns(catalog.find(instrumentId));
      byInstrument.put(instrumentId, cached);
    }
    lastInstrument = instrumentId;
    lastKeys = cached;
    return cached;
  }

  /**
   * Maps each item column to the item it holds for this instrument; unknown columns keep their own
   * name.
   */
  private ColumnKeys mapColumns(Optional<Instrument> instrument) {
    String[] answerKeys = new String[itemColumns.length];
    Map<String, Integer> columnOf = new HashMap<>();
    for (int j = 0; j < itemColumns.length; j++) {
      int column = itemColumns[j];
      String name = input.header().get(column).toLowerCase(Locale.ROOT);
      String key = name;
      if (instrument.isPresent()) {
        Matcher numbered = NUMBERED.matcher(name);
        Optional<Item> item =
            numbered.matches()
                ? instrument.get().item(Integer.parseInt(numbered.group(1)))
                : instrument.get().item(name);
        if (item.isPresent()) {
          key = item.get().id();
        }
      }
      Integer earlier = columnOf.put(key, column);
      if (earlier != null) {
        throw new InputFormatException(
            SourceLocation.cell(input.file(), 1, column + 1, input.header().get(column)),
            "columns "
                + input.header().get(earlier)
                + " and "
                + input.header().get(column)
                + " both hold item "
                + key);
      }
      answerKeys[j] = key;
    }
    return new ColumnKeys(answerKeys, columnOf);
  }
}
