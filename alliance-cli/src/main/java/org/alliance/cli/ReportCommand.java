package org.alliance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.alliance.core.cohort.ClientOutcomes;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.trend.AlertOptions;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.io.chart.CourseFindings;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.report.ClientReport;
import org.alliance.io.report.ClientReportLayout;
import org.alliance.io.report.CohortReport;
import org.alliance.io.report.CohortReportLayout;
import org.alliance.io.report.HtmlReportWriter;
import org.alliance.io.report.ItemAnswers;
import org.alliance.io.report.LatestAdministrations;
import org.alliance.io.report.PdfReportWriter;
import org.alliance.io.report.ReportDocument;
import org.alliance.io.trend.EpisodeReader;
import org.alliance.io.trend.ExpectedCourses;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alliance report}: one client's course, or the cohort's statistics, as an HTML page or a
 * PDF.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "A report to read, print or file: one client's course (--client ID) or the whole cohort (--cohort), as one "
          + "self-contained HTML page or an A4 PDF.",
      "The client report has a chart per measure (the cutoff, the expected course of similar clients, sudden gains "
          + "and losses, ruptures and repairs marked), reliable and clinically significant change, the alerts with their "
          + "explanations, and the answers of the latest administrations item by item. The cohort report has the "
          + "outcome rates with their denominators and 95%% intervals, the effect size, and clinicians compared.",
      "The format follows the --out file's extension (.html or .pdf) unless --format is given."
    })
final class ReportCommand implements Callable<Integer> {
  /** How many client references an unknown-client message lists. */
  private static final int KNOWN_SHOWN = 5;

  enum ReportFormat {
    HTML,
    PDF
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CourseInput input;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Subject subject;

  static final class Subject {
    @Option(
        names = "--client",
        paramLabel = "ID",
        required = true,
        description = "Report on this client.")
    String client;

