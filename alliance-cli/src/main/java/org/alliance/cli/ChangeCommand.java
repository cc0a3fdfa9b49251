package org.alliance.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Norms;
import org.alliance.core.trend.ChangeCategory;
import org.alliance.core.trend.ClinicalSignificance;
import org.alliance.core.trend.ClinicalSignificanceClient;
import org.alliance.core.trend.ClinicalSignificanceCutoff;
import org.alliance.core.trend.ClinicalSignificanceSample;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.RciMethod;
import org.alliance.core.trend.ReliableChange;
import org.alliance.core.trend.ReliableChangeByThreshold;
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
      "With --reliability the sample's own SD is used (research use); without it, the instrument's published "
          + "reliable-change value (and its norms, where it has them) is used for each client on its own."
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
      defaultValue = "a",
      description =
          "Clinical cutoff: a (2 SD beyond the clinical mean), b (2 SD of the functional population), "
              + "c (between both). Default: ${DEFAULT-VALUE}.")
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
    ClinicalSignificanceCutoff cutoffType = parseCutoff();
    if ((functionalMean == null) != (functionalSd == null)) {
      throw new CommandLine.ParameterException(
          commandLine, "--functional-mean and --functional-sd go together");
    }
    Options.checkReliability(reliability, commandLine);
    if (functionalSd != null && !(functionalSd > 0)) {
      throw new CommandLine.ParameterException(
          commandLine, "--functional-sd must be positive, not " + functionalSd);
    }
    AnalysisRun run = new AnalysisRun(commandLine);
    MeasureChoice choice =
        new MeasureChoice(catalog, input.measure, Construct.OUTCOME, commandLine);
    List<ReliableChangePair> pairs = new ArrayList<>();
    Measure measure = null;
    int exit;
    try (EpisodeReader reader = run.open(input, catalog, Construct.OUTCOME, commandLine)) {
      while (reader.hasNext()) {
        Optional<Course> course = choice.course(reader.next().episode());
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
      exit = run.finish(reader, choice);
    }
    if (measure == null) {
      commandLine.getErr().println("alliance: the file has no outcome scores to analyse");
      return ExitCode.INVALID_INPUT;
    }
    ResultTable table =
        reliability != null
            ? sample(
                pairs,
                measure.direction(),
                ReliableChangeOptions.of(rciMethod, reliability),
                cutoffType)
            : perClient(pairs, measure, cutoffType, commandLine);
    table.summary("measure", measure.id());
    Results.write(table, format, commandLine.getOut(), commandLine.getErr());
    return exit;
  }

  /** Research use: the sample's pre SD and the given reliability. */
  private ResultTable sample(
      List<ReliableChangePair> pairs,
      Direction direction,
      ReliableChangeOptions options,
      ClinicalSignificanceCutoff cutoffType) {
    ResultTable table =
        new ResultTable("clients", List.of("client", "pre", "post", "change", "rci", "category"));
    ReliableChangeStatistics statistics;
    Map<ChangeCategory, Integer> counts;
    List<String> dropped;
    if (options.method() == RciMethod.HA
        || (functionalMean == null && cutoffType != ClinicalSignificanceCutoff.A)) {
      // Reliable change only: HA pairs with its own true-score cutoffs, and b or c need functional
      // norms.
      if (cutoffType != ClinicalSignificanceCutoff.A) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--cutoff b or c needs --functional-mean and --functional-sd");
      }
      ReliableChangeSample result = ReliableChange.ofSample(pairs, direction, options);
      result
          .clients()
          .forEach(
              c ->
                  table.add(
                      c.client(), c.pre(), c.post(), c.change(), c.rci(), label(c.category())));
      table.summary(
          "cutoff",
          "none: "
              + (options.method() == RciMethod.HA
                  ? "the HA method judges reliable change only"
                  : "give --functional-mean and --functional-sd for clinically significant change"));
      statistics = result.statistics();
      counts = result.counts();
      dropped = result.droppedClients();
    } else {
      ClinicalSignificanceSample result =
          functionalMean == null
              ? ClinicalSignificance.ofSample(pairs, direction, options)
              : ClinicalSignificance.ofSample(
                  pairs, direction, options, cutoffType, functionalMean, functionalSd);
      for (ClinicalSignificanceClient c : result.clients()) {
        table.add(c.client(), c.pre(), c.post(), c.change(), c.rci(), label(c.category()));
      }
      statistics = result.statistics();
      counts = result.counts();
      dropped = result.droppedClients();
      Map<String, Object> used = new LinkedHashMap<>();
      used.put("type", cutoffType.name().toLowerCase(Locale.ROOT));
      used.put("value", result.cutoff());
      table.summary("cutoff", used);
    }
    table.summary("categories", labels(counts));
    table.summary("clients", statistics.clientsUsed());
    table.summary("left out (no pre or post score)", dropped.size());
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("method", statistics.method().name().toLowerCase(Locale.ROOT));
    stats.put("reliability", statistics.reliability());
    stats.put("critical z", statistics.criticalValue());
    stats.put("pre mean", statistics.meanPre());
    stats.put("pre SD", statistics.sdPre());
    stats.put("SE of difference", statistics.standardErrorOfDifference());
    table.summary("statistics", stats);
    return table;
  }

  /** Clinical use: each client against the instrument's published values. */
  private ResultTable perClient(
      List<ReliableChangePair> pairs,
      Measure measure,
      ClinicalSignificanceCutoff cutoffType,
      CommandLine commandLine) {
    Optional<Instrument> instrument = measure.instrument();
    Optional<Norms> norms = instrument.flatMap(Instrument::norms);
    if (instrument.isEmpty() || instrument.get().reliableChange().isEmpty()) {
      throw new CommandLine.ParameterException(
          commandLine,
          measure.id()
              + " has no published reliable-change value: give --reliability R to use the sample's SD");
    }
    ResultTable table =
        new ResultTable("clients", List.of("client", "pre", "post", "change", "rci", "category"));
    Map<ChangeCategory, Integer> counts = new LinkedHashMap<>();
    int used = 0;
    int dropped = 0;
    for (ReliableChangePair pair : pairs) {
      if (!pair.isComplete()) {
        dropped++;
        continue;
      }
      used++;
      double before = pair.pre().getAsDouble();
      double after = pair.post().getAsDouble();
      ChangeCategory category;
      Double rci = null;
      if (norms.isPresent()) {
        ClinicalSignificanceClient client =
            ClinicalSignificance.ofClient(
                pair.client(), before, after, norms.get(), measure.direction(), cutoffType);
        category = client.category();
        rci = client.rci();
      } else {
        ReliableChangeByThreshold change = ReliableChange.byThreshold(measure, before, after);
        category = change.category();
      }
      counts.merge(category, 1, Integer::sum);
      table.add(pair.client(), before, after, after - before, rci, label(category));
    }
    table.summary("categories", labels(counts));
    table.summary("clients", used);
    table.summary("left out (no pre or post score)", dropped);
    Map<String, Object> threshold = new LinkedHashMap<>();
    threshold.put("threshold", instrument.get().reliableChange().getAsDouble());
    threshold.put("source", "published value of " + measure.id());
    table.summary("reliable change", threshold);
    if (norms.isPresent()) {
      Map<String, Object> cutoffUsed = new LinkedHashMap<>();
      cutoffUsed.put("type", cutoffType.name().toLowerCase(Locale.ROOT));
      cutoffUsed.put(
          "value",
          org.alliance.core.trend.ClinicalSignificanceCutoffs.of(norms.get(), measure.direction())
              .value(cutoffType));
      table.summary("cutoff", cutoffUsed);
    } else {
      table.summary(
          "cutoff",
          "none: "
              + measure.id()
              + " has no published norms, so the categories are reliable change only");
    }
    norms.ifPresent(n -> table.summary("norms", n.source()));
    return table;
  }

  private ClinicalSignificanceCutoff parseCutoff() {
    return switch (cutoff.toLowerCase(Locale.ROOT)) {
      case "a" -> ClinicalSignificanceCutoff.A;
      case "b" -> ClinicalSignificanceCutoff.B;
      case "c" -> ClinicalSignificanceCutoff.C;
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--cutoff must be a, b or c, not " + cutoff);
    };
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
