package org.alliance.web.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.trend.AlertOptions;
import org.alliance.core.trend.AlertRule;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.io.chart.CourseFindings;
import org.alliance.io.report.ClientReport;
import org.alliance.io.report.ClientReportLayout;
import org.alliance.io.report.ItemAnswers;
import org.alliance.io.report.ReportDocument;
import org.alliance.io.report.ReportDocument.Block;
import org.alliance.io.report.ReportDocument.Fact;
import org.alliance.io.report.ReportDocument.Row;
import org.alliance.io.report.ReportDocument.Table;
import org.alliance.io.report.ReportDocument.Tone;
import org.alliance.web.administrations.Corrections;
import org.alliance.web.administrations.StoredAdministration;
import org.alliance.web.alerts.AlertAcknowledgements.Acknowledgement;
import org.alliance.web.alerts.ClinicTrends.ClientTrend;
import org.alliance.web.clients.ChartNotes.ChartNote;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.links.ClientLinks;

/**
 * The subject-access export as a report document (for the PDF writer): the client's details and
 * contacts first, then the client report the clinician prints (charts, alerts, what was done, chart
 * notes), then everything else the clinic holds: every questionnaire item by item, the corrected
 * and voided entries with their reasons, every version of the chart notes, the record of each
 * alert's follow-up, and the links sent.
 */
final class SubjectAccessReport {
  private SubjectAccessReport() {}

  static ReportDocument document(
      SubjectAccess held, ClientTrend trend, Catalog catalog, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    String reference = held.client().reference();
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new ReportDocument.Paragraph(
            "Everything the clinic holds about this client in Alliance, made on "
                + today
                + " in answer to a request for access (GDPR article 15).",
            Tone.PLAIN));
    blocks.add(
        new ReportDocument.Paragraph(
            "The charts and alerts below are of the client's latest episode of care; every entry of"
                + " every episode is listed after them.",
            Tone.PLAIN));
    blocks.add(new ReportDocument.Heading(2, "Details and contacts"));
    blocks.add(new ReportDocument.Facts(details(held, today)));

    AlertOptions options = AlertOptions.defaults();
    for (ExpectedCourse course : trend.expectedCourses().values()) {
      options = options.withExpectedCourse(course);
    }
    ClientReport report =
        ClientReport.build(
                trend.episode(),
                trend.riskFlags(),
                List.of(),
                new ClientReport.Settings(
                    "the clinic's records",
                    today,
                    options,
                    CourseFindings.Options.defaults(),
                    trend.notes()))
            .withFollowUps(ClientPage.followUps(held.acknowledgements()))
            .withNotes(ClientPage.chartNotes(held.notes()));
    blocks.addAll(ClientReportLayout.document(report).blocks());

