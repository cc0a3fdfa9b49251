package org.alliance.core.instrument;

/**
 * Whether a higher score means the client is better off (ORS, SRS) or worse off (PHQ-9, CORE-10).
 */
public enum Direction {
  HIGHER_IS_BETTER(1),
  HIGHER_IS_WORSE(-1);

  private final int sign;

  Direction(int sign) {
    this.sign = sign;
  }

  /** +1 when higher is better, -1 when lower is better: the {@code dir} of the trend methods. */
  public int sign() {
    return sign;
  }
}
