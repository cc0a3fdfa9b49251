package org.alliance.web.administrations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;

/**
 * A stored administration with the score it had when written, and the id of its episode of care.
 *
 * @param answers by item id: numbers, or the reason one is missing ({@code missing}, {@code
 *     skipped}, {@code declined}), or the unreadable text as it came
 */
public record StoredAdministrationJson(
    long id,
    long episode,
    String instrument,
    String version,
    int session,
    LocalDate date,
    Map<String, Object> answers,
    Double total,
    boolean valid,
    String band,
    Map<String, Double> riskFlags,
    Instant createdAt) {

  public static StoredAdministrationJson of(StoredAdministration stored) {
    return new StoredAdministrationJson(
        stored.id(),
        stored.episodeId(),
        stored.instrumentId(),
        stored.instrumentVersion(),
        stored.session(),
        stored.date().orElse(null),
        answers(stored.answers()),
        stored.total().isPresent() ? stored.total().getAsDouble() : null,
        stored.valid(),
        stored.band().orElse(null),
        stored.riskFlags(),
        stored.createdAt());
  }

  private static Map<String, Object> answers(Answers answers) {
    Map<String, Object> json = new LinkedHashMap<>();
    answers.forEach(
        (item, answer) -> {
          if (answer instanceof Answer.Value value) {
            json.put(item, value.value());
          } else if (answer instanceof Answer.NotAnswered reason) {
            json.put(item, reason.name().toLowerCase(Locale.ROOT));
          } else if (answer instanceof Answer.Unreadable unreadable) {
            json.put(item, unreadable.raw());
          }
        });
    return json;
  }
}
