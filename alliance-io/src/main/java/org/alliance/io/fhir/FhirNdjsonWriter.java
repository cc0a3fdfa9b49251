package org.alliance.io.fhir;

import static java.util.Objects.requireNonNull;

import ca.uhn.fhir.parser.IParser;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alliance.core.trend.Alert;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes FHIR resources as NDJSON, one per line, as they are given: memory does not grow with the
 * number of administrations (only the set of instruments whose Questionnaire has been written is
 * kept). Write one client at a time with that client's alerts, so each Flag can point at the
 * Observation it is about.
 */
public final class FhirNdjsonWriter implements Closeable, Flushable {
  private final FhirExport export;
  private final Writer out;
  private final IParser parser = Fhir.jsonParser(false);
  private final Set<String> questionnairesWritten = new HashSet<>();
  private long written;

  FhirNdjsonWriter(FhirExport export, Writer out) {
    this.export = export;
    this.out = requireNonNull(out, "out");
  }

  /**
   * Writes administrations and alerts that belong together (usually one client's). A Flag is linked
   * to the Observation of its measure and session when that is in the same call.
   */
  public void write(List<ScoredAdministration> administrations, List<Alert> alerts)
      throws IOException {
    for (Resource resource : export.resources(administrations, alerts, questionnairesWritten)) {
      // The compact encoding escapes line breaks inside strings, so each resource is exactly one
      // line.
      out.write(parser.encodeResourceToString(resource));
      out.write('\n');
      written++;
    }
  }

  /** Writes one administration. */
  public void write(ScoredAdministration administration) throws IOException {
    write(List.of(administration), List.of());
  }

  /** How many resources (lines) have been written. */
  public long written() {
    return written;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Flushes and closes the underlying writer. */
  @Override
  public void close() throws IOException {
    out.close();
  }
}
