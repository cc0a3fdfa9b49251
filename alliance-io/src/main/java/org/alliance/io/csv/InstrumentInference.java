package org.alliance.io.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.SourceLocation;

/**
 * The instrument of a wide file that names none (no instrument column, no {@code --instrument}),
 * told from its item columns alone: the one instrument whose item ids they are ({@code
 * phq9_1..phq9_9}), or the one instrument with as many items as there are {@code q1..qN} columns.
 * Anything less certain fails once, before any row is read, naming the candidates: a guess would
 * score a whole file as the wrong questionnaire without a word.
 *
 * @param id the instrument chosen
 * @param reason why, in words, for the note that names the choice
 */
public record InstrumentInference(String id, String reason) {
  private static final Pattern NUMBERED = Pattern.compile("q(\\d{1,4})");

  /** How the instrument is named to people: PHQ-9, GAD-7, CORE-10. */
  public static String displayName(String id) {
    return id.toUpperCase(Locale.ROOT);
  }

  /** The note a command prints when it reads a file with the inferred instrument. */
  public String note(String verb) {
    return verb + " as " + displayName(id) + ": " + reason;
  }

  /**
   * The instrument the item columns name.
   *
   * @param itemColumns the header names of the item columns, in file order
   * @throws InputFormatException when no instrument or several fit
   */
  static InstrumentInference of(String file, List<String> itemColumns, Catalog catalog) {
    List<String> named = new ArrayList<>();
    List<String> numbered = new ArrayList<>();
    for (String column : itemColumns) {
      String name = column.toLowerCase(Locale.ROOT);
      (NUMBERED.matcher(name).matches() ? numbered : named).add(column);
    }
    if (itemColumns.isEmpty()) {
      throw failure(
          file, "the file has no instrument column and no item columns (q1, phq9_1, ...)");
    }
    if (!named.isEmpty()) {
      List<Instrument> naming =
          catalog.instruments().stream().filter(i -> hasItems(i, named, numbered)).toList();
      String columns = span(named);
      if (naming.size() == 1) {
        return new InstrumentInference(
            naming.get(0).id(), "the item columns " + columns + " name it");
      }
      throw failure(
          file,
          naming.isEmpty()
              ? "the item columns "
                  + columns
                  + " belong to more than one instrument; add an instrument column to say which each row is"
              : "the item columns " + columns + " fit " + ids(naming));
    }
    int count = numbered.size();
    List<Instrument> fitting =
        catalog.instruments().stream()
            .filter(i -> i.items().size() == count && hasItems(i, named, numbered))
            .toList();
    String columns = "the " + count + " item column" + (count == 1 ? " " : "s ") + span(numbered);
    if (fitting.size() == 1) {
      Instrument chosen = fitting.get(0);
      return new InstrumentInference(
          chosen.id(),
          columns + " fit only " + displayName(chosen.id()) + " (" + count + " items)");
    }
    throw failure(
        file,
        fitting.isEmpty()
            ? columns + " fit no instrument with " + count + " items"
            : columns + " fit " + ids(fitting));
  }

  /** Whether every named column is an item id of the instrument and every qN one of its numbers. */
  private static boolean hasItems(
      Instrument instrument, List<String> named, List<String> numbered) {
    for (String column : named) {
      if (instrument.item(column.toLowerCase(Locale.ROOT)).isEmpty()) {
        return false;
      }
    }
    for (String column : numbered) {
      Matcher number = NUMBERED.matcher(column.toLowerCase(Locale.ROOT));
      if (!number.matches() || instrument.item(Integer.parseInt(number.group(1))).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static String span(List<String> columns) {
    return columns.size() <= 2
        ? String.join(", ", columns)
        : columns.get(0) + ".." + columns.get(columns.size() - 1);
  }

  private static String ids(List<Instrument> instruments) {
    List<String> ids = instruments.stream().map(Instrument::id).toList();
    return ids.size() + " instruments (" + String.join(", ", ids) + ")";
  }

  private static InputFormatException failure(String file, String why) {
    return new InputFormatException(
        SourceLocation.line(file, 1),
        "cannot tell which instrument this file holds: "
            + why
            + "; give --instrument ID (see: alliance instruments)");
  }

  /** For the long layout, whose items are in the rows: the header cannot say. */
  static InputFormatException noInstrumentInLongFile(String file) {
    return failure(file, "the file is in the long layout without an instrument column");
  }
}
