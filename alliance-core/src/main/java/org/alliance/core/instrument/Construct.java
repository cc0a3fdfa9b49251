package org.alliance.core.instrument;

/**
 * What a questionnaire measures: the therapeutic alliance, or the client's outcome (symptoms,
 * well-being).
 */
public enum Construct {
  ALLIANCE,
  OUTCOME
}
