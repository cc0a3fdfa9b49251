package org.alliance.io.export;

/** How an analysis export is shaped. */
public enum ExportLayout {
  /** One row per answer or per score: the shape R's tidyverse and mixed models want. */
  LONG,
  /**
   * One row per client and session, a column per item or score: the shape SPSS and Stata users
   * expect.
   */
  WIDE
}
