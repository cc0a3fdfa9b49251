package org.alliance.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.core.cohort.TrialParticipant;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.core.simulation.CourseParameters;
import org.alliance.core.simulation.CourseSimulator;
import org.alliance.core.simulation.SimulatedAnswers;
import org.alliance.core.simulation.SimulatedCourses;
import org.alliance.core.simulation.SimulatedTrial;
import org.alliance.core.simulation.TrialParameters;
import org.alliance.core.simulation.TrialSimulator;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Observation;
import org.alliance.io.csv.AdministrationCsvWriter;
import org.alliance.io.table.ResultTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alliance simulate}: made-up clinical courses as questionnaire answers, for demos, tests
 * and benchmarks.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Write made-up clinical courses as questionnaire answers (wide CSV, one row per administration): clients whose "
          + "alliance and outcome influence each other, with ruptures (some repaired), sudden gains, deteriorations, "
          + "dropouts and missing sessions. The same seed always gives the same file.",
      "The data describe no real person."
    })
final class SimulateCommand implements Callable<Integer> {
  private static final Pattern RANGE = Pattern.compile("(\\d+)\\.\\.(\\d+)");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private record SessionScore(Observation observation, int order, Instrument instrument) {}

  @Option(
      names = "--clients",
      paramLabel = "N",
      defaultValue = "200",
      description = "Clients. Default: ${DEFAULT-VALUE}.")
  int clients;

  @Option(
      names = "--clinicians",
      paramLabel = "N",
      defaultValue = "10",
      description = "Clinicians. Default: ${DEFAULT-VALUE}.")
  int clinicians;

  @Option(
      names = "--sessions",
      paramLabel = "MIN..MAX",
      defaultValue = "6..16",
      description = "Planned sessions per client. Default: ${DEFAULT-VALUE}.")
  String sessions;

  @Option(
      names = "--outcome",
      paramLabel = "ID",
      defaultValue = "phq-9",
      description = "Outcome instrument (phq-9, gad-7 or ors). Default: ${DEFAULT-VALUE}.")
  String outcome;

  @Option(
      names = "--alliance",
      paramLabel = "ID",
      defaultValue = "srs",
      description = "Alliance instrument. Default: ${DEFAULT-VALUE}.")
  String alliance;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write here instead of standard output.")
  Path out;

  @Option(
      names = "--complete",
      description =
          "Every client attends every planned session and every score is recorded (no dropouts or missing sessions), e.g. for benchmarks.")
  boolean complete;

  @Option(
      names = "--trial",
      description =
          "Write a randomised trial instead, one row per participant (for alliance trial); --clients sets the participants.")
  boolean trial;

