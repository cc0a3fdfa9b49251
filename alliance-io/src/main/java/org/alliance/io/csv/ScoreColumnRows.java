package org.alliance.io.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.IsoDate;
import org.alliance.io.input.SourceLocation;

/**
 * Reads a ready score column, one row per session: {@code client}, {@code session}, optional {@code
 * date} and {@code clinician}, and the named score column. An empty score (or {@code NA}) is a
 * missing session.
 */
public final class ScoreColumnRows implements Closeable {
  private final CsvInput input;
  private final int client;
  private final int session;
  private final int date;
  private final int clinician;
  private final int score;

  /**
   * One row: the score is empty when the session is missing; problems say why a row cannot be used.
   */
  public record Row(
      String client,
      int session,
      Optional<LocalDate> date,
      String clinician,
      OptionalDouble score,
      SourceLocation location,
      List<InputProblem> problems) {}

  private ScoreColumnRows(
      CsvInput input, String column, String clientColumn, String sessionColumn) {
    this.input = input;
    this.client = required(input, clientColumn);
    this.session = required(input, sessionColumn);
    this.score = required(input, column);
    this.date = input.column("date").orElse(-1);
    this.clinician = input.column("clinician").orElse(-1);
  }

  public static ScoreColumnRows open(Path file, String column) throws IOException {
    return open(file, column, "client", "session");
  }

  /**
   * Opens a file whose client and session columns have other names, such as {@code id} and {@code
   * time}.
   */
  public static ScoreColumnRows open(
      Path file, String column, String clientColumn, String sessionColumn) throws IOException {
    InputStream in = file.toString().equals("-") ? System.in : Files.newInputStream(file);
    return open(
        file.toString().equals("-") ? "<stdin>" : file.toString(),
        in,
        StandardCharsets.UTF_8,
        column,
        clientColumn,
        sessionColumn);
  }

  /**
   * Reads a stream in the given encoding; {@code name} is used in messages. The stream is closed
   * with the reader.
   */
  public static ScoreColumnRows open(
      String name,
      InputStream in,
      Charset encoding,
      String column,
      String clientColumn,
      String sessionColumn)
      throws IOException {
    CsvInput input = new CsvInput(name, in, encoding);
    try {
      return new ScoreColumnRows(input, column, clientColumn, sessionColumn);
    } catch (RuntimeException e) {
      input.close();
      throw e;
    }
  }

  private static int required(CsvInput input, String name) {
    return input
        .column(name)
        .orElseThrow(
            () ->
                new InputFormatException(
                    SourceLocation.line(input.file(), 1),
                    "missing the column '"
                        + name
                        + "'; found: "
                        + String.join(", ", input.header())));
  }

  /** The next row, or empty at the end of the file. */
  public Optional<Row> next() {
    Optional<CsvRecord> next = input.next();
    if (next.isEmpty()) {
      return Optional.empty();
    }
    CsvRecord record = next.get();
    long line = record.getStartingLineNumber();
    List<InputProblem> problems = new ArrayList<>(0);
    String clientText = KeyColumns.cell(record, client);
    if (clientText.isEmpty()) {
      problems.add(problem(line, client, "the client reference is empty"));
    } else if (clientText.indexOf(CsvInput.NOT_UTF8) >= 0) {
      problems.add(problem(line, client, "the text " + input.notText()));
    }
    int sessionNumber = -1;
    String sessionText = KeyColumns.cell(record, session);
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
    String dateText = KeyColumns.cell(record, date);
    if (!dateText.isEmpty()) {
      try {
        when = Optional.of(IsoDate.parse(dateText));
      } catch (DateTimeException e) {
        problems.add(
            problem(line, date, "expected a date as YYYY-MM-DD, found '" + dateText + "'"));
      }
    }
    OptionalDouble value = OptionalDouble.empty();
    String scoreText = KeyColumns.cell(record, score);
    Answer parsed = AnswerText.parse(scoreText, input.decimalComma());
    if (parsed instanceof Answer.Value number) {
      value = OptionalDouble.of(number.value());
    } else if (parsed instanceof Answer.Unreadable) {
      problems.add(problem(line, score, "expected a number, found '" + scoreText + "'"));
    }
    return Optional.of(
        new Row(
            clientText,
            sessionNumber,
            when,
            KeyColumns.cell(record, clinician),
            value,
            SourceLocation.line(input.file(), line),
            problems));
  }

  private InputProblem problem(long line, int column, String message) {
    return new InputProblem(
        SourceLocation.cell(input.file(), line, column + 1, input.header().get(column)), message);
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
