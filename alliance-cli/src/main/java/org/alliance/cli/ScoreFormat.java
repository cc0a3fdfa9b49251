package org.alliance.cli;

/** How {@code alliance score} writes its results. */
enum ScoreFormat {
  CSV,
  JSONL,
  TABLE
}
