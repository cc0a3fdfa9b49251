package org.alliance.io.csv;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads a calendar date written as YYYY-MM-DD. Checked like {@link LocalDate#parse}, but several times
 * faster, which matters when a file has millions of rows.
 */
final class IsoDate {
  private IsoDate() {}

  static LocalDate parse(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      throw new DateTimeException("not YYYY-MM-DD: " + text);
    }
    return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new DateTimeException("not YYYY-MM-DD: " + text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