    administrations(held, catalog, blocks);
    corrections(held, catalog, blocks);
    notes(held, blocks);
    acknowledgements(held, blocks);
    links(held, catalog, now, blocks);
    return new ReportDocument(
        "Everything we hold about client " + reference,
        "Client " + reference + " - everything the clinic holds, " + today + " - confidential",
        blocks);
  }

  private static List<Fact> details(SubjectAccess held, LocalDate today) {
    ClientDetails details = held.record().details();
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Reference", held.client().reference()));
    facts.add(new Fact("Clinician", held.client().clinicianUsername()));
    facts.add(new Fact("Added on", day(held.client().createdAt())));
    facts.add(
        new Fact("Date of birth", details.birthDate().map(LocalDate::toString).orElse("none")));
    facts.add(
        new Fact(
            "Age band",
            details
                .ageBand()
                .map(AgeBand::words)
                .or(
                    () ->
                        details
                            .birthDate()
                            .map(
                                born ->
                                    AgeBand.of(born, today).words() + " (from the date of birth)"))
                .orElse("none")));
    facts.add(new Fact("Language of the client's pages", details.language().label()));
    facts.add(new Fact("E-mail address", details.email().map(EmailAddress::value).orElse("none")));
    facts.add(new Fact("Mobile number", details.mobile().map(MobileNumber::value).orElse("none")));
    facts.add(
        new Fact(
            "Discharged",
            held.record()
                .dischargedAt()
                .map(at -> day(at) + held.record().dischargedBy().map(by -> " by " + by).orElse(""))
                .orElse("no, on the active caseload")));
    return facts;
  }

  /** Every administration: its score, then each item's answer. */
  private static void administrations(SubjectAccess held, Catalog catalog, List<Block> blocks) {
    blocks.add(new ReportDocument.Heading(2, "Every questionnaire, answer by answer"));
    if (held.administrations().isEmpty()) {
      blocks.add(new ReportDocument.Paragraph("No questionnaire is recorded.", Tone.PLAIN));
    }
    for (StoredAdministration stored : held.administrations()) {
      Optional<Instrument> instrument = catalog.find(stored.instrumentId());
      String name = instrument.map(ClinicInstruments::shortName).orElse(stored.instrumentId());
      blocks.add(
          new ReportDocument.Heading(
              3,
              name
                  + ", session "
                  + stored.session()
                  + stored.date().map(date -> ", " + date).orElse("")));
      blocks.add(
          new ReportDocument.Paragraph(
              (stored.total().isPresent()
                      ? "Score " + Numbers.format(stored.total().getAsDouble())
                      : "Not scored (too many answers missing)")
                  + stored.band().map(band -> " (" + band + ")").orElse("")
                  + "; recorded on "
                  + day(stored.createdAt())
                  + ".",
              stored.riskFlags().isEmpty() ? Tone.PLAIN : Tone.URGENT));
      if (instrument.isPresent()) {
        ItemAnswers answers =
            ItemAnswers.of(
                instrument.get(),
                ClientPage.administration(instrument.get(), stored, held.client().reference()));
        List<Row> rows = new ArrayList<>();
        for (ItemAnswers.ItemAnswer item : answers.items()) {
          rows.add(
              new Row(
                  List.of(String.valueOf(item.number()), item.wording(), item.answer()),
                  item.risk() ? Tone.URGENT : Tone.PLAIN));
        }
        blocks.add(
            new Table(
                "The answers of " + name + " at session " + stored.session(),
                List.of("Item", "Question", "Answer"),
                List.of(1, 7, 4),
                rows));
      }
    }
  }

  private static void corrections(SubjectAccess held, Catalog catalog, List<Block> blocks) {
    blocks.add(new ReportDocument.Heading(2, "Corrected and voided entries"));
    if (held.corrections().isEmpty()) {
      blocks.add(new ReportDocument.Paragraph("No entry was corrected or voided.", Tone.PLAIN));
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (Corrections.HistoryEntry entry : held.corrections()) {
      rows.add(
          new Row(
              List.of(
                  catalog
                          .find(entry.instrumentId())
                          .map(ClinicInstruments::shortName)
                          .orElse(entry.instrumentId())
                      + ", session "
                      + entry.session()
                      + entry.date().map(date -> ", " + date).orElse(""),
                  entry.total().isPresent()
                      ? Numbers.format(entry.total().getAsDouble())
                      : "not scored",
                  entry.voided() ? "voided" : "corrected",
                  entry.reason(),
                  entry.changedBy() + ", " + day(entry.changedAt())),
              Tone.PLAIN));
    }
    blocks.add(
        new Table(
            "Entries as they were before they were corrected or voided, with the reason",
            List.of("Entry", "Score", "What", "Why", "By, on"),
            List.of(4, 2, 2, 5, 3),
            rows));
  }

  private static void notes(SubjectAccess held, List<Block> blocks) {
    blocks.add(new ReportDocument.Heading(2, "Chart notes and their earlier versions"));
    if (held.notes().isEmpty()) {
      blocks.add(new ReportDocument.Paragraph("No chart note is recorded.", Tone.PLAIN));
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (ChartNote note : held.notes()) {
      rows.add(
          new Row(
              List.of(
                  when(note.session(), note.date()),
                  note.note(),
                  note.author() + ", " + day(note.createdAt()),
                  "as it is now"),
              Tone.PLAIN));
      for (ChartNotes.EarlierVersion earlier : held.noteHistory()) {
        if (earlier.noteId() == note.id()) {
          rows.add(
              new Row(
                  List.of(
                      when(earlier.session(), earlier.date()),
                      earlier.note(),
                      earlier.editedBy() + ", " + day(earlier.editedAt()),
                      "earlier version, until this edit"),
                  Tone.NOTE));
        }
      }
    }
    blocks.add(
        new Table(
            "Every chart note, each followed by its earlier versions",
            List.of("At", "Note", "By, on", "Version"),
            List.of(3, 7, 3, 3),
            rows));
  }

  private static void acknowledgements(SubjectAccess held, List<Block> blocks) {
    blocks.add(new ReportDocument.Heading(2, "Alerts and what was done about them"));
    if (held.acknowledgements().isEmpty()) {
      blocks.add(
          new ReportDocument.Paragraph(
              "Nothing was recorded about an alert (the alerts themselves are listed above).",
              Tone.PLAIN));
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (Acknowledgement ack : held.acknowledgements()) {
      rows.add(
          new Row(
              List.of(
                  AlertRule.byId(ack.ruleId()).map(AlertRule::title).orElse("an alert")
                      + ", session "
                      + ack.session(),
                  ack.followUp(),
                  ack.by() + ", " + day(ack.at()),
                  ack.open()
                      ? "standing"
                      : "re-opened by " + ack.reopenedBy() + ", " + day(ack.reopenedAt())),
              Tone.PLAIN));
    }
    blocks.add(
        new Table(
            "Every record of what was done about an alert",
            List.of("Alert", "What was done", "By, on", "Now"),
            List.of(4, 6, 3, 3),
            rows));
  }

  private static void links(SubjectAccess held, Catalog catalog, Instant now, List<Block> blocks) {
    blocks.add(new ReportDocument.Heading(2, "Links sent to the client's phone"));
    if (held.links().isEmpty()) {
      blocks.add(new ReportDocument.Paragraph("No link was sent.", Tone.PLAIN));
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (ClientLinks.LinkInfo link : held.links()) {
      rows.add(
          new Row(
              List.of(
                  catalog
                          .find(link.instrumentId())
                          .map(ClinicInstruments::shortName)
                          .orElse(link.instrumentId())
                      + ", session "
                      + link.session(),
                  day(link.createdAt()),
                  day(link.expiresAt()),
                  link.usedAt().map(SubjectAccessReport::day).orElse(link.state(now))),
              Tone.PLAIN));
    }
    blocks.add(
        new Table(
            "Each link made for the client, and when it was used",
            List.of("Measure", "Made on", "Expires", "Filled in"),
            List.of(4, 3, 3, 3),
            rows));
  }

  private static String when(java.util.OptionalInt session, Optional<LocalDate> date) {
    if (session.isPresent()) {
      return "session " + session.getAsInt();
    }
    return date.map(LocalDate::toString).orElse("");
  }

  private static String day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
  }
}
