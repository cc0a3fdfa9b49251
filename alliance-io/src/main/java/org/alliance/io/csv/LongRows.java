package org.alliance.io.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.ItemLocator;
import org.alliance.io.input.SourceLocation;

/**
 * The long layout: one row per answer. Consecutive rows with the same client, session and
 * instrument make one administration, so a file streams in constant memory when each
 * administration's rows are together (as every export writes them). The item is named by id, by
 * {@code qN}, or by its number.
 */
final class LongRows implements RowSource {
  private static final Pattern NUMBERED = Pattern.compile("q?(\\d{1,4})");

  private final CsvInput input;
  private final KeyColumns keys;
  private final Catalog catalog;
  private final int item;
  private final int value;
  private CsvRecord lookahead;

  LongRows(CsvInput input, CsvReadOptions options) {
    this.input = input;
    this.catalog = options.catalog();
    this.keys = new KeyColumns(input, options.instrument(), List.of("item", "value"));
    this.item = input.column("item").orElseThrow();
    this.value = input.column("value").orElseThrow();
  }

  @Override
  public AdministrationRow next() {
    CsvRecord first = lookahead != null ? lookahead : input.next().orElse(null);
    lookahead = null;
    if (first == null) {
      return null;
    }
    long firstLine = first.getStartingLineNumber();
    List<InputProblem> problems = new ArrayList<>(0);
    KeyColumns.Key key = keys.read(first, problems);
    boolean keyReadable = problems.isEmpty();
    AdministrationRow.RawKey raw = keys.raw(first);
    Optional<Instrument> instrument = catalog.find(key.instrument());
    Map<String, Answer> answers = new LinkedHashMap<>();
    Map<String, Long> lineOf = new HashMap<>();

    CsvRecord record = first;
    while (true) {
      addAnswer(record, instrument, answers, lineOf, raw, problems);
      CsvRecord following = input.next().orElse(null);
      if (following == null) {
        break;
      }
      if (!sameAdministration(raw, keys.raw(following))) {
        lookahead = following;
        break;
      }
      record = following;
    }

    Optional<Administration> administration =
        keyReadable
            ? Optional.of(
                Administration.of(
                    key.instrument(), key.client(), key.session(), key.date(), answers))
            : Optional.empty();
    String file = input.file();
    String valueName = input.header().get(value);
    int valueColumn = value + 1;
    ItemLocator locator =
        itemKey -> {
          Long line = lineOf.get(itemKey);
          return line == null
              ? SourceLocation.line(file, firstLine)
              : SourceLocation.cell(file, line, valueColumn, valueName);
        };
    return new AdministrationRow(
        administration, raw, SourceLocation.line(file, firstLine), locator, problems);
  }

  /** Same client, same session number (1 and 01 alike) and same instrument (in any case). */
  private static boolean sameAdministration(
      AdministrationRow.RawKey a, AdministrationRow.RawKey b) {
    return a.client().equals(b.client())
        && a.instrument().equalsIgnoreCase(b.instrument())
        && (a.session().equals(b.session())
            || sessionNumber(a.session()) == sessionNumber(b.session())
                && sessionNumber(a.session()) >= 0);
  }

  private static long sessionNumber(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void addAnswer(
      CsvRecord record,
      Optional<Instrument> instrument,
      Map<String, Answer> answers,
      Map<String, Long> lineOf,
      AdministrationRow.RawKey key,
      List<InputProblem> problems) {
    long line = record.getStartingLineNumber();
    String date = KeyColumns.cell(record, keysDateColumn());
    if (!date.equals(key.date())) {
      problems.add(
          keys.problem(
              line,
              keysDateColumn(),
              "the date '"
                  + date
                  + "' differs from '"
                  + key.date()
                  + "' on the first row of this administration"));
    }
    String itemText = KeyColumns.cell(record, item);
    if (itemText.isEmpty()) {
      problems.add(keys.problem(line, item, "the item is empty"));
      return;
    }
    String itemKey = resolve(itemText, instrument);
    Long earlier = lineOf.putIfAbsent(itemKey, line);
    if (earlier != null) {
      problems.add(
          keys.problem(
              line,
              item,
              "item "
                  + itemKey
                  + " is given twice for this administration (also on line "
                  + earlier
                  + ")"));
      return;
    }
    String rawValue = value < record.getFieldCount() ? record.getField(value) : "";
    answers.put(itemKey, AnswerText.parse(rawValue, input.decimalComma()));
  }

  private int keysDateColumn() {
    return input.column("date").orElse(-1);
  }

  private static String resolve(String itemText, Optional<Instrument> instrument) {
    String name = itemText.toLowerCase(Locale.ROOT);
    if (instrument.isEmpty()) {
      return name;
    }
    Matcher numbered = NUMBERED.matcher(name);
    Optional<Item> found =
        numbered.matches()
            ? instrument.get().item(Integer.parseInt(numbered.group(1)))
            : instrument.get().item(name);
    return found.map(Item::id).orElse(name);
  }
}
