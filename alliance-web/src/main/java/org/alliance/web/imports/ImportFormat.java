package org.alliance.web.imports;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of file the import page reads. */
public enum ImportFormat {
  CSV("csv", "CSV of answers (wide or long, as the command line reads it)"),
  FHIR(
      "fhir",
      "FHIR R4 QuestionnaireResponses (a Bundle or NDJSON, as alliance convert --to fhir writes them)"),
  REDCAP(
      "redcap",
      "REDCap flat export (the toolkit's REDCap conventions: fields named like item ids, a form per instrument)");

  private final String id;
  private final String title;

  ImportFormat(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  static Optional<ImportFormat> parse(String id) {
    return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst();
  }
}
