package org.alliance.core.scoring;

import static java.util.Objects.requireNonNull;

/**
 * What a respondent gave for one item: a value, an explicit reason there is none, or text that
 * could not be read as a number (kept so the scorer can report it beside every other problem of the
 * administration).
 */
public sealed interface Answer permits Answer.Value, Answer.NotAnswered, Answer.Unreadable {

  /** A numeric answer, on the item's own scale (before reversal). */
  record Value(double value) implements Answer {}

  /** No value, and why. */
  enum NotAnswered implements Answer {
    /** Left empty, reason unknown. */
    MISSING,
    /** Passed over on purpose (e.g. the item did not apply). */
    SKIPPED,
    /** The respondent chose not to answer. */
    DECLINED
  }

  /** Input that is not a number, such as "three" or "7,5,2". */
  record Unreadable(String raw) implements Answer {
    public Unreadable {
      requireNonNull(raw, "raw");
    }
  }

  /** A value answer; common values (tenths from 0 to 100) are shared instances. */
  static Answer of(double value) {
    return AnswerCache.of(value);
  }
}
