package org.alliance.io.csv;

import org.alliance.core.scoring.Answer;

/**
 * Reads an answer cell: empty or {@code NA} is missing, {@code skipped} and {@code declined} are
 * those states, a plain decimal number is a value, anything else is kept as unreadable for the
 * scorer to report.
 */
public final class AnswerText {
  private AnswerText() {}

  public static Answer parse(String raw, boolean decimalComma) {
    String text = raw.strip();
    int length = text.length();
    if (length == 0 || text.equals("NA")) {
      return Answer.NotAnswered.MISSING;
    }
    char first = text.charAt(0);
    if (length == 1 && first >= '0' && first <= '9') {
      return Answer.of(first - '0');
    }
    if (text.equalsIgnoreCase("skipped")) {
      return Answer.NotAnswered.SKIPPED;
    }
    if (text.equalsIgnoreCase("declined")) {
      return Answer.NotAnswered.DECLINED;
    }
    // A strict decimal: optional minus, digits, optional one separator and digits.
    // Double.parseDouble alone
    // would also take "NaN", "1e3", "0x1p3" and "3d", none of which is a questionnaire answer.
    int i = first == '-' ? 1 : 0;
    int digits = 0;
    int separator = -1;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if ((c == '.' || (decimalComma && c == ',')) && separator < 0 && digits > 0) {
        separator = i;
      } else {
        return new Answer.Unreadable(raw);
      }
    }
    if (digits == 0 || separator == length - 1 || length > 24) {
      return new Answer.Unreadable(raw);
    }
    return Answer.of(Double.parseDouble(separator >= 0 ? text.replace(',', '.') : text));
  }
}
