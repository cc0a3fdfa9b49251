package org.alliance.io.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertRule;
import org.alliance.core.trend.ChangeCategory;
import org.alliance.core.trend.ChangeDefinition;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.alliance.core.trend.ReliableChangeByThreshold;
import org.alliance.core.trend.Rupture;
import org.alliance.core.trend.RuptureRule;
import org.alliance.core.trend.SuddenChange;
import org.alliance.core.trend.SuddenChangeResult;
import org.alliance.core.trend.TrackStatus;
import org.alliance.io.chart.ChartNote;
import org.alliance.io.chart.CourseChart;
import org.alliance.io.chart.CourseFindings;
import org.alliance.io.chart.Wording;
import org.alliance.io.report.ReportDocument.Fact;
import org.alliance.io.report.ReportDocument.Row;
import org.alliance.io.report.ReportDocument.Table;
import org.alliance.io.report.ReportDocument.Tone;

/**
 * Lays out a client report for a clinician who is not a statistician: who and when, the alerts
 * first, then each measure with its chart and status, the latest answers item by item, and how to
 * read it all.
 */
public final class ClientReportLayout {
  private ClientReportLayout() {}

  /** The report as a document for the HTML and PDF writers. */
  public static ReportDocument document(ClientReport report) {
    Blocks blocks = new Blocks();
    header(report, blocks);
    alerts(report, blocks);
    for (MeasureReport measure : report.measures()) {
      measure(measure, report.notes(), blocks);
    }
    notes(report, blocks);
    answers(report, blocks);
    howToRead(report, blocks);
    return new ReportDocument(
        "Client report: " + report.client(),
        "Client "
            + report.client()
            + " - Alliance client report, "
            + report.settings().generated()
            + " - confidential",
        blocks.build());
  }

