package org.alliance.io.redcap;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A REDCap mapping file that cannot be used: not JSON, or naming an instrument, item, field or
 * missing-data code that does not exist. Every problem names the file and its place: a JSON path
 * such as {@code $.instruments[0].items.phq9_1}, or a line and column for a syntax error.
 */
public final class RedcapMappingException extends RuntimeException {
  private final String file;
  private final List<String> problems;

  public RedcapMappingException(String file, List<String> problems) {
    super(file + ": " + String.join("; ", problems));
    this.file = file;
    this.problems = ImmutableList.copyOf(problems);
  }

  public String file() {
    return file;
  }

  /** Each problem as {@code $.path: message}. */
  public List<String> problems() {
    return problems;
  }
}
