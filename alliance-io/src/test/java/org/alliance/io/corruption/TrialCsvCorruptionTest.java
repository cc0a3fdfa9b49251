package org.alliance.io.corruption;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliance.core.cohort.TrialParticipant;
import org.alliance.io.csv.TrialCsvReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random corruptions of trial files: every one ends in located problems or a clear error.
 */
@Tag("slow")
class TrialCsvCorruptionTest {
  static final int INPUTS = 10_000;

  @TempDir Path dir;

  static final byte[] COMMA =
      """
      id,arm,age,baseline,sessions,alliance,outcome
      p01,therapy,34,22.5,8,5.5,12
      p02,control,41,19,0,,15.5
      p03,Therapy,29,25,12,6.1,9
      p04,control,55,30,0,,28
      p05,therapy,38,18.5,0,,17
      p06,therapy,47,27,3,4.2,20
      """
          .getBytes(StandardCharsets.UTF_8);

  static final byte[] SEMICOLON =
      ("\uFEFFid;arm;age;baseline;sessions;alliance;outcome\r\n"
              + "p01;therapy;34;22,5;8;5,5;12\r\np02;control;41;19;0;;15,5\r\n\"p;3\";therapy;29;25;12;6,1;9\r\n")
          .getBytes(StandardCharsets.UTF_8);

  static final List<TrialCsvReader.Columns> COLUMNS =
      List.of(
          new TrialCsvReader.Columns(
              "id",
              "arm",
              List.of("therapy"),
              "sessions",
              "alliance",
              "outcome",
              List.of("age", "baseline")),
          new TrialCsvReader.Columns(
              "id",
              "arm",
              List.of("therapy", "treated"),
              "sessions",
              "alliance",
              "outcome",
              List.of()),
          new TrialCsvReader.Columns(
              "ID",
              "Arm",
              List.of("THERAPY"),
              "Sessions",
              "alliance",
              "outcome",
              List.of("baseline")));

  @Test
  void corruptedTrialFilesEndInLocatedProblemsOrAClearError() {
    Mutator.run(
        "TrialCsvReader",
        6_000_000L,
        INPUTS,
        m -> {
          byte[] data = m.csv(m.random.nextInt(3) == 0 ? SEMICOLON : COMMA);
          m.input(data);
          Path file = dir.resolve("trial.csv");
          Files.write(file, data);
          String name = file.toString();
          TrialCsvReader.Columns columns = m.pick(COLUMNS);
          m.log.add("columns " + columns);
          List<TrialParticipant> participants =
              TrialCsvReader.read(
                  file, columns, problem -> Mutator.checkLocation(problem.where(), name, problem));
          participants.forEach(p -> p.covariates().size());
        });
  }
}
