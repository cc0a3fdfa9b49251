package org.alliance.web.team;

import static java.util.Objects.requireNonNull;

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
import org.alliance.core.cohort.TalkingTherapies;
import org.alliance.core.cohort.TalkingTherapiesRates;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.trend.ChangeDefinition;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.alliance.web.alerts.ScoreHistory;
import org.alliance.web.alerts.SessionScore;
import org.alliance.web.alerts.TrendApi;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.jdbi.v3.core.Handle;

/**
 * The outcome statistics of the clients a user may see, as the CLI's {@code cohort} computes them
 * from each client's first and last score of one outcome measure: reliable improvement,
 * deterioration and recovery with 95% Wilson intervals by the same named {@link ChangeDefinition},
 * the pre-post effect size, and the same per clinician; and, when clients have both a PHQ-9 and a
 * GAD-7, the NHS Talking Therapies rates. Shared by {@code GET /api/cohort} and the team page, so
 * both always agree.
 *
 * @param courses the episodes of care with at least two scores of the measure, each a course of its
 *     own (a client treated twice counts twice)
 * @param definition how each client was judged
 * @param talkingTherapies the NHS Talking Therapies rates, when some client in reach has both a
 *     PHQ-9 and a GAD-7
 * @param effectSize the pre-post effect size; empty when no client has two scores
 * @param minimumClients below this many clients a clinician's rates carry a warning
 * @param period the dates the scores were taken from
 */
