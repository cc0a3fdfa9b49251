package org.alliance.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliance.core.cohort.ClientOutcome;
import org.alliance.core.cohort.ClientOutcomes;
import org.alliance.core.cohort.ClinicianComparison;
import org.alliance.core.cohort.ClinicianSummary;
import org.alliance.core.cohort.LaggedAllianceEffect;
import org.alliance.core.cohort.LaggedAllianceModel;
import org.alliance.core.cohort.OutcomeRates;
import org.alliance.core.cohort.PrePostEffectSize;
import org.alliance.core.cohort.Proportion;
import org.alliance.core.cohort.TalkingTherapies;
import org.alliance.core.cohort.TalkingTherapiesRates;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.trend.ChangeDefinition;
import org.alliance.core.trend.ClinicalSignificanceCutoff;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.ReliableChangeOptions;
import org.alliance.io.table.ResultTable;
import org.alliance.io.trend.EpisodeReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alliance cohort}: outcome rates with intervals, effect size, clinicians compared, alliance
 * effect.
 */
@Command(
    name = "cohort",
    mixinStandardHelpOptions = true,
    description = {
      "Cohort statistics from each client's first and last outcome score: the pre-post effect size and the rates "
          + "of reliable improvement, deterioration and recovery with their denominators and 95%% Wilson intervals; "
          + "with --by clinician the same per clinician; and, when the file has an alliance measure too, the "
          + "within-person effect of alliance on the next session's outcome.",
      "Each client is judged by the same named definition as in change: by default the instrument's published "
          + "reliable-change value and clinical cutoff; --definition norms uses its published norms; with "
          + "--reliability R the sample's own SD. The output names the definition and its source.",
      "When the file has PHQ-9 and GAD-7, the NHS Talking Therapies rates follow too: reliable improvement, "
          + "reliable deterioration, recovery and reliable recovery over the episodes that finished treatment."
    })
