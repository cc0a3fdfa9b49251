package org.alliance.web.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.cohort.ClientOutcome;
import org.alliance.core.cohort.ClientOutcomes;
import org.alliance.core.cohort.ClinicianComparison;
import org.alliance.core.cohort.ClinicianSummary;
import org.alliance.core.cohort.OutcomeRates;
import org.alliance.core.cohort.PrePostEffectSize;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.alliance.web.ClinicServices;
import org.alliance.web.db.Administrations;
import org.alliance.web.http.WebException;
import org.alliance.web.security.Access;
import org.alliance.web.security.Principal;

/**
 * {@code GET /api/cohort?measure=ID}: outcome rates of the clients a user may see, as the CLI's {@code cohort}
 * computes them from each client's first and last score of one outcome measure: reliable improvement,
 * deterioration and recovery with 95% Wilson intervals, the pre-post effect size, and the same per clinician.
 */
public final class CohortApi {
  private final ClinicServices services;

  public CohortApi(ClinicServices services) {
    this.services = services;
  }

  public void cohort(Context ctx) {
    Principal principal = services.authentication().require(ctx);
    int minimum = Requests.queryInt(ctx, "minCases", 1, 10_000).orElse(ClinicianComparison.DEFAULT_MINIMUM_CLIENTS);
    Instant now = services.clock().instant();
    Optional<String> requested = Requests.query(ctx, "measure");
    Instrument instrument = requested.map(this::outcomeInstrument).orElse(null);
    record Read(Instrument instrument, List<Course> courses, Map<String, String> clinicians) {}
    Read read = services.database().read(handle -> {
      Instrument chosen = instrument;
      if (chosen == null) {
        // The outcome measure most of the reachable clients have.
        Map<String, Integer> clientsByMeasure = Administrations.clientsByInstrument(handle, Access.scope(principal));
        chosen = clientsByMeasure.entrySet().stream()
            .filter(entry -> services.scorer().catalog().find(entry.getKey()).map(CohortApi::rated).orElse(false))
            .max(Comparator.comparing((Map.Entry<String, Integer> entry) -> entry.getValue())
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
            .map(entry -> services.scorer().catalog().get(entry.getKey()))
            .orElseThrow(() -> WebException.notFound(
                "no client you may see has an outcome measure with a published reliable-change value and cutoff yet"));
      }
      Measure measure = Measure.of(chosen);
      List<Course> courses = new ArrayList<>();
      Map<String, String> clinicians = new HashMap<>();
      TrendApi.ClientGrouper grouper = new TrendApi.ClientGrouper((client, scores) -> {
        if (scores.size() >= 2) {
          courses.add(new Course(client.reference(), measure, scores.stream()
              .map(score -> new Observation(score.session(), score.date(), score.total())).toList()));
          clinicians.put(client.reference(), client.clinicianUsername());
        }
      });
      Administrations.scoresInScope(handle, Access.scope(principal), Optional.of(chosen.id()), grouper);
      grouper.finish();
      return new Read(chosen, courses, clinicians);
    });
    services.audit().record(Optional.of(principal.userId()), "cohort.read", Optional.empty(),
        read.instrument().id() + ", " + read.courses().size() + " clients", now);
    Instrument chosen = read.instrument();
    List<ClientOutcome> outcomes = ClientOutcomes.byPublishedValues(read.courses(),
        client -> Optional.ofNullable(read.clinicians().get(client)));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("measure", chosen.id());
    json.put("clients", outcomes.size());
    json.put("rates", rates(OutcomeRates.of(outcomes)));
    json.put("effectSize", read.courses().isEmpty() ? null : effectSize(PrePostEffectSize.of(read.courses())));
    json.put("minimumClientsPerClinician", minimum);
    List<Map<String, Object>> clinicians = new ArrayList<>();
    for (ClinicianSummary summary : new ClinicianComparison(minimum).compare(outcomes, read.courses())) {
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

  /** An outcome measure with a published reliable-change value and cutoff, which the rates need. */
  private Instrument outcomeInstrument(String id) {
    Instrument instrument = services.scorer().catalog().find(id)
        .orElseThrow(() -> WebException.badRequest("measure: " + services.scorer().catalog().unknown(id)));
    if (instrument.construct() != Construct.OUTCOME) {
      throw WebException.badRequest("measure: " + instrument.id() + " is not an outcome measure");
    }
    if (!rated(instrument)) {
      throw WebException.badRequest("measure: " + instrument.id()
          + " has no published reliable-change value and cutoff, which the outcome rates need");
    }
    return instrument;
  }

  /** Whether the rates can be computed on the published values of this instrument. */
  private static boolean rated(Instrument instrument) {
    return instrument.construct() == Construct.OUTCOME && instrument.reliableChange().isPresent()
        && instrument.clinicalCutoff().isPresent();
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
