package org.alliance.cli;

import static org.alliance.cli.Cli.PHQ9_HEADER;
import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages that say what is wrong and where, instead of something near it. */
class InputMessagesTest {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @TempDir Path dir;

  private static final String ROWS =
      PHQ9_HEADER.replace("date,", "date,clinician,")
          + "Müller,1,2024-01-01,Dr Jäger,0,1,2,3,0,1,2,3,0\n"
          + "Müller,2,2024-01-08,Dr Jäger,0,1,1,1,0,1,1,1,0\n";

  @Test
  void aWindows1252FileIsReportedWithAHintNamingTheEncodingOption() throws IOException {
    Path file = write(dir, "excel.csv", ROWS.getBytes(WINDOWS_1252));

    Cli.Run run = run("score", file.toString(), "--instrument", "phq-9");

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err())
        .contains("excel.csv line 2, column 1 (client)")
        .contains("looks like Windows-1252")
        .contains("--encoding windows-1252");
  }

  @Test
  void withTheEncodingTheFileIsReadAsWritten() throws IOException {
    Path file = write(dir, "excel.csv", ROWS.getBytes(WINDOWS_1252));

    Cli.Run run =
        run("score", file.toString(), "--instrument", "phq-9", "--encoding", "windows-1252");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Müller,1,2024-01-01,phq-9,12");
  }

  @Test
  void aClinicianInAnotherEncodingIsReportedNotCarriedOnGarbled() throws IOException {
    String rows =
        PHQ9_HEADER.replace("date,", "date,clinician,")
            + "c1,1,2024-01-01,Dr Jäger,0,1,2,3,0,1,2,3,0\n";
    Path file = write(dir, "clinician.csv", rows.getBytes(WINDOWS_1252));

    Cli.Run run = run("convert", file.toString(), "--to", "csv-long", "--instrument", "phq-9");

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("column 4 (clinician)").contains("--encoding windows-1252");
    assertThat(run.out()).doesNotContain("\uFFFD");
  }

  @Test
  void aDirectoryGivenAsInputIsCalledADirectory() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("answers"));

    for (String command : new String[] {"score", "trend", "convert"}) {
      Cli.Run run =
          command.equals("convert")
              ? run(command, folder.toString(), "--to", "fhir")
              : run(command, folder.toString());

      assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(run.err())
          .as(command)
          .contains(folder + " is a directory")
          .doesNotContain("no such file");
    }
  }

  @Test
  void anOutputInAMissingFolderNamesTheFolderNotATemporaryFile() throws IOException {
    Path file = write(dir, "a.csv", PHQ9_HEADER + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n");
    Path out = dir.resolve("no-such-folder").resolve("scores.csv");

    Cli.Run run = run("score", file.toString(), "--instrument", "phq-9", "--out", out.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err())
        .contains("cannot write " + out)
        .contains("the folder " + out.getParent() + " does not exist")
        .doesNotContain(".partial");
  }

  @Test
  void aRedcapExportWithoutFromRedcapIsNamedForWhatItIs() {
    Cli.Run run = run("score", "../examples/redcap/import.csv");

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err())
        .contains("looks like a REDCap export (it has redcap_repeat_instrument)")
        .contains("--from redcap");
  }

  @Test
  void aUsageErrorPrintsTheErrorAndAOneLineHintNotTheWholeHelp() {
    Cli.Run run = run("score", "--no-such-option", "x.csv");

    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("Unknown option: '--no-such-option'");
    assertThat(run.err()).contains("Try 'alliance score --help'").doesNotContain("Usage:");
    assertThat(run.err().lines().count()).isLessThanOrEqualTo(3);
  }

  @Test
  void theTopLevelHelpDocumentsTheExitCodeOfCtrlC() {
    Cli.Run run = run("--help");

    assertThat(run.out()).contains("130").contains("Ctrl-C");
  }
}
