package org.alliance.io.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.alliance.core.scoring.Administration;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.IsoDate;
import org.alliance.io.input.SourceLocation;

/**
 * The columns that say whose administration a row is: client, session, optional date and
 * instrument, and the optional clinician (used to compare clinicians).
 */
final class KeyColumns {
  private final CsvInput input;
  private final int client;
  private final int session;
  private final int date;
  private final int instrument;
  private final int clinician;
  private final Optional<String> defaultInstrument;
  private final IsoDate.Cache dates = new IsoDate.Cache();
  private final int[] textColumns;

  KeyColumns(CsvInput input, Optional<String> defaultInstrument, List<String> alsoRequired) {
    this.input = input;
    this.defaultInstrument = defaultInstrument;
    this.client = required(input, "client", alsoRequired);
    this.session = required(input, "session", alsoRequired);
    this.date = input.column("date").orElse(-1);
    this.instrument = input.column("instrument").orElse(-1);
    this.clinician = input.column("clinician").orElse(-1);
    // The clinician too: a name with an umlaut in another encoding must not be carried on garbled.
    this.textColumns = new int[] {client, session, date, instrument, clinician};
    for (String name : alsoRequired) {
      required(input, name, alsoRequired);
    }
  }

  private static int required(CsvInput input, String name, List<String> alsoRequired) {
    return input
        .column(name)
        .orElseThrow(
            () ->
                new InputFormatException(
                    SourceLocation.line(input.file(), 1),
                    redcapColumn(input.header())
                        .map(
                            column ->
                                "missing the required column '"
                                    + name
                                    + "': this looks like a REDCap export (it has "
                                    + column
                                    + "); read it with --from redcap, e.g. alliance convert "
                                    + input.file()
                                    + " --from redcap --to csv-wide --out answers.csv")
                        .orElse(
                            "missing the required column '"
                                + name
                                + "'; the header needs client, session"
                                + (alsoRequired.isEmpty()
                                    ? ""
                                    : ", " + String.join(", ", alsoRequired))
                                + " and found: "
                                + String.join(", ", input.header()))));
  }

  /**
   * A column only a REDCap export has (its plumbing columns, or a form's completion status), so
   * that such a file is named for what it is rather than for the client column it lacks.
   */
  private static Optional<String> redcapColumn(List<String> header) {
    return header.stream()
        .filter(
            column -> {
              String name = column.toLowerCase(java.util.Locale.ROOT);
              return name.startsWith("redcap_") || name.endsWith("_complete");
            })
        .findFirst()
        .or(
            () ->
                header.isEmpty() || !header.get(0).equalsIgnoreCase("record_id")
                    ? Optional.empty()
                    : Optional.of(header.get(0)));
  }

  boolean isKey(int column) {
    return column == client
        || column == session
        || column == date
        || column == instrument
        || column == clinician;
  }

  boolean hasInstrumentColumn() {
    return instrument >= 0;
  }

  AdministrationRow.RawKey raw(CsvRecord record) {
    return new AdministrationRow.RawKey(
        cell(record, client),
        cell(record, session),
        cell(record, date),
        instrumentOf(record),
        cell(record, clinician));
  }

  /** The row's instrument: its own cell, else the default given on the command line, else empty. */
  String instrumentOf(CsvRecord record) {
    String own = cell(record, instrument);
    return own.isEmpty() ? defaultInstrument.orElse("") : own;
  }

  /** Reads the key fields, adding a located problem for each that is wrong. */
  Key read(CsvRecord record, List<InputProblem> problems) {
    long line = record.getStartingLineNumber();
    String clientText = cell(record, client);
    if (clientText.isEmpty()) {
      problems.add(problem(line, client, "the client reference is empty"));
    }
    for (int column : textColumns) {
      if (column >= 0 && cell(record, column).indexOf(CsvInput.NOT_UTF8) >= 0) {
        problems.add(problem(line, column, "the text " + input.notText()));
        return new Key(clientText, -1, Optional.empty(), "");
      }
    }
    int sessionNumber = -1;
    String sessionText = cell(record, session);
    try {
      sessionNumber = Integer.parseInt(sessionText);
    } catch (NumberFormatException e) {
      // reported below
    }
    if (!Administration.isSessionNumber(sessionNumber)) {
      problems.add(
          problem(
              line,
              session,
              "expected a session number ("
                  + Administration.SESSION_NUMBER
                  + "), found '"
                  + sessionText
                  + "'"));
      sessionNumber = -1;
    }
    Optional<LocalDate> when = Optional.empty();
    String dateText = cell(record, date);
    if (!dateText.isEmpty()) {
      try {
        when = dates.parse(dateText);
      } catch (DateTimeException e) {
        problems.add(
            problem(line, date, "expected a date as YYYY-MM-DD, found '" + dateText + "'"));
      }
    }
    String instrumentId = instrumentOf(record);
    if (instrumentId.isEmpty()) {
      problems.add(
          instrument >= 0
              ? problem(
                  line, instrument, "the instrument is empty; fill it in or give --instrument")
              : new InputProblem(
                  SourceLocation.line(input.file(), line),
                  "no instrument: the file has no instrument column, so give --instrument"));
    }
    return new Key(clientText, sessionNumber, when, instrumentId);
  }

  InputProblem problem(long line, int column, String message) {
    return new InputProblem(
        SourceLocation.cell(input.file(), line, column + 1, input.header().get(column)), message);
  }

  static String cell(CsvRecord record, int column) {
    return column >= 0 && column < record.getFieldCount() ? record.getField(column).strip() : "";
  }

  /** The parsed key of one row. */
  record Key(String client, int session, Optional<LocalDate> date, String instrument) {}
}
