package org.alliance.io.fhir;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;

/**
 * One administration and its score: what {@link FhirExport} writes as a QuestionnaireResponse and
 * an Observation.
 */
public record ScoredAdministration(
    Administration administration, Score score, Optional<String> clinician) {
  public ScoredAdministration {
    requireNonNull(administration, "administration");
    requireNonNull(score, "score");
    requireNonNull(clinician, "clinician");
  }

  public ScoredAdministration(Administration administration, Score score) {
    this(administration, score, Optional.empty());
  }

  /**
   * The same with the clinician who gave the questionnaire, written as the response's author so
   * that a comparison of clinicians still works on the FHIR file; blank means none.
   */
  public ScoredAdministration withClinician(String reference) {
    return new ScoredAdministration(
        administration,
        score,
        reference == null || reference.isBlank() ? Optional.empty() : Optional.of(reference));
  }

  /** Scores an administration with the scorer. */
  public static ScoredAdministration of(Administration administration, Scorer scorer) {
    return new ScoredAdministration(administration, scorer.score(administration));
  }
}
