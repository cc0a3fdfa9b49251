package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A two-stage least squares fit: the structural coefficients with their 2SLS standard errors, and
 * the first stages that show how strong the instruments are.
 *
 * @param structural coefficients of the outcome equation, exogenous regressors first, then
 *     endogenous
 * @param excludedInstruments instruments that are not also regressors of the outcome equation
 * @param warnings weak instruments and other cautions for a report
 */
public record IvFit(
    RegressionFit structural,
    int excludedInstruments,
    List<FirstStage> firstStages,
    List<String> warnings) {
  public IvFit {
    requireNonNull(structural, "structural");
    checkArgument(
        excludedInstruments >= firstStages.size(),
        "under-identified: fewer instruments than endogenous regressors");
    firstStages = ImmutableList.copyOf(firstStages);
    warnings = ImmutableList.copyOf(warnings);
  }

  /** The structural coefficient with this name. */
  public Coefficient coefficient(String name) {
    return structural.coefficient(name);
  }
}
