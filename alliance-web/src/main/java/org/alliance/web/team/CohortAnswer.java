package org.alliance.web.team;

import java.util.List;
import org.alliance.core.cohort.ClinicianSummary;
import org.alliance.core.cohort.OutcomeRates;
import org.alliance.core.cohort.PrePostEffectSize;
import org.alliance.core.cohort.TalkingTherapies;
import org.alliance.core.cohort.TalkingTherapiesRates;
import org.alliance.core.trend.ChangeDefinition;
import org.alliance.io.chart.Wording;
import org.alliance.io.json.IntervalJson;
import org.alliance.io.json.ProportionJson;

/**
 * {@code GET /api/cohort}: outcome rates of one measure, the pre-post effect size (null without
 * one), and the same per clinician, with the definition that judged each client; and the NHS
 * Talking Therapies rates (null unless some client has both a PHQ-9 and a GAD-7).
 */
public record CohortAnswer(
    String measure,
    int clients,
    DefinitionJson definition,
    RatesJson rates,
    EffectSizeJson effectSize,
    int minimumClientsPerClinician,
    List<ClinicianJson> clinicians,
    TalkingTherapiesJson talkingTherapies,
    PeriodJson period) {

  /** The dates the scores were taken from, both ends included; null ends are open. */
  public record PeriodJson(java.time.LocalDate from, java.time.LocalDate to) {
    static PeriodJson of(Period period) {
      return new PeriodJson(period.from().orElse(null), period.to().orElse(null));
    }
  }

  /**
   * How each client was judged: the definition's name, where its numbers come from, and what it
   * means in words (the same words as the team page and the cohort report).
   */
  public record DefinitionJson(String name, String source, String description) {
    public static DefinitionJson of(ChangeDefinition definition) {
      return new DefinitionJson(
          definition.name(), definition.source(), Wording.definition(definition));
    }
  }

  /**
   * The NHS Talking Therapies rates: reliable improvement and deterioration over every client who
   * finished treatment ({@code clients}), recovery and reliable recovery over those at caseness at
   * the start; and how many were left out, and why.
   *
   * @param clients clients with at least two sessions and a first and last PHQ-9 and GAD-7
   * @param leftOutOneSession clients with a PHQ-9 or GAD-7 at fewer than two sessions
   * @param leftOutNotPaired clients without a first and last score of both measures
   * @param notAtCaseness clients counted but not at caseness at the start
   */
  public record TalkingTherapiesJson(
      String definition,
      String source,
      int clients,
      int leftOutOneSession,
      int leftOutNotPaired,
      int notAtCaseness,
      ProportionJson reliableImprovement,
      ProportionJson reliableDeterioration,
      ProportionJson recovery,
      ProportionJson reliableRecovery) {
    public static TalkingTherapiesJson of(TalkingTherapiesRates rates) {
      return new TalkingTherapiesJson(
          TalkingTherapies.NAME,
          TalkingTherapies.SOURCE,
          rates.finished(),
          rates.oneSession(),
          rates.notPaired(),
          rates.notAtCaseness(),
          ProportionJson.of(rates.reliableImprovement()),
          ProportionJson.of(rates.reliableDeterioration()),
          ProportionJson.of(rates.recovery()),
          ProportionJson.of(rates.reliableRecovery()));
    }
  }

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
