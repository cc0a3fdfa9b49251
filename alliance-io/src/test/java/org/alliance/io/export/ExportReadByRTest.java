package org.alliance.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
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
import org.alliance.io.redcap.RedcapRoundTripAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Base R reads the exports as a researcher would; runs only where Rscript is installed. */
class ExportReadByRTest {
  @TempDir Path dir;

  private static boolean hasR() {
    try {
      Process r = new ProcessBuilder("Rscript", "--version").redirectErrorStream(true).start();
      r.getInputStream().readAllBytes();
      return r.waitFor(60, TimeUnit.SECONDS) && r.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Path export(ExportLayout layout, ExportLevel level, List<Administration> administrations)
      throws IOException {
    AnalysisExport export = new AnalysisExport(Catalog.builtIn(), layout, level);
    administrations.forEach(
        a -> export.add(a, Scorer.builtIn().score(a), SourceLocation.line("in.csv", 1)));
    Path data = dir.resolve(layout + "-" + level + ".csv");
    try (Writer out = Files.newBufferedWriter(data, StandardCharsets.UTF_8);
        Writer dictionary =
            Files.newBufferedWriter(
                dir.resolve(layout + "-" + level + "-dictionary.csv"), StandardCharsets.UTF_8)) {
      export.write(out, dictionary);
    }
    return data;
  }

  @Test
  void baseRReadsEveryExportWithNumericValuesAndItsOwnColumnNames() throws Exception {
    assumeTrue(hasR(), "Rscript is not installed");
    List<Administration> administrations = RedcapRoundTripAccess.administrations(7);
    Path wideScores = export(ExportLayout.WIDE, ExportLevel.SCORES, administrations);
    Path longItems = export(ExportLayout.LONG, ExportLevel.ITEMS, administrations);
    Path wideItems = export(ExportLayout.WIDE, ExportLevel.ITEMS, administrations);
    String script =
        String.join(
            "\n",
            "check <- function(file) {",
            "  d <- read.csv(file, stringsAsFactors = FALSE, check.names = TRUE, na.strings = '')",
            "  raw <- strsplit(readLines(file, n = 1), ',')[[1]]",
            "  stopifnot(identical(names(d), raw))", // R kept every name as written: they are valid
            // R names
            "  dict <- read.csv(sub('\\\\.csv$', '-dictionary.csv', file), stringsAsFactors = FALSE)",
            "  numeric <- dict$variable[dict$type %in% c('integer', 'decimal')]",
            "  for (v in intersect(numeric, names(d))) stopifnot(is.numeric(d[[v]]) || all(is.na(d[[v]])))",
            "  stopifnot(all(!is.na(as.Date(d$date[!is.na(d$date)]))))",
            "  cat(nrow(d), ncol(d), '')",
            "}",
            "check('" + wideScores + "')",
            "check('" + longItems + "')",
            "check('" + wideItems + "')",
            "d <- read.csv('" + longItems + "', na.strings = '')",
            "cat(sum(d$value == -77, na.rm = TRUE) > 0, sum(d$value == -88, na.rm = TRUE) > 0, sum(is.na(d$value)) > 0, '')",
            "w <- read.csv('" + wideScores + "')",
            "cat(any(w == -99, na.rm = TRUE))");
    Process r =
        new ProcessBuilder("Rscript", "--vanilla", "-e", script).redirectErrorStream(true).start();
    String output = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(r.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(r.exitValue()).as(output).isZero();
    long wideRows = Files.readAllLines(wideScores).size() - 1;
    long longRows = Files.readAllLines(longItems).size() - 1;
    assertThat(output)
        .startsWith(wideRows + " ")
        .contains(" " + longRows + " 9 ")
        .endsWith("TRUE TRUE TRUE TRUE");
  }
}
