package org.alliance.web.team;

import java.util.List;
import org.alliance.core.cohort.ClinicianSummary;
import org.alliance.core.cohort.OutcomeRates;
import org.alliance.core.cohort.PrePostEffectSize;
import org.alliance.io.json.IntervalJson;
import org.alliance.io.json.ProportionJson;

/**
 * {@code GET /api/cohort}: outcome rates of one measure, the pre-post effect size (null without
 * one), and the same per clinician.
 */
public record CohortAnswer(
    String measure,
    int clients,
    RatesJson rates,
    EffectSizeJson effectSize,
    int minimumClientsPerClinician,
    List<ClinicianJson> clinicians) {

  public record RatesJson(
      ProportionJson reliablyImproved,
      ProportionJson reliablyDeteriorated,
      ProportionJson recovered) {
    public static RatesJson of(OutcomeRates rates) {
      return new RatesJson(
          ProportionJson.of(rates.improved()),
          ProportionJson.of(rates.deteriorated()),
          ProportionJson.of(rates.recovered()));
    }
  }

  /** Cohen's d with its 95% interval, both null when it cannot be computed, and why. */
  public record EffectSizeJson(Double d, IntervalJson interval, int n, List<String> notes) {
    public static EffectSizeJson of(PrePostEffectSize effect) {
      return new EffectSizeJson(
          effect.value().isPresent() ? effect.value().getAsDouble() : null,
          effect.interval().map(IntervalJson::of).orElse(null),
          effect.n(),
          effect.notes());
    }
  }

  /**
   * @param clinician the clinician's username, null for clients without one
   */
  public record ClinicianJson(
      String clinician,
      int clients,
      RatesJson rates,
      EffectSizeJson effectSize,
      boolean belowMinimum,
      List<String> warnings) {
    public static ClinicianJson of(ClinicianSummary summary) {
      return new ClinicianJson(
          summary.clinician().orElse(null),
          summary.clients(),
          RatesJson.of(summary.rates()),
          EffectSizeJson.of(summary.effectSize()),
          summary.belowMinimum(),
          summary.warnings());
    }
  }
}
