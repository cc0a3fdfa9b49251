package org.alliance.cli;

import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code instruments check}, {@code instruments export} and {@code --instruments} on every command
 * that reads answers.
 */
class InstrumentDefinitionsCliTest {
  private static final Path EXAMPLES = Path.of("../examples/instruments");

  /**
   * A clinic's own 3-item outcome measure: sum of 0-4 items, item 3 reversed, reliable change 3.
   */
  private static final String MOOD =
      """
      {
        "id": "clinic-mood-3",
        "version": "2",
        "title": "Clinic mood check",
        "measures": "outcome",
        "direction": "higher-is-worse",
        "items": [
          {"number": 1, "id": "mood_1", "label": "Low mood", "text": "I felt low.", "scale": {"type": "likert", "min": 0, "max": 4}},
          {"number": 2, "id": "mood_2", "label": "Worry", "text": "I worried a lot.", "scale": {"type": "likert", "min": 0, "max": 4}},
          {"number": 3, "id": "mood_3", "label": "Hopeful", "text": "I felt hopeful.", "scale": {"type": "likert", "min": 0, "max": 4},
           "reversed": true}
        ],
        "cutoffs": [{"id": "clinical", "label": "needs review", "value": 6, "clinicalSide": "at-or-above"}],
        "reliableChange": 3,
        "licence": {"kind": "open", "holder": "Example Clinic", "terms": "Our own measure."}
      }
      """;

  @TempDir Path dir;

  private Path definitions() throws IOException {
    Path definitions = Files.createDirectories(dir.resolve("instruments"));
    write(definitions, "mood.json", MOOD);
    return definitions;
  }

