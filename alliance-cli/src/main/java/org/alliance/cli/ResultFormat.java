package org.alliance.cli;

/** How the analysis commands write their results. */
enum ResultFormat {
  TABLE,
  CSV,
  JSON
}
