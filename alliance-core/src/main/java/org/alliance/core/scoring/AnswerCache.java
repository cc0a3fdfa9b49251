package org.alliance.core.scoring;

/**
 * Shared {@link Answer.Value} instances for tenths from 0 to 100, so bulk scoring allocates little.
 */
final class AnswerCache {
  private static final Answer.Value[] TENTHS = new Answer.Value[1001];

  static {
    for (int i = 0; i < TENTHS.length; i++) {
      TENTHS[i] = new Answer.Value(i / 10.0);
    }
  }

  private AnswerCache() {}

  static Answer.Value of(double value) {
    double tenths = value * 10;
    if (tenths >= 0 && tenths <= 1000) {
      int index = (int) Math.rint(tenths);
      if (index / 10.0 == value) {
        return TENTHS[index];
      }
    }
    return new Answer.Value(value);
  }
}
