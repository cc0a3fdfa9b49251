package org.alliance.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliance.core.cohort.TalkingTherapies;
import org.alliance.core.cohort.TalkingTherapiesOutcome;
import org.alliance.core.cohort.TalkingTherapiesRates;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.trend.ChangeCategory;
import org.alliance.core.trend.ChangeDefinition;
import org.alliance.core.trend.ChangeJudgements;
import org.alliance.core.trend.ClientChange;
import org.alliance.core.trend.ClinicalSignificanceCutoff;
import org.alliance.core.trend.ClinicalSignificanceSample;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.RciMethod;
import org.alliance.core.trend.ReliableChange;
import org.alliance.core.trend.ReliableChangeOptions;
import org.alliance.core.trend.ReliableChangePair;
import org.alliance.core.trend.ReliableChangeSample;
import org.alliance.core.trend.ReliableChangeStatistics;
import org.alliance.io.table.ResultTable;
import org.alliance.io.trend.EpisodeReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code alliance change}: reliable and clinically significant change, one row per client. */
@Command(
    name = "change",
    mixinStandardHelpOptions = true,
    description = {
      "Reliable and clinically significant change from a pre to a post session, per client (Jacobson & Truax).",
      "The definition is named in the output and is the one cohort uses: by default the instrument's "
          + "published reliable-change value and clinical cutoff; --definition norms uses its published norms; "
          + "with --reliability the sample's own SD is used (research use); --definition nhs-talking-therapies "
          + "judges each episode's PHQ-9 and GAD-7 together as NHS Talking Therapies services report them."
    })
