package org.alliance.io.corruption;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvLayout;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.score.ScoredRow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeded random corruptions of wide and long administration files: every one ends in a located
 * problem or a clear error.
 */
@Tag("slow")
class AdministrationCsvCorruptionTest {
  /** Inputs per layout: 10,000 administration files in all, half wide and half long. */
  static final int INPUTS = 5_000;

  private static final String NAME = "corrupt.csv";
  private static final Catalog CATALOG = Catalog.builtIn();
  private static final Scorer SCORER = Scorer.builtIn();

  /** A seed file and the instrument its rows need when the file has no instrument column. */
  record Seed(byte[] data, String instrument) {}

  static Path examples() {
    Path up = Path.of("../examples");
    return Files.isDirectory(up) ? up : Path.of("examples");
  }

  static Seed seed(String example, String instrument) {
    try {
      return new Seed(Files.readAllBytes(examples().resolve(example)), instrument);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Seed text(String csv, String instrument) {
    return new Seed(csv.getBytes(StandardCharsets.UTF_8), instrument);
  }

  static final List<Seed> WIDE =
      List.of(
          seed("phq9-wide.csv", "phq-9"),
          seed("mixed-wide.csv", null),
          seed("phq9-problems.csv", "phq-9"),
          text(
              """
          client,session,date,instrument,clinician,q1,q2,q3,q4,q5,q6,q7,q8,q9
          c1,2,2026-01-14,phq-9,dr-a,1,1,1,1,1,1,1,1,0
          c1,1,2026-01-07,phq-9,dr-a,2,2,2,2,2,2,2,2,1
          c1,1,2026-01-07,srs,dr-a,9,9,9,9.5,,,,,
          c2,1,2026-01-08,phq-9,,0,0,0,0,0,0,0,0,0
          c2,2,2026-01-15,ors,,4.2,3.1,5.0,3.8,,,,,
          """,
              null),
          text(
              "\uFEFFclient;session;date;instrument;q1;q2;q3;q4\r\nc1;1;2026-01-07;ors;4,2;3,1;5,0;3,8\r\n"
                  + "c1;2;2026-01-14;srs;8,5;9;8,8;9,1\r\n\"c;2\";1;2026-01-08;ors;1;2;3;4\r\n",
              null));

  static final List<Seed> LONG =
      List.of(
          seed("wai-sr-long.csv", null),
          text(
              """
          client,session,date,instrument,item,value
          c1,1,2026-01-07,phq-9,q1,2
          c1,1,2026-01-07,phq-9,q2,2
          c1,1,2026-01-07,phq-9,q3,1
          c1,1,2026-01-07,phq-9,q4,2
          c1,1,2026-01-07,phq-9,q5,1
          c1,1,2026-01-07,phq-9,q6,1
          c1,1,2026-01-07,phq-9,q7,1
          c1,1,2026-01-07,phq-9,q8,0
          c1,1,2026-01-07,phq-9,q9,1
          c1,2,2026-01-14,srs,q1,9
          c1,2,2026-01-14,srs,q2,8.5
          c1,2,2026-01-14,srs,q3,9
          c1,2,2026-01-14,srs,q4,9.1
          c2,1,2026-01-08,ors,q1,4.2
          c2,1,2026-01-08,ors,q2,3
          c2,1,2026-01-08,ors,q3,5
          c2,1,2026-01-08,ors,q4,3.8
          """,
              null),
          text(
              """
          client,session,date,item,value,clinician
          c1,1,2026-01-07,q1,3,dr-a
          c1,1,2026-01-07,q2,3,dr-a
          c1,1,2026-01-07,q3,2,dr-a
          c1,1,2026-01-07,q4,3,dr-a
          c1,1,2026-01-07,q5,2,dr-a
          c1,1,2026-01-07,q6,2,dr-a
          c1,1,2026-01-07,q7,2,dr-a
          c1,1,2026-01-07,q8,1,dr-a
          c1,1,2026-01-07,q9,skipped,dr-a
          c2,1,2026-01-07,q1,NA,dr-b
          """,
              "phq-9"));

  /**
   * Options for a seed, now and then with a forced layout or an instrument the catalog does not
   * know.
   */
  static CsvReadOptions options(Mutator m, Seed seed) {
    CsvReadOptions options = CsvReadOptions.of(CATALOG);
    int kind = m.random.nextInt(12);
    if (kind == 0) {
      options = options.withInstrument(m.pick(List.of("nonexistent", "PHQ-9", "srs", "", "ors")));
    } else if (seed.instrument() != null) {
      options = options.withInstrument(seed.instrument());
    }
    if (kind == 1) {
      options = options.withLayout(CsvLayout.WIDE);
    } else if (kind == 2) {
      options = options.withLayout(CsvLayout.LONG);
    }
    m.log.add("options " + options.instrument() + " " + options.layout());
    return options;
  }

  /** Reads and scores every row, checking that each problem has its place. */
  static int readAll(Mutator m, Seed seed) throws IOException {
    byte[] data = m.csv(seed.data());
    m.input(data);
    CsvReadOptions options = options(m, seed);
    int rows = 0;
    try (AdministrationCsvReader reader =
        AdministrationCsvReader.open(NAME, new ByteArrayInputStream(data), options)) {
      reader.layout();
      reader.ignoredColumns();
      reader.hasInstrumentColumn();
      while (reader.hasNext()) {
        AdministrationRow row = reader.next();
        rows++;
        ScoredRow scored = Mutator.checkRow(row, SCORER, NAME);
        scored.total();
        scored.instrument();
        row.readable();
        if (row.administration().isEmpty() && row.problems().isEmpty()) {
          throw new Mutator.UnlocatedProblem(
              "a row without an administration and without a problem at " + row.location());
        }
      }
    }
    return rows;
  }

  @Test
  void corruptedWideFilesEndInLocatedProblemsOrAClearError() {
    int clear =
        Mutator.run(
            "AdministrationCsvReader (wide)", 1_000_000L, INPUTS, m -> readAll(m, m.pick(WIDE)));
    assertThat(clear).isLessThan(INPUTS);
  }

  @Test
  void corruptedLongFilesEndInLocatedProblemsOrAClearError() {
    int clear =
        Mutator.run(
            "AdministrationCsvReader (long)", 2_000_000L, INPUTS, m -> readAll(m, m.pick(LONG)));
    assertThat(clear).isLessThan(INPUTS);
  }

  @Test
  void theHarnessReportsTheSeedMutationsAndInputOfAFailure() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Mutator.run(
                    "demo",
                    0,
                    20,
                    m -> {
                      m.input(m.csv(WIDE.get(0).data()));
                      if (m.seed == 7) {
                        throw new IllegalStateException("boom");
                      }
                    }))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 of 20")
        .hasMessageContaining("seed 7")
        .hasMessageContaining("IllegalStateException: boom")
        .hasMessageContaining("input (first 300 chars): ");
  }

  @Test
  void theMutatorIsReproducible() {
    Mutator a = new Mutator(42);
    Mutator b = new Mutator(42);
    byte[] seed = WIDE.get(0).data();
    assertThat(a.csv(seed)).isEqualTo(b.csv(seed));
    assertThat(a.log).isEqualTo(b.log);
    List<String> logs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Mutator m = new Mutator(i);
      m.csv(seed);
      logs.add(String.join(";", m.log));
    }
    assertThat(new java.util.HashSet<>(logs)).hasSizeGreaterThan(40);
  }
}
