package org.alliance.core.instrument;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Published means and SDs of a clinical and a functional (non-clinical) population, and the
 * measure's reliability: the inputs of Jacobson-Truax reliable and clinically significant change.
 *
 * @param source where the figures come from
 */
public record Norms(
    double clinicalMean,
    double clinicalSd,
    double functionalMean,
    double functionalSd,
    double reliability,
    String source) {
  public Norms {
    checkArgument(clinicalSd > 0 && functionalSd > 0, "standard deviations must be positive");
    checkArgument(
        reliability > 0 && reliability < 1, "reliability must lie in (0, 1): %s", reliability);
  }
}
