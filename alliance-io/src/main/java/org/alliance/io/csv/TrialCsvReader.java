package org.alliance.io.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.alliance.core.cohort.TrialParticipant;
import org.alliance.core.scoring.Answer;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.SourceLocation;

/**
 * Reads trial data, one row per participant: an id, the randomised arm, baseline covariates,
 * sessions attended, the alliance (empty when no sessions were attended, as in the control arm) and
 * the outcome. Rows with problems are reported with their place and left out.
 */
public final class TrialCsvReader {
  /**
   * The column names to read.
   *
   * @param treatedValues arm values that mean the treatment arm (the rest is control), compared
   *     without case
   */
  public record Columns(
      String id,
      String arm,
      List<String> treatedValues,
      String sessions,
      String alliance,
      String outcome,
      List<String> covariates) {}

  private TrialCsvReader() {}

  /** All usable participants of the file. */
  public static List<TrialParticipant> read(
      Path file, Columns columns, Consumer<InputProblem> problems) throws IOException {
    try (CsvInput input = new CsvInput(file.toString(), Files.newInputStream(file))) {
      int id = required(input, columns.id());
      int arm = required(input, columns.arm());
      int sessions = required(input, columns.sessions());
      int alliance = required(input, columns.alliance());
      int outcome = required(input, columns.outcome());
      int[] covariates =
          columns.covariates().stream().mapToInt(name -> required(input, name)).toArray();
      List<TrialParticipant> participants = new ArrayList<>();
      Optional<CsvRecord> next;
      while ((next = input.next()).isPresent()) {
        CsvRecord record = next.get();
        long line = record.getStartingLineNumber();
        List<InputProblem> found = new ArrayList<>();
        String participant = KeyColumns.cell(record, id);
        if (participant.isEmpty()) {
          found.add(problem(input, line, id, "the participant id is empty"));
        }
        String armText = KeyColumns.cell(record, arm).toLowerCase(Locale.ROOT);
        boolean treated =
            columns.treatedValues().stream().anyMatch(value -> value.equalsIgnoreCase(armText));
        OptionalDouble sessionCount = number(input, record, line, sessions, found);
        if (sessionCount.isPresent()
            && (sessionCount.getAsDouble() < 0
                || sessionCount.getAsDouble() != Math.rint(sessionCount.getAsDouble()))) {
          found.add(
              problem(input, line, sessions, "expected a whole number of sessions, 0 or more"));
        }
        OptionalDouble allianceScore = number(input, record, line, alliance, found);
        OptionalDouble outcomeScore = number(input, record, line, outcome, found);
        if (outcomeScore.isEmpty()) {
          found.add(problem(input, line, outcome, "the outcome is missing"));
        }
        List<Double> values = new ArrayList<>(covariates.length);
        for (int covariate : covariates) {
          OptionalDouble value = number(input, record, line, covariate, found);
          if (value.isEmpty()) {
            found.add(problem(input, line, covariate, "the covariate is missing"));
          }
          values.add(value.orElse(Double.NaN));
        }
        if (found.isEmpty()) {
          try {
            participants.add(
                new TrialParticipant(
                    participant,
                    treated,
                    values,
                    (int) sessionCount.orElse(0),
                    allianceScore,
                    outcomeScore.getAsDouble()));
          } catch (IllegalArgumentException e) {
            found.add(new InputProblem(SourceLocation.line(input.file(), line), e.getMessage()));
          }
        }
        found.forEach(problems);
      }
      return participants;
    }
  }

  private static OptionalDouble number(
      CsvInput input, CsvRecord record, long line, int column, List<InputProblem> found) {
    String text = KeyColumns.cell(record, column);
    Answer parsed = AnswerText.parse(text, input.decimalComma());
    if (parsed instanceof Answer.Value value) {
      return OptionalDouble.of(value.value());
    }
    if (parsed instanceof Answer.Unreadable) {
      found.add(problem(input, line, column, "expected a number, found '" + text + "'"));
    }
    return OptionalDouble.empty();
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

  private static InputProblem problem(CsvInput input, long line, int column, String message) {
    return new InputProblem(
        SourceLocation.cell(input.file(), line, column + 1, input.header().get(column)), message);
  }
}
