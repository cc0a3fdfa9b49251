package org.alliance.io.export;

/**
 * The numbers that stand in an analysis export where there is no value, each saying why. All are
 * below -50, so a statistics package can declare them missing as one range ({@code LOWEST THRU -50}
 * in SPSS); a plain empty cell is an answer that is simply missing, reason unknown.
 */
public enum ExportCode {
  /** The respondent passed over the item on purpose. */
  SKIPPED(-77, "skipped"),
  /** The respondent chose not to answer. */
  DECLINED(-88, "declined"),
  /** The instrument was not given at this session (wide layout only). */
  NOT_ADMINISTERED(-99, "not administered"),
  /**
   * An answer that is not on the item's scale, or a score of an administration with such answers.
   */
  INVALID(-66, "invalid"),
  /** A score that cannot be computed because too many items are missing. */
  INCOMPLETE(-55, "too many items missing to score");

  /**
   * Every code is at or below this value; no answer or score of a built-in instrument comes near
   * it.
   */
  public static final int HIGHEST = -50;

  private final int value;
  private final String label;

  ExportCode(int value, String label) {
    this.value = value;
    this.label = label;
  }

  public int value() {
    return value;
  }

  public String label() {
    return label;
  }

  /** The code as written in a cell. */
  public String cell() {
    return Integer.toString(value);
  }

  /** {@code -77=skipped}, as the dictionary lists it. */
  public String describe() {
    return value + "=" + label;
  }
}
