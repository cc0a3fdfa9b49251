package org.alliance.cli;

import static org.alliance.cli.Cli.PHQ9_HEADER;
import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.scoring.Administration;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.input.AdministrationRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alliance convert} end to end, for the CSV layouts and the all-or-nothing rule. */
class ConvertCommandTest {
  private static final Path MIXED = Path.of("../examples/mixed-wide.csv");
  private static final Path LONG = Path.of("../examples/wai-sr-long.csv");

  @TempDir Path dir;

  private static List<Administration> read(Path file) throws IOException {
    List<Administration> administrations = new ArrayList<>();
    CsvReadOptions options =
        new CsvReadOptions(Catalog.builtIn(), Optional.empty(), Optional.empty());
    try (AdministrationCsvReader reader = AdministrationCsvReader.open(file, options)) {
      while (reader.hasNext()) {
        AdministrationRow row = reader.next();
        assertThat(row.problems()).as(row.location().toString()).isEmpty();
        administrations.add(row.administration().orElseThrow());
      }
    }
    return administrations;
  }

  private List<Path> partialFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".partial")).toList();
    }
  }

  @Test
  void wideToLongAndBackKeepsEveryAdministration() throws IOException {
    Path long1 = dir.resolve("long.csv");
    Path wide = dir.resolve("wide.csv");

    Cli.Run toLong =
        run("convert", MIXED.toString(), "--to", "csv-long", "--out", long1.toString());
    Cli.Run toWide =
        run(
            "convert",
            long1.toString(),
            "--from",
            "csv-long",
            "--to",
            "csv-wide",
            "--out",
            wide.toString());

    assertThat(toLong.exit()).as(toLong.toString()).isZero();
    assertThat(toWide.exit()).as(toWide.toString()).isZero();
    List<Administration> original = read(MIXED);
    assertThat(original).hasSizeGreaterThan(5);
    assertThat(read(long1)).containsExactlyElementsOf(original);
    assertThat(read(wide)).containsExactlyElementsOf(original);
    assertThat(toLong.err())
        .contains(
            "converted "
                + original.size()
                + " of "
                + original.size()
                + " administrations to csv-long");
  }

  @Test
  void longToWideUsesTheInstrumentsFoundInTheFile() throws IOException {
    Cli.Run run = run("convert", LONG.toString(), "--to", "csv-wide");

    assertThat(run.exit()).as(run.toString()).isZero();
    // WAI-SR has 12 items: the wide header has exactly q1..q12, not the catalog's longest
    // instrument.
    assertThat(run.out().lines().findFirst().orElseThrow())
        .isEqualTo(
            "client,session,date,clinician,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12");
    Path wide = write(dir, "wide.csv", run.out());
    assertThat(read(wide)).containsExactlyElementsOf(read(LONG));
  }

  @Test
  void skippedDeclinedAndIncompleteFormsAreConvertedAsTheyAre() throws IOException {
    Path file =
        write(
            dir,
            "in.csv",
            PHQ9_HEADER
                + "c1,1,2024-01-01,0,skipped,2,declined,0,1,2,3,0\n"
                + "c1,2,2024-01-08,0,,,,,,,,\n");

    Cli.Run run = run("convert", file.toString(), "--instrument", "phq-9", "--to", "csv-long");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("c1,1,2024-01-01,,phq-9,phq9_2,skipped\n")
        .contains("c1,1,2024-01-01,,phq-9,phq9_4,declined\n")
        .contains("c1,2,2024-01-08,,phq-9,phq9_1,0\n")
        .doesNotContain("c1,2,2024-01-08,,phq-9,phq9_2");
    Path back = write(dir, "long.csv", run.out());
    assertThat(read(back)).containsExactlyElementsOf(read(file, "phq-9"));
  }

  private static List<Administration> read(Path file, String instrument) throws IOException {
    List<Administration> administrations = new ArrayList<>();
    CsvReadOptions options =
        new CsvReadOptions(Catalog.builtIn(), Optional.of(instrument), Optional.empty());
    try (AdministrationCsvReader reader = AdministrationCsvReader.open(file, options)) {
      reader.forEachRemaining(row -> administrations.add(row.administration().orElseThrow()));
    }
    return administrations;
  }

  @Test
  void takesEveryValidRowAndReportsTheRestWithTheirPlace() throws IOException {
    Path file =
        write(
            dir,
            "in.csv",
            PHQ9_HEADER
                + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n"
                + "c1,two,2024-01-08,0,1,2,3,0,1,2,3,0\n"
                + "c2,1,2024-01-02,0,1,9,3,0,1,2,3,0\n"
                + "c3,1,2024-01-02,0,0,0,0,0,0,0,0,0\n");
    Path out = dir.resolve("out.csv");

    Cli.Run run =
        run(
            "convert",
            file.toString(),
            "--instrument",
            "phq-9",
            "--to",
            "csv-wide",
            "--out",
            out.toString());

    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err())
        .contains("in.csv line 3, column 2 (session)")
        .contains("in.csv line 4, column 6 (q3): item phq9_3: expected 0-3, found 9")
        .contains("converted 2 of 4 administrations to csv-wide; 2 rejected");
    assertThat(Files.readAllLines(out))
        .hasSize(3)
        .anyMatch(line -> line.startsWith("c1,1,"))
        .anyMatch(line -> line.startsWith("c3,1,"));
  }

  @Test
  void strictWritesNothingWhenAnyRowIsRejected() throws IOException {
    Path file =
        write(
            dir,
            "in.csv",
            PHQ9_HEADER
                + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n"
                + "c2,1,2024-01-02,0,1,9,3,0,1,2,3,0\n");
    Path out = write(dir, "out.csv", "what was here before\n");

    Cli.Run toFile =
        run(
            "convert",
            file.toString(),
            "--instrument",
            "phq-9",
            "--to",
            "csv-long",
            "--strict",
            "--out",
            out.toString());
    Cli.Run toStdout =
        run("convert", file.toString(), "--instrument", "phq-9", "--to", "csv-long", "--strict");

    assertThat(toFile.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(toFile.err())
        .contains("line 3, column 6 (q3)")
        .contains("--strict: nothing written: 1 administration of 2 rejected");
    assertThat(Files.readString(out)).isEqualTo("what was here before\n");
    assertThat(partialFiles()).isEmpty();
    assertThat(toStdout.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(toStdout.out()).isEmpty();
  }

  @Test
  void strictWritesEverythingWhenNothingIsRejected() throws IOException {
    Path file = write(dir, "in.csv", PHQ9_HEADER + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n");

    Cli.Run run =
        run("convert", file.toString(), "--instrument", "phq-9", "--to", "csv-long", "--strict");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out().lines()).hasSize(10);
  }

  @Test
  void anUnknownFormatIsAUsageErrorListingTheFormats() {
    Cli.Run run = run("convert", MIXED.toString(), "--to", "xlsx");

    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains(
            "'xlsx' is not a format; use one of csv-wide, csv-long, fhir, fhir-ndjson, redcap");
  }

  @Test
  void aMissingFileIsAUsageError() {
    Cli.Run run = run("convert", dir.resolve("nope.csv").toString(), "--to", "csv-long");

    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("no such file");
  }

  @Test
  void redcapRoundTripWritesTheDictionaryBesideTheData() throws IOException {
    Path redcap = dir.resolve("project.csv");
    Path back = dir.resolve("back.csv");

    Cli.Run toRedcap =
        run("convert", MIXED.toString(), "--to", "redcap", "--out", redcap.toString());
    Cli.Run fromRedcap =
        run(
            "convert",
            redcap.toString(),
            "--from",
            "redcap",
            "--to",
            "csv-wide",
            "--out",
            back.toString());

    assertThat(toRedcap.exit()).as(toRedcap.toString()).isZero();
    assertThat(fromRedcap.exit()).as(fromRedcap.toString()).isZero();
    assertThat(Files.readAllLines(dir.resolve("project-dictionary.csv")).get(0))
        .startsWith("Variable / Field Name,Form Name,");
    assertThat(read(back)).containsExactlyElementsOf(read(MIXED));
  }

  @Test
  void redcapNeedsAnOutputFileAndAMappingOnlyGoesWithRedcapInput() throws IOException {
    Cli.Run noOut = run("convert", MIXED.toString(), "--to", "redcap");
    Cli.Run stray =
        run("convert", MIXED.toString(), "--to", "csv-long", "--mapping", MIXED.toString());

    assertThat(noOut.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(noOut.err()).contains("--to redcap needs --out FILE");
    assertThat(stray.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(stray.err()).contains("--mapping is for --from redcap");
  }

  @Test
  void strictRedcapLeavesNeitherDataNorDictionary() throws IOException {
    Path file =
        write(
            dir,
            "in.csv",
            PHQ9_HEADER
                + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n"
                + "c2,1,2024-01-02,0,1,9,3,0,1,2,3,0\n");

    Cli.Run run =
        run(
            "convert",
            file.toString(),
            "--instrument",
            "phq-9",
            "--to",
            "redcap",
            "--strict",
            "--out",
            dir.resolve("project.csv").toString());

    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(dir.resolve("project.csv")).doesNotExist();
    assertThat(dir.resolve("project-dictionary.csv")).doesNotExist();
    assertThat(partialFiles()).isEmpty();
  }

  @Test
  void fhirBundleAndNdjsonRoundTripsKeepEveryAdministration() throws IOException {
    Path bundle = dir.resolve("bundle.json");
    Path ndjson = dir.resolve("resources.ndjson");
    Path fromBundle = dir.resolve("from-bundle.csv");
    Path fromNdjson = dir.resolve("from-ndjson.csv");

    List<Cli.Run> runs =
        List.of(
            run("convert", MIXED.toString(), "--to", "fhir", "--out", bundle.toString()),
            run("convert", MIXED.toString(), "--to", "fhir-ndjson", "--out", ndjson.toString()),
            run("convert", bundle.toString(), "--to", "csv-wide", "--out", fromBundle.toString()),
            run("convert", ndjson.toString(), "--to", "csv-wide", "--out", fromNdjson.toString()));

    assertThat(runs).allSatisfy(r -> assertThat(r.exit()).as(r.toString()).isZero());
    assertThat(Files.readString(bundle))
        .contains("\"resourceType\": \"Bundle\"")
        .contains("\"type\": \"transaction\"");
    assertThat(Files.readAllLines(ndjson))
        .allSatisfy(line -> assertThat(line).startsWith("{\"resourceType\":"));
    assertThat(read(fromBundle)).containsExactlyElementsOf(read(MIXED));
    assertThat(read(fromNdjson)).containsExactlyElementsOf(read(MIXED));
  }

  @Test
  void aFhirResponseWithProblemsIsReportedWithItsElementAndStrictWritesNothing()
      throws IOException {
    Path good = dir.resolve("good.ndjson");
    run("convert", MIXED.toString(), "--to", "fhir-ndjson", "--out", good.toString());
    List<String> lines = new ArrayList<>(Files.readAllLines(good));
    int response =
        lines.indexOf(
            lines.stream()
                .filter(l -> l.contains("QuestionnaireResponse"))
                .findFirst()
                .orElseThrow());
    lines.set(response, lines.get(response).replaceFirst("\"subject\":\\{[^}]*\\},?", ""));
    Path bad = write(dir, "bad.ndjson", String.join("\n", lines) + "\n");

    Cli.Run lenient = run("convert", bad.toString(), "--to", "csv-long");
    Cli.Run strict =
        run(
            "convert",
            bad.toString(),
            "--to",
            "csv-long",
            "--strict",
            "--out",
            dir.resolve("out.csv").toString());

    assertThat(lenient.exit()).as(lenient.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(lenient.err())
        .contains("bad.ndjson line " + (response + 1))
        .contains("QuestionnaireResponse.subject")
        .contains("1 rejected");
    assertThat(strict.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(dir.resolve("out.csv")).doesNotExist();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"fhir", "fhir-ndjson"})
  void theClinicianTravelsThroughFhirAsTheAuthorSoCohortsByClinicianStillWork(String format)
      throws IOException {
    Path answers =
        Cli.write(
            dir,
            "answers.csv",
            "client,session,clinician,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
                + "c1,1,dr-a,3,3,3,3,2,2,2,2,0\n"
                + "c1,2,dr-a,1,1,1,1,0,0,0,0,0\n"
                + "c2,1,Dr Jäger,3,3,3,3,2,2,2,2,0\n"
                + "c2,2,Dr Jäger,3,3,3,3,2,2,2,2,0\n");
    Path fhir = dir.resolve(format.equals("fhir") ? "bundle.json" : "bundle.ndjson");

    Cli.Run out =
        Cli.run(
            "convert",
            answers.toString(),
            "--instrument",
            "phq-9",
            "--to",
            format,
            "--out",
            fhir.toString());
    Cli.Run back = Cli.run("convert", fhir.toString(), "--to", "csv-wide");

    assertThat(out.exit()).as(out.toString()).isZero();
    assertThat(Files.readString(fhir)).contains("Practitioner/dr-a").contains("Dr Jäger");
    assertThat(back.exit()).as(back.toString()).isZero();
    assertThat(back.out().lines())
        .anySatisfy(line -> assertThat(line).startsWith("c1,1,").contains(",dr-a,"))
        .anySatisfy(line -> assertThat(line).startsWith("c2,2,").contains(",Dr Jäger,"));
  }
}
