package org.alliance.core.scoring;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Something wrong with an administration, naming the item it concerns where there is one.
 *
 * @param item the item id, empty for problems of the whole administration
 * @param message what is wrong, for people
 */
public record Problem(Kind kind, Optional<String> item, String message) {

  /** The kinds of problem. All but {@link #SUBSCALE_INCOMPLETE} make the administration invalid. */
  public enum Kind {
    UNKNOWN_INSTRUMENT(true),
    VERSION_MISMATCH(true),
    UNKNOWN_ITEM(true),
    UNREADABLE(true),
    OUT_OF_RANGE(true),
    WRONG_STEP(true),
    TOO_MANY_MISSING(true),
    /** A subscale has too many missing items for a score, while the total still has one. */
    SUBSCALE_INCOMPLETE(false);

    private final boolean invalidates;

    Kind(boolean invalidates) {
      this.invalidates = invalidates;
    }

    public boolean invalidates() {
      return invalidates;
    }
  }

  public Problem {
    requireNonNull(kind, "kind");
    requireNonNull(item, "item");
    requireNonNull(message, "message");
  }

  static Problem ofItem(Kind kind, String item, String message) {
    return new Problem(kind, Optional.of(item), "item " + item + ": " + message);
  }

  static Problem of(Kind kind, String message) {
    return new Problem(kind, Optional.empty(), message);
  }

  @Override
  public String toString() {
    return message;
  }
}
