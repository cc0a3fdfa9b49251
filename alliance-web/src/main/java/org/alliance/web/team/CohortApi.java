package org.alliance.web.team;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.alliance.core.cohort.ClinicianComparison;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.http.Requests;
import org.alliance.web.platform.security.Principal;

/**
 * {@code GET /api/cohort?measure=ID}: outcome rates of the clients a user may see, as the CLI's
 * {@code cohort} computes them from each client's first and last score of one outcome measure:
 * reliable improvement, deterioration and recovery with 95% Wilson intervals, the pre-post effect
 * size, and the same per clinician, with the definition used; and the NHS Talking Therapies rates
 * when clients have both a PHQ-9 and a GAD-7.
 */
public final class CohortApi {
  private final Platform platform;

  private final ClinicInstruments instruments;

  public CohortApi(Platform platform, ClinicInstruments instruments) {
    this.platform = platform;
    this.instruments = instruments;
  }

  public void cohort(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    int minimum =
        Requests.queryInt(ctx, "minCases", 1, 10_000)
            .orElse(ClinicianComparison.DEFAULT_MINIMUM_CLIENTS);
    ClinicCohort cohort =
        ClinicCohort.read(
            platform,
            instruments,
            principal,
            Requests.query(ctx, "measure"),
            Period.of(ctx, LocalDate.ofInstant(platform.clock().instant(), ZoneOffset.UTC)),
            minimum);
    ctx.json(
        new CohortAnswer(
            cohort.instrument().id(),
            cohort.rates().clients(),
            CohortAnswer.DefinitionJson.of(cohort.definition()),
            CohortAnswer.RatesJson.of(cohort.rates()),
            cohort.effectSize().map(CohortAnswer.EffectSizeJson::of).orElse(null),
            minimum,
            cohort.clinicians().stream().map(CohortAnswer.ClinicianJson::of).toList(),
            cohort.talkingTherapies().map(CohortAnswer.TalkingTherapiesJson::of).orElse(null),
            CohortAnswer.PeriodJson.of(cohort.period())));
  }
}