  private static void header(ClientReport report, Blocks blocks) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Client", report.client()));
    report
        .episode()
        .clinician()
        .ifPresent(clinician -> facts.add(new Fact("Clinician", clinician)));
    facts.add(
        new Fact(
            "Measures",
            report.measures().stream()
                .map(m -> describe(m.course().measure()))
                .collect(Collectors.joining("; "))));
    facts.add(new Fact("Sessions", sessions(report.sessions())));
    if (report.firstDate().isPresent()) {
      facts.add(
          new Fact("Dates", report.firstDate().get() + " to " + report.lastDate().orElseThrow()));
    }
    facts.add(new Fact("Data", report.settings().source()));
    facts.add(new Fact("Report made", report.settings().generated().toString()));
    blocks.facts(facts);
    report.settings().notes().forEach(blocks::note);
  }

  /** {@code PHQ-9 (Patient Health Questionnaire-9)}, or a score column's name. */
  private static String describe(Measure measure) {
    return Wording.measure(measure)
        + measure.instrument().map(i -> " (" + i.title().en() + ")").orElse("");
  }

  /** Beyond this many sessions without a score, the report gives their number, not the list. */
  private static final int MAX_LISTED_GAPS = 20;

  /** {@code 12 sessions with a score, 1 to 14; no score at sessions 3 and 9}. */
  static String sessions(List<Integer> sessions) {
    if (sessions.isEmpty()) {
      return "no session has a score";
    }
    int first = sessions.get(0);
    int last = sessions.get(sessions.size() - 1);
    StringBuilder text =
        new StringBuilder()
            .append(sessions.size())
            .append(sessions.size() == 1 ? " session" : " sessions")
            .append(" with a score");
    if (first != last) {
      text.append(", ").append(first).append(" to ").append(last);
    } else {
      text.append(" (session ").append(first).append(')');
    }
    // Walks the gaps between scored sessions, not every number from first to last: a record may
    // hold a session number far beyond any other.
    List<Integer> missing = new ArrayList<>();
    long missingCount = 0;
    for (int i = 1; i < sessions.size(); i++) {
      long from = sessions.get(i - 1) + 1L;
      long to = sessions.get(i) - 1L;
      missingCount += Math.max(0, to - from + 1);
      for (long session = from; session <= to && missing.size() <= MAX_LISTED_GAPS; session++) {
        missing.add((int) session);
      }
    }
    if (missingCount > MAX_LISTED_GAPS) {
      text.append("; no score at ").append(missingCount).append(" sessions in between");
    } else if (!missing.isEmpty()) {
      text.append("; no score at session")
          .append(missing.size() == 1 ? " " : "s ")
          .append(list(missing));
    }
    return text.toString();
  }

  private static void alerts(ClientReport report, Blocks blocks) {
    blocks.heading("Alerts");
    if (report.alerts().isEmpty()) {
      blocks.text("No alert rule fired for this client.");
      return;
    }
    blocks.text(
        report.alerts().size()
            + (report.alerts().size() == 1 ? " alert" : " alerts")
            + ", most urgent first. Each names the rule that fired and its version, so it can be traced.");
    List<Row> rows = new ArrayList<>();
    int rank = 0;
    for (Alert alert : report.alerts()) {
      rank++;
      String rule =
          alert.rule().id()
              + " v"
              + alert.rule().version()
              + " ("
              + alert.numbers().entrySet().stream()
                  .map(entry -> words(entry.getKey()) + " " + Wording.score(entry.getValue()))
                  .collect(Collectors.joining(", "))
              + ")";
      rows.add(
          new Row(
              List.of(
                  Integer.toString(rank),
                  alert.rule().title(),
                  sentence(alert.explanation()),
                  "session " + alert.session(),
                  rule),
              tone(alert.rule())));
    }
    blocks.table(
        new Table(
            "Alerts for " + report.client() + ", most urgent first",
            List.of("#", "Alert", "What was found", "When", "Rule and numbers"),
            List.of(3, 15, 44, 12, 26),
            rows));
    followUps(report, blocks);
  }

  /** The clinician's notes on the chart, each also a dotted line on the charts at its session. */
  private static void notes(ClientReport report, Blocks blocks) {
    if (report.notes().isEmpty()) {
      return;
    }
    blocks.heading("Chart notes");
    List<Row> rows = new ArrayList<>();
    for (ChartNote note : report.notes()) {
      rows.add(new Row(List.of(note.where(), sentence(note.text()), note.by()), Tone.PLAIN));
    }
    blocks.table(
        new Table(
            "Notes on the chart of " + report.client(),
            List.of("At", "Note", "By"),
            List.of(16, 64, 20),
            rows));
  }

  private static void followUps(ClientReport report, Blocks blocks) {
    if (report.followUps().isEmpty()) {
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (FollowUp followUp : report.followUps()) {
      rows.add(
          new Row(
              List.of(
                  followUp.rule().title(),
                  "session " + followUp.session(),
                  sentence(followUp.done()),
                  followUp.by(),
                  followUp.at().toString().substring(0, 10)),
              Tone.PLAIN));
    }
    blocks.table(
        new Table(
            "What was done about alerts",
            List.of("Alert", "When", "What was done", "By", "On"),
            List.of(18, 12, 44, 14, 12),
            rows));
  }

  private static Tone tone(AlertRule rule) {
    return switch (rule) {
      case CRITICAL_ITEM, RELIABLE_DETERIORATION, VICIOUS_CIRCLE -> Tone.URGENT;
      case NOT_ON_TRACK, UNREPAIRED_RUPTURE -> Tone.WARNING;
      default -> Tone.PLAIN;
    };
  }

  private static void measure(MeasureReport measure, List<ChartNote> notes, Blocks blocks) {
    Course course = measure.course();
    CourseFindings findings = measure.findings();
    boolean outcome = course.measure().construct() == Construct.OUTCOME;
    blocks.heading(describe(course.measure()));
    StringBuilder intro =
        new StringBuilder(outcome ? "Outcome measure" : "Alliance measure")
            .append(", ")
            .append(Wording.direction(course.measure().direction()));
    course
        .measure()
        .instrument()
        .ifPresent(
            instrument ->
                intro
                    .append(", scores ")
                    .append(Wording.score(instrument.minTotal()))
                    .append(" to ")
                    .append(Wording.score(instrument.maxTotal())));
    cutoff(course)
        .ifPresent(
            cutoff ->
                intro
                    .append("; ")
                    .append(Wording.cutoffSide(cutoff))
                    .append(" counts as ")
                    .append(Wording.cutoffMeaning(cutoff)));
    blocks.text(intro.append('.').toString());
    if (course.isEmpty()) {
      blocks.note("No valid score of this measure.");
      return;
    }
    blocks.chart(CourseChart.of(findings).withNotes(notes));

    List<Fact> facts = new ArrayList<>();
    Observation first = course.first().orElseThrow();
    Observation last = course.last().orElseThrow();
    facts.add(new Fact("First score", at(first)));
    if (course.observations().size() > 1) {
      facts.add(
          new Fact(
              "Latest score",
              at(last) + measure.latestBand().map(band -> ", " + band.label()).orElse("")));
      double change = last.score() - first.score();
      facts.add(
          new Fact(
              "Change",
              (change > 0 ? "+" : "")
                  + Wording.score(change)
                  + " points ("
                  + (change == 0
                      ? "no change"
                      : course.measure().sign() * change > 0 ? "better" : "worse")
                  + ")"));
    } else {
      measure.latestBand().ifPresent(band -> facts.add(new Fact("Severity", band.label())));
    }
    if (outcome) {
      facts.add(new Fact("Reliable change", reliableChange(measure)));
      measure
          .category()
          .ifPresent(
              category ->
                  facts.add(
                      new Fact(
                          "Clinically significant change",
                          category(
                                  category,
                                  measure.reliableChange().orElseThrow(),
                                  cutoff(course).orElseThrow())
                              // Named as the cohort rates name it, so the two can be compared.
                              + " (by "
                              + ChangeDefinition.PublishedCutoff.NAME
                              + ")")));
      facts.add(new Fact("Expected course", expected(findings)));
    } else {
      facts.add(new Fact("Ruptures", ruptureSummary(findings)));
    }
    blocks.facts(facts);

    if (outcome) {
      suddenChanges(findings, blocks);
    } else {
      ruptures(findings, blocks);
    }
    findings.notes().forEach(blocks::note);
  }

  private static Optional<Cutoff> cutoff(Course course) {
    return course.measure().instrument().flatMap(Instrument::clinicalCutoff);
  }

  /** {@code 23 at session 1 (2024-04-08)}. */
  private static String at(Observation observation) {
    return Wording.score(observation.score())
        + " at session "
        + observation.session()
        + observation.date().map(date -> " (" + date + ")").orElse("");
  }

  private static String reliableChange(MeasureReport measure) {
    if (measure.reliableChange().isEmpty()) {
      return measure.course().observations().size() < 2
          ? "needs two scores"
          : "not judged: "
              + Wording.measure(measure.course().measure())
              + " has no published reliable-change value";
    }
    ReliableChangeByThreshold change = measure.reliableChange().get();
    String threshold = Wording.score(change.threshold());
    return switch (change.category()) {
      case IMPROVED ->
          "reliably improved: better by at least " + threshold + " points since the first score";
      case DETERIORATED ->
          "reliably deteriorated: worse by at least " + threshold + " points since the first score";
      default -> "no reliable change: a change of " + threshold + " points or more is needed";
    };
  }

  private static String category(
      ChangeCategory category, ReliableChangeByThreshold change, Cutoff cutoff) {
    String range = Wording.cutoffMeaning(cutoff);
    boolean clinicalFirst = cutoff.isClinical(change.pre());
    boolean clinicalLast = cutoff.isClinical(change.post());
    return switch (category) {
      case RECOVERED -> "recovered: reliably improved and out of the " + range;
      case IMPROVED ->
          "improved, not recovered: "
              + (clinicalFirst ? "still in the " + range : "did not start in the " + range);
      case UNCHANGED ->
          clinicalLast ? "unchanged, in the " + range : "unchanged, outside the " + range;
      case DETERIORATED ->
          "deteriorated" + (clinicalFirst ? ", in the " + range + " from the start" : "");
      case HARMED -> "harmed: reliably deteriorated into the " + range;
    };
  }

  private static String expected(CourseFindings findings) {
    if (findings.expected().isEmpty()) {
      return "none: fitting one needs at least "
          + ExpectedCourse.Options.defaults().minEpisodes()
          + " past episodes of this measure (see the notes above)";
    }
    ExpectedCourse expected = findings.expected().get();
    if (findings.statuses().size() < 2) {
      return "needs a score after the first";
    }
    ExpectedCourse.SessionStatus latest = findings.statuses().get(findings.statuses().size() - 1);
    long notOnTrack =
        findings.statuses().stream().filter(s -> s.status() == TrackStatus.NOT_ON_TRACK).count();
    String status =
        switch (latest.status()) {
          case ON_TRACK -> "on track";
          case CAUTION -> "caution";
          case NOT_ON_TRACK -> "not on track";
        };
    String percentile =
        switch (latest.status()) {
          case ON_TRACK -> "within the range of similar clients";
          case CAUTION ->
              "worse than "
                  + percent(expected.options().cautionPercentile())
                  + " of similar clients";
          case NOT_ON_TRACK ->
              "worse than "
                  + percent(expected.options().notOnTrackPercentile())
                  + " of similar clients";
        };
    return status
        + " at session "
        + latest.session()
        + ": "
        + Wording.score(latest.score())
        + " is "
        + percentile
        + " (expected "
        + Wording.score(latest.band().expected())
        + ")"
        + (notOnTrack > 0
            ? "; not on track at " + notOnTrack + " of " + findings.statuses().size() + " sessions"
            : "")
        + ". Fitted on "
        + expected.episodes()
        + " past episodes.";
  }

  private static String percent(double fraction) {
    return Math.round(100 * fraction) + "%";
  }

  private static void suddenChanges(CourseFindings findings, Blocks blocks) {
    if (findings.gains().isEmpty()) {
      return;
    }
    SuddenChangeResult gains = findings.gains().get();
    SuddenChangeResult losses = findings.losses().orElseThrow();
    String name = Wording.measure(findings.course().measure());
    List<SuddenChange> changes = new ArrayList<>(gains.changes());
    changes.addAll(losses.changes());
    changes.sort(Comparator.comparingInt(SuddenChange::pregainSession));
    String tested =
        gains.intervals().size()
            + " pairs of sessions tested"
            + (gains.undetermined() > 0
                ? ", " + gains.undetermined() + " of them undecided because of missing sessions"
                : "");
    if (changes.isEmpty()) {
      // Without a tested interval the findings' note says why; "no sudden gain" would say too much.
      if (!gains.intervals().isEmpty()) {
        blocks.text("No sudden gain or loss of " + name + " (" + tested + ").");
      }
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (SuddenChange change : changes) {
      boolean gain = change.kind() == SuddenChange.Kind.GAIN;
      rows.add(
          new Row(
              List.of(
                  gain ? "Sudden gain" : "Sudden loss",
                  change.pregainSession() + " to " + change.postgainSession(),
                  Wording.score(change.pregainScore())
                      + " to "
                      + Wording.score(change.postgainScore()),
                  Wording.score(change.magnitude()) + " points",
                  change.reversalSession().isPresent()
                      ? "yes, at session "
                          + change.reversalSession().getAsInt()
                          + " (past "
                          + Wording.score(change.reversalValue())
                          + ")"
                      : "no"),
              gain ? Tone.PLAIN : Tone.WARNING));
    }
    blocks.table(
        new Table(
            "Sudden gains and losses of " + name + " (" + tested + ")",
            List.of("Change", "Between sessions", "Scores", "Size", "Reversed later"),
            List.of(18, 18, 18, 14, 32),
            rows));
  }

  private static String ruptureSummary(CourseFindings findings) {
    Map<Integer, Rupture> byStart = distinct(findings.ruptures());
    if (byStart.isEmpty()) {
      return "none found";
    }
    long repaired = byStart.values().stream().filter(Rupture::repaired).count();
    return byStart.size()
        + (byStart.size() == 1 ? " rupture" : " ruptures")
        + ", "
        + repaired
        + " repaired";
  }

  private static Map<Integer, Rupture> distinct(List<Rupture> ruptures) {
    Map<Integer, Rupture> byStart = new TreeMap<>();
    ruptures.forEach(rupture -> byStart.putIfAbsent(rupture.startSession(), rupture));
    return byStart;
  }

  private static void ruptures(CourseFindings findings, Blocks blocks) {
    if (findings.ruptures().isEmpty()) {
      return;
    }
    int lastSession = findings.course().last().orElseThrow().session();
    int window = findings.options().ruptures(findings.course().measure()).repairWindow();
    // Rules that agree on a start are listed together: the repair is judged the same way for each.
    Map<Integer, List<Rupture>> byStart = new TreeMap<>();
    findings
        .ruptures()
        .forEach(
            rupture ->
                byStart
                    .computeIfAbsent(rupture.startSession(), start -> new ArrayList<>())
                    .add(rupture));
    List<Row> rows = new ArrayList<>();
    for (List<Rupture> same : byStart.values()) {
      Rupture deepest = same.stream().max(Comparator.comparingDouble(Rupture::depth)).orElseThrow();
      String rules =
          same.stream()
              .map(rupture -> rule(rupture.rule(), findings.course()))
              .distinct()
              .collect(Collectors.joining("; "));
      String repair;
      Tone tone = Tone.PLAIN;
      if (deepest.repairSession().isPresent()) {
        repair = "repaired at session " + deepest.repairSession().getAsInt();
      } else if (lastSession < deepest.startSession() + window) {
        repair = "not yet: the repair window runs to session " + (deepest.startSession() + window);
      } else {
        repair = "not repaired";
        tone = Tone.WARNING;
      }
      rows.add(
          new Row(
              List.of(
                  "session " + deepest.startSession(),
                  Wording.score(deepest.preRuptureLevel())
                      + " at session "
                      + deepest.preRuptureSession(),
                  Wording.score(deepest.troughRating())
                      + " at session "
                      + deepest.troughSession()
                      + " ("
                      + Wording.score(deepest.depth())
                      + " lower)",
                  repair,
                  rules),
              tone));
    }
    blocks.table(
        new Table(
            "Alliance ruptures of "
                + Wording.measure(findings.course().measure())
                + " and their repair: the rating back at its level before the rupture within "
                + window
                + " sessions",
            List.of("Started", "Level before", "Lowest", "Repair", "Found by"),
            List.of(13, 17, 22, 22, 26),
            rows));
  }

  /** A rupture rule in words. */
  private static String rule(RuptureRule rule, Course course) {
    return rule.inWords(cutoff(course));
  }

  private static void answers(ClientReport report, Blocks blocks) {
    if (report.latestAnswers().isEmpty()) {
      return;
    }
    blocks.heading("Answers at the latest administration");
    for (ItemAnswers answers : report.latestAnswers()) {
      Instrument instrument = answers.instrument();
      String name = Wording.measure(Measure.of(instrument));
      List<Row> rows = new ArrayList<>();
      for (ItemAnswers.ItemAnswer item : answers.items()) {
        rows.add(
            new Row(
                List.of(
                    Integer.toString(item.number()),
                    item.wording() + (item.reversed() ? " (scored reversed)" : ""),
                    item.answer() + (item.risk() ? ": risk item answered, check safety" : "")),
                item.risk() ? Tone.URGENT : Tone.PLAIN));
      }
      blocks.subheading(
          name
              + " at session "
              + answers.session()
              + answers.date().map(date -> " (" + date + ")").orElse(""));
      blocks.table(
          new Table(
              "Each item's answer, in the order of the questionnaire",
              List.of("#", "Item", "Answer"),
              List.of(5, 63, 32),
              rows));
      if (!answers.wordingShown()) {
        blocks.note(
            "The wording of the "
                + name
                + " items is licensed ("
                + instrument.licence().holder()
                + ") and not printed in reports, so short labels are shown.");
      }
    }
  }

  private static void howToRead(ClientReport report, Blocks blocks) {
    blocks.heading("How to read this report");
    List<String> items = new ArrayList<>();
    items.add(
        "Each chart shows one questionnaire over the sessions: a point per session, joined by a line. A gap in the "
            + "line is a session without a valid score. The label on the left says whether higher or lower scores are better.");
    items.add(
        "The dashed cutoff line separates the clinical range (for an alliance measure: a concern worth talking "
            + "about) from the rest.");
    items.add(
        "Expected course: how clients who started at the same score usually go on, fitted on past episodes. A score "
            + "in the shaded caution zone is worse than 75% of similar clients; a ringed score is worse than 90% (not on "
            + "track). A score on the better side of the zone is on track.");
    items.add(
        "A triangle pointing up between two sessions marks a sudden gain: a large improvement from one session "
            + "to the next that stands out from the client's usual ups and downs. A triangle pointing down there marks a "
            + "sudden loss.");
    items.add(
        "On an alliance chart, a triangle pointing down on a rating marks the start of a rupture: the alliance "
            + "rating fell below the cutoff or well below the client's own earlier ratings. A diamond marks its repair: "
            + "the rating came back to where it was before. Unrepaired ruptures go with poorer outcomes; repaired ones do not.");
    items.add(
        "Reliable change means the score moved by more than the questionnaire's measurement error (its published "
            + "reliable-change value). Recovered means reliably improved and out of the clinical range.");
    items.add(
        "Alerts come from fixed rules, each with an id and a version. They are prompts for clinical judgement, "
            + "not diagnoses: talk them through with the client.");
    blocks.bullets(items);
    List<String> methods = new ArrayList<>();
    report.measures().stream()
        .map(MeasureReport::findings)
        .filter(f -> f.gains().isPresent())
        .findFirst()
        .ifPresent(
            f ->
                methods.add(
                    "Sudden gains and losses follow Tang and DeRubeis (1999) as the R package suddengains "
                        + "finds them: "
                        + f.gains().get().criteria().describe()
                        + "."));
    report.measures().stream()
        .filter(m -> m.course().measure().construct() == Construct.ALLIANCE)
        .findFirst()
        .ifPresent(
            m ->
                methods.add(
                    "Ruptures: "
                        + m.findings().options().ruptures(m.course().measure()).rules().stream()
                            .map(RuptureRule::describe)
                            .collect(Collectors.joining("; "))
                        + "; repair within "
                        + m.findings().options().ruptures(m.course().measure()).repairWindow()
                        + " sessions."));
    methods.forEach(blocks::note);
  }

  /**
   * A sentence for a table cell: the explanation with a full stop (it starts with a measure id,
   * kept as written).
   */
  private static String sentence(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  /** An alert number's name in words: {@code notOnTrackEdge} becomes {@code not on track edge}. */
  static String words(String camelCase) {
    return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /** {@code 3}, {@code 3 and 9}, {@code 3, 5 and 9}. */
  private static String list(List<Integer> numbers) {
    if (numbers.size() == 1) {
      return numbers.get(0).toString();
    }
    return numbers.subList(0, numbers.size() - 1).stream()
            .map(String::valueOf)
            .collect(Collectors.joining(", "))
        + " and "
        + numbers.get(numbers.size() - 1);
  }
}
