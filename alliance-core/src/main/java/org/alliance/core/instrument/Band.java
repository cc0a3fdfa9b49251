package org.alliance.core.instrument;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A severity band, such as PHQ-9 "moderate". Bands are listed in ascending order and each runs from
 * its own lower bound (inclusive) up to the next band's lower bound (exclusive), so prorated scores
 * between whole numbers always land in exactly one band.
 */
public record Band(String label, double from) {
  public Band {
    checkArgument(!label.isBlank(), "a band needs a label");
    checkArgument(Double.isFinite(from), "band %s needs a finite lower bound", label);
  }
}
