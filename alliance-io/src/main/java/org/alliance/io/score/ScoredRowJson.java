package org.alliance.io.score;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Score;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.json.ProblemJson;
import org.alliance.io.json.ScoreJson;

/**
 * One line of {@code score --format jsonl}: the administration's key, its score in the same shape
 * as the API's, and the line of the file it was read from.
 *
 * @param session the session number; for a row whose key could not be read, the text as written (a
 *     number when it reads as one), or null when it was empty
 * @param date the date as {@code YYYY-MM-DD}; for a row whose key could not be read, the text as
 *     written; null when there is none
 * @param score written in place ({@code instrument, total, ..., problems}); a row the reader found
 *     a problem in has no score, and its problems come before the scorer's
 */
public record ScoredRowJson(
    String client, Object session, String date, @JsonUnwrapped ScoreJson score, long line) {

  public static ScoredRowJson of(ScoredRow scored) {
    AdministrationRow row = scored.row();
    ScoreJson score =
        row.problems().isEmpty() && scored.score().isPresent()
            ? ScoreJson.of(scored.score().get())
            : unscored(scored);
    Optional<Administration> administration = row.administration();
    if (administration.isPresent()) {
      return new ScoredRowJson(
          administration.get().client(),
          administration.get().session(),
          administration.get().date().map(Object::toString).orElse(null),
          score,
          row.location().line());
    }
    // A row whose key could not be read keeps its fields as written, so it can still be found.
    return new ScoredRowJson(
        row.key().client(),
        sessionAsWritten(row.key().session()),
        row.key().date().isEmpty() ? null : row.key().date(),
        score,
        row.location().line());
  }

  private static ScoreJson unscored(ScoredRow scored) {
    List<ProblemJson> problems = new ArrayList<>();
    scored.row().problems().forEach(problem -> problems.add(ProblemJson.of(problem)));
    scored
        .score()
        .ifPresent(
            score -> score.problems().forEach(problem -> problems.add(ProblemJson.of(problem))));
    return ScoreJson.unscored(
        scored.instrument(),
        scored.score().map(Score::flags).orElse(List.of()),
        scored.score().map(Score::missing).orElse(List.of()),
        problems);
  }

  private static Object sessionAsWritten(String session) {
    if (session.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(session);
    } catch (NumberFormatException e) {
      return session;
    }
  }
}
