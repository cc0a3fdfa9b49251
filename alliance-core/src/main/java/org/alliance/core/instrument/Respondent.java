package org.alliance.core.instrument;

/** Who fills in a questionnaire. */
public enum Respondent {
  CLIENT,
  THERAPIST,
  OBSERVER,
  PARENT
}
