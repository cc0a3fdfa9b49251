package org.alliance.cli;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.SuddenChange;
import org.alliance.core.trend.SuddenChangeCriteria;
import org.alliance.core.trend.SuddenChangeFinder;
import org.alliance.core.trend.SuddenChangeResult;
import org.alliance.core.trend.SuddenChangeSummary;
import org.alliance.io.table.ResultTable;
import org.alliance.io.trend.EpisodeReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code alliance gains}: sudden gains (or losses), one row per gain. */
@Command(
    name = "gains",
    mixinStandardHelpOptions = true,
    description = {
      "Sudden gains or losses between sessions (Tang & DeRubeis 1999), as the R package suddengains finds them.",
      "An interval that cannot be decided because of missing sessions is counted as undetermined, not as no gain."
    })
final class GainsCommand implements Callable<Integer> {
  private static final Pattern RANGE = Pattern.compile("(\\d+)\\.\\.(\\d+)");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CourseInput input;

  @Option(names = "--losses", description = "Look for sudden losses (worsening) instead of gains.")
  boolean losses;

  @Option(
      names = "--cutoff",
      paramLabel = "C",
      description =
          "Criterion 1: the smallest change that counts, in score points (e.g. 7 for the BDI). "
              + "Default: the instrument's published reliable change (PHQ-9 6, GAD-7 4, ORS 5); "
              + "a --score column needs it.")
  Double cutoff;

  @Option(
      names = "--sessions",
      paramLabel = "FIRST..LAST",
      description =
          "The sessions to analyse, e.g. 1..12 (default: each client's first to last session).")
  String sessions;

  @Option(
      names = "--per-client",
      paramLabel = "WHICH",
      defaultValue = "all",
      description =
          "all, first or largest gain of each client (the summary always counts all). Default: ${DEFAULT-VALUE}.")
  String perClient;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, csv or json.")
  ResultFormat format;

  @Override
  public Integer call() throws IOException {
    CommandLine commandLine = spec.commandLine();
    int[] range = range(commandLine);
    if (cutoff != null && !(cutoff > 0) && !losses) {
      throw new CommandLine.ParameterException(
          commandLine, "--cutoff is the size of a gain, a positive number of points");
    }
    if (!List.of("all", "first", "largest").contains(perClient)) {
      throw new CommandLine.ParameterException(
          commandLine, "--per-client must be all, first or largest");
    }
    Optional<Catalog> loaded = input.catalog(spec.commandLine());
    if (loaded.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    Catalog catalog = loaded.get();
    SuddenChangeCriteria criteria = null;
    SuddenChangeFinder finder = null;
    String cutoffSource = "given with --cutoff";
    SuddenChange.Kind kind = losses ? SuddenChange.Kind.LOSS : SuddenChange.Kind.GAIN;
    String word = losses ? "loss" : "gain";
    String plural = losses ? "losses" : "gains";
    ResultTable table =
        new ResultTable(
            plural,
            List.of(
                "client",
                "pre" + word + "_session",
                "post" + word + "_session",
                "magnitude",
                "reversal_value",
                "reversed",
                "pre" + word + "_score",
                "post" + word + "_score",
                "reversal_session"));
    SuddenChangeSummary summary = SuddenChangeSummary.of(kind, List.of());
    AnalysisRun run = new AnalysisRun(commandLine);
    MeasureChoice choice =
        new MeasureChoice(catalog, input.measure, Construct.OUTCOME, commandLine);
    int exit;
    try (EpisodeReader reader = run.open(input, catalog, Construct.OUTCOME, commandLine)) {
      while (reader.hasNext()) {
        Optional<Course> course = choice.course(reader.next().episode());
        if (course.isEmpty() || course.get().isEmpty()) {
          continue;
        }
        if (finder == null) {
          // Every course is of the one chosen measure, so its cutoff is decided once.
          double points = cutoff != null ? cutoff : publishedCutoff(course.get(), commandLine);
          if (cutoff == null) {
            cutoffSource =
                Numbers.format(points)
                    + " points, the published reliable change of "
                    + course.get().measure().label()
                    + " (give --cutoff to choose another)";
          }
          criteria =
              losses ? SuddenChangeCriteria.losses(points) : SuddenChangeCriteria.gains(points);
          finder = new SuddenChangeFinder(criteria);
        }
        int first = range != null ? range[0] : course.get().first().orElseThrow().session();
        int last = range != null ? range[1] : course.get().last().orElseThrow().session();
        SuddenChangeResult result = finder.find(course.get(), first, last);
        summary = summary.plus(result);
        List<SuddenChange> shown =
            switch (perClient) {
              case "first" -> result.first().stream().toList();
              case "largest" -> result.largest().stream().toList();
              default -> result.changes();
            };
        for (SuddenChange change : shown) {
          table.add(
              result.client(),
              change.pregainSession(),
              change.postgainSession(),
              change.magnitude(),
              change.reversalValue(),
              change.reversed(),
              change.pregainScore(),
              change.postgainScore(),
              change.reversalSession().isPresent() ? change.reversalSession().getAsInt() : null);
        }
      }
      exit = run.finish(reader, choice);
    }
    if (criteria != null) {
      table.summary("criteria", criteria.describe());
      table.summary("cutoff source", cutoffSource);
    }
    choice.chosen().ifPresent(measure -> table.summary("measure", measure));
    table.summary(plural, summary.changes());
    table.summary("clients", summary.clients());
    table.summary("clients with a " + word, summary.clientsWithChange());
    table.summary("clients with more than one", summary.clientsWithMoreThanOne());
    table.summary("reversed", summary.reversed());
    table.summary("intervals tested", summary.intervals());
    table.summary("undetermined intervals", summary.undeterminedIntervals());
    Results.write(table, format, commandLine.getOut(), commandLine.getErr());
    return exit;
  }

  /** The instrument's published reliable change, the smallest change that is not noise. */
  private static double publishedCutoff(Course course, CommandLine commandLine) {
    return course
        .measure()
        .instrument()
        .map(Instrument::reliableChange)
        .filter(OptionalDouble::isPresent)
        .map(OptionalDouble::getAsDouble)
        .orElseThrow(
            () ->
                new CommandLine.ParameterException(
                    commandLine,
                    "--cutoff is needed: "
                        + course.measure().label()
                        + " has no published reliable-change value to use as the smallest sudden change"));
  }

  private int[] range(CommandLine commandLine) {
    if (sessions == null) {
      return null;
    }
    Matcher matcher = RANGE.matcher(sessions.strip());
    if (!matcher.matches()
        || Integer.parseInt(matcher.group(1)) >= Integer.parseInt(matcher.group(2))) {
      throw new CommandLine.ParameterException(
          commandLine, "--sessions must be FIRST..LAST with FIRST < LAST, e.g. 1..12");
    }
    return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
  }
}
