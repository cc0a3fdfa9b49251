package org.alliance.web.team;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.alliance.core.cohort.ClinicianComparison;
import org.alliance.core.cohort.ClinicianSummary;
import org.alliance.core.cohort.OutcomeRates;
import org.alliance.core.cohort.PrePostEffectSize;
import org.alliance.core.cohort.Proportion;
import org.alliance.core.cohort.TalkingTherapiesRates;
import org.alliance.io.chart.RateChart;
import org.alliance.io.chart.Wording;
import org.alliance.web.clients.ClientPage;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.http.ChartSizes;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Role;
import org.alliance.web.platform.security.Viewer;

/**
 * The team page ({@code GET /team}) for supervisors (their team) and admins (the whole clinic):
 * outcome rates with denominators and 95% Wilson intervals, for everyone and per clinician, with
 * the warning for clinicians with too few clients, and the rate chart ({@code GET /team/chart})
 * from the io chart code; and, when clients have both a PHQ-9 and a GAD-7, the NHS Talking
 * Therapies rates, each with its denominator and interval.
 */
public final class TeamPage {
  private final Platform platform;

  private final ClinicInstruments instruments;

  public TeamPage(Platform platform, ClinicInstruments instruments) {
    this.platform = platform;
    this.instruments = instruments;
  }

  /** {@code GET /team[?measure=ID][&from=DATE][&to=DATE]}. */
  public void show(Context ctx) {
    Optional<Principal> signedIn = signedIn(ctx);
    if (signedIn.isEmpty()) {
      return;
    }
    Principal principal = signedIn.get();
    Optional<String> measure = measure(ctx);
    Period period = period(ctx);
    List<TeamView.MeasureOption> options =
        ClinicCohort.ratedMeasures(instruments).stream()
            .map(
                instrument ->
                    new TeamView.MeasureOption(
                        instrument.id(), ClinicInstruments.shortName(instrument)))
            .toList();
    String scope = principal.role() == Role.ADMIN ? "the whole clinic" : "your team";
    ClinicCohort cohort;
    try {
      cohort =
          ClinicCohort.read(
              platform,
              instruments,
              principal,
              measure,
              period,
              ClinicianComparison.DEFAULT_MINIMUM_CLIENTS);
    } catch (WebException e) {
      if (e.status() != 404) {
        throw e;
      }
      // No client in reach has a rated outcome measure yet: an empty page, not an error.
      Pages.render(
          ctx,
          "team/team.jte",
          "viewer",
          Viewer.of(principal),
          "view",
          TeamView.empty(scope, options, period, e.getMessage()));
      return;
    }
    Pages.render(
        ctx, "team/team.jte", "viewer", Viewer.of(principal), "view", view(cohort, scope, options));
  }

  /**
   * {@code GET /team/chart[?measure=ID][&width=N]}: the rate chart, at one of the {@link
   * ChartSizes}, as an SVG image, served on its own because the chart code styles its shapes
   * inline, which the pages' policy forbids.
   */
  public void chart(Context ctx) {
    Optional<Principal> signedIn = signedIn(ctx);
    if (signedIn.isEmpty()) {
      return;
    }
    ClinicCohort cohort =
        ClinicCohort.read(
            platform,
            instruments,
            signedIn.get(),
            measure(ctx),
            period(ctx),
            ClinicianComparison.DEFAULT_MINIMUM_CLIENTS);
    RateChart chart = chart(cohort);
    int width = ChartSizes.width(ctx);
    ctx.header("Content-Security-Policy", ClientPage.REPORT_POLICY);
    ctx.contentType("image/svg+xml; charset=utf-8")
        .result(chart.svg(width, chart.suggestedHeight(width)));
  }

  /** The signed-in supervisor or admin; a redirect to sign in, or 403 for a clinician. */
  private Optional<Principal> signedIn(Context ctx) {
    Optional<Principal> signedIn = platform.authentication().find(ctx);
    if (signedIn.isEmpty()) {
      ctx.redirect("/login");
      return Optional.empty();
    }
    if (signedIn.get().role() == Role.CLINICIAN) {
      throw WebException.forbidden(
          "the team page is for supervisors and admins; your own clients are on the caseload page");
    }
    return signedIn;
  }

  private static Optional<String> measure(Context ctx) {
    return Optional.ofNullable(ctx.queryParam("measure"))
        .map(String::trim)
        .filter(id -> !id.isEmpty());
  }

