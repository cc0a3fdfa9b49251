package org.alliance.web.episodes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An episode of care as the API answers it: {@code endingReason} is a code ({@code finished},
 * {@code dropped-out}, {@code referred-on}, {@code moved}, {@code other}) and {@code ending} the
 * same in words with its note; the closing fields are null while the episode is open.
 *
 * @param openedBy null for an episode that opened with the client or from before episodes were
 *     recorded
 */
public record EpisodeJson(
    long id,
    int number,
    boolean open,
    LocalDate referralDate,
    LocalDate firstSessionDate,
    LocalDate since,
    String openedBy,
    Instant openedAt,
    LocalDate closedOn,
    String endingReason,
    String endingNote,
    String ending,
    String closedBy,
    Instant closedAt,
    int administrations) {

  public static EpisodeJson of(EpisodeOfCare episode) {
    return new EpisodeJson(
        episode.id(),
        episode.number(),
        episode.open(),
        episode.referredOn().orElse(null),
        episode.firstSessionOn().orElse(null),
        episode.since(),
        episode.openedBy().orElse(null),
        episode.openedAt(),
        episode.closedOn().orElse(null),
        episode.reason().map(EndingReason::code).orElse(null),
        episode.note().orElse(null),
        episode.open() ? null : episode.endingInWords(),
        episode.closedBy().orElse(null),
        episode.closedAt().orElse(null),
        episode.administrations());
  }
}
