package org.alliance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alliance.core.cohort.Coefficient;
import org.alliance.core.cohort.FirstStage;
import org.alliance.core.cohort.IvFit;
import org.alliance.core.cohort.RegressionFit;
import org.alliance.core.cohort.TrialIvAnalysis;
import org.alliance.core.cohort.TrialParticipant;
import org.alliance.io.csv.TrialCsvReader;
import org.alliance.io.input.InputProblem;
import org.alliance.io.table.ResultTable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code alliance trial}: the instrumental-variable analysis of sessions and alliance in a
 * randomised trial.
 */
@Command(
    name = "trial",
    mixinStandardHelpOptions = true,
    description = {
      "Two-stage least squares for a randomised trial (Dunn & Bentall 2007; Goldsmith et al. 2015): the outcome on "
          + "sessions attended and sessions x alliance, both instrumented by randomisation and its interactions with "
          + "baseline covariates. The naive regression is shown beside it; where they differ, unmeasured confounding "
          + "of alliance and outcome is the likely reason.",
      "FILE has one row per participant; control-arm participants have 0 sessions and may leave the alliance empty."
    })
final class TrialCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "CSV file, one row per participant.")
  java.nio.file.Path file;

  @Option(
      names = "--covariates",
      paramLabel = "NAMES",
      split = ",",
      required = true,
      description =
          "Baseline covariate columns (comma-separated): randomisation x covariate are the extra instruments.")
  List<String> covariates;

  @Option(
      names = "--id",
      paramLabel = "NAME",
      defaultValue = "client",
      description = "Participant column. Default: ${DEFAULT-VALUE}.")
  String id;

  @Option(
      names = "--arm",
      paramLabel = "NAME",
      defaultValue = "arm",
      description = "Arm column. Default: ${DEFAULT-VALUE}.")
  String arm;

  @Option(
      names = "--treated",
      paramLabel = "VALUES",
      split = ",",
      defaultValue = "treatment,treated,1,true,yes",
      description = "Arm values of the treatment arm. Default: ${DEFAULT-VALUE}.")
  List<String> treated;

  @Option(
      names = "--sessions",
      paramLabel = "NAME",
      defaultValue = "sessions",
      description = "Sessions column. Default: ${DEFAULT-VALUE}.")
  String sessions;

  @Option(
      names = "--alliance",
      paramLabel = "NAME",
      defaultValue = "alliance",
      description = "Alliance column. Default: ${DEFAULT-VALUE}.")
  String alliance;

  @Option(
      names = "--outcome",
      paramLabel = "NAME",
      defaultValue = "outcome",
      description = "Outcome column. Default: ${DEFAULT-VALUE}.")
  String outcome;

  @Option(
      names = "--alliance-centre",
      paramLabel = "X",
      defaultValue = "36",
      description =
          "Alliance value at which the sessions effect is reported (SRS concern cutoff by default). Default: ${DEFAULT-VALUE}.")
  double allianceCentre;

  @ArgGroup(exclusive = true, multiplicity = "1")
  CourseInput.ScoreDirection direction;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, csv or json.")
  ResultFormat format;

  @Override
  public Integer call() throws IOException {
    CommandLine commandLine = spec.commandLine();
    InputFiles.check(file, commandLine);
    PrintWriter err = commandLine.getErr();
    List<InputProblem> problems = new ArrayList<>();
    List<TrialParticipant> participants =
        TrialCsvReader.read(
            file,
            new TrialCsvReader.Columns(id, arm, treated, sessions, alliance, outcome, covariates),
            problem -> {
              problems.add(problem);
              err.println(problem);
            });
    TrialIvAnalysis analysis =
        new TrialIvAnalysis(covariates, direction.direction(), allianceCentre);
    IvFit iv;
    RegressionFit naive;
    try {
      iv = analysis.fit(participants);
      naive = analysis.naiveOls(participants);
    } catch (IllegalArgumentException e) {
      err.println("alliance: cannot fit the trial: " + e.getMessage());
      return ExitCode.INVALID_INPUT;
    }
    ResultTable table =
        new ResultTable(
            "coefficients",
            List.of("method", "term", "estimate", "se", "ci_lower", "ci_upper", "p"));
    for (Coefficient c : iv.structural().coefficients()) {
      table.add(
          "2sls",
          c.name(),
          c.estimate(),
          c.standardError(),
          c.interval().lower(),
          c.interval().upper(),
          c.pValue());
    }
    for (Coefficient c : naive.coefficients()) {
      table.add(
          "ols",
          c.name(),
          c.estimate(),
          c.standardError(),
          c.interval().lower(),
          c.interval().upper(),
          c.pValue());
    }
    table.summary("participants", participants.size());
    table.summary("left out", problems.size());
    Map<String, Object> stages = new LinkedHashMap<>();
    for (FirstStage stage : iv.firstStages()) {
      stages.put(stage.endogenous() + " F", stage.f());
    }
    table.summary("first-stage F (10 or more: instruments strong enough)", stages);
    table.summary("outcome oriented", "positive estimates mean a better outcome");
    if (!iv.warnings().isEmpty()) {
      table.summary("warnings", String.join("; ", iv.warnings()));
    }
    Results.write(table, format, commandLine.getOut(), err);
    return problems.isEmpty() ? ExitCode.OK : ExitCode.INVALID_INPUT;
  }
}
