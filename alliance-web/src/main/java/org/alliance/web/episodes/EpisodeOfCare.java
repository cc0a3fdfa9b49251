package org.alliance.web.episodes;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One episode of a client's care: from the referral (or its opening) to its end, with every
 * administration recorded in it. A new episode starts a new course: its sessions count from the
 * start again, and its trend and alerts are its own.
 *
 * @param number the episode's place among the client's episodes, from 1
 * @param referredOn the day of the referral, when recorded
 * @param firstSessionOn the day of the first session, when recorded
 * @param firstScoredOn the earliest date of an administration in the episode, if any is dated
 * @param openedBy the username of who opened it; empty for an episode opened with the client or
 *     carried over from before episodes were recorded
 * @param note the words given with the ending reason (required for {@link EndingReason#OTHER})
 */
public record EpisodeOfCare(
    long id,
    long clientId,
    int number,
    Optional<LocalDate> referredOn,
    Optional<LocalDate> firstSessionOn,
    Optional<LocalDate> firstScoredOn,
    Optional<String> openedBy,
    Instant openedAt,
    Optional<LocalDate> closedOn,
    Optional<EndingReason> reason,
    Optional<String> note,
    Optional<String> closedBy,
    Optional<Instant> closedAt,
    int administrations) {
  public EpisodeOfCare {
    requireNonNull(referredOn, "referredOn");
    requireNonNull(firstSessionOn, "firstSessionOn");
    requireNonNull(firstScoredOn, "firstScoredOn");
    requireNonNull(openedBy, "openedBy");
    requireNonNull(openedAt, "openedAt");
    requireNonNull(closedOn, "closedOn");
    requireNonNull(reason, "reason");
    requireNonNull(note, "note");
    requireNonNull(closedBy, "closedBy");
    requireNonNull(closedAt, "closedAt");
  }

  public boolean open() {
    return closedOn.isEmpty();
  }

  /**
   * The day the episode began as far as is known: the referral, else the first session, else the
   * first dated administration, else the day it was opened.
   */
  public LocalDate since() {
    return referredOn
        .or(() -> firstSessionOn)
        .or(() -> firstScoredOn)
        .orElse(LocalDate.ofInstant(openedAt, java.time.ZoneOffset.UTC));
  }

  /**
   * The first session's day, which an episode cannot end before: the one recorded, else the
   * earliest dated administration.
   */
  public Optional<LocalDate> firstSession() {
    return firstSessionOn.or(() -> firstScoredOn);
  }

  /** The ending reason in words, with its note: "other: moved to a day clinic". */
  public String endingInWords() {
    return reason
        .map(
            ending ->
                note.map(
                        words ->
                            ending == EndingReason.OTHER ? words : ending.words() + ": " + words)
                    .orElse(ending.words()))
        .orElse("");
  }

  /** The episode in a few words for pages and the report: "episode 2, from 2026-03-01 to ...". */
  public String inWords() {
    return "episode "
        + number
        + ", from "
        + since()
        + closedOn.map(day -> " to " + day + " (" + endingInWords() + ")").orElse(", open");
  }
}
