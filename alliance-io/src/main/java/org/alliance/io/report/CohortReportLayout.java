package org.alliance.io.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliance.core.cohort.ClinicianSummary;
import org.alliance.core.cohort.Interval;
import org.alliance.core.cohort.LaggedAllianceEffect;
import org.alliance.core.cohort.OutcomeRates;
import org.alliance.core.cohort.PrePostEffectSize;
import org.alliance.core.cohort.Proportion;
import org.alliance.core.cohort.TalkingTherapiesRates;
import org.alliance.io.chart.RateChart;
import org.alliance.io.chart.Wording;
import org.alliance.io.report.ReportDocument.Fact;
import org.alliance.io.report.ReportDocument.Row;
import org.alliance.io.report.ReportDocument.Table;
import org.alliance.io.report.ReportDocument.Tone;

/**
 * Lays out a cohort report: how many clients were judged and how, the outcome rates with their
 * denominators and 95% intervals, the pre-post effect size, clinicians side by side with the
 * warning where they have too few clients, the alliance effect, and how to read the numbers.
 */
public final class CohortReportLayout {
  private CohortReportLayout() {}

  /** The report as a document for the HTML and PDF writers. */
  public static ReportDocument document(CohortReport report) {
    Blocks blocks = new Blocks();
    String name = Wording.measure(report.measure());
    header(report, blocks);
    outcomes(report, blocks);
    talkingTherapies(report, blocks);
    blocks.heading("Pre-post effect size");
    blocks.text(
        effectSize(report.effectSize())
            + " The effect size is the change from the first to the last score in "
            + "units of the spread of first scores; positive means improvement.");
    report.effectSize().notes().forEach(blocks::note);
    clinicians(report, blocks);
    alliance(report, blocks);
    howToRead(report, blocks);
    return new ReportDocument(
        "Cohort report: " + name,
        "Alliance cohort report, "
            + name
            + ", "
            + report.settings().source()
            + ", "
            + report.settings().generated(),
        blocks.build());
  }

  private static void header(CohortReport report, Blocks blocks) {
    List<Fact> facts = new ArrayList<>();
    facts.add(
        new Fact(
            "Outcome measure",
            Wording.measure(report.measure())
                + report
                    .measure()
                    .instrument()
                    .map(i -> " (" + i.title().en() + "), " + Wording.direction(i.direction()))
                    .orElse(", " + Wording.direction(report.measure().direction()))));
    facts.add(
        new Fact(
            "Clients",
            report.episodes()
                + " in the data; "
                + report.counted().size()
                + " with two or more scores, judged from their first to their last score"));
    facts.add(new Fact("Judged by", method(report)));
    facts.add(new Fact("Data", report.settings().source()));
    facts.add(new Fact("Report made", report.settings().generated().toString()));
    blocks.facts(facts);
    report.settings().notes().forEach(blocks::note);
  }

  private static String method(CohortReport report) {
    return Wording.definition(report.definition());
  }

  private static void outcomes(CohortReport report, Blocks blocks) {
    blocks.heading("Outcomes");
    OutcomeRates rates = report.rates();
    List<Row> rows = new ArrayList<>();
    rows.add(rateRow("Reliably improved", rates.improved(), "all clients judged"));
    rows.add(rateRow("Recovered", rates.recovered(), "clients in the clinical range at the start"));
    rows.add(rateRow("Reliably deteriorated", rates.deteriorated(), "all clients judged"));
    blocks.table(
        new Table(
            "Outcome rates of " + Wording.measure(report.measure()) + " with 95% Wilson intervals",
            List.of("Outcome", "Clients", "Of", "Rate", "95% interval", "Counted among"),
            List.of(22, 10, 8, 11, 17, 32),
            rows));
    List<RateChart.Row> chartRows = new ArrayList<>();
    chartRows.add(new RateChart.Row("All clients (n=" + rates.clients() + ")", proportions(rates)));
    for (ClinicianSummary summary : report.clinicians()) {
      chartRows.add(
          new RateChart.Row(
              clinician(summary)
                  + " (n="
                  + summary.clients()
                  + ")"
                  + (summary.belowMinimum() ? " *" : ""),
              proportions(summary.rates())));
    }
    blocks.chart(
        RateChart.of(
            "Outcome rates of "
                + Wording.measure(report.measure())
                + (report.clinicians().isEmpty() ? "" : ", all clients and by clinician"),
            chartRows));
    if (report.anyClinicianBelowMinimum()) {
      blocks.note(
          "* fewer than "
              + report.settings().minimumClients()
              + " clients: the rates are too uncertain to compare.");
    }
  }

