package org.alliance.io.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.scoring.Scorer;
import org.alliance.core.trend.AlertOptions;
import org.alliance.io.chart.CourseFindings;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.trend.EpisodeReader;

/**
 * Answers of made-up clients and the reports built from them, read through the same io readers as
 * the CLI.
 */
final class ReportFixtures {
  /**
   * Client c1 (dr-a): PHQ-9 totals 18, 17, 16, 9, 8, 7 with a sudden gain between sessions 3 and 4,
   * recovered, and the risk item answered 1 at the latest session; SRS 38, 38, 33, 38.5, 38, 38
   * with a rupture at session 3 repaired at 4. Client c2 (dr-b): two PHQ-9 administrations.
   */
  static final String ANSWERS =
      """
      client,session,date,clinician,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9
      c1,1,2026-01-07,dr-a,phq-9,2,2,2,2,2,2,3,3,0
      c1,1,2026-01-07,dr-a,srs,9.5,9.5,9.5,9.5,,,,,
      c1,2,2026-01-14,dr-a,phq-9,2,2,2,2,2,2,2,3,0
      c1,2,2026-01-14,dr-a,srs,9.5,9.5,9.5,9.5,,,,,
      c1,3,2026-01-21,dr-a,phq-9,2,2,2,2,2,2,2,2,0
      c1,3,2026-01-21,dr-a,srs,8.2,8.3,8.2,8.3,,,,,
      c1,4,2026-01-28,dr-a,phq-9,1,1,1,1,1,1,1,2,0
      c1,4,2026-01-28,dr-a,srs,9.7,9.6,9.6,9.6,,,,,
      c1,5,2026-02-04,dr-a,phq-9,1,1,1,1,1,1,1,1,0
      c1,5,2026-02-04,dr-a,srs,9.5,9.5,9.5,9.5,,,,,
      c1,6,2026-02-11,dr-a,phq-9,1,1,1,1,1,1,0,0,1
      c1,6,2026-02-11,dr-a,srs,9.5,9.5,9.5,9.5,,,,,
      c2,1,2026-01-08,dr-b,phq-9,1,1,1,1,1,1,1,1,0
      c2,2,2026-01-15,dr-b,phq-9,1,1,1,1,1,0,0,0,0
      """;

  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  private ReportFixtures() {}

  static Path write(Path dir, String content) throws IOException {
    return Files.writeString(dir.resolve("answers.csv"), content);
  }

  /** The client's report as the CLI builds it, without an expected course. */
  static ClientReport clientReport(Path file, String client) throws IOException {
    CsvReadOptions options = CsvReadOptions.of(Catalog.builtIn());
    EpisodeReader.ClientEpisode found = null;
    try (EpisodeReader reader =
        EpisodeReader.fromAnswers(
            file,
            options,
            Scorer.builtIn(),
            problem -> {
              throw new AssertionError(problem.toString());
            })) {
      while (reader.hasNext()) {
        EpisodeReader.ClientEpisode read = reader.next();
        if (read.episode().client().equals(client)) {
          found = read;
        }
      }
    }
    if (found == null) {
      throw new AssertionError("no client " + client);
    }
    List<ItemAnswers> answers;
    try (AdministrationCsvReader administrations = AdministrationCsvReader.open(file, options)) {
      answers = LatestAdministrations.of(administrations, client, Catalog.builtIn());
    }
    return ClientReport.build(
        found.episode(),
        found.riskFlags(),
        answers,
        new ClientReport.Settings(
            "answers.csv",
            TODAY,
            AlertOptions.defaults(),
            CourseFindings.Options.defaults(),
            List.of("2 of 30 rows of the data were left out for problems.")));
  }

  /** Every episode of a file, for a cohort report. */
  static CohortReport cohortReport(Path file, int minimumClients) throws IOException {
    List<org.alliance.core.trend.Episode> episodes = new ArrayList<>();
    try (EpisodeReader reader =
        EpisodeReader.fromAnswers(
            file, CsvReadOptions.of(Catalog.builtIn()), Scorer.builtIn(), problem -> {})) {
      reader.forEachRemaining(read -> episodes.add(read.episode()));
    }
    return CohortReport.build(
        episodes,
        new CohortReport.Settings(
            "answers.csv",
            TODAY,
            Optional.empty(),
            java.util.OptionalDouble.empty(),
            minimumClients,
            List.of()));
  }
}
