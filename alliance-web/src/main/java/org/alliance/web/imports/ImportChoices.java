package org.alliance.web.imports;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How an uploaded file is read and imported: for a CSV file, the instrument (when the file has no
 * instrument column) and the layout; the clinician new clients join when a row names none.
 */
public record ImportChoices(
    Optional<String> instrument, Optional<String> layout, Optional<String> clinician) {
  public ImportChoices {
    requireNonNull(instrument, "instrument");
    requireNonNull(layout, "layout");
    requireNonNull(clinician, "clinician");
  }
}
