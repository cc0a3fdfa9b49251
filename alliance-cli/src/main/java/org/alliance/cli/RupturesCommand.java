package org.alliance.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Rupture;
import org.alliance.core.trend.RuptureFinder;
import org.alliance.core.trend.RuptureRule;
import org.alliance.io.table.ResultTable;
import org.alliance.io.trend.EpisodeReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code alliance ruptures}: alliance ruptures and repairs, one row per rupture. */
@Command(
    name = "ruptures",
    mixinStandardHelpOptions = true,
    description = {
      "Alliance ruptures and whether they were repaired, by three named rules: below-cutoff (SRS < 36), "
          + "drop (a fall of k points from the previous rating) and deviation (z SD below the client's own earlier ratings).",
      "A rupture is repaired when the rating returns to its pre-rupture level within the repair window."
    })
final class RupturesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CourseInput input;

  @Option(
      names = "--rule",
      paramLabel = "RULE",
      split = ",",
      description = "below-cutoff, drop, deviation (comma-separated; default: all three).")
  List<String> rules;

  @Option(
      names = "--drop",
      paramLabel = "K",
      defaultValue = "1",
      description = "Points of fall for the drop rule. Default: ${DEFAULT-VALUE}.")
  double drop;

  @Option(
      names = "--z",
      paramLabel = "Z",
      defaultValue = "2",
      description =
          "SDs below the client's own mean for the deviation rule: 2 (Stiles et al. 2004) or 1 (Strauss et al. 2006). Default: ${DEFAULT-VALUE}.")
  double z;

  @Option(
      names = "--min-earlier",
      paramLabel = "N",
      defaultValue = "3",
      description = "Earlier ratings the deviation rule needs. Default: ${DEFAULT-VALUE}.")
  int minEarlier;

  @Option(
      names = "--cutoff",
      paramLabel = "X",
      description =
          "Cutoff for the below-cutoff rule (default: the instrument's own, SRS < 36); a ready score column needs one.")
  Double cutoff;

  @Option(
      names = "--repair-window",
      paramLabel = "M",
      defaultValue = "2",
      description = "Sessions within which a rupture must be repaired. Default: ${DEFAULT-VALUE}.")
  int repairWindow;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, csv or json.")
  ResultFormat format;

  @Override
  public Integer call() throws IOException {
    CommandLine commandLine = spec.commandLine();
    Optional<Catalog> loaded = input.catalog(spec.commandLine());
    if (loaded.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    Catalog catalog = loaded.get();
    RuptureFinder finder;
    RuptureFinder withoutCutoff;
    try {
      List<RuptureRule> chosen = rules(commandLine);
      finder = new RuptureFinder(chosen, repairWindow);
      List<RuptureRule> cutoffFree =
          chosen.stream().filter(rule -> !(rule instanceof RuptureRule.BelowCutoff)).toList();
      withoutCutoff = cutoffFree.isEmpty() ? null : new RuptureFinder(cutoffFree, repairWindow);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    boolean noted = false;
    ResultTable table =
        new ResultTable(
            "ruptures",
            List.of(
                "client",
                "rule",
                "pre_session",
                "pre_level",
                "start_session",
                "trough_session",
                "trough",
                "depth",
                "repair_session",
                "repaired"));
    int clients = 0;
    int withRupture = 0;
    int repaired = 0;
    AnalysisRun run = new AnalysisRun(commandLine);
    MeasureChoice choice =
        new MeasureChoice(catalog, input.measure, Construct.ALLIANCE, commandLine);
    int exit;
    try (EpisodeReader reader = run.open(input, catalog, Construct.ALLIANCE, commandLine)) {
      while (reader.hasNext()) {
        Optional<Course> course = choice.course(reader.next().episode());
        if (course.isEmpty()) {
          continue;
        }
        clients++;
        // A below-cutoff rule without --cutoff needs the instrument's cutoff; measures without one
        // skip it.
        RuptureFinder applied = finder;
        if (cutoff == null
            && course.get().measure().instrument().flatMap(i -> i.clinicalCutoff()).isEmpty()
            && finder.rules().stream().anyMatch(rule -> rule instanceof RuptureRule.BelowCutoff)) {
          if (!noted) {
            commandLine
                .getErr()
                .println(
                    "note: "
                        + course.get().measure().id()
                        + " has no clinical cutoff, so the below-cutoff rule is skipped; give --cutoff X to use it");
            noted = true;
          }
          applied = withoutCutoff;
        }
        List<Rupture> ruptures = applied == null ? List.of() : applied.find(course.get());
        withRupture += ruptures.isEmpty() ? 0 : 1;
        for (Rupture rupture : ruptures) {
          repaired += rupture.repaired() ? 1 : 0;
          table.add(
              course.get().client(),
              rupture.rule().type().name().toLowerCase(Locale.ROOT).replace('_', '-'),
              rupture.preRuptureSession(),
              rupture.preRuptureLevel(),
              rupture.startSession(),
              rupture.troughSession(),
              rupture.troughRating(),
              rupture.depth(),
              rupture.repairSession().isPresent() ? rupture.repairSession().getAsInt() : null,
              rupture.repaired());
        }
      }
      exit = run.finish(reader, choice);
    }
    choice.chosen().ifPresent(measure -> table.summary("measure", measure));
    table.summary("rules", finder.rules().stream().map(RupturesCommand::describe).toList());
    table.summary("clients", clients);
    table.summary("clients with a rupture", withRupture);
    table.summary("ruptures", table.rows().size());
    table.summary("repaired", repaired);
    table.summary("unrepaired", table.rows().size() - repaired);
    Results.write(table, format, commandLine.getOut(), commandLine.getErr());
    return exit;
  }

  private List<RuptureRule> rules(CommandLine commandLine) {
    List<String> names =
        rules == null || rules.isEmpty() ? List.of("below-cutoff", "drop", "deviation") : rules;
    List<RuptureRule> chosen = new ArrayList<>();
    for (String name : names) {
      switch (name.strip().toLowerCase(Locale.ROOT)) {
        case "below-cutoff" ->
            chosen.add(
                cutoff == null ? RuptureRule.belowCutoff() : RuptureRule.belowCutoff(cutoff));
        case "drop" -> chosen.add(RuptureRule.drop(drop));
        case "deviation" -> chosen.add(RuptureRule.deviation(z, minEarlier));
        default ->
            throw new CommandLine.ParameterException(
                commandLine,
                "--rule: unknown rule " + name + "; use below-cutoff, drop or deviation");
      }
    }
    return chosen;
  }

  /**
   * The rule as --rule names it ({@code below-cutoff: total < 36}), not by the core's enum name
   * (BELOW_CUTOFF).
   */
  private static String describe(RuptureRule rule) {
    String text = rule.describe();
    int colon = text.indexOf(": ");
    return rule.type().name().toLowerCase(Locale.ROOT).replace('_', '-')
        + (colon < 0 ? ": " + text : text.substring(colon));
  }
}
