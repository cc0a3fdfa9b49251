package org.alliance.io.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.scoring.Problem;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.SourceLocation;

/**
 * A row read from a file together with its score: the unit that every score output format writes. A
 * row is valid only when the reader found nothing wrong and the scorer found nothing that
 * invalidates it.
 */
public record ScoredRow(AdministrationRow row, Optional<Score> score) {

  /** Scores a row; a row whose key fields could not be read has no score. */
  public static ScoredRow score(AdministrationRow row, Scorer scorer) {
    return new ScoredRow(row, row.administration().map(scorer::score));
  }

  public boolean valid() {
    return row.problems().isEmpty() && score.isPresent() && score.get().valid();
  }

  /**
   * Whether the row can be stored or converted as it is: it was read without problems and every
   * answer fits its instrument. Too many missing answers do not stop this: an incomplete form is
   * still a faithful record.
   */
  public boolean importable() {
    return row.problems().isEmpty()
        && score.isPresent()
        && score.get().problems().stream()
            .allMatch(
                p ->
                    p.kind() == Problem.Kind.TOO_MANY_MISSING
                        || p.kind() == Problem.Kind.SUBSCALE_INCOMPLETE);
  }

  /** The total, only when the row is valid. */
  public OptionalDouble total() {
    return valid() ? score.get().total() : OptionalDouble.empty();
  }

  /** The instrument id: the catalog's spelling when it was found, else as written. */
  public String instrument() {
    return score.map(Score::instrumentId).orElse(row.key().instrument());
  }

  /** Every problem as a message without the file name, for a problems column or field. */
  public List<String> problemMessages() {
    List<String> messages = new ArrayList<>();
    for (InputProblem problem : row.problems()) {
      messages.add(
          problem.where().field().map(field -> field + ": ").orElse("") + problem.message());
    }
    score.ifPresent(s -> s.problems().forEach(problem -> messages.add(problem.message())));
    return messages;
  }

  /** Every problem with its file, line and column, for reports to the user. */
  public List<InputProblem> locatedProblems() {
    List<InputProblem> located = new ArrayList<>(row.problems());
    score.ifPresent(
        s -> {
          for (Problem problem : s.problems()) {
            // A missing-items problem points at the first empty cell, the place a user would look
            // first.
            Optional<String> item =
                problem.kind() == Problem.Kind.TOO_MANY_MISSING && !s.missing().isEmpty()
                    ? Optional.of(s.missing().get(0))
                    : problem.item();
            SourceLocation where = item.map(id -> row.items().locate(id)).orElse(row.location());
            located.add(new InputProblem(where, problem.message()));
          }
        });
    return located;
  }
}
