package org.alliance.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertFinder;
import org.alliance.core.trend.AlertOptions;
import org.alliance.core.trend.ClientAlerts;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Observation;
import org.alliance.io.json.AllianceJson;
import org.alliance.io.json.TrendJson;
import org.alliance.io.table.ResultTable;
import org.alliance.io.trend.EpisodeReader;
import org.alliance.io.trend.ExpectedCourses;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alliance trend}: each client's course on every measure and every alert, most urgent client
 * first.
 */
@Command(
    name = "trend",
    mixinStandardHelpOptions = true,
    description = {
      "Each client's course on every measure and every alert, the most urgent client first: risk items, the vicious "
          + "circle (alliance falling while the outcome does not improve), reliable deterioration, not on track, "
          + "unrepaired ruptures, alliance below cutoff, alliance drops.",
      "Not-on-track alerts need an expected course, fitted on --reference FILE or else on the input itself "
          + "(at least 30 episodes).",
      "The rows may come in any order: each client's are gathered and taken in session order."
    })
final class TrendCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CourseInput input;

  @Option(names = "--client", paramLabel = "ID", description = "Show only this client.")
  String client;

  @Option(
      names = "--reference",
      paramLabel = "FILE",
      description =
          "Past episodes (answers, as FILE) to fit the expected course on; default: FILE itself.")
  Path reference;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "table (courses and alerts per client), csv (one row per alert) or json (per client its courses, "
              + "alerts and notes, as the server's trend answer has them).")
  ResultFormat format;

  /**
   * One client's part of the output, kept until every client is read so they can be ranked: the
   * alerts, in table form the courses already written out, in JSON form the trend (never the whole
   * episode).
   */
  private record ClientTrend(
      String client,
      Optional<String> clinician,
      ClientAlerts alerts,
      String courses,
      Optional<TrendJson> json) {}

  /** {@code --format json}: every client, most urgent first, and the counts. */
  record TrendsJson(List<ClientJson> clients, SummaryJson summary) {}

  /**
   * One client: its place in the ranking, who it is, the urgency of its most urgent alert (null
   * without alerts), and its courses, alerts and notes in the shape the server's trend answer has.
   */
  record ClientJson(
      int rank, ClientReferenceJson client, Integer urgency, @JsonUnwrapped TrendJson trend) {}

  /**
   * The fields of the server's client object that a file has: the reference and the clinician (or
   * null).
   */
  record ClientReferenceJson(String reference, String clinician) {}

  record SummaryJson(int clients, int clientsWithAlerts, Map<String, Integer> alertsByRule) {}

  @Override
  public Integer call() throws IOException {
    // trend holds every client's result to rank them, so it can take the rows in any order.
    input.anyOrder = true;
    CommandLine commandLine = spec.commandLine();
    Optional<Catalog> loaded = input.catalog(spec.commandLine());
    if (loaded.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    Catalog catalog = loaded.get();
    PrintWriter err = commandLine.getErr();
    AlertOptions options = AlertOptions.defaults();
    List<String> notes = new ArrayList<>();
    for (ExpectedCourse course : expectedCourses(catalog, commandLine, notes)) {
      options = options.withExpectedCourse(course);
      err.println(
          "note: expected course of "
              + course.measure().id()
              + " fitted on "
              + course.episodes()
              + " episodes and "
              + course.observations()
              + " scores");
    }
    AlertFinder finder = new AlertFinder(options);
    AlertOptions settings = options;
    // Every client's trend shares this one list.
    List<String> trendNotes = List.copyOf(notes);
    List<ClientTrend> clients = new ArrayList<>();
    AnalysisRun run = new AnalysisRun(commandLine);
    int exit;
    try (EpisodeReader reader = run.open(input, catalog, Construct.OUTCOME, commandLine)) {
      while (reader.hasNext()) {
        EpisodeReader.ClientEpisode read = reader.next();
        Episode episode = read.episode();
        if (client != null && !episode.client().equals(client)) {
          continue;
        }
        List<Alert> alerts = finder.alerts(episode, read.riskFlags());
        clients.add(
            new ClientTrend(
                episode.client(),
                episode.clinician(),
                new ClientAlerts(episode.client(), alerts),
                format == ResultFormat.TABLE ? courses(episode, settings.expectedCourses()) : "",
                format == ResultFormat.JSON
                    ? Optional.of(
                        TrendJson.of(episode, settings.expectedCourses(), alerts, trendNotes))
                    : Optional.empty()));
      }
      exit = run.finish(reader, new MeasureChoice(catalog, null, Construct.OUTCOME, commandLine));
    }
    if (client != null && clients.isEmpty()) {
      err.println("alliance: no client " + client + " in " + input.file);
      return ExitCode.INVALID_INPUT;
    }
    Map<String, ClientTrend> byClient = new LinkedHashMap<>();
    clients.forEach(trend -> byClient.put(trend.client(), trend));
    List<ClientAlerts> ranked =
        ClientAlerts.rank(clients.stream().map(ClientTrend::alerts).toList());
    PrintWriter out = commandLine.getOut();
    switch (format) {
      case TABLE -> printTable(ranked, byClient, out);
      case CSV -> Results.write(alertTable(ranked, byClient), format, out, err);
      case JSON -> printJson(ranked, byClient, out);
    }
    out.flush();
    return exit;
  }

  /**
   * The expected courses, fitted on the reference; why one could not be fitted goes into the notes
   * and stderr.
   */
  private List<ExpectedCourse> expectedCourses(
      Catalog catalog, CommandLine commandLine, List<String> notes) throws IOException {
    if (reference == null && input.file.toString().equals("-")) {
      note(
          "standard input cannot be read twice; give --reference FILE for not-on-track alerts",
          notes,
          commandLine);
      return List.of();
    }
    CourseInput source = reference == null ? input : input.withFile(reference);
    // Rows left out of the reference are reported when the input itself is read; stay quiet here.
    try (EpisodeReader episodes =
        source.open(catalog, Construct.OUTCOME, commandLine, problem -> {})) {
      ExpectedCourses.Fit fit = ExpectedCourses.fit(episodes);
      fit.notes()
          .values()
          .forEach(
              reason ->
                  note(
                      "no expected course, so no not-on-track alerts: " + reason,
                      notes,
                      commandLine));
      return fit.courses();
    }
  }

  private static void note(String note, List<String> notes, CommandLine commandLine) {
    notes.add(note);
    commandLine.getErr().println("note: " + note);
  }

  private static void printTable(
      List<ClientAlerts> ranked, Map<String, ClientTrend> byClient, PrintWriter out) {
    int withAlerts = 0;
    for (ClientAlerts alerts : ranked) {
      ClientTrend trend = byClient.get(alerts.client());
      withAlerts += alerts.alerts().isEmpty() ? 0 : 1;
      out.println(
          trend.client()
              + trend.clinician().map(c -> " (clinician " + c + ")").orElse("")
              + ": "
              + (alerts.alerts().isEmpty()
                  ? "no alerts"
                  : alerts.alerts().size() + " alert" + (alerts.alerts().size() == 1 ? "" : "s")));
      out.print(trend.courses());
      for (Alert alert : alerts.alerts()) {
        out.println(
            "  ! "
                + alert.rule().id()
                + " (v"
                + alert.rule().version()
                + ", "
                + alert.rule().level().word()
                + ", session "
                + alert.session()
                + "): "
                + alert.explanation());
      }
      out.println();
    }
    out.println(
        ranked.size()
            + (ranked.size() == 1 ? " client, " : " clients, ")
            + withAlerts
            + " with alerts. Against the expected course a score marked ? needs"
            + " caution and ! is not on track.");
  }

  /**
   * A line per course: the measure, then session:score pairs; against an expected course a score is
   * marked {@code ?} for caution and {@code !} for not on track.
   */
  private static String courses(Episode episode, Map<String, ExpectedCourse> expected) {
    StringBuilder text = new StringBuilder();
    for (Course course : episode.courses()) {
      text.append("  ").append(String.format(Locale.ROOT, "%-10s", course.measure().id()));
      ExpectedCourse reference = expected.get(course.measure().id());
      List<ExpectedCourse.SessionStatus> statuses =
          reference == null ? List.of() : reference.classify(course);
      for (int i = 0; i < course.observations().size(); i++) {
        Observation observation = course.observations().get(i);
        text.append(' ')
            .append(observation.session())
            .append(':')
            .append(Numbers.format(observation.score()));
        if (!statuses.isEmpty()) {
          text.append(
              switch (statuses.get(i).status()) {
                case ON_TRACK -> "";
                case CAUTION -> "?";
                case NOT_ON_TRACK -> "!";
              });
        }
      }
      text.append(System.lineSeparator());
    }
    return text.toString();
  }

  private static void printJson(
      List<ClientAlerts> ranked, Map<String, ClientTrend> byClient, PrintWriter out)
      throws IOException {
    List<ClientJson> clients = new ArrayList<>(ranked.size());
    for (ClientAlerts alerts : ranked) {
      ClientTrend trend = byClient.get(alerts.client());
      clients.add(
          new ClientJson(
              clients.size() + 1,
              new ClientReferenceJson(trend.client(), trend.clinician().orElse(null)),
              alerts.alerts().isEmpty() ? null : alerts.urgency(),
              trend.json().orElseThrow()));
    }
    SummaryJson summary = new SummaryJson(ranked.size(), withAlerts(ranked), alertsByRule(ranked));
    AllianceJson.writer()
        .withDefaultPrettyPrinter()
        .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, new TrendsJson(clients, summary));
    out.println();
  }

  private static int withAlerts(List<ClientAlerts> ranked) {
    return (int) ranked.stream().filter(alerts -> !alerts.alerts().isEmpty()).count();
  }

  private static Map<String, Integer> alertsByRule(List<ClientAlerts> ranked) {
    Map<String, Integer> byRule = new LinkedHashMap<>();
    ranked.forEach(
        alerts ->
            alerts.alerts().forEach(alert -> byRule.merge(alert.rule().id(), 1, Integer::sum)));
    return byRule;
  }

  private static ResultTable alertTable(
      List<ClientAlerts> ranked, Map<String, ClientTrend> byClient) {
    ResultTable table =
        new ResultTable(
            "alerts",
            List.of(
                "rank",
                "client",
                "clinician",
                "rule",
                "rule_version",
                "level",
                "measure",
                "session",
                "explanation",
                "numbers"));
    int rank = 0;
    for (ClientAlerts alerts : ranked) {
      if (alerts.alerts().isEmpty()) {
        continue;
      }
      rank++;
      String clinician = byClient.get(alerts.client()).clinician().orElse(null);
      for (Alert alert : alerts.alerts()) {
        table.add(
            rank,
            alert.client(),
            clinician,
            alert.rule().id(),
            alert.rule().version(),
            alert.rule().level().word(),
            alert.measure(),
            alert.session(),
            alert.explanation(),
            numbers(alert.numbers()));
      }
    }
    table.summary("clients", ranked.size());
    table.summary("clients with alerts", withAlerts(ranked));
    table.summary("alerts by rule", alertsByRule(ranked));
    return table;
  }

  private static String numbers(Map<String, Double> numbers) {
    StringBuilder text = new StringBuilder();
    numbers.forEach(
        (name, value) ->
            text.append(text.length() == 0 ? "" : ";")
                .append(name)
                .append('=')
                .append(Numbers.format(value)));
    return text.toString();
  }
}
