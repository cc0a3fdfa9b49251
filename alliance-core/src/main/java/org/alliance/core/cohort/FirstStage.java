package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How strongly the excluded instruments predict one endogenous regressor: the F test of the
 * instruments in its first-stage regression, over the exogenous regressors (AER's "weak
 * instruments" test). An F below about 10 signals weak instruments (Staiger & Stock 1997).
 */
public record FirstStage(
    String endogenous, double f, int numeratorDf, int denominatorDf, double pValue) {
  public FirstStage {
    checkArgument(
        endogenous != null && !endogenous.isBlank(),
        "a first stage names its endogenous regressor");
    checkArgument(f >= 0 || Double.isNaN(f), "F cannot be negative");
    checkArgument(numeratorDf >= 1 && denominatorDf >= 1, "degrees of freedom must be positive");
  }
}
