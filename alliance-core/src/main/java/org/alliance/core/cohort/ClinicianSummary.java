package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * One clinician's outcome rates and pre-post effect size, each with its interval, and whether the
 * clinician has too few clients for a fair comparison.
 *
 * @param clinician the clinician, or empty for the clients that have none recorded
 * @param clients clients of this clinician with a classified outcome
 * @param belowMinimum whether {@code clients} is below the comparison's minimum
 * @param warnings what a report should say beside the numbers
 */
public record ClinicianSummary(
    Optional<String> clinician,
    int clients,
    OutcomeRates rates,
    PrePostEffectSize effectSize,
    boolean belowMinimum,
    List<String> warnings) {

  public ClinicianSummary {
    requireNonNull(clinician, "clinician");
    requireNonNull(rates, "rates");
    requireNonNull(effectSize, "effectSize");
    checkArgument(
        rates.clients() == clients, "the rates count %s clients, not %s", rates.clients(), clients);
    warnings = ImmutableList.copyOf(warnings);
  }
}
