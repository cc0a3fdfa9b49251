package org.alliance.core.scoring;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Respondent;

/**
 * One questionnaire filled in once: which instrument, whose, at which session, and the answer to
 * every item, keyed by item id. An item absent from {@code answers} counts as missing.
 *
 * @param instrumentVersion the version it was given in; empty means the catalog's current version
 * @param client the client's reference in the clinic or study (never a name)
 * @param session the session number; 0 is allowed for an intake or baseline measurement
 * @param respondent who answered; empty means the instrument's usual respondent
 */
public record Administration(
    String instrumentId,
    Optional<String> instrumentVersion,
    String client,
    int session,
    Optional<LocalDate> date,
    Optional<Respondent> respondent,
    Answers answers) {

  /**
   * The highest session number taken in from outside: far beyond any course of therapy, low enough
   * that a typo such as 100000 is refused instead of stretching every chart and "next session".
   */
  public static final int MAX_SESSION = 1_000;

  /** What a session number is, for messages that refuse one. */
  public static final String SESSION_NUMBER = "a whole number from 0 to " + MAX_SESSION;

  /** Whether {@code number} is a session number an input may give: 0 to {@link #MAX_SESSION}. */
  public static boolean isSessionNumber(long number) {
    return number >= 0 && number <= MAX_SESSION;
  }

  public Administration {
    requireNonNull(instrumentId, "instrumentId");
    requireNonNull(instrumentVersion, "instrumentVersion");
    requireNonNull(client, "client");
    checkArgument(!client.isBlank(), "an administration needs a client reference");
    checkArgument(session >= 0, "session numbers start at 0: %s", session);
    requireNonNull(date, "date");
    requireNonNull(respondent, "respondent");
    requireNonNull(answers, "answers");
  }

  /** The same, with the answers in any map; they are copied in its iteration order. */
  public Administration(
      String instrumentId,
      Optional<String> instrumentVersion,
      String client,
      int session,
      Optional<LocalDate> date,
      Optional<Respondent> respondent,
      Map<String, Answer> answers) {
    this(
        instrumentId,
        instrumentVersion,
        client,
        session,
        date,
        respondent,
        Answers.copyOf(answers));
  }

  /** An administration at the instrument's current version, answered by its usual respondent. */
  public static Administration of(
      String instrumentId,
      String client,
      int session,
      Optional<LocalDate> date,
      Map<String, Answer> answers) {
    return new Administration(
        instrumentId,
        Optional.empty(),
        client,
        session,
        date,
        Optional.empty(),
        Answers.copyOf(answers));
  }

  /** The answer to an item, {@link Answer.NotAnswered#MISSING} when there is none. */
  public Answer answer(String itemId) {
    Answer answer = answers.get(itemId);
    return answer == null ? Answer.NotAnswered.MISSING : answer;
  }
}
