package org.alliance.cli;

import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportCommandTest {
  private static final String NL = System.lineSeparator();

  /**
   * SRS and ORS for one client; the ORS at session 2 has an item off its scale (line 4), SRS
   * session 2 skips one.
   */
  private static final String ANSWERS =
      """
      client,session,date,instrument,q1,q2,q3,q4
      c1,1,2026-01-07,ors,4.2,3.1,5.0,3.8
      c1,1,2026-01-07,srs,8.5,9.0,8.8,9.1
      c1,2,2026-01-14,ors,5.1,4.0,5.5,14
      c1,2,2026-01-14,srs,9,skipped,9,declined
      c2,1,2026-01-08,srs,9,9,9,9
      """;

  @TempDir Path dir;

  private Path answers() throws IOException {
    return write(dir, "answers.csv", ANSWERS);
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void writesWideScoresAndTheirDictionaryAndReportsInvalidForms() throws IOException {
    Path input = answers();

    Cli.Run run = run("export", input.toString(), "--out", dir.resolve("scores.csv").toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(read("scores.csv"))
        .isEqualTo(
            """
        client,episode_id,episode,session,date,srs_total,srs_mean,srs_clinical,ors_total,ors_mean,ors_clinical
        c1,c1_1,1,1,2026-01-07,35.4,8.85,1,16.1,4.025,1
        c1,c1_1,1,2,2026-01-14,-55,-55,-55,-66,-66,-66
        c2,c2_1,1,1,2026-01-08,36,9,0,-99,-99,-99
        """);
    assertThat(read("scores-dictionary.csv"))
        .startsWith(
            "variable,label,type,values,instrument,item,score\n"
                + "client,\"Client reference, as in the input\",string,,,,\n")
        .contains(
            "ors_total,ORS total (sum),decimal,0-40; -55=too many items missing to score; -66=invalid; -99=not administered,ors,,total\n");
    assertThat(run.err())
        .isEqualTo(
            ""
                + input
                + " line 4, column 8 (q4): item ors_4: expected 0.0-10.0, found 14"
                + NL
                + input
                + " line 5, column 6 (q2): 2 of 4 items missing (srs_2, srs_4); srs allows none"
                + NL
                + "read 5 administrations: 3 valid, 2 invalid (2 problems)"
                + NL
                + "wrote "
                + dir.resolve("scores.csv")
                + " (3 rows) and "
                + dir.resolve("scores-dictionary.csv")
                + NL);
  }

  @Test
  void writesLongItemsWithCodes() throws IOException {
    Cli.Run run =
        run(
            "export",
            answers().toString(),
            "--layout",
            "long",
            "--level",
            "items",
            "--out",
            dir.resolve("items.csv").toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    List<String> lines = read("items.csv").lines().toList();
    assertThat(lines)
        .hasSize(1 + 5 * 4)
        .contains(
            "c1,c1_1,1,2,2026-01-14,ors,ors_4,4,-66",
            "c1,c1_1,1,2,2026-01-14,srs,srs_2,2,-77",
            "c1,c1_1,1,2,2026-01-14,srs,srs_4,4,-88");
    assertThat(lines.get(0))
        .isEqualTo("client,episode_id,episode,session,date,instrument,item,item_number,value");
    assertThat(read("items-dictionary.csv"))
        .contains(
            "value,SRS item 1: Relationship,decimal,0.0-10.0; empty=missing; -77=skipped; -88=declined; -66=invalid,srs,srs_1,\n");
  }

  @ParameterizedTest
  @CsvSource({"wide,items", "wide,scores", "long,items", "long,scores"})
  void everyColumnOfTheExamplesSuitsSpssAndStata(String layout, String level) throws IOException {
    Path out = dir.resolve("out.csv");
    Cli.Run run =
        run(
            "export",
            GainsCommandTest.example("mixed-wide.csv").toString(),
            "--layout",
            layout,
            "--level",
            level,
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.toString()).isIn(0, 1);
    Set<String> seen = new HashSet<>();
    for (String column : Files.readAllLines(out).get(0).split(",")) {
      assertThat(column)
          .matches("[a-z][a-z0-9_]{0,31}")
          .isNotIn(
              "all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with",
              "byte", "double", "float", "if", "in", "int", "long", "strl", "using");
      assertThat(seen.add(column.toLowerCase(Locale.ROOT))).as(column).isTrue();
    }
    // The dictionary describes every column, in order (the long layout then adds the meaning of
    // value per item or score).
    List<String> described =
        Files.readAllLines(ExportCommand.dictionaryPath(out)).stream()
            .skip(1)
            .map(line -> line.substring(0, line.indexOf(',')))
            .distinct()
            .toList();
    assertThat(described).containsExactly(Files.readAllLines(out).get(0).split(","));
  }

  @Test
  void rowsWithoutAReadableKeyAreCountedAsLeftOut() throws IOException {
    Path input =
        write(
            dir,
            "keys.csv",
            "client,session,instrument,q1,q2,q3,q4\nc1,x,srs,9,9,9,9\nc1,2,nope,9,9,9,9\nc1,3,srs,9,9,9,9\n");

    Cli.Run run = run("export", input.toString(), "--out", dir.resolve("k.csv").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains(input + " line 2, column 2 (session): expected a session number")
        .endsWith(
            "; left out 2 administrations without a readable client, session, date or known instrument"
                + NL);
    assertThat(read("k.csv").lines()).hasSize(2);
  }

  @Test
  void aDuplicateAdministrationIsLeftOutWithItsPlace() throws IOException {
    Path input =
        write(
            dir,
            "twice.csv",
            "client,session,instrument,q1,q2,q3,q4\nc1,1,srs,9,9,9,9\nc1,1,srs,1,1,1,1\n");

    Cli.Run run = run("export", input.toString(), "--out", dir.resolve("x.csv").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            input
                + " line 3: not exported: client c1 has srs at session 1 twice in one episode (also at "
                + input
                + " line 2)");
    assertThat(read("x.csv").lines())
        .containsExactly(
            "client,episode_id,episode,session,date,srs_total,srs_mean,srs_clinical",
            "c1,c1_1,1,1,,36,9,0");
  }

  @Test
  void usageErrorsNameWhatIsWrongAndWriteNothing() throws IOException {
    Path input = answers();

    assertThat(run("export", input.toString()).err())
        .contains("Missing required option: '--out=FILE.csv'");
    Cli.Run stdout = run("export", input.toString(), "--out", "-");
    assertThat(stdout.exit()).isEqualTo(2);
    assertThat(stdout.err())
        .contains("--out needs a file name: the dictionary is written beside it");
    Cli.Run layout =
        run(
            "export",
            input.toString(),
            "--layout",
            "diagonal",
            "--out",
            dir.resolve("y.csv").toString());
    assertThat(layout.exit()).isEqualTo(2);
    assertThat(layout.err()).contains("--layout");
    Cli.Run unknown =
        run(
            "export",
            input.toString(),
            "--instrument",
            "nope",
            "--out",
            dir.resolve("y.csv").toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown instrument 'nope'");
    assertThat(run("export", input.toString(), "--out", input.toString()).err())
        .contains("--out would overwrite the input file");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(file -> file.getFileName().toString())).containsExactly("answers.csv");
    }
  }

  @Test
  void anUnreadableFileIsAClearErrorAndLeavesNoOutput() throws IOException {
    Path input = write(dir, "bad.csv", "session,q1\n1,2\n");

    Cli.Run run = run("export", input.toString(), "--out", dir.resolve("z.csv").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("alliance: " + input + " line 1: missing the required column 'client'");
    assertThat(dir.resolve("z.csv")).doesNotExist();
    assertThat(dir.resolve("z-dictionary.csv")).doesNotExist();
  }

  @Test
  void writesSpssSyntaxBesideTheData() throws IOException {
    Path out = dir.resolve("scores.csv");

    Cli.Run run = run("export", answers().toString(), "--out", out.toString(), "--spss");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(read("scores.sps"))
        .contains("  /FILE='" + out.toAbsolutePath() + "'\n")
        .contains(
            "  /srs_clinical 1 'total < 36' 0 'not' -55 'too many items missing to score' -66 'invalid' -99 'not administered'\n")
        .endsWith("EXECUTE.\n");
    assertThat(run.err())
        .endsWith(
            "wrote "
                + out
                + " (3 rows), "
                + dir.resolve("scores.sps")
                + " and "
                + dir.resolve("scores-dictionary.csv")
                + NL);
  }

  @Test
  void exportsAREDCapProjectThroughItsMapping() throws IOException {
    Path export = GainsCommandTest.example("redcap/longitudinal-export.csv");
    Path mapping = GainsCommandTest.example("redcap/longitudinal-mapping.json");

    Cli.Run run =
        run(
            "export",
            export.toString(),
            "--from",
            "redcap",
            "--mapping",
            mapping.toString(),
            "--out",
            dir.resolve("r.csv").toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(read("r.csv").lines())
        .containsExactly(
            "client,episode_id,episode,session,date,srs_total,srs_mean,srs_clinical,phq_9_total,phq_9_mean,phq_9_band,phq_9_clinical,phq_9_risk_item",
            "s01,s01_1,1,0,2026-01-05,-99,-99,-99,11,1.222222,3,1,1",
            "s01,s01_1,1,2,2026-01-19,-55,-55,-55,-55,-55,-55,-55,0",
            "s01,s01_1,1,4,2026-02-02,36.6,9.15,0,3,0.333333,1,0,0",
            "s02,s02_1,1,0,2026-01-06,-99,-99,-99,-55,-55,-55,-55,",
            "s02,s02_1,1,2,2026-01-20,28,7,1,18,2,4,1,0");
    assertThat(run.err())
        .contains(
            export
                + " line 3, column 7 (dep_2): 2 of 9 items missing (phq9_2, phq9_7); phq-9 allows none");
  }

  @Test
  void aBrokenMappingIsReportedWithItsJsonPathsAndNothingIsWritten() throws IOException {
    Path mapping =
        write(
            dir,
            "mapping.json",
            "{\"instruments\": [{\"instrument\": \"srs\", \"items\": {\"9\": \"x\"}}]}");
    Path export = write(dir, "export.csv", "record_id,srs_1\nc1,9\n");

    Cli.Run run =
        run(
            "export",
            export.toString(),
            "--from",
            "redcap",
            "--mapping",
            mapping.toString(),
            "--out",
            dir.resolve("m.csv").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            mapping
                + ": $.instruments[0].items.9: not an item of srs (its items are srs_1 to srs_4, or their numbers 1 to 4)"
                + NL
                + "alliance: the REDCap mapping has 1 problem; nothing was read"
                + NL);
    assertThat(dir.resolve("m.csv")).doesNotExist();
    assertThat(
            run(
                    "export",
                    export.toString(),
                    "--mapping",
                    mapping.toString(),
                    "--out",
                    dir.resolve("m.csv").toString())
                .err())
        .contains("--mapping is for --from redcap");
  }

  @Test
  void helpReadsCleanly() {
    Cli.Run help = run("export", "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .startsWith("Usage: alliance export")
        .contains("-77 skipped")
        .contains("--layout=LAYOUT");
    assertThat(help.out() + help.err())
        .doesNotContain("picocli WARN")
        .doesNotContain("Could not format");
  }
}
