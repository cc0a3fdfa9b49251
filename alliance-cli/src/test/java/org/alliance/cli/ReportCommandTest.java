package org.alliance.cli;

import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class ReportCommandTest {
  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String SVG = "http://www.w3.org/2000/svg";

  /**
   * PHQ-9 and SRS answers: c1 has a sudden gain between sessions 3 and 4, a repaired rupture at
   * session 3 and the risk item answered at the latest session; c2 has two PHQ-9 administrations.
   */
  private static final String ANSWERS =
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

  @TempDir Path dir;

  private Path answers() throws IOException {
    return write(dir, "answers.csv", ANSWERS);
  }

  private static Document xml(String markup) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(markup)));
  }

  private static String pdfText(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  @Test
  void writesAClientReportAsHtml() throws Exception {
    Path out = dir.resolve("c1.html");

    Cli.Run run = run("report", answers().toString(), "--client", "c1", "--out", out.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).contains("wrote " + out);
    String html = Files.readString(out);
    Document document = xml(html);
    assertThat(document.getElementsByTagNameNS(XHTML, "h1").item(0).getTextContent())
        .isEqualTo("Client report: c1");
    // Two charts, each drawn for a desk or print (880 px) and for a phone (320 px).
    assertThat(document.getElementsByTagNameNS(SVG, "svg").getLength()).isEqualTo(4);
    assertThat(html)
        .contains("critical-item v1")
        .contains("3 to 4")
        .contains("16 to 9")
        .contains("repaired at session 4")
        .contains("Thoughts that you would be better off dead");
    // A report holds clinical data: a new file is readable by its owner only.
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-------");
  }

  @Test
  void writesAClientReportAsPdf() throws IOException {
    Path out = dir.resolve("c1.pdf");

    Cli.Run run = run("report", answers().toString(), "--client", "c1", "--out", out.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).doesNotContain("SLF4J");
    assertThat(pdfText(out))
        .contains("Client report: c1")
        .contains("critical-item v1")
        .contains("18 at session 1")
        .contains("recovered: reliably improved");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cohort.html", "cohort.pdf"})
  void writesACohortReport(String name) throws Exception {
    Path out = dir.resolve(name);

    Cli.Run run =
        run(
            "report",
            answers().toString(),
            "--cohort",
            "--min-cases",
            "2",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    String text = name.endsWith(".pdf") ? pdfText(out) : Files.readString(out);
    assertThat(text)
        .contains("Cohort report: PHQ-9")
        .contains("Reliably improved")
        .contains("50.0%")
        .contains("fewer than 2 clients");
    if (name.endsWith(".html")) {
      xml(text);
    }
  }

  @Test
  void marksTheKnownSuddenGainsOfTheSuddengainsExample() throws IOException {
    Path out = dir.resolve("sg.html");

    Cli.Run run =
        run(
            "report",
            "../examples/sgdata-long.csv",
            "--score",
            "bdi",
            "--lower-is-better",
            "--client",
            "1",
            "--gain-cutoff",
            "7",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).contains("note: expected course of bdi fitted on 43 episodes");
    String html = Files.readString(out);
    assertThat(html)
        .contains(
            "<td>Sudden gain</td><td>3 to 4</td><td>34 to 23</td><td>11 points</td><td>yes, at session 7")
        .contains(
            "<td>Sudden gain</td><td>7 to 8</td><td>29 to 17</td><td>12 points</td><td>no</td>")
        .contains("Sudden gain from session 3 to 4.")
        .contains("Expected course of similar clients shown, fitted on 43 episodes.");
  }

  @Test
  void fitsTheExpectedCourseOnAReferenceFile() throws IOException {
    Path file =
        write(dir, "new.csv", "client,session,bdi\nnew,1,30\nnew,2,31\nnew,3,32\nnew,4,33\n");
    Path out = dir.resolve("new.html");

    Cli.Run run =
        run(
            "report",
            file.toString(),
            "--score",
            "bdi",
            "--lower-is-better",
            "--client",
            "new",
            "--reference",
            "../examples/sgdata-long.csv",
            "--gain-cutoff",
            "7",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    String html = Files.readString(out);
    assertThat(html)
        .contains(
            "The expected course of bdi was fitted on 43 past episodes of ../examples/sgdata-long.csv.")
        .contains("Expected course of similar clients shown, fitted on 43 episodes.")
        .contains("Not on track at session 4.")
        .contains("not-on-track v1 (score 33");
  }

  @Test
  void namesSomeKnownClientsForAnUnknownOneAndWritesNothing() throws IOException {
    Path out = dir.resolve("none.html");

    Cli.Run run = run("report", answers().toString(), "--client", "c9", "--out", out.toString());

    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err())
        .contains("alliance: no client c9 in " + answers() + "; clients in it include c1, c2");
    assertThat(out).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("answers.csv");
    }
  }

  @Test
  void listsOnlyAFewOfManyClients() throws IOException {
    Cli.Run run =
        run(
            "report",
            "../examples/sgdata-long.csv",
            "--score",
            "bdi",
            "--lower-is-better",
            "--client",
            "x",
            "--out",
            dir.resolve("x.html").toString());

    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("clients in it include 1, 2, 3, 4, 5 (and 38 more)");
  }

  @Test
  void writesTheReportButExitsWithOneWhenRowsWereLeftOut() throws IOException {
    Path file =
        write(dir, "problems.csv", ANSWERS + "c2,3,2026-01-22,dr-b,phq-9,1,1,9,1,1,1,1,1,0\n");
    Path out = dir.resolve("c1.html");

    Cli.Run run = run("report", file.toString(), "--client", "c1", "--out", out.toString());

    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("line 16").contains("1 of 15 rows were left out");
    assertThat(Files.readString(out))
        .contains("1 of 15 rows of the data were left out for problems");
  }

  @Test
  void writesHtmlToStandardOutputAndReadsStandardInput() {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(ANSWERS.getBytes(StandardCharsets.UTF_8)));

      Cli.Run run = run("report", "-", "--client", "c2", "--out", "-");

      assertThat(run.exit()).as(run.toString()).isZero();
      assertThat(run.out())
          .startsWith("<!DOCTYPE html>")
          .contains("Client report: c2")
          .contains("standard input");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void takesTheFormatFromTheOptionOverTheExtension() throws IOException {
    Path out = dir.resolve("report.txt");

    Cli.Run run =
        run(
            "report",
            answers().toString(),
            "--client",
            "c1",
            "--format",
            "pdf",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(Files.readAllBytes(out)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void keepsThePermissionsOfAReportItReplaces() throws IOException {
    Path out = Files.writeString(dir.resolve("shared.html"), "old");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));

    Cli.Run run = run("report", answers().toString(), "--client", "c2", "--out", out.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(Files.readString(out)).contains("Client report: c2");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-r-----");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--client c1 --cohort --out r.html",
        "--out r.html",
        "--client c1 --out report.txt",
        "--client c1 --format pdf --out -",
        "--client c1 --gain-cutoff 0 --out r.html",
        "--cohort --min-cases 0 --out r.html",
        "--cohort --reliability 1.5 --out r.html",
        "--client c1 --format doc --out r.html",
        "--client c1"
      })
  void refusesAMisuseAsAUsageError(String arguments) throws IOException {
    String[] args = (answers() + " " + arguments).split(" ");
    String[] command = new String[args.length + 1];
    command[0] = "report";
    System.arraycopy(args, 0, command, 1, args.length);

    Cli.Run run = run(command);

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).doesNotContain("Exception");
  }

  @Test
  void explainsWhatTheFormatAndTheSubjectNeed() throws IOException {
    assertThat(run("report", answers().toString(), "--client", "c1", "--out", "report.txt").err())
        .contains(
            "cannot tell the format from report.txt: name it .html or .pdf, or give --format html|pdf");
    assertThat(
            run("report", answers().toString(), "--client", "c1", "--format", "pdf", "--out", "-")
                .err())
        .contains("a PDF cannot go to standard output");
    assertThat(
            run(
                    "report",
                    "../examples/sgdata-long.csv",
                    "--score",
                    "bdi",
                    "--lower-is-better",
                    "--cohort",
                    "--out",
                    dir.resolve("c.html").toString())
                .err())
        .contains("bdi has no published reliable-change value and cutoff: give --reliability R");
    assertThat(
            run("report", dir.resolve("missing.csv").toString(), "--cohort", "--out", "r.html")
                .err())
        .contains("no such file");
  }

  @Test
  void judgesAScoreColumnCohortWithAReliability() throws IOException {
    Path out = dir.resolve("sg-cohort.html");

    Cli.Run run =
        run(
            "report",
            "../examples/sgdata-long.csv",
            "--score",
            "bdi",
            "--lower-is-better",
            "--cohort",
            "--reliability",
            "0.9",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(Files.readString(out))
        .contains("Cohort report: bdi")
        .contains("43 in the data; 43 with two or more scores")
        .contains("a reliability of 0.9");
  }

  @Test
  void hasHelpThatRendersCleanly() {
    Cli.Run help = run("report", "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .startsWith("Usage: alliance report")
        .contains("--client=ID")
        .contains("--cohort")
        .contains("95% intervals");
    assertThat(help.out() + help.err())
        .doesNotContain("picocli WARN")
        .doesNotContain("Could not format");
  }
}
