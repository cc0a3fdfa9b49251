package org.alliance.core.trend;

/** How loudly an alert is shown, the same on every page, in the API and in the CLI. */
public enum AlertLevel {
  /** Act on it this session: a risk item, reliable deterioration, the vicious circle. */
  RED("red"),
  /** Look at it: off the expected course, an unrepaired rupture, a low or falling alliance. */
  AMBER("amber");

  private final String word;

  AlertLevel(String word) {
    this.word = word;
  }

  /** The level in one lower-case word, as the API and the CLI write it. */
  public String word() {
    return word;
  }
}
