package org.alliance.core.trend;

/**
 * Where one client's pre-post change falls under Jacobson and Truax (1991). Reliable change alone
 * uses {@link #IMPROVED}, {@link #UNCHANGED} and {@link #DETERIORATED}; clinically significant
 * change adds {@link #RECOVERED} and {@link #HARMED}.
 */
public enum ChangeCategory {
  /** Reliably improved and moved from the clinical to the functional range. */
  RECOVERED,
  /** Reliably improved (and, in clinically significant change, not recovered). */
  IMPROVED,
  /** No reliable change. */
  UNCHANGED,
  /** Reliably deteriorated (and, in clinically significant change, not harmed). */
  DETERIORATED,
  /** Reliably deteriorated, neither clinical before nor functional after. */
  HARMED;

  /**
   * True for {@link #RECOVERED} and {@link #IMPROVED}: the change was reliable and in the good
   * direction.
   */
  public boolean isReliableImprovement() {
    return this == RECOVERED || this == IMPROVED;
  }

  /**
   * True for {@link #DETERIORATED} and {@link #HARMED}: the change was reliable and in the bad
   * direction.
   */
  public boolean isReliableDeterioration() {
    return this == DETERIORATED || this == HARMED;
  }

  /** True for the three categories of reliable change alone. */
  public boolean isReliableChangeCategory() {
    return this == IMPROVED || this == UNCHANGED || this == DETERIORATED;
  }
}
