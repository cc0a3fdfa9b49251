package org.alliance.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.input.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpssSyntaxTest {
  @TempDir Path dir;

  private AnalysisExport.Result export(
      Path data, ExportLayout layout, ExportLevel level, List<Administration> administrations)
      throws IOException {
    AnalysisExport export = new AnalysisExport(Catalog.builtIn(), layout, level);
    administrations.forEach(
        a -> export.add(a, Scorer.builtIn().score(a), SourceLocation.line("in.csv", 1)));
    try (Writer out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
      return export.write(out, new StringWriter());
    }
  }

  private String syntax(Path data, AnalysisExport.Result result) throws IOException {
    StringWriter out = new StringWriter();
    SpssSyntaxWriter.write(out, data, result.columns());
    return out.toString();
  }

  @Test
  void declaresTypesLabelsAndTheCodesAsMissing() throws IOException {
    Path data = dir.resolve("scores.csv");
    String syntax =
        syntax(data, export(data, ExportLayout.WIDE, ExportLevel.SCORES, AnalysisExportTest.SMALL));

    assertThat(syntax)
        .contains("  /FILE='" + data.toAbsolutePath() + "'\n")
        .contains(
            "    client A2\n    episode_id A4\n    episode F8.0\n    session F8.0\n    date SDATE10\n    srs_total F16.6\n")
        .contains(
            "  /srs_clinical 'SRS alliance concern: talk about the relationship (total < 36)'\n")
        .contains(
            "  /srs_clinical 1 'total < 36' 0 'not' -55 'too many items missing to score' -66 'invalid' -99 'not administered'\n")
        .contains(
            "MISSING VALUES\n  srs_total\n  srs_mean\n  srs_clinical\n  ors_total\n  ors_mean\n  ors_clinical (LOWEST THRU -50).\n")
        .endsWith("EXECUTE.\n");
    assertThat(SpssSyntaxWriter.quote("it's")).isEqualTo("'it''s'");
  }

  private static boolean hasPspp() {
    try {
      Process pspp = new ProcessBuilder("pspp", "--version").redirectErrorStream(true).start();
      pspp.getInputStream().readAllBytes();
      return pspp.waitFor(60, TimeUnit.SECONDS) && pspp.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String runPspp(String syntax) throws IOException, InterruptedException {
    Path file = Files.writeString(dir.resolve("run.sps"), syntax, StandardCharsets.UTF_8);
    Process pspp =
        new ProcessBuilder("pspp", "-O", "format=csv", file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(pspp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(pspp.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(output).as(output).doesNotContainPattern("(?m)(^|: )(error|warning):");
    return output;
  }

  @Test
  void psppReadsTheExportAndLeavesEveryCodeOutOfTheStatistics() throws Exception {
    assumeTrue(hasPspp(), "PSPP is not installed");
    Path data = dir.resolve("scores.csv");
    String syntax =
        syntax(data, export(data, ExportLayout.WIDE, ExportLevel.SCORES, AnalysisExportTest.SMALL));

    String output =
        runPspp(syntax + "DESCRIPTIVES srs_total ors_total.\nLIST client date srs_total.\n");

    // Only SRS session 1 (35.6) is a score: session 2's -55 and ORS's -66 and -99 are missing.
    assertThat(output).contains("SRS total (sum),1,35.60").contains("ORS total (sum),0");
    assertThat(output).contains("c1,2026/01/07,35.600000").contains("c1,2026/01/14,-55.000000");
  }

  @Test
  void psppReadsEveryLayoutAndLevelOfEveryInstrument() throws Exception {
    assumeTrue(hasPspp(), "PSPP is not installed");
    List<Administration> administrations =
        org.alliance.io.redcap.RedcapRoundTripAccess.administrations(3);
    for (ExportLayout layout : ExportLayout.values()) {
      for (ExportLevel level : ExportLevel.values()) {
        Path data = dir.resolve(layout + "-" + level + ".csv");
        AnalysisExport.Result result = export(data, layout, level, administrations);

        String output =
            runPspp(syntax(data, result) + "DISPLAY DICTIONARY.\nDESCRIPTIVES session.\n");

        assertThat(output)
            .as(layout + " " + level)
            .contains("session,4,Session number (0 = intake or baseline)")
            .contains("Session number (0 = intake or baseline)," + result.rows() + ",");
      }
    }
  }
}
