package org.alliance.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PdfReportWriterTest {
  @TempDir Path dir;

  private static byte[] pdf(ReportDocument document, boolean embedFont) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfReportWriter.write(document, out, embedFont);
    return out.toByteArray();
  }

  /**
   * The text of every page, each run of white space (line breaks in wrapped cells too) as one
   * space.
   */
  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private static List<String> pageTexts(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> pages = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(stripper.getText(document));
      }
      return pages;
    }
  }

  @Test
  void writesAClientReportOnA4PagesWithTheKeyNumbers() throws IOException {
    byte[] pdf =
        pdf(
            ClientReportLayout.document(
                ReportFixtures.clientReport(
                    ReportFixtures.write(dir, ReportFixtures.ANSWERS), "c1")),
            true);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      for (PDPage page : document.getPages()) {
        assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
        assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
      }
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Client report: c1");
    }
    String text = text(pdf);
    assertThat(text)
        .contains("Client report: c1")
        .contains("critical-item v1")
        .contains("18 at session 1 (2026-01-07)")
        .contains("7 at session 6 (2026-02-11), mild")
        .contains("-11 points (better)")
        .contains("recovered: reliably improved")
        .contains("16 to 9")
        .contains("repaired at session 4")
        .contains("1 (Several days): risk item answered");
    List<String> pages = pageTexts(pdf);
    for (int page = 0; page < pages.size(); page++) {
      assertThat(pages.get(page)).contains("page " + (page + 1) + " of " + pages.size());
    }
  }

  @Test
  void writesACohortReport() throws IOException {
    byte[] pdf =
        pdf(
            CohortReportLayout.document(
                ReportFixtures.cohortReport(ReportFixtures.write(dir, ReportFixtures.ANSWERS), 15)),
            true);

    String text = text(pdf);
    assertThat(text)
        .contains("Cohort report: PHQ-9")
        .contains("Reliably improved")
        .contains("50.0%")
        .contains("9.5-90.5%")
        .contains("too few clients to compare");
  }

  @Test
  void continuesALongTableOnTheNextPageUnderItsHeader() throws IOException {
    List<ReportDocument.Row> rows = new ArrayList<>();
    for (int i = 1; i <= 150; i++) {
      rows.add(
          new ReportDocument.Row(
              List.of(
                  "row " + i, "a value that wraps onto a second line of its narrow column " + i),
              i % 7 == 0 ? ReportDocument.Tone.WARNING : ReportDocument.Tone.PLAIN));
    }
    ReportDocument document =
        new ReportDocument(
            "Long",
            "footer",
            List.of(
                new ReportDocument.Table(
                    "many rows", List.of("First column", "Second column"), List.of(1, 1), rows)));

    List<String> pages = pageTexts(pdf(document, true));

    assertThat(pages.size()).isGreaterThan(2);
    assertThat(pages)
        .allSatisfy(page -> assertThat(page).contains("First column").contains("Second column"));
    assertThat(String.join("", pages)).contains("row 1 a value").contains("row 150 a value");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void printsAnyClientReferenceWithoutFailing(boolean embedFont) throws IOException {
    String client = "Zoë-Ωμέγα-测试-\uD83D\uDE00-" + "x".repeat(180);
    ReportDocument document =
        new ReportDocument(
            "Client report: " + client,
            "Client " + client,
            List.of(
                new ReportDocument.Facts(List.of(new ReportDocument.Fact("Client", client))),
                new ReportDocument.Paragraph(
                    "tab\there, line\nbreak", ReportDocument.Tone.URGENT)));

    String text = text(pdf(document, embedFont));

    assertThat(text).contains("Zoë-").contains("tab here, line break");
    if (!embedFont) {
      // Helvetica knows Western European letters only: the rest prints as '?'.
      assertThat(text).contains("Zoë-?????-??-?-xxx");
    }
  }

  @Test
  void embedsASystemFontThatPrintsOtherAlphabetsWhereTheSystemHasOne() throws IOException {
    boolean trueType;
    try (PDDocument probe = new PDDocument()) {
      trueType = PdfFonts.load(probe, true).regular instanceof PDType0Font;
    }
    ReportDocument document =
        new ReportDocument(
            "Client report: Ωμέγα",
            "footer",
            List.of(
                new ReportDocument.Paragraph(
                    "The first score is effective: fifty.", ReportDocument.Tone.PLAIN)));

    String text = text(pdf(document, true));

    // CI must not skip a test, so a system without a TrueType font checks the fallback instead.
    assertThat(text).contains(trueType ? "Client report: Ωμέγα" : "Client report: ?????");
    // Set letter by letter, not as ligature glyphs, so search and screen readers find the words.
    assertThat(text)
        .contains("The first score is effective: fifty.")
        .doesNotContain("\uFB01")
        .doesNotContain("\uFB00");
  }

  @Test
  void wrapsSeededRandomTextWithoutLosingAWord() throws IOException {
    Random random = new Random(42);
    for (int round = 0; round < 5; round++) {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 60 : 9);
        StringBuilder word = new StringBuilder();
        for (int c = 0; c < length; c++) {
          word.append((char) ('a' + random.nextInt(26)));
        }
        words.add(word.toString());
      }
      ReportDocument document =
          new ReportDocument(
              "Words",
              "footer",
              List.of(
                  new ReportDocument.Paragraph(
                      String.join(" ", words), ReportDocument.Tone.PLAIN)));

      String text = text(pdf(document, true)).replace(" ", "");

      // Long words are cut across lines, short ones kept whole: joined up, every letter is there in
      // order.
      assertThat(text).contains(String.join("", words));
    }
  }
}
