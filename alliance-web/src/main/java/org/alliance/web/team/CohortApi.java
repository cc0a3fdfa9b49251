package org.alliance.web.team;

import org.alliance.web.instruments.ClinicInstruments;

import org.alliance.web.platform.http.Json;
import org.alliance.web.platform.http.Requests;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.cohort.ClinicianComparison;
import org.alliance.core.cohort.ClinicianSummary;
import org.alliance.core.cohort.OutcomeRates;
import org.alliance.core.cohort.PrePostEffectSize;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.security.Principal;

/**
 * {@code GET /api/cohort?measure=ID}: outcome rates of the clients a user may see, as the CLI's {@code cohort}
 * computes them from each client's first and last score of one outcome measure: reliable improvement,
 * deterioration and recovery with 95% Wilson intervals, the pre-post effect size, and the same per clinician.
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
    int minimum = Requests.queryInt(ctx, "minCases", 1, 10_000).orElse(ClinicianComparison.DEFAULT_MINIMUM_CLIENTS);
    ClinicCohort cohort = ClinicCohort.read(platform, instruments, principal, Requests.query(ctx, "measure"), minimum);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("measure", cohort.instrument().id());
    json.put("clients", cohort.rates().clients());
    json.put("rates", rates(cohort.rates()));
    json.put("effectSize", cohort.effectSize().map(CohortApi::effectSize).orElse(null));
    json.put("minimumClientsPerClinician", minimum);
    List<Map<String, Object>> clinicians = new ArrayList<>();
    for (ClinicianSummary summary : cohort.clinicians()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("clinician", summary.clinician().orElse(null));
      entry.put("clients", summary.clients());
      entry.put("rates", rates(summary.rates()));
      entry.put("effectSize", effectSize(summary.effectSize()));
      entry.put("belowMinimum", summary.belowMinimum());
      entry.put("warnings", summary.warnings());
      clinicians.add(entry);
    }
    json.put("clinicians", clinicians);
    ctx.json(json);
  }

  private static Map<String, Object> rates(OutcomeRates rates) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("reliablyImproved", Json.proportion(rates.improved()));
    json.put("reliablyDeteriorated", Json.proportion(rates.deteriorated()));
    json.put("recovered", Json.proportion(rates.recovered()));
    return json;
  }

  private static Map<String, Object> effectSize(PrePostEffectSize effect) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("d", Json.number(effect.value()));
    json.put("interval", effect.interval().map(Json::interval).orElse(null));
    json.put("n", effect.n());
    json.put("notes", effect.notes());
    return json;
  }
}
