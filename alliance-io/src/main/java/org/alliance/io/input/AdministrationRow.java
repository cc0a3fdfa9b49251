package org.alliance.io.input;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.alliance.core.scoring.Administration;

/**
 * One administration read from a file, or the reasons it could not be read. The raw key fields are
 * kept so that even a rejected row can be reported and written out in its place.
 *
 * @param administration empty when the row's key fields (client, session, date) could not be read
 * @param location the row (the first row of the administration in the long layout)
 * @param items where each item's answer came from
 * @param problems problems the reader found; any of them makes the administration invalid
 */
public record AdministrationRow(
    Optional<Administration> administration,
    RawKey key,
    SourceLocation location,
    ItemLocator items,
    List<InputProblem> problems) {

  /**
   * The key fields as written in the file; {@code clinician} is empty when the file has no such
   * column.
   */
  public record RawKey(
      String client, String session, String date, String instrument, String clinician) {
    public RawKey(String client, String session, String date, String instrument) {
      this(client, session, date, instrument, "");
    }
  }

  public AdministrationRow {
    problems = problems.isEmpty() ? List.of() : ImmutableList.copyOf(problems);
  }

  public boolean readable() {
    return problems.isEmpty() && administration.isPresent();
  }
}
