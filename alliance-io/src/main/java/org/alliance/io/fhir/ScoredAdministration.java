package org.alliance.io.fhir;

import static java.util.Objects.requireNonNull;

import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;

/**
 * One administration and its score: what {@link FhirExport} writes as a QuestionnaireResponse and
 * an Observation.
 */
public record ScoredAdministration(Administration administration, Score score) {
  public ScoredAdministration {
    requireNonNull(administration, "administration");
    requireNonNull(score, "score");
  }

  /** Scores an administration with the scorer. */
  public static ScoredAdministration of(Administration administration, Scorer scorer) {
    return new ScoredAdministration(administration, scorer.score(administration));
  }
}
