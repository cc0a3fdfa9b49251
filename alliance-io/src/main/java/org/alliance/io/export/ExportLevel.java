package org.alliance.io.export;

/** What an analysis export holds. */
public enum ExportLevel {
  /** Each item's answer, with codes for skipped, declined and invalid answers. */
  ITEMS,
  /**
   * Totals, subscales, bands, the clinical flag, the risk flag and prorating, scored by the
   * toolkit.
   */
  SCORES
}
