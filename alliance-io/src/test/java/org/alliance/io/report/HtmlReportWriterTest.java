package org.alliance.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliance.io.chart.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportWriterTest {
  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String SVG = "http://www.w3.org/2000/svg";

  @TempDir Path dir;

  private static String html(ReportDocument document) throws IOException {
    StringWriter out = new StringWriter();
    HtmlReportWriter.write(document, out);
    return out.toString();
  }

  private static List<String> texts(Document document, String namespace, String tag) {
    NodeList nodes = document.getElementsByTagNameNS(namespace, tag);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  @Test
  void writesAClientReportAsOneWellFormedSelfContainedPage() throws IOException {
    String html =
        html(
            ClientReportLayout.document(
                ReportFixtures.clientReport(
                    ReportFixtures.write(dir, ReportFixtures.ANSWERS), "c1")));

    Document document = Xml.parse(html);
    assertThat(document.getDocumentElement().getLocalName()).isEqualTo("html");
    assertThat(texts(document, XHTML, "h1")).containsExactly("Client report: c1");
    assertThat(texts(document, XHTML, "h2"))
        .contains("Alerts", "PHQ-9 (Patient Health Questionnaire-9)", "How to read this report");
    // Each chart twice: for a desk and print, and for a phone, where the wide one would shrink.
    NodeList charts = document.getElementsByTagNameNS(SVG, "svg");
    assertThat(charts.getLength()).isEqualTo(4);
    assertThat(((Element) charts.item(0)).getAttribute("role")).isEqualTo("img");
    List<String> widths = new ArrayList<>();
    for (int i = 0; i < charts.getLength(); i++) {
      Element chart = (Element) charts.item(i);
      widths.add(
          ((Element) chart.getParentNode()).getAttribute("class")
              + " "
              + chart.getAttribute("width"));
    }
    assertThat(widths).containsExactly("desk 880", "phone 320", "desk 880", "phone 320");
    assertThat(html).contains("@media screen and (max-width: 40rem)");
    assertThat(texts(document, SVG, "title"))
        .containsExactly(
            "PHQ-9 of client c1 over sessions",
            "PHQ-9 of client c1 over sessions",
            "SRS of client c1 over sessions",
            "SRS of client c1 over sessions");
    // Nothing is fetched from elsewhere: no scripts, no links, no external images or fonts.
    assertThat(texts(document, XHTML, "script")).isEmpty();
    assertThat(html)
        .doesNotContain("<link")
        .doesNotContain("src=")
        .doesNotContain("@import")
        .doesNotContain("url(http");
    assertThat(html.replaceAll("xmlns(:\\w+)?=['\"][^'\"]*['\"]", ""))
        .doesNotContain("http://")
        .doesNotContain("https://");
    assertThat(html).contains("@media print").contains("<meta charset=\"utf-8\"/>");
    // Each measure's heading, introduction and chart are kept on one printed page.
    NodeList divs = document.getElementsByTagNameNS(XHTML, "div");
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < divs.getLength(); i++) {
      Element div = (Element) divs.item(i);
      if (div.getAttribute("class").equals("keep")) {
        kept.add(
            div.getElementsByTagNameNS(XHTML, "h2").item(0).getTextContent()
                + ":"
                + div.getElementsByTagNameNS(XHTML, "figure").getLength());
      }
    }
    assertThat(kept)
        .containsExactly(
            "PHQ-9 (Patient Health Questionnaire-9):1", "SRS (Session Rating Scale):1");
  }

  @Test
  void highlightsTheRiskRowsOfTheAlertsAndAnswers() throws IOException {
    String html =
        html(
            ClientReportLayout.document(
                ReportFixtures.clientReport(
                    ReportFixtures.write(dir, ReportFixtures.ANSWERS), "c1")));

    Document document = Xml.parse(html);
    NodeList rows = document.getElementsByTagNameNS(XHTML, "tr");
    List<String> urgent = new ArrayList<>();
    for (int i = 0; i < rows.getLength(); i++) {
      Element row = (Element) rows.item(i);
      if (row.getAttribute("class").equals("urgent")) {
        urgent.add(row.getTextContent());
      }
    }
    assertThat(urgent).hasSize(2);
    assertThat(urgent.get(0)).contains("Risk item answered");
    assertThat(urgent.get(1))
        .contains("Thoughts that you would be better off dead")
        .contains("risk item answered");
  }

  @Test
  void escapesTextAndDropsCharactersXmlForbids() throws IOException {
    ReportDocument document =
        new ReportDocument(
            "Client report: <b>&amp; \"x\"",
            "footer \u0007 bell",
            List.of(
                new ReportDocument.Paragraph("a < b & c > d \u0001", ReportDocument.Tone.WARNING),
                new ReportDocument.Table(
                    "caption",
                    List.of("one", "two"),
                    List.of(1, 3),
                    List.of(
                        new ReportDocument.Row(
                            List.of("<script>", "'quoted'"), ReportDocument.Tone.NOTE)))));

    String html = html(document);

    Document parsed = Xml.parse(html);
    assertThat(texts(parsed, XHTML, "h1")).containsExactly("Client report: <b>&amp; \"x\"");
    assertThat(texts(parsed, XHTML, "p")).contains("a < b & c > d  ");
    assertThat(texts(parsed, XHTML, "td")).containsExactly("<script>", "'quoted'");
    assertThat(texts(parsed, XHTML, "script")).isEmpty();
    assertThat(html).contains("<col style=\"width:25%\"/><col style=\"width:75%\"/>");
  }

  @Test
  void writesACohortReportWithItsRatesAndChart() throws IOException {
    String html =
        html(
            CohortReportLayout.document(
                ReportFixtures.cohortReport(
                    ReportFixtures.write(dir, ReportFixtures.ANSWERS), 15)));

    Document document = Xml.parse(html);
    assertThat(texts(document, XHTML, "h1")).containsExactly("Cohort report: PHQ-9");
    assertThat(texts(document, XHTML, "h2"))
        .containsExactly(
            "Outcomes",
            "Pre-post effect size",
            "By clinician",
            "Alliance and the next session's outcome",
            "How to read this report");
    assertThat(texts(document, XHTML, "td"))
        .containsSequence("Reliably improved", "1", "2", "50.0%", "9.5-90.5%");
    assertThat(document.getElementsByTagNameNS(SVG, "svg").getLength()).isEqualTo(2);
    assertThat(texts(document, XHTML, "p"))
        .anySatisfy(p -> assertThat(p).startsWith("* fewer than 15 clients"));
  }
}
