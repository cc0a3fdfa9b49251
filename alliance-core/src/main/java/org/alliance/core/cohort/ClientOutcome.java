package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One client's classified outcome as plain flags, the input of the cohort rates. The flags come
 * from whatever per-client rule the caller uses (reliable change, clinically significant change),
 * so the rates do not depend on how they were decided.
 *
 * @param clinicalAtIntake whether the intake score was in the clinical range: only such a client
 *     can recover
 * @param reliablyImproved reliable improvement, recovered clients included
 * @param reliablyDeteriorated reliable deterioration, harmed clients included
 * @param recovered clinical at intake, functional at the end and reliably improved
 */
public record ClientOutcome(
    String client,
    Optional<String> clinician,
    boolean clinicalAtIntake,
    boolean reliablyImproved,
    boolean reliablyDeteriorated,
    boolean recovered) {

  public ClientOutcome {
    checkArgument(client != null && !client.isBlank(), "an outcome needs a client");
    requireNonNull(clinician, "clinician");
    checkArgument(
        !(reliablyImproved && reliablyDeteriorated),
        "client %s cannot be both reliably improved and deteriorated",
        client);
    checkArgument(
        !recovered || (reliablyImproved && clinicalAtIntake),
        "client %s: recovery needs a clinical intake score and reliable improvement",
        client);
  }
}