  static RateChart chart(ClinicCohort cohort) {
    List<RateChart.Row> rows = new ArrayList<>();
    rows.add(
        new RateChart.Row(
            "All clients (n=" + cohort.rates().clients() + ")", proportions(cohort.rates())));
    for (ClinicianSummary summary : cohort.clinicians()) {
      rows.add(
          new RateChart.Row(
              summary.clinician().orElse("no clinician")
                  + " (n="
                  + summary.clients()
                  + ")"
                  + (summary.belowMinimum() ? " *" : ""),
              proportions(summary.rates())));
    }
    return RateChart.of(
        "Outcome rates of "
            + cohort.instrument().id().toUpperCase(Locale.ROOT)
            + (cohort.clinicians().isEmpty() ? "" : ", all clients and by clinician"),
        rows);
  }

  private static List<Proportion> proportions(OutcomeRates rates) {
    return List.of(rates.improved(), rates.recovered(), rates.deteriorated());
  }

  private static TeamView view(
      ClinicCohort cohort, String scope, List<TeamView.MeasureOption> options) {
    List<TeamView.Group> groups = new ArrayList<>();
    groups.add(
        group(
            "All clients",
            cohort.rates(),
            cohort.effectSize().map(TeamPage::effect).orElse("none (0 clients)"),
            false,
            List.of()));
    for (ClinicianSummary summary : cohort.clinicians()) {
      groups.add(
          group(
              summary.clinician().orElse("no clinician"),
              summary.rates(),
              effect(summary.effectSize()),
              summary.belowMinimum(),
              summary.warnings()));
    }
    String id = cohort.instrument().id();
    return new TeamView(
        scope,
        Optional.of(id),
        id.toUpperCase(Locale.ROOT),
        options,
        cohort.rates().clients(),
        cohort.minimumClients(),
        groups,
        Optional.of(
            "/team/chart?measure="
                + id
                + cohort.period().from().map(date -> "&from=" + date).orElse("")
                + cohort.period().to().map(date -> "&to=" + date).orElse("")),
        chart(cohort).description(),
        "",
        Wording.definition(cohort.definition()),
        cohort.talkingTherapies().map(TeamPage::talkingTherapies),
        cohort.period());
  }

  private Period period(Context ctx) {
    return Period.of(ctx, LocalDate.ofInstant(platform.clock().instant(), ZoneOffset.UTC));
  }

  /** The NHS Talking Therapies rates for the page, in plain words. */
  private static TeamView.TalkingTherapiesView talkingTherapies(TalkingTherapiesRates rates) {
    int leftOut = rates.oneSession() + rates.notPaired();
    String why =
        leftOut == 0
            ? ""
            : leftOut
                + (leftOut == 1 ? " client" : " clients")
                + " left out: "
                + rates.oneSession()
                + " with fewer than two sessions, "
                + rates.notPaired()
                + " without a first and a last score of both.";
    String all = "all " + rates.finished() + " clients counted";
    String atCaseness = "the " + rates.recovery().denominator() + " at caseness at the start";
    return new TeamView.TalkingTherapiesView(
        rates.finished(),
        why,
        List.of(
            new TeamView.OutcomeRow("Reliable improvement", rate(rates.reliableImprovement()), all),
            new TeamView.OutcomeRow(
                "Reliable deterioration", rate(rates.reliableDeterioration()), all),
            new TeamView.OutcomeRow("Recovery", rate(rates.recovery()), atCaseness),
            new TeamView.OutcomeRow(
                "Reliable recovery", rate(rates.reliableRecovery()), atCaseness)),
        Wording.talkingTherapiesRules());
  }

  private static TeamView.Group group(
      String name, OutcomeRates rates, String effect, boolean belowMinimum, List<String> warnings) {
    return new TeamView.Group(
        name,
        rates.clients(),
        rate(rates.improved()),
        rate(rates.recovered()),
        rate(rates.deteriorated()),
        effect,
        belowMinimum,
        warnings);
  }

  private static TeamView.Rate rate(Proportion proportion) {
    String rate =
        proportion.rate().isPresent()
            ? String.format(Locale.ROOT, "%.1f%%", 100 * proportion.rate().getAsDouble())
            : "none";
    String interval =
        proportion
            .wilson()
            .map(
                i ->
                    String.format(
                        Locale.ROOT, "%.1f\u2013%.1f%%", 100 * i.lower(), 100 * i.upper()))
            .orElse("no clients");
    return new TeamView.Rate(proportion.successes(), proportion.denominator(), rate, interval);
  }

  private static String effect(PrePostEffectSize effect) {
    if (effect.value().isEmpty()) {
      return "none (" + effect.n() + (effect.n() == 1 ? " client)" : " clients)");
    }
    return String.format(Locale.ROOT, "d = %.2f", effect.value().getAsDouble())
        + effect
            .interval()
            .map(i -> String.format(Locale.ROOT, " (%.2f to %.2f)", i.lower(), i.upper()))
            .orElse("");
  }
}