  @Override
  public Integer call() throws IOException {
    CommandLine commandLine = spec.commandLine();
    if (trial) {
      return trial(commandLine);
    }
    Catalog catalog = Catalog.builtIn();
    Matcher range = RANGE.matcher(sessions);
    if (!range.matches()) {
      throw new CommandLine.ParameterException(
          commandLine, "--sessions must be MIN..MAX, e.g. 6..16");
    }
    checkInstrument(
        catalog, outcome, "--outcome", org.alliance.core.instrument.Construct.OUTCOME, commandLine);
    checkInstrument(
        catalog,
        alliance,
        "--alliance",
        org.alliance.core.instrument.Construct.ALLIANCE,
        commandLine);
    CourseParameters parameters;
    try {
      parameters =
          CourseParameters.defaults()
              .withClients(clients, clinicians)
              .withSessions(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)))
              .withInstruments(catalog.get(outcome).id(), catalog.get(alliance).id());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    if (complete) {
      parameters =
          parameters.withEvents(
              parameters.ruptureRate(),
              parameters.suddenGainRate(),
              parameters.deteriorationRate(),
              0,
              0,
              0);
    }
    SimulatedCourses simulated = new CourseSimulator(parameters, catalog).simulate(seed);
    List<Instrument> instruments = List.of(catalog.get(outcome), catalog.get(alliance));
    long administrations = 0;
    // Risk answers are not part of the course model: a seeded 5% of moderate-or-worse outcome forms
    // get one.
    java.util.Random risk = new java.util.Random(seed * 31 + 17);
    try (Output output = Output.open(out, commandLine.getOut())) {
      AdministrationCsvWriter writer =
          new AdministrationCsvWriter(output.writer(), catalog, instruments);
      for (Episode episode : simulated.episodes()) {
        String clinician = episode.clinician().orElse("");
        // Session by session: the outcome measure (the first course) at the start, the alliance
        // measure at the end.
        List<SessionScore> scores = new ArrayList<>();
        for (int order = 0; order < episode.courses().size(); order++) {
          Course course = episode.courses().get(order);
          for (Observation observation : course.observations()) {
            scores.add(
                new SessionScore(observation, order, course.measure().instrument().orElseThrow()));
          }
        }
        scores.sort(
            Comparator.comparingInt((SessionScore s) -> s.observation().session())
                .thenComparingInt(SessionScore::order));
        for (SessionScore score : scores) {
          Observation observation = score.observation();
          writer.write(
              new Administration(
                  score.instrument().id(),
                  Optional.empty(),
                  episode.client(),
                  observation.session(),
                  observation.date(),
                  Optional.empty(),
                  SimulatedAnswers.of(
                      score.instrument(),
                      observation.score(),
                      score.order() == 0 && observation.score() >= 10 && risk.nextDouble() < 0.05)),
              clinician);
          administrations++;
        }
      }
      writer.flush();
      output.commit();
    }
    commandLine
        .getErr()
        .println(
            "simulated "
                + simulated.episodes().size()
                + " clients, "
                + administrations
                + " administrations (seed "
                + seed
                + ")");
    return ExitCode.OK;
  }

  /**
   * A randomised trial with known effects of sessions and sessions x alliance, and hidden
   * confounding.
   */
  private int trial(CommandLine commandLine) throws IOException {
    SimulatedTrial simulated =
        new TrialSimulator(TrialParameters.defaults().withParticipants(clients)).simulate(seed);
    List<String> header = new ArrayList<>(List.of("client", "arm"));
    header.addAll(simulated.covariates());
    header.addAll(List.of("sessions", "alliance", "outcome"));
    ResultTable table = new ResultTable("participants", header);
    for (TrialParticipant participant : simulated.participants()) {
      List<Object> row =
          new ArrayList<>(
              List.of(participant.id(), participant.treated() ? "treatment" : "control"));
      row.addAll(participant.covariates());
      row.add(participant.sessions());
      row.add(participant.alliance().isPresent() ? participant.alliance().getAsDouble() : null);
      row.add(participant.outcome());
      table.add(row.toArray());
    }
    try (Output output = Output.open(out, commandLine.getOut())) {
      table.writeCsv(output.writer());
      output.commit();
    }
    commandLine
        .getErr()
        .println(
            "simulated a trial of "
                + simulated.participants().size()
                + " participants (seed "
                + seed
                + "): analyse it with alliance trial FILE --covariates "
                + String.join(",", simulated.covariates())
                + " --lower-is-better");
    return ExitCode.OK;
  }

  /**
   * The simulation writes answers that add up to its totals: that needs a sum score without
   * reversed items.
   */
  private static void checkInstrument(
      Catalog catalog,
      String id,
      String option,
      org.alliance.core.instrument.Construct construct,
      CommandLine commandLine) {
    Instrument instrument =
        catalog
            .find(id)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        commandLine, option + ": " + catalog.unknown(id)));
    if (instrument.construct() != construct) {
      throw new CommandLine.ParameterException(
          commandLine,
          option
              + " "
              + id
              + " does not measure the "
              + (construct == org.alliance.core.instrument.Construct.OUTCOME
                  ? "outcome"
                  : "alliance"));
    }
    try {
      SimulatedAnswers.of(instrument, instrument.minTotal());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          commandLine,
          option
              + " "
              + id
              + " cannot be simulated: "
              + e.getMessage()
              + " (use phq-9, gad-7 or ors for the outcome, srs for the alliance)");
    }
  }
}
