package org.alliance.cli;

import java.util.Locale;
import org.alliance.core.trend.ClinicalSignificanceCutoff;
import picocli.CommandLine;

/** The {@code --cutoff a|b|c} option of change and cohort. */
final class Cutoffs {
  private Cutoffs() {}

  /** The named cutoff, or the default when none is given; anything else is a usage error. */
  static ClinicalSignificanceCutoff parse(
      String value, String defaultValue, CommandLine commandLine) {
    String chosen = value == null ? defaultValue : value;
    return switch (chosen.toLowerCase(Locale.ROOT)) {
      case "a" -> ClinicalSignificanceCutoff.A;
      case "b" -> ClinicalSignificanceCutoff.B;
      case "c" -> ClinicalSignificanceCutoff.C;
      default ->
          throw new CommandLine.ParameterException(
              commandLine, "--cutoff must be a, b or c, not " + value);
    };
  }
}
