package org.alliance.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The {@code --definition} option of {@code change} and {@code cohort}: which named definition
 * judges reliable change and recovery. Both commands take the same values and print the same name,
 * so their counts agree.
 */
enum DefinitionChoice {
  /** The instrument's published reliable-change value and clinical cutoff: the default. */
  PUBLISHED("published"),
  /** The instrument's published norms, with --cutoff a, b or c. */
  NORMS("norms"),
  /** The sample's own SD with --reliability R (research use). */
  SAMPLE("sample"),
  /** NHS Talking Therapies, over episodes with PHQ-9 and GAD-7. */
  NHS_TALKING_THERAPIES("nhs-talking-therapies");

  static final String DESCRIPTION =
      "How change is judged: published (the instrument's published reliable-change value and cutoff; "
          + "the default), norms (its published norms, with --cutoff), sample (the sample's own SD, with "
          + "--reliability; the default when --reliability is given)";

  private final String option;

  DefinitionChoice(String option) {
    this.option = option;
  }

  String option() {
    return option;
  }

  /**
   * The choice named by {@code --definition}, or the default: sample when a reliability is given,
   * else published.
   */
  static DefinitionChoice of(
      String value, Double reliability, boolean talkingTherapies, CommandLine commandLine) {
    DefinitionChoice choice;
    if (value == null) {
      choice = reliability == null ? PUBLISHED : SAMPLE;
    } else {
      choice =
          Arrays.stream(values())
              .filter(c -> c != NHS_TALKING_THERAPIES || talkingTherapies)
              .filter(c -> c.option.equals(value.toLowerCase(Locale.ROOT)))
              .findFirst()
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          commandLine,
                          "--definition must be one of "
                              + Arrays.stream(values())
                                  .filter(c -> c != NHS_TALKING_THERAPIES || talkingTherapies)
                                  .map(DefinitionChoice::option)
                                  .collect(Collectors.joining(", "))
                              + "; not "
                              + value));
    }
    if (choice == SAMPLE && reliability == null) {
      throw new CommandLine.ParameterException(
          commandLine, "--definition sample needs --reliability R, the measure's reliability");
    }
    if (choice != SAMPLE && reliability != null) {
      throw new CommandLine.ParameterException(
          commandLine, "--reliability goes with --definition sample, not " + choice.option);
    }
    return choice;
  }
}