  /**
   * The NHS Talking Therapies rates, when the data have PHQ-9 and GAD-7: each with its count,
   * denominator and 95% interval, the clients left out, and the rules in plain words.
   */
  private static void talkingTherapies(CohortReport report, Blocks blocks) {
    if (report.talkingTherapies().isEmpty()) {
      return;
    }
    TalkingTherapiesRates rates = report.talkingTherapies().get();
    blocks.heading("NHS Talking Therapies outcomes");
    int leftOut = rates.oneSession() + rates.notPaired();
    blocks.text(
        "PHQ-9 and GAD-7 together, judged as NHS Talking Therapies services report them: "
            + rates.finished()
            + (rates.finished() == 1 ? " client" : " clients")
            + " with at least two sessions and a first and last score of both"
            + (leftOut == 0
                ? "."
                : "; "
                    + leftOut
                    + " left out ("
                    + rates.oneSession()
                    + " with fewer than two sessions, "
                    + rates.notPaired()
                    + " without a first and last score of both)."));
    List<Row> rows = new ArrayList<>();
    rows.add(rateRow("Reliable improvement", rates.reliableImprovement(), "all clients counted"));
    rows.add(
        rateRow("Reliable deterioration", rates.reliableDeterioration(), "all clients counted"));
    rows.add(rateRow("Recovery", rates.recovery(), "clients at caseness at the start"));
    rows.add(
        rateRow("Reliable recovery", rates.reliableRecovery(), "clients at caseness at the start"));
    blocks.table(
        new Table(
            "NHS Talking Therapies outcome rates with 95% Wilson intervals",
            List.of("Outcome", "Clients", "Of", "Rate", "95% interval", "Counted among"),
            List.of(22, 10, 8, 11, 17, 32),
            rows));
    blocks.bullets(Wording.talkingTherapiesRules());
  }

  private static List<Proportion> proportions(OutcomeRates rates) {
    return List.of(rates.improved(), rates.recovered(), rates.deteriorated());
  }

  private static Row rateRow(String outcome, Proportion proportion, String among) {
    return new Row(
        List.of(
            outcome,
            Integer.toString(proportion.successes()),
            Integer.toString(proportion.denominator()),
            rate(proportion),
            interval(proportion),
            among),
        Tone.PLAIN);
  }

  private static String rate(Proportion proportion) {
    return proportion.rate().isPresent()
        ? String.format(Locale.ROOT, "%.1f%%", 100 * proportion.rate().getAsDouble())
        : "none";
  }

  private static String interval(Proportion proportion) {
    return proportion
        .wilson()
        .map(i -> String.format(Locale.ROOT, "%.1f-%.1f%%", 100 * i.lower(), 100 * i.upper()))
        .orElse("no clients");
  }

  /** {@code 8/10 = 80.0% (49.0-94.3%)}. */
  private static String fraction(Proportion proportion) {
    return proportion.toString();
  }

  private static String effectSize(PrePostEffectSize effect) {
    if (effect.value().isEmpty()) {
      return "No effect size could be computed ("
          + effect.n()
          + (effect.n() == 1 ? " client" : " clients")
          + ").";
    }
    String value = String.format(Locale.ROOT, "d = %.2f", effect.value().getAsDouble());
    String interval =
        effect
            .interval()
            .map(CohortReportLayout::interval)
            .map(i -> " (95% interval " + i + ")")
            .orElse("");
    return value
        + interval
        + " over "
        + effect.n()
        + " clients: mean first score "
        + Wording.score(effect.intakeMean().getAsDouble())
        + ", mean last score "
        + Wording.score(effect.lastMean().getAsDouble())
        + ", SD of first scores "
        + Wording.score(effect.intakeSd().getAsDouble())
        + ".";
  }