  @Test
  void checkAcceptsAValidDefinition() {
    Path file = EXAMPLES.resolve("clinic-stress-4.json");

    Cli.Run run = run("instruments", "check", file.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(file + ": valid: clinic-stress-4 version 1.0, 4 items\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void checkListsEveryProblemWithItsPath() throws IOException {
    Path file =
        write(
            dir,
            "bad.json",
            MOOD.replace("\"reversed\"", "\"revesred\"")
                .replace("\"max\": 4}, \"reversed", "x")
                .replace("\"measures\": \"outcome\",", "")
                .replace("\"value\": 6", "\"value\": \"six\""));

    Cli.Run run = run("instruments", "check", file.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out().lines())
        .containsExactly(
            file + " $.measures: missing: expected 'alliance' or 'outcome'",
            file + " $.items[2].revesred: unknown field 'revesred'; did you mean 'reversed'?",
            file + " $.cutoffs[0].value: expected a number, found the text 'six'");
  }

  @Test
  void checkGivesTheLineAndColumnOfASyntaxError() throws IOException {
    Path file = write(dir, "syntax.json", "{\n  \"id\": \"x\"\n  \"version\": \"1\"\n}\n");

    Cli.Run run = run("instruments", "check", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .startsWith(file + " line 3, column 3: not valid JSON: ")
        .doesNotContain("\tat ");
  }

  @Test
  void aKeyGivenTwiceIsRefusedWithItsLineAndColumn() throws IOException {
    Path file = write(dir, "twice.json", "{\n  \"id\": \"x\",\n  \"id\": \"y\"\n}\n");

    Cli.Run run = run("instruments", "check", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out().strip())
        .isEqualTo(
            file
                + " line 3, column 7: not valid JSON: the key \"id\" appears more than once in"
                + " the same object");
  }

  @Test
  void checkReadsEveryFileOfADirectoryAndSaysWhichReplaceABuiltIn() {
    Cli.Run run = run("instruments", "check", EXAMPLES.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            EXAMPLES.resolve("clinic-stress-4.json")
                + ": valid: clinic-stress-4 version 1.0, 4 items",
            EXAMPLES.resolve("phq-9-de.json")
                + ": valid: phq-9 version 1.0, 9 items (replaces the built-in phq-9)",
            EXAMPLES.resolve("srs-licensed.json")
                + ": valid: srs version 3.0, 4 items (replaces the built-in srs)");
  }

  @Test
  void checkOfAMissingFileOrAnEmptyDirectoryFails() throws IOException {
    Path missing = dir.resolve("missing.json");
    Path empty = Files.createDirectories(dir.resolve("empty"));

    Cli.Run run = run("instruments", "check", missing.toString(), empty.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out().lines())
        .containsExactlyInAnyOrder(
            missing + ": no such file", empty + ": no instrument definitions (*.json files) here");
    assertThat(run("instruments", "check").exit()).isEqualTo(2);
  }

  @Test
  void scoreUsesAUserDefinedInstrument() throws IOException {
    Path csv =
        write(dir, "mood.csv", "client,session,q1,q2,q3\nc1,1,3,4,0\nc2,1,1,0,4\nc3,1,1,5,4\n");

    Cli.Run run =
        run(
            "score",
            csv.toString(),
            "--instrument",
            "clinic-mood-3",
            "--instruments",
            definitions().toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1); // c3 answers 5 on a 0-4 item
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).startsWith("client,session,date,instrument,total");
    // Item 3 is reversed: c1 = 3 + 4 + (4 - 0) = 11, clinical; c2 = 1 + 0 + 0 = 1.
    assertThat(lines.get(1)).startsWith("c1,1,,clinic-mood-3,11,").contains("true");
    assertThat(lines.get(2)).startsWith("c2,1,,clinic-mood-3,1,").contains("false");
    assertThat(lines.get(3)).startsWith("c3,1,,clinic-mood-3,,");
    assertThat(run.err()).contains("item mood_2: expected 0-4, found 5");
  }

  @Test
  void scoreWithoutTheDefinitionsDoesNotKnowTheInstrument() throws IOException {
    Path csv = write(dir, "mood.csv", "client,session,q1,q2,q3\nc1,1,3,4,0\n");

    Cli.Run run = run("score", csv.toString(), "--instrument", "clinic-mood-3");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("unknown instrument 'clinic-mood-3'");
  }

  @Test
  void validateAndChangeUseTheDefinitionsToo() throws IOException {
    Path csv =
        write(
            dir,
            "mood.csv",
            "client,session,q1,q2,q3\nc1,1,4,4,0\nc1,2,1,1,3\nc2,1,2,2,2\nc2,2,2,2,2\n");
    String definitions = definitions().toString();

    Cli.Run validate =
        run(
            "validate",
            csv.toString(),
            "--instrument",
            "clinic-mood-3",
            "--instruments",
            definitions);
    Cli.Run change =
        run(
            "change",
            csv.toString(),
            "--instrument",
            "clinic-mood-3",
            "--instruments",
            definitions,
            "--format",
            "csv");

    assertThat(validate.exit()).as(validate.toString()).isZero();
    assertThat(change.exit()).as(change.toString()).isZero();
    // c1: 4 + 4 + 4 = 12 -> 1 + 1 + 1 = 3, a drop of 9 beyond the reliable change of 3, from the
    // clinical side of the definition's cutoff (6 or more) to the other: recovered; c2: 6 -> 6.
    assertThat(change.out().lines()).contains("c1,12,3,-9,,recovered", "c2,6,6,0,,unchanged");
    assertThat(change.err()).contains("the published values of clinic-mood-3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"score", "validate", "change", "gains", "ruptures", "trend", "cohort"})
  void brokenDefinitionsStopEveryCommandBeforeAnyDataIsRead(String command) throws IOException {
    Path definitions = definitions();
    write(
        definitions,
        "broken.json",
        MOOD.replace("clinic-mood-3", "broken").replace("\"min\": 0", "\"min\": \"zero\""));
    // The data file does not exist: a command that looked at it first would fail with a usage error
    // (2).
    Path data = dir.resolve("no-such-data.csv");

    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                command,
                data.toString(),
                "--instrument",
                "phq-9",
                "--instruments",
                definitions.toString()));
    if (command.equals("gains")) {
      args.addAll(List.of("--cutoff", "7")); // its one required option
    }

    Cli.Run run = run(args.toArray(String[]::new));

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(
            definitions.resolve("broken.json")
                + " $.items[0].scale.min: expected a whole number, found the text 'zero'")
        .contains("the instrument definitions have 3 problems; nothing was read")
        .doesNotContain("\tat ");
  }

  @Test
  void instrumentsListsAndShowsUserDefinedInstruments() throws IOException {
    String definitions = definitions().toString();

    Cli.Run list = run("instruments", "--instruments", definitions);
    Cli.Run show = run("instruments", "show", "clinic-mood-3", "--instruments", definitions);

    assertThat(list.exit()).as(list.toString()).isZero();
    assertThat(list.out().lines())
        .anySatisfy(
            line ->
                assertThat(line.split(" {2,}"))
                    .containsExactly(
                        "clinic-mood-3",
                        "Clinic mood check",
                        "outcome",
                        "3",
                        "open (text included)"));
    assertThat(list.out()).contains("phq-9");
    assertThat(show.exit()).as(show.toString()).isZero();
    assertThat(show.out())
        .contains("Clinic mood check (clinic-mood-3, version 2)")
        .contains("Item text:")
        .contains("1. I felt low.")
        .contains("3. I felt hopeful.")
        .contains("reversed")
        .contains("Reliable change");
  }

  @Test
  void aLicensedSrsDefinitionAddsItsItemText() {
    Cli.Run builtIn = run("instruments", "show", "srs");
    Cli.Run licensed =
        run(
            "instruments",
            "show",
            "srs",
            "--instruments",
            EXAMPLES.resolve("srs-licensed.json").toString());

    assertThat(builtIn.out()).doesNotContain("Item text:");
    assertThat(licensed.exit()).as(licensed.toString()).isZero();
    assertThat(licensed.out())
        .contains("Item text:")
        .contains("1. [Item 1 (Relationship): paste the wording")
        .contains("total < 36");
  }

  @Test
  void exportedPhq9PassesCheckAndMatchesTheBuiltIn() throws IOException {
    Cli.Run export = run("instruments", "export", "phq-9");
    assertThat(export.exit()).as(export.toString()).isZero();
    assertThat(export.out())
        .startsWith("{\n  \"id\": \"phq-9\",")
        .contains("\"loinc\": \"44260-8\"");
    Path file = write(dir, "phq-9.json", export.out());

    Cli.Run check = run("instruments", "check", file.toString());
    Cli.Run show = run("instruments", "show", "phq-9", "--instruments", file.toString());

    assertThat(check.exit()).as(check.toString()).isZero();
    assertThat(check.out())
        .isEqualTo(file + ": valid: phq-9 version 1.0, 9 items (replaces the built-in phq-9)\n");
    assertThat(show.out()).isEqualTo(run("instruments", "show", "phq-9").out());
  }

  @Test
  void exportOfAnUnknownInstrumentIsAUsageError() {
    Cli.Run run = run("instruments", "export", "nope");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("unknown instrument 'nope'");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "export", "show"})
  void theInstrumentsSubcommandsHaveHelp(String subcommand) {
    Cli.Run help = run("instruments", subcommand, "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("Usage: alliance instruments " + subcommand);
    assertThat(help.out() + help.err()).doesNotContain("picocli WARN");
  }

  @Test
  void showAndExportTakeTheDefinitionsBeforeOrAfterTheSubcommand() throws IOException {
    String definitions = definitions().toString();

    Cli.Run after = run("instruments", "show", "clinic-mood-3", "--instruments", definitions);
    Cli.Run before = run("instruments", "--instruments", definitions, "show", "clinic-mood-3");
    Cli.Run export = run("instruments", "--instruments", definitions, "export", "clinic-mood-3");

    assertThat(before.exit()).as(before.toString()).isZero();
    assertThat(before.out()).isEqualTo(after.out());
    assertThat(export.exit()).as(export.toString()).isZero();
    assertThat(export.out()).contains("clinic-mood-3");
  }
}
