package org.alliance.io.corruption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.csv.ScoreColumnRows;
import org.alliance.io.input.InputProblem;
import org.alliance.io.trend.EpisodeReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random corruptions of score-column files (read row by row and as episodes) and of answer
 * files read as episodes. A client whose rows are not together is a clear {@code
 * InputFormatException}.
 */
@Tag("slow")
class ScoreColumnCorruptionTest {
  static final int INPUTS = 10_000;

  /** EpisodeReader is one importer with two sources: 10,000 inputs in all, half from each. */
  static final int EPISODE_INPUTS = 5_000;

  @TempDir Path dir;

  /** A seed file and the names of its score, client and session columns. */
  record Seed(byte[] data, String score, String client, String session) {}

  static final List<Seed> SEEDS =
      List.of(
          new Seed(read("sgdata-long.csv"), "bdi", "client", "session"),
          new Seed(read("claus_2020.csv"), "bdi", "id", "time"),
          new Seed(read("claus_2020.csv"), "hamd", "id", "time"),
          new Seed(
              """
          client,session,date,clinician,total
          c1,1,2026-01-07,dr-a,12.5
          c1,2,2026-01-14,dr-a,NA
          c1,3,2026-01-21,dr-a,10
          c2,0,2026-01-08,,
          c2,1,2026-01-15,dr-b,22
          c3,1,,dr-b,7
          """
                  .getBytes(StandardCharsets.UTF_8),
              "total",
              "client",
              "session"),
          new Seed(
              "client;session;date;total\r\nc1;1;2026-01-07;12,5\r\nc1;2;2026-01-14;11,25\r\n\"c;2\";1;2026-01-08;3\r\n"
                  .getBytes(StandardCharsets.UTF_8),
              "total",
              "client",
              "session"));

  static byte[] read(String example) {
    try {
      return Files.readAllBytes(AdministrationCsvCorruptionTest.examples().resolve(example));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Writes the mutated seed to a file and returns it. */
  private Path write(Mutator m, byte[] seed) throws IOException {
    byte[] data = m.csv(seed);
    m.input(data);
    Path file = dir.resolve("scores.csv");
    Files.write(file, data);
    return file;
  }

  @Test
  void corruptedScoreColumnsEndInLocatedProblemsOrAClearError() {
    Mutator.run(
        "ScoreColumnRows",
        3_000_000L,
        INPUTS,
        m -> {
          Seed seed = m.pick(SEEDS);
          Path file = write(m, seed.data());
          String name = file.toString();
          try (ScoreColumnRows rows =
              ScoreColumnRows.open(file, seed.score(), seed.client(), seed.session())) {
            Optional<ScoreColumnRows.Row> row;
            while ((row = rows.next()).isPresent()) {
              Mutator.checkLocation(row.get().location(), name, "the row");
              for (InputProblem problem : row.get().problems()) {
                Mutator.checkLocation(problem.where(), name, problem);
              }
            }
          }
        });
  }

  @Test
  void corruptedScoreColumnsReadAsEpisodesEndInLocatedProblemsOrAClearError() {
    Mutator.run(
        "EpisodeReader.fromScoreColumn",
        4_000_000L,
        EPISODE_INPUTS,
        m -> {
          Seed seed = m.pick(SEEDS);
          Path file = write(m, seed.data());
          String name = file.toString();
          Direction direction =
              m.random.nextBoolean() ? Direction.HIGHER_IS_WORSE : Direction.HIGHER_IS_BETTER;
          Construct construct = m.random.nextBoolean() ? Construct.OUTCOME : Construct.ALLIANCE;
          try (EpisodeReader reader =
              EpisodeReader.fromScoreColumn(
                  file,
                  seed.score(),
                  seed.client(),
                  seed.session(),
                  direction,
                  construct,
                  problem -> Mutator.checkLocation(problem.where(), name, problem))) {
            while (reader.hasNext()) {
              reader.next().episode().courses().forEach(course -> course.observations().size());
            }
            reader.rows();
            reader.invalidRows();
          }
        });
  }

  @Test
  void corruptedAnswerFilesReadAsEpisodesEndInLocatedProblemsOrAClearError() {
    List<AdministrationCsvCorruptionTest.Seed> seeds =
        new java.util.ArrayList<>(AdministrationCsvCorruptionTest.WIDE);
    seeds.addAll(AdministrationCsvCorruptionTest.LONG);
    Mutator.run(
        "EpisodeReader.fromAnswers",
        5_000_000L,
        EPISODE_INPUTS,
        m -> {
          AdministrationCsvCorruptionTest.Seed seed = m.pick(seeds);
          Path file = write(m, seed.data());
          String name = file.toString();
          CsvReadOptions options = AdministrationCsvCorruptionTest.options(m, seed);
          try (EpisodeReader reader =
              EpisodeReader.fromAnswers(
                  file,
                  options,
                  Scorer.builtIn(),
                  problem -> Mutator.checkLocation(problem.where(), name, problem))) {
            while (reader.hasNext()) {
              EpisodeReader.ClientEpisode episode = reader.next();
              episode.episode().courses().forEach(course -> course.observations().size());
              episode.riskFlags().size();
            }
          }
        });
  }
}