  private static String interval(Interval interval) {
    return String.format(Locale.ROOT, "%.2f to %.2f", interval.lower(), interval.upper());
  }

  private static String clinician(ClinicianSummary summary) {
    return summary.clinician().orElse("no clinician recorded");
  }

  private static void clinicians(CohortReport report, Blocks blocks) {
    if (report.clinicians().isEmpty()) {
      return;
    }
    blocks.heading("By clinician");
    blocks.text(
        "Each clinician's clients judged the same way, with 95% intervals. Where intervals overlap, the data "
            + "do not show a difference. Clinicians with fewer than "
            + report.settings().minimumClients()
            + " clients are marked: their rates are too uncertain to compare.");
    List<Row> rows = new ArrayList<>();
    for (ClinicianSummary summary : report.clinicians()) {
      OutcomeRates rates = summary.rates();
      String effect =
          summary.effectSize().value().isPresent()
              ? String.format(Locale.ROOT, "%.2f", summary.effectSize().value().getAsDouble())
              : "none";
      rows.add(
          new Row(
              List.of(
                  clinician(summary),
                  Integer.toString(summary.clients()),
                  fraction(rates.improved()),
                  fraction(rates.recovered()),
                  fraction(rates.deteriorated()),
                  effect,
                  summary.belowMinimum() ? "too few clients to compare" : ""),
              summary.belowMinimum() ? Tone.NOTE : Tone.PLAIN));
    }
    blocks.table(
        new Table(
            "Outcomes of "
                + Wording.measure(report.measure())
                + " by clinician: count/denominator = rate "
                + "(95% interval)",
            List.of(
                "Clinician",
                "Clients",
                "Reliably improved",
                "Recovered",
                "Reliably deteriorated",
                "Effect size",
                "Note"),
            List.of(15, 9, 20, 20, 20, 8, 13),
            rows));
  }

  private static void alliance(CohortReport report, Blocks blocks) {
    if (report.allianceMeasure().isEmpty()) {
      return;
    }
    String alliance = report.allianceMeasure().get().toUpperCase(Locale.ROOT);
    blocks.heading("Alliance and the next session's outcome");
    if (report.allianceEffect().isEmpty()) {
      blocks.text(
          "The within-person effect of "
              + alliance
              + " on the next session's "
              + Wording.measure(report.measure())
              + " could not be estimated: "
              + report.allianceNote().orElse("")
              + ".");
      return;
    }
    LaggedAllianceEffect effect = report.allianceEffect().get();
    double estimate = effect.effect().estimate();
    // The effect is oriented so that a positive value means a better alliance is followed by a
    // better outcome.
    blocks.text(
        String.format(
            Locale.ROOT,
            "When a client rated the alliance one %s point higher than their own average, "
                + "their next %s score was %.2f points %s on average (95%% interval %.2f to %.2f, where positive means better; "
                + "%d pairs of sessions from %d clients). Each client is compared with themselves, so stable differences between "
                + "clients do not explain it.",
            alliance,
            Wording.measure(report.measure()),
            Math.abs(estimate),
            estimate >= 0 ? "better" : "worse",
            effect.effect().interval().lower(),
            effect.effect().interval().upper(),
            effect.observations(),
            effect.clients()));
    effect.warnings().forEach(blocks::warning);
  }

  private static void howToRead(CohortReport report, Blocks blocks) {
    blocks.heading("How to read this report");
    blocks.bullets(
        List.of(
            "Each rate is a count out of a denominator, with a 95% Wilson interval: the range of rates compatible with "
                + "the data. Small groups have wide intervals.",
            "Reliably improved or deteriorated: the score moved by more than the measurement error between the first and "
                + "the last score. Recovered counts only clients who started in the clinical range.",
            "In the chart each row is a group of clients; a mark is a rate and the line through it its interval. Rows whose "
                + "lines overlap do not clearly differ.",
            "Rates of clinicians depend on their clients as much as on them: compare with care, and never on fewer than "
                + report.settings().minimumClients()
                + " clients."));
  }
}