final class CohortCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CourseInput input;

  @Option(
      names = "--by",
      paramLabel = "clinician",
      description = "Compare clinicians (the file needs a clinician column).")
  String by;

  @Option(
      names = "--min-cases",
      paramLabel = "N",
      defaultValue = "15",
      description = "Warn about a clinician with fewer clients. Default: ${DEFAULT-VALUE}.")
  int minCases;

  @Option(
      names = "--definition",
      paramLabel = "NAME",
      description = DefinitionChoice.DESCRIPTION + ".")
  String definition;

  @Option(
      names = "--reliability",
      paramLabel = "R",
      description = "Reliability for sample-mode reliable change.")
  Double reliability;

  @Option(
      names = "--cutoff",
      paramLabel = "a|b|c",
      description =
          "With --definition norms: cutoff a, b or c from the published norms (default c, between the"
              + " clinical and the functional population).")
  String cutoff;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, csv or json.")
  ResultFormat format;

  @Override
  public Integer call() throws IOException {
    CommandLine commandLine = spec.commandLine();
    if (by != null && !by.equals("clinician")) {
      throw new CommandLine.ParameterException(commandLine, "--by takes clinician");
    }
    Options.checkReliability(reliability, commandLine);
    DefinitionChoice choice = DefinitionChoice.of(definition, reliability, false, commandLine);
    ClinicalSignificanceCutoff cutoffType = Cutoffs.parse(cutoff, "c", commandLine);
    if (cutoff != null && choice != DefinitionChoice.NORMS) {
      throw new CommandLine.ParameterException(
          commandLine, "--cutoff goes with --definition norms");
    }
    Optional<Catalog> loaded = input.catalog(spec.commandLine());
    if (loaded.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    Catalog catalog = loaded.get();
    AnalysisRun run = new AnalysisRun(commandLine);
    MeasureChoice measureChoice =
        new MeasureChoice(catalog, input.measure, Construct.OUTCOME, commandLine);
    List<Episode> episodes = new ArrayList<>();
    List<Course> outcomes = new ArrayList<>();
    int exit;
    try (EpisodeReader reader = run.open(input, catalog, Construct.OUTCOME, commandLine)) {
      while (reader.hasNext()) {
        Episode episode = reader.next().episode();
        episodes.add(episode);
        measureChoice
            .course(episode)
            .filter(course -> course.observations().size() >= 2)
            .ifPresent(outcomes::add);
      }
      exit = run.finish(reader, measureChoice);
    }
    if (outcomes.isEmpty()) {
      commandLine.getErr().println("alliance: no client has two or more outcome scores");
      return ExitCode.INVALID_INPUT;
    }
    Map<String, Optional<String>> clinicians = new LinkedHashMap<>();
    episodes.forEach(episode -> clinicians.put(episode.client(), episode.clinician()));
    ChangeDefinition changeDefinition =
        changeDefinition(outcomes.get(0).measure(), choice, cutoffType, commandLine);
    List<ClientOutcome> clientOutcomes =
        ClientOutcomes.of(outcomes, clinicians::get, changeDefinition);

    ResultTable table =
        by == null ? overall(clientOutcomes, outcomes) : byClinician(clientOutcomes, outcomes);
    table.summary("measure", outcomes.get(0).measure().id());
    table.summary("definition", changeDefinition.name());
    table.summary("definition source", changeDefinition.source());
    lagged(episodes, outcomes.get(0).measure(), table);
    talkingTherapies(episodes, table);
    Results.write(table, format, commandLine.getOut(), commandLine.getErr());
    return exit;
  }

  /** The definition that judges each client, the same one {@code change} uses for the choice. */
  private ChangeDefinition changeDefinition(
      Measure measure,
      DefinitionChoice choice,
      ClinicalSignificanceCutoff cutoffType,
      CommandLine commandLine) {
    try {
      return switch (choice) {
        case SAMPLE ->
            ChangeDefinition.sampleCutoff(
                measure.direction(), ReliableChangeOptions.jacobsonTruax(reliability));
        case NORMS -> ChangeDefinition.normsCutoff(measure, cutoffType);
        default -> ChangeDefinition.publishedCutoff(measure);
      };
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }

  /**
   * The NHS Talking Therapies rates, when the file has episodes with both PHQ-9 and GAD-7: each
   * rate with its count, denominator and 95% Wilson interval, and the episodes left out.
   */
  private static void talkingTherapies(List<Episode> episodes, ResultTable table) {
    if (episodes.stream().noneMatch(TalkingTherapies::hasBothMeasures)) {
      return;
    }
    TalkingTherapiesRates rates = TalkingTherapiesRates.of(episodes);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("definition", TalkingTherapies.NAME);
    result.put("definition source", TalkingTherapies.SOURCE);
    result.put("episodes", rates.finished());
    result.put(
        "left out (" + TalkingTherapies.LeftOut.ONE_SESSION.words() + ")", rates.oneSession());
    result.put("left out (" + TalkingTherapies.LeftOut.NOT_PAIRED.words() + ")", rates.notPaired());
    result.put("not at caseness at the start", rates.notAtCaseness());
    result.put("reliable improvement", rateEntry(rates.reliableImprovement()));
    result.put("reliable deterioration", rateEntry(rates.reliableDeterioration()));
    result.put("recovery (of those at caseness at the start)", rateEntry(rates.recovery()));
    result.put(
        "reliable recovery (of those at caseness at the start)",
        rateEntry(rates.reliableRecovery()));
    table.summary(TalkingTherapies.NAME, result);
  }

  /** A rate as the rates table writes it: count, denominator, rate and interval. */
  private static Map<String, Object> rateEntry(Proportion proportion) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("clients", proportion.successes());
    result.put("of", proportion.denominator());
    result.put("rate", rate(proportion));
    result.put("ci_lower", proportion.wilson().map(i -> (Object) i.lower()).orElse(null));
    result.put("ci_upper", proportion.wilson().map(i -> (Object) i.upper()).orElse(null));
    return result;
  }

  private static ResultTable overall(List<ClientOutcome> outcomes, List<Course> courses) {
    OutcomeRates rates = OutcomeRates.of(outcomes);
    ResultTable table =
        new ResultTable(
            "rates", List.of("outcome", "clients", "of", "rate", "ci_lower", "ci_upper"));
    addRate(table, "reliably improved", rates.improved());
    addRate(table, "reliably deteriorated", rates.deteriorated());
    addRate(table, "recovered (of those clinical at intake)", rates.recovered());
    PrePostEffectSize effect = PrePostEffectSize.of(courses);
    table.summary("clients", rates.clients());
    table.summary("pre-post effect size", effectSize(effect));
    return table;
  }

  private ResultTable byClinician(List<ClientOutcome> outcomes, List<Course> courses) {
    ResultTable table =
        new ResultTable(
            "clinicians",
            List.of(
                "clinician",
                "clients",
                "improved",
                "improved_rate",
                "improved_ci",
                "deteriorated",
                "deteriorated_rate",
                "deteriorated_ci",
                "recovered",
                "recovered_rate",
                "recovered_ci",
                "effect_size",
                "warning"));
    for (ClinicianSummary summary : new ClinicianComparison(minCases).compare(outcomes, courses)) {
      OutcomeRates rates = summary.rates();
      table.add(
          summary.clinician().orElse("(none)"),
          summary.clients(),
          fraction(rates.improved()),
          rate(rates.improved()),
          interval(rates.improved()),
          fraction(rates.deteriorated()),
          rate(rates.deteriorated()),
          interval(rates.deteriorated()),
          fraction(rates.recovered()),
          rate(rates.recovered()),
          interval(rates.recovered()),
          summary.effectSize().value().isPresent()
              ? summary.effectSize().value().getAsDouble()
              : null,
          summary.warnings().isEmpty() ? null : String.join("; ", summary.warnings()));
    }
    OutcomeRates all = OutcomeRates.of(outcomes);
    table.summary("clients", all.clients());
    table.summary("reliably improved", all.improved().toString());
    table.summary("reliably deteriorated", all.deteriorated().toString());
    table.summary("recovered", all.recovered().toString());
    table.summary("pre-post effect size", effectSize(PrePostEffectSize.of(courses)));
    table.summary("minimum clients per clinician", minCases);
    return table;
  }

  /**
   * The within-person alliance effect, when the file has an alliance measure beside the outcome.
   */
  private static void lagged(List<Episode> episodes, Measure outcome, ResultTable table) {
    Optional<String> alliance =
        episodes.stream()
            .flatMap(episode -> episode.courses(Construct.ALLIANCE).stream())
            .map(course -> course.measure().id())
            .findFirst();
    if (alliance.isEmpty()) {
      return;
    }
    try {
      LaggedAllianceEffect effect =
          new LaggedAllianceModel().estimate(episodes, alliance.get(), outcome.id());
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("alliance", alliance.get());
      result.put("effect per alliance point", effect.effect().estimate());
      result.put("SE", effect.effect().standardError());
      result.put("ci_lower", effect.effect().interval().lower());
      result.put("ci_upper", effect.effect().interval().upper());
      result.put("session pairs", effect.observations());
      result.put("clients", effect.clients());
      if (!effect.warnings().isEmpty()) {
        result.put("warnings", String.join("; ", effect.warnings()));
      }
      table.summary("alliance -> next outcome (within person)", result);
    } catch (IllegalArgumentException e) {
      table.summary("alliance -> next outcome (within person)", "not estimated: " + e.getMessage());
    }
  }

  private static void addRate(ResultTable table, String name, Proportion proportion) {
    table.add(
        name,
        proportion.successes(),
        proportion.denominator(),
        rate(proportion),
        proportion.wilson().map(i -> (Object) i.lower()).orElse(null),
        proportion.wilson().map(i -> (Object) i.upper()).orElse(null));
  }

  private static Double rate(Proportion proportion) {
    return proportion.rate().isPresent() ? proportion.rate().getAsDouble() : null;
  }

  private static String fraction(Proportion proportion) {
    return proportion.successes() + "/" + proportion.denominator();
  }

  private static String interval(Proportion proportion) {
    return proportion
        .wilson()
        .map(i -> String.format(java.util.Locale.ROOT, "%.3f-%.3f", i.lower(), i.upper()))
        .orElse(null);
  }

  private static Object effectSize(PrePostEffectSize effect) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("d", effect.value().isPresent() ? effect.value().getAsDouble() : null);
    effect
        .interval()
        .ifPresent(
            i -> {
              result.put("ci_lower", i.lower());
              result.put("ci_upper", i.upper());
            });
    result.put("n", effect.n());
    if (!effect.notes().isEmpty()) {
      result.put("notes", String.join("; ", effect.notes()));
    }
    return result;
  }
}
