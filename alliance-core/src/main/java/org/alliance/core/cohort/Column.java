package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/** A named variable of a regression: one value per observation, all finite. */
public record Column(String name, double[] values) {
  public Column {
    checkArgument(name != null && !name.isBlank(), "a column needs a name");
    values = values.clone();
    for (int i = 0; i < values.length; i++) {
      checkArgument(
          Double.isFinite(values[i]),
          "column %s, row %s: %s is not a finite number",
          name,
          i + 1,
          values[i]);
    }
  }

  /** The intercept: a column of ones named {@code (Intercept)}, as R names it. */
  public static Column constant(int rows) {
    double[] ones = new double[rows];
    Arrays.fill(ones, 1);
    return new Column("(Intercept)", ones);
  }

  public int size() {
    return values.length;
  }

  /** The value at a row (from 0). */
  public double get(int row) {
    return values[row];
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Column column
        && column.name.equals(name)
        && Arrays.equals(column.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Column[" + name + ", " + values.length + " rows]";
  }
}
