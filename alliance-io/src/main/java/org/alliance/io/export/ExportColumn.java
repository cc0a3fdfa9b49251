package org.alliance.io.export;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One column of a written analysis export, described for statistics packages: what syntax files
 * need to read it with its label, value labels and missing-value codes.
 *
 * @param type {@code string}, {@code integer}, {@code decimal} or {@code date} (YYYY-MM-DD)
 * @param labels labelled values, codes included
 * @param coded whether the column can hold {@link ExportCode}s, to be declared missing
 * @param width the longest value written, in UTF-8 bytes (for string columns)
 */
public record ExportColumn(
    String name, String label, String type, List<ValueLabel> labels, boolean coded, int width) {
  public ExportColumn {
    requireNonNull(name, "name");
    requireNonNull(label, "label");
    requireNonNull(type, "type");
    labels = List.copyOf(labels);
  }
}
