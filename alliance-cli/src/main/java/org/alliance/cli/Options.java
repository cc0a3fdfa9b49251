package org.alliance.cli;

import picocli.CommandLine;

/**
 * Checks of option values that several commands share, so a bad value is a usage error naming the
 * option.
 */
final class Options {
  private Options() {}

  static void checkReliability(Double reliability, CommandLine commandLine) {
    if (reliability != null && !(reliability > 0 && reliability < 1)) {
      throw new CommandLine.ParameterException(
          commandLine,
          "--reliability must lie between 0 and 1 (exclusive), such as 0.8; not " + reliability);
    }
  }
}