final class ChangeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CourseInput input;

  @Option(
      names = "--pre",
      paramLabel = "S",
      description = "The pre session (default: each client's first).")
  Integer pre;

  @Option(
      names = "--post",
      paramLabel = "S",
      description = "The post session (default: each client's last).")
  Integer post;

  @Option(
      names = "--definition",
      paramLabel = "NAME",
      description =
          DefinitionChoice.DESCRIPTION
              + ", or nhs-talking-therapies (each episode's PHQ-9 and GAD-7 together).")
  String definition;

  @Option(
      names = "--reliability",
      paramLabel = "R",
      description = "Reliability of the measure: sample mode.")
  Double reliability;

  @Option(
      names = "--functional-mean",
      paramLabel = "M",
      description = "Mean of a functional (non-clinical) population.")
  Double functionalMean;

  @Option(names = "--functional-sd", paramLabel = "SD", description = "SD of that population.")
  Double functionalSd;

  @Option(
      names = "--cutoff",
      paramLabel = "a|b|c",
      description =
          "With --reliability or --definition norms: cutoff a (2 SD beyond the clinical mean), b (2 SD of "
              + "the functional population) or c (between both). Default: a with --reliability, c with "
              + "--definition norms.")
  String cutoff;

  @Option(
      names = "--method",
      paramLabel = "METHOD",
      defaultValue = "jt",
      description =
          "jt (Jacobson-Truax), gln, hll, en, nk or ha (Hageman-Arrindell). Default: ${DEFAULT-VALUE}.")
  String method;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, csv or json.")
  ResultFormat format;

  @Override
  public Integer call() throws IOException {
    Optional<Catalog> loaded = input.catalog(spec.commandLine());
    if (loaded.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    Catalog catalog = loaded.get();
    CommandLine commandLine = spec.commandLine();
    RciMethod rciMethod = parse(RciMethod.class, method, "--method");
    ClinicalSignificanceCutoff cutoffType =
        Cutoffs.parse(
            cutoff,
            definition != null && definition.equalsIgnoreCase("norms") ? "c" : "a",
            commandLine);
    if ((functionalMean == null) != (functionalSd == null)) {
      throw new CommandLine.ParameterException(
          commandLine, "--functional-mean and --functional-sd go together");
    }
    Options.checkReliability(reliability, commandLine);
    if (functionalSd != null && !(functionalSd > 0)) {
      throw new CommandLine.ParameterException(
          commandLine, "--functional-sd must be positive, not " + functionalSd);
    }
    DefinitionChoice choice = DefinitionChoice.of(definition, reliability, true, commandLine);
    if (cutoff != null
        && (choice == DefinitionChoice.PUBLISHED
            || choice == DefinitionChoice.NHS_TALKING_THERAPIES)) {
      throw new CommandLine.ParameterException(
          commandLine, "--cutoff goes with --definition norms or --reliability");
    }
    if (choice == DefinitionChoice.NHS_TALKING_THERAPIES && (pre != null || post != null)) {
      throw new CommandLine.ParameterException(
          commandLine,
          "--pre and --post do not go with --definition nhs-talking-therapies, which takes each"
              + " measure's first and last score");
    }
    AnalysisRun run = new AnalysisRun(commandLine);
    MeasureChoice measureChoice =
        new MeasureChoice(catalog, input.measure, Construct.OUTCOME, commandLine);
    List<ReliableChangePair> pairs = new ArrayList<>();
    List<Episode> episodes = new ArrayList<>();
    Measure measure = null;
    int exit;
    try (EpisodeReader reader = run.open(input, catalog, Construct.OUTCOME, commandLine)) {
      while (reader.hasNext()) {
        Episode episode = reader.next().episode();
        if (choice == DefinitionChoice.NHS_TALKING_THERAPIES) {
          // The episode's PHQ-9 and GAD-7 together, not one measure.
          episodes.add(episode);
          continue;
        }
        Optional<Course> course = measureChoice.course(episode);
        if (course.isPresent()) {
          measure = course.get().measure();
          pairs.add(
              pre == null && post == null
                  ? ReliableChangePair.firstAndLast(course.get())
                  : ReliableChangePair.fromCourse(
                      course.get(),
                      pre == null ? course.get().first().orElseThrow().session() : pre,
                      post == null ? course.get().last().orElseThrow().session() : post));
        }
      }
      exit = run.finish(reader, measureChoice);
    }
    if (choice == DefinitionChoice.NHS_TALKING_THERAPIES) {
      return talkingTherapies(episodes, commandLine, exit);
    }
    if (measure == null) {
      commandLine.getErr().println("alliance: the file has no outcome scores to analyse");
      return ExitCode.INVALID_INPUT;
    }
    ResultTable table =
        switch (choice) {
          case SAMPLE -> sample(pairs, measure.direction(), rciMethod, cutoffType);
          case NORMS -> {
            if (measure.instrument().flatMap(Instrument::norms).isEmpty()) {
              throw new CommandLine.ParameterException(
                  commandLine,
                  measure.id()
                      + " has no published norms: use --definition published, or --reliability R");
            }
            yield judged(pairs, ChangeDefinition.normsCutoff(measure, cutoffType));
          }
          default -> {
            ChangeDefinition.missingPublishedValues(measure)
                .ifPresent(
                    reason -> {
                      throw new CommandLine.ParameterException(commandLine, reason);
                    });
            yield judged(pairs, ChangeDefinition.publishedCutoff(measure));
          }
        };
    table.summary("measure", measure.id());
    Results.write(table, format, commandLine.getOut(), commandLine.getErr());
    return exit;
  }

  /** Research use: the sample's pre SD and the given reliability. */
  private ResultTable sample(
      List<ReliableChangePair> pairs,
      Direction direction,
      RciMethod rciMethod,
      ClinicalSignificanceCutoff cutoffType) {
    ReliableChangeOptions options = ReliableChangeOptions.of(rciMethod, reliability);
    if (options.method() != RciMethod.HA
        && (functionalMean != null || cutoffType == ClinicalSignificanceCutoff.A)) {
      return judged(
          pairs,
          functionalMean == null
              ? ChangeDefinition.sampleCutoff(direction, options)
              : ChangeDefinition.sampleCutoff(
                  direction, options, cutoffType, functionalMean, functionalSd));
    }
    // Reliable change only: HA pairs with its own true-score cutoffs, and b or c need functional
    // norms.
    if (cutoffType != ClinicalSignificanceCutoff.A) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--cutoff b or c needs --functional-mean and --functional-sd");
    }
    ResultTable table =
        new ResultTable("clients", List.of("client", "pre", "post", "change", "rci", "category"));
    ReliableChangeSample result = ReliableChange.ofSample(pairs, direction, options);
    result
        .clients()
        .forEach(
            c ->
                table.add(c.client(), c.pre(), c.post(), c.change(), c.rci(), label(c.category())));
    table.summary("definition", "Jacobson-Truax reliable change over the sample, without a cutoff");
    table.summary(
        "definition source",
        "the sample's own first scores with reliability "
            + Numbers.format(options.reliability())
            + " (method "
            + options.method().name().toLowerCase(Locale.ROOT)
            + ")");
    table.summary(
        "cutoff",
        "none: "
            + (options.method() == RciMethod.HA
                ? "the HA method judges reliable change only"
                : "give --functional-mean and --functional-sd for clinically significant change"));
    table.summary("categories", labels(result.counts()));
    table.summary("clients", result.statistics().clientsUsed());
    table.summary("left out (no pre or post score)", result.droppedClients().size());
    table.summary("statistics", statistics(result.statistics()));
    return table;
  }

  /**
   * Each client's row by the definition, and the summary: the definition's name and source first,
   * then the counts, then the numbers behind the definition.
   */
  private static ResultTable judged(List<ReliableChangePair> pairs, ChangeDefinition definition) {
    ChangeJudgements judged = definition.judge(pairs);
    ResultTable table =
        new ResultTable("clients", List.of("client", "pre", "post", "change", "rci", "category"));
    for (ClientChange c : judged.clients()) {
      table.add(
          c.client(),
          c.pre(),
          c.post(),
          c.change(),
          c.rci().isPresent() ? c.rci().getAsDouble() : null,
          label(c.category()));
    }
    table.summary("definition", definition.name());
    table.summary("definition source", definition.source());
    table.summary("categories", labels(judged.counts()));
    table.summary("clients", judged.clients().size());
    table.summary("left out (no pre or post score)", judged.leftOut().size());
    if (definition instanceof ChangeDefinition.PublishedCutoff published) {
      Map<String, Object> threshold = new LinkedHashMap<>();
      threshold.put("threshold", published.threshold());
      threshold.put("source", "published value of " + published.measure());
      table.summary("reliable change", threshold);
      Map<String, Object> cutoffUsed = new LinkedHashMap<>();
      cutoffUsed.put("clinical range", published.cutoff().describe());
      cutoffUsed.put("value", published.cutoff().value());
      table.summary("cutoff", cutoffUsed);
    } else if (definition instanceof ChangeDefinition.NormsCutoff norms) {
      Map<String, Object> cutoffUsed = new LinkedHashMap<>();
      cutoffUsed.put("type", norms.cutoff().name().toLowerCase(Locale.ROOT));
      cutoffUsed.put("value", norms.cutoffValue());
      table.summary("cutoff", cutoffUsed);
      table.summary("norms", norms.norms().source());
    } else {
      ClinicalSignificanceSample sample = judged.sample().orElseThrow();
      Map<String, Object> cutoffUsed = new LinkedHashMap<>();
      cutoffUsed.put("type", sample.cutoffType().name().toLowerCase(Locale.ROOT));
      cutoffUsed.put("value", sample.cutoff());
      table.summary("cutoff", cutoffUsed);
      table.summary("statistics", statistics(sample.statistics()));
    }
    return table;
  }

  private static Map<String, Object> statistics(ReliableChangeStatistics statistics) {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("method", statistics.method().name().toLowerCase(Locale.ROOT));
    stats.put("reliability", statistics.reliability());
    stats.put("critical z", statistics.criticalValue());
    stats.put("pre mean", statistics.meanPre());
    stats.put("pre SD", statistics.sdPre());
    stats.put("SE of difference", statistics.standardErrorOfDifference());
    return stats;
  }

  /**
   * NHS Talking Therapies: one row per episode that finished treatment with a first and last PHQ-9
   * and GAD-7, and the counts of each outcome, as {@code cohort} counts them.
   */
  private int talkingTherapies(List<Episode> episodes, CommandLine commandLine, int exit)
      throws IOException {
    TalkingTherapiesRates rates = TalkingTherapiesRates.of(episodes);
    if (rates.isEmpty() && rates.oneSession() + rates.notPaired() == 0) {
      commandLine.getErr().println("alliance: the file has no PHQ-9 or GAD-7 scores to analyse");
      return ExitCode.INVALID_INPUT;
    }
    ResultTable table =
        new ResultTable(
            "episodes",
            List.of(
                "client",
                "phq9_first",
                "phq9_last",
                "gad7_first",
                "gad7_last",
                "case_at_start",
                "case_at_end",
                "outcome"));
    for (TalkingTherapiesOutcome o : rates.outcomes()) {
      table.add(
          o.client(),
          o.phq9First(),
          o.phq9Last(),
          o.gad7First(),
          o.gad7Last(),
          o.caseAtStart(),
          o.caseAtEnd(),
          o.words());
    }
    table.summary("definition", TalkingTherapies.NAME);
    table.summary("definition source", TalkingTherapies.SOURCE);
    table.summary("episodes", rates.finished());
    table.summary("at caseness at the start", rates.recovery().denominator());
    table.summary("reliable improvement", rates.reliableImprovement().successes());
    table.summary("reliable deterioration", rates.reliableDeterioration().successes());
    table.summary("recovery", rates.recovery().successes());
    table.summary("reliable recovery", rates.reliableRecovery().successes());
    table.summary(
        "left out (" + TalkingTherapies.LeftOut.ONE_SESSION.words() + ")", rates.oneSession());
    table.summary(
        "left out (" + TalkingTherapies.LeftOut.NOT_PAIRED.words() + ")", rates.notPaired());
    Results.write(table, format, commandLine.getOut(), commandLine.getErr());
    return exit;
  }

  private <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + ": unknown value " + value);
    }
  }

  static String label(ChangeCategory category) {
    return category.name().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Integer> labels(Map<ChangeCategory, Integer> counts) {
    Map<String, Integer> labelled = new LinkedHashMap<>();
    for (ChangeCategory category : ChangeCategory.values()) {
      labelled.put(label(category), counts.getOrDefault(category, 0));
    }
    return labelled;
  }
}
