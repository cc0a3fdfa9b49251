package org.alliance.io.export;

import static java.util.Objects.requireNonNull;

/** A value of a variable and what it means, such as {@code 0=Not at all} or {@code -77=skipped}. */
public record ValueLabel(String value, String label) {
  public ValueLabel {
    requireNonNull(value, "value");
    requireNonNull(label, "label");
  }

  @Override
  public String toString() {
    return value + "=" + label;
  }
}