public record ClinicCohort(
    Instrument instrument,
    List<Course> courses,
    ChangeDefinition definition,
    OutcomeRates rates,
    Optional<PrePostEffectSize> effectSize,
    int minimumClients,
    List<ClinicianSummary> clinicians,
    Optional<TalkingTherapiesRates> talkingTherapies,
    Period period) {
  public ClinicCohort {
    requireNonNull(instrument, "instrument");
    courses = List.copyOf(courses);
    requireNonNull(definition, "definition");
    requireNonNull(talkingTherapies, "talkingTherapies");
    requireNonNull(rates, "rates");
    requireNonNull(effectSize, "effectSize");
    clinicians = List.copyOf(clinicians);
  }

  /**
   * Reads the scores of {@code measure} (or, when empty, of the rated outcome measure most
   * reachable clients have) for every client in the user's reach, audits the read, and computes the
   * statistics.
   */
  public static ClinicCohort read(
      Platform platform,
      ClinicInstruments instruments,
      Principal principal,
      Optional<String> measure,
      Period period,
      int minimumClients) {
    Instant now = platform.clock().instant();
    Instrument requested = measure.map(id -> outcomeInstrument(instruments, id)).orElse(null);
    record Read(
        Instrument instrument,
        List<Course> courses,
        Map<String, String> clinicians,
        Optional<TalkingTherapiesRates> talkingTherapies) {}
    Read read =
        platform
            .database()
            .read(
                handle -> {
                  Instrument chosen = requested;
                  Map<String, Integer> clientsByMeasure =
                      ScoreHistory.clientsByInstrument(handle, Access.scope(principal));
                  if (chosen == null) {
                    chosen =
                        clientsByMeasure.entrySet().stream()
                            .filter(
                                entry ->
                                    instruments
                                        .scorer()
                                        .catalog()
                                        .find(entry.getKey())
                                        .map(ClinicCohort::rated)
                                        .orElse(false))
                            .max(
                                Comparator.comparing(
                                        (Map.Entry<String, Integer> entry) -> entry.getValue())
                                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                            .map(entry -> instruments.scorer().catalog().get(entry.getKey()))
                            .orElseThrow(
                                () ->
                                    WebException.notFound(
                                        "no client you may see has an outcome measure with a published reliable-change value and cutoff yet"));
                  }
                  Measure of = Measure.of(chosen);
                  List<Course> courses = new ArrayList<>();
                  Map<String, String> clinicians = new HashMap<>();
                  TrendApi.ClientGrouper grouper =
                      new TrendApi.ClientGrouper(
                          episode -> {
                            // Each episode of care is a course of its own: a client treated
                            // twice counts twice.
                            List<SessionScore> scores = inPeriod(episode.scores(), period);
                            if (scores.size() >= 2) {
                              courses.add(
                                  new Course(
                                      episode.courseName(),
                                      of,
                                      scores.stream()
                                          .map(
                                              score ->
                                                  new Observation(
                                                      score.session(), score.date(), score.total()))
                                          .toList()));
                              clinicians.put(
                                  episode.courseName(), episode.client().clinicianUsername());
                            }
                          });
                  ScoreHistory.scoresInScope(
                      handle, Access.scope(principal), Optional.of(chosen.id()), false, grouper);
                  grouper.finish();
                  return new Read(
                      chosen,
                      courses,
                      clinicians,
                      talkingTherapies(handle, instruments, principal, clientsByMeasure, period));
                });
    platform
        .audit()
        .read(
            Optional.of(principal.userId()),
            AuditAction.COHORT_READ,
            Optional.empty(),
            read.instrument().id()
                + (period.isAll() ? "" : ", " + period.inWords())
                + ", "
                + read.courses().size()
                + " clients"
                + read.talkingTherapies()
                    .map(t -> "; NHS Talking Therapies, " + t.finished() + " clients")
                    .orElse(""),
            now);
    ChangeDefinition definition = ChangeDefinition.publishedCutoff(Measure.of(read.instrument()));
    List<ClientOutcome> outcomes =
        ClientOutcomes.of(
            read.courses(),
            client -> Optional.ofNullable(read.clinicians().get(client)),
            definition);
    return new ClinicCohort(
        read.instrument(),
        read.courses(),
        definition,
        OutcomeRates.of(outcomes),
        read.courses().isEmpty()
            ? Optional.empty()
            : Optional.of(PrePostEffectSize.of(read.courses())),
        minimumClients,
        new ClinicianComparison(minimumClients).compare(outcomes, read.courses()),
        read.talkingTherapies(),
        period);
  }

  /**
   * The NHS Talking Therapies rates of the clients in reach, when some have both a PHQ-9 and a
   * GAD-7 (and the clinic uses both): each client's PHQ-9 and GAD-7 scores, one session or more, so
   * that those left out are counted too.
   */
  private static Optional<TalkingTherapiesRates> talkingTherapies(
      Handle handle,
      ClinicInstruments instruments,
      Principal principal,
      Map<String, Integer> clientsByMeasure,
      Period period) {
    Optional<Instrument> depression =
        instruments.scorer().catalog().find(TalkingTherapies.DEPRESSION);
    Optional<Instrument> anxiety = instruments.scorer().catalog().find(TalkingTherapies.ANXIETY);
    if (depression.isEmpty()
        || anxiety.isEmpty()
        || !clientsByMeasure.containsKey(TalkingTherapies.DEPRESSION)
        || !clientsByMeasure.containsKey(TalkingTherapies.ANXIETY)) {
      return Optional.empty();
    }
    // Client reference -> its clinician and its courses, in the order the clients are read.
    Map<String, String> clinicians = new LinkedHashMap<>();
    Map<String, List<Course>> courses = new LinkedHashMap<>();
    for (Instrument instrument : List.of(depression.get(), anxiety.get())) {
      Measure measure = Measure.of(instrument);
      TrendApi.ClientGrouper grouper =
          new TrendApi.ClientGrouper(
              episode -> {
                String name = episode.courseName();
                clinicians.put(name, episode.client().clinicianUsername());
                courses
                    .computeIfAbsent(name, c -> new ArrayList<>())
                    .add(
                        new Course(
                            name, measure, observations(inPeriod(episode.scores(), period))));
              });
      ScoreHistory.scoresInScope(
          handle, Access.scope(principal), Optional.of(instrument.id()), false, grouper);
      grouper.finish();
    }
    List<Episode> episodes = new ArrayList<>(courses.size());
    courses.forEach(
        (client, itsCourses) ->
            episodes.add(
                new Episode(client, Optional.ofNullable(clinicians.get(client)), itsCourses)));
    if (episodes.stream().noneMatch(TalkingTherapies::hasBothMeasures)) {
      return Optional.empty();
    }
    return Optional.of(TalkingTherapiesRates.of(episodes));
  }

  private static List<SessionScore> inPeriod(List<SessionScore> scores, Period period) {
    return period.isAll()
        ? scores
        : scores.stream().filter(score -> period.contains(score.date())).toList();
  }

  private static List<Observation> observations(List<SessionScore> scores) {
    return scores.stream()
        .map(score -> new Observation(score.session(), score.date(), score.total()))
        .toList();
  }

  /** The outcome measures the statistics can be computed on, for a page's choice of measure. */
  public static List<Instrument> ratedMeasures(ClinicInstruments instruments) {
    return instruments.scorer().catalog().instruments().stream()
        .filter(ClinicCohort::rated)
        .toList();
  }

  /** An outcome measure with a published reliable-change value and cutoff, which the rates need. */
  private static Instrument outcomeInstrument(ClinicInstruments instruments, String id) {
    Instrument instrument =
        instruments
            .scorer()
            .catalog()
            .find(id)
            .orElseThrow(
                () ->
                    WebException.badRequest(
                        "measure: " + instruments.scorer().catalog().unknown(id)));
    if (instrument.construct() != Construct.OUTCOME) {
      throw WebException.badRequest("measure: " + instrument.id() + " is not an outcome measure");
    }
    if (!rated(instrument)) {
      throw WebException.badRequest(
          "measure: "
              + instrument.id()
              + " has no published reliable-change value and cutoff, which the outcome rates need");
    }
    return instrument;
  }

  private static boolean rated(Instrument instrument) {
    return instrument.construct() == Construct.OUTCOME
        && instrument.reliableChange().isPresent()
        && instrument.clinicalCutoff().isPresent();
  }
}