    @Option(names = "--cohort", required = true, description = "Report on all clients of the file.")
    boolean cohort;
  }

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description =
          "Write the report here: report.html or report.pdf (- writes HTML to standard output).")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "html or pdf (default: from the --out extension).")
  ReportFormat format;

  @Option(
      names = "--reference",
      paramLabel = "FILE",
      description =
          "Client report: past episodes (as FILE) to fit the expected course on; default: FILE itself.")
  Path reference;

  @Option(
      names = "--gain-cutoff",
      paramLabel = "C",
      description =
          "Client report: the smallest sudden gain or loss in score points (default: the instrument's "
              + "reliable-change value; a ready score column needs one).")
  Double gainCutoff;

  @Option(
      names = "--min-cases",
      paramLabel = "N",
      defaultValue = "15",
      description =
          "Cohort report: warn about a clinician with fewer clients. Default: ${DEFAULT-VALUE}.")
  int minCases;

  @Option(
      names = "--reliability",
      paramLabel = "R",
      description =
          "Cohort report: judge reliable change from the sample's SD and this reliability.")
  Double reliability;

  @Override
  public Integer call() throws IOException {
    // Charts are drawn without a screen; a report must work on a server.
    System.setProperty("java.awt.headless", "true");
    CommandLine commandLine = spec.commandLine();
    ReportFormat chosen = format();
    if (gainCutoff != null && !(gainCutoff > 0 && Double.isFinite(gainCutoff))) {
      throw new CommandLine.ParameterException(
          commandLine, "--gain-cutoff is the size of a change, a positive number of points");
    }
    if (minCases < 1) {
      throw new CommandLine.ParameterException(commandLine, "--min-cases must be at least 1");
    }
    Options.checkReliability(reliability, commandLine);
    Optional<Catalog> loaded = input.catalog(commandLine);
    if (loaded.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    Path spooled = null;
    try {
      CourseInput source = input;
      String name = input.file.toString();
      if (name.equals("-")) {
        // The input is read more than once (expected course, episodes, answers); standard input
        // only once.
        spooled = Files.createTempFile("alliance-report-", ".csv");
        Files.copy(System.in, spooled, StandardCopyOption.REPLACE_EXISTING);
        source = input.withFile(spooled);
        name = "standard input";
      }
      return subject.cohort
          ? cohort(source, name, loaded.get(), chosen)
          : client(source, name, loaded.get(), chosen);
    } finally {
      if (spooled != null) {
        Files.deleteIfExists(spooled);
      }
    }
  }

  private ReportFormat format() {
    boolean toStdout = out.toString().equals("-");
    ReportFormat chosen = format;
    if (chosen == null) {
      String file =
          out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
      if (file.endsWith(".html") || file.endsWith(".htm") || toStdout) {
        chosen = ReportFormat.HTML;
      } else if (file.endsWith(".pdf")) {
        chosen = ReportFormat.PDF;
      } else {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "cannot tell the format from "
                + out
                + ": name it .html or .pdf, or give --format html|pdf");
      }
    }
    if (chosen == ReportFormat.PDF && toStdout) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "a PDF cannot go to standard output: give --out FILE.pdf");
    }
    return chosen;
  }

  private int client(CourseInput source, String name, Catalog catalog, ReportFormat chosen)
      throws IOException {
    CommandLine commandLine = spec.commandLine();
    PrintWriter err = commandLine.getErr();
    ExpectedCourses.Fit fit = expectedCourses(source, catalog);
    AlertOptions alerts = AlertOptions.defaults();
    for (ExpectedCourse expected : fit.courses()) {
      alerts = alerts.withExpectedCourse(expected);
      err.println(
          "note: expected course of "
              + expected.measure().id()
              + " fitted on "
              + expected.episodes()
              + " episodes and "
              + expected.observations()
              + " scores");
    }
    AnalysisRun run = new AnalysisRun(commandLine);
    EpisodeReader.ClientEpisode found = null;
    List<String> known = new ArrayList<>();
    int clients = 0;
    long invalidRows;
    long rows;
    int exit;
    try (EpisodeReader reader = run.open(source, catalog, Construct.OUTCOME, commandLine)) {
      while (reader.hasNext()) {
        EpisodeReader.ClientEpisode read = reader.next();
        clients++;
        if (read.episode().client().equals(subject.client)) {
          found = read;
        } else if (known.size() < KNOWN_SHOWN) {
          known.add(read.episode().client());
        }
      }
      exit = run.finish(reader, new MeasureChoice(catalog, null, Construct.OUTCOME, commandLine));
      invalidRows = reader.invalidRows();
      rows = reader.rows();
    }
    if (found == null) {
      err.println(
          "alliance: no client "
              + subject.client
              + " in "
              + name
              + (known.isEmpty()
                  ? " (it has no usable rows)"
                  : "; clients in it include "
                      + String.join(", ", known)
                      + (clients > known.size()
                          ? " (and " + (clients - known.size()) + " more)"
                          : "")));
      return ExitCode.INVALID_INPUT;
    }
    List<String> notes = notes(found.episode(), fit, name);
    leftOut(invalidRows, rows, notes);
    List<ItemAnswers> answers = List.of();
    if (source.scoreColumn == null) {
      try (AdministrationCsvReader administrations =
          AdministrationCsvReader.open(source.file, source.csvOptions(catalog))) {
        answers = LatestAdministrations.of(administrations, subject.client, catalog);
      }
    }
    CourseFindings.Options findings =
        gainCutoff == null
            ? CourseFindings.Options.defaults()
            : CourseFindings.Options.defaults().withSuddenChangeCutoff(gainCutoff);
    ClientReport report =
        ClientReport.build(
            found.episode(),
            found.riskFlags(),
            answers,
            new ClientReport.Settings(name, LocalDate.now(), alerts, findings, notes));
    write(ClientReportLayout.document(report), chosen);
    return exit;
  }

  /**
   * What the report says about the expected courses: where each of the client's measures got one,
   * or why not. Other measures are left out: a note about a measure the client has no scores of
   * would puzzle.
   */
  private List<String> notes(Episode episode, ExpectedCourses.Fit fit, String name) {
    List<String> notes = new ArrayList<>();
    for (Course course : episode.courses()) {
      String id = course.measure().id();
      fit.courses().stream()
          .filter(expected -> expected.measure().id().equals(id))
          .findFirst()
          .ifPresent(
              expected ->
                  notes.add(
                      "The expected course of "
                          + id
                          + " was fitted on "
                          + expected.episodes()
                          + " past episodes of "
                          + (reference == null ? name : reference.toString())
                          + "."));
      if (fit.notes().containsKey(id)) {
        notes.add("No expected course, so no not-on-track alerts: " + fit.notes().get(id) + ".");
      }
    }
    return notes;
  }

  /** The expected course of each outcome measure, fitted on --reference or on the input itself. */
  private ExpectedCourses.Fit expectedCourses(CourseInput source, Catalog catalog)
      throws IOException {
    CommandLine commandLine = spec.commandLine();
    CourseInput fitOn = reference == null ? source : source.withFile(reference);
    // Rows left out of the reference are reported when the input itself is read; stay quiet here.
    try (EpisodeReader episodes =
        fitOn.open(catalog, Construct.OUTCOME, commandLine, problem -> {})) {
      ExpectedCourses.Fit fit = ExpectedCourses.fit(episodes);
      fit.notes()
          .values()
          .forEach(
              note ->
                  commandLine
                      .getErr()
                      .println("note: no expected course, so no not-on-track alerts: " + note));
      return fit;
    }
  }

  private static void leftOut(long invalidRows, long rows, List<String> notes) {
    if (invalidRows > 0) {
      notes.add(
          invalidRows
              + " of "
              + rows
              + " rows of the data were left out for problems "
              + "(the report command lists each with its line).");
    }
  }

  private int cohort(CourseInput source, String name, Catalog catalog, ReportFormat chosen)
      throws IOException {
    CommandLine commandLine = spec.commandLine();
    AnalysisRun run = new AnalysisRun(commandLine);
    MeasureChoice choice =
        new MeasureChoice(catalog, source.measure, Construct.OUTCOME, commandLine);
    List<Episode> episodes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    boolean anyCounted = false;
    int exit;
    try (EpisodeReader reader = run.open(source, catalog, Construct.OUTCOME, commandLine)) {
      while (reader.hasNext()) {
        Episode episode = reader.next().episode();
        episodes.add(episode);
        Optional<Course> course = choice.course(episode);
        anyCounted |= course.isPresent() && course.get().observations().size() >= 2;
      }
      exit = run.finish(reader, choice);
      leftOut(reader.invalidRows(), reader.rows(), notes);
    }
    if (!anyCounted) {
      commandLine.getErr().println("alliance: no client has two or more outcome scores");
      return ExitCode.INVALID_INPUT;
    }
    if (reliability == null) {
      Course any =
          episodes.stream()
              .flatMap(episode -> choice.course(episode).stream())
              .findFirst()
              .orElseThrow();
      ClientOutcomes.missingPublishedValues(any.measure())
          .ifPresent(
              reason -> {
                throw new CommandLine.ParameterException(commandLine, reason);
              });
    }
    CohortReport report =
        CohortReport.build(
            episodes,
            new CohortReport.Settings(
                name,
                LocalDate.now(),
                choice.chosen(),
                reliability == null ? OptionalDouble.empty() : OptionalDouble.of(reliability),
                minCases,
                notes));
    write(CohortReportLayout.document(report), chosen);
    return exit;
  }

  private void write(ReportDocument document, ReportFormat chosen) throws IOException {
    CommandLine commandLine = spec.commandLine();
    if (chosen == ReportFormat.PDF) {
      try (Output output = Output.openBytes(out)) {
        PdfReportWriter.write(document, output.stream());
        output.commit();
      }
    } else {
      try (Output output = Output.open(out, commandLine.getOut())) {
        HtmlReportWriter.write(document, output.writer());
        output.commit();
      }
    }
    if (!out.toString().equals("-")) {
      commandLine.getErr().println("wrote " + out);
    }
  }
}
