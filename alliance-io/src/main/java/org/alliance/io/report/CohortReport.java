package org.alliance.io.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.cohort.ClientOutcome;
import org.alliance.core.cohort.ClientOutcomes;
import org.alliance.core.cohort.ClinicianComparison;
import org.alliance.core.cohort.ClinicianSummary;
import org.alliance.core.cohort.LaggedAllianceEffect;
import org.alliance.core.cohort.LaggedAllianceModel;
import org.alliance.core.cohort.OutcomeRates;
import org.alliance.core.cohort.PrePostEffectSize;
import org.alliance.core.cohort.TalkingTherapies;
import org.alliance.core.cohort.TalkingTherapiesRates;
import org.alliance.core.instrument.Construct;
import org.alliance.core.trend.ChangeDefinition;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.ReliableChangeOptions;

/**
 * The cohort statistics of one outcome measure, as the {@code cohort} command computes them: each
 * client judged from the first to the last score by one named {@link ChangeDefinition}, the rates
 * of reliable improvement, deterioration and recovery with their denominators and 95% Wilson
 * intervals, the pre-post effect size, the same per clinician with the minimum-cases warning, the
 * within-person alliance effect when the data have an alliance measure, and the NHS Talking
 * Therapies rates when they have PHQ-9 and GAD-7.
 *
 * @param episodes clients read
 * @param counted the clients' courses with two or more scores of the measure: the ones judged
 * @param clinicians per clinician, when any client has a clinician recorded; else empty
 * @param allianceEffect the lagged alliance effect, when it could be estimated
 * @param allianceNote why the alliance effect is missing, when the data have an alliance measure
 * @param definition how each client was judged, the same definition as the {@code change} and
 *     {@code cohort} commands use
 * @param talkingTherapies the NHS Talking Therapies rates, when some episodes have both a PHQ-9 and
 *     a GAD-7
 */
public record CohortReport(
    Measure measure,
    int episodes,
    List<Course> counted,
    ChangeDefinition definition,
    List<ClientOutcome> outcomes,
    OutcomeRates rates,
    PrePostEffectSize effectSize,
    List<ClinicianSummary> clinicians,
    Optional<String> allianceMeasure,
    Optional<LaggedAllianceEffect> allianceEffect,
    Optional<String> allianceNote,
    Optional<TalkingTherapiesRates> talkingTherapies,
    Settings settings) {

  /**
   * How the cohort is judged.
   *
   * @param source where the data came from, such as a file name
   * @param generated the day the report is made
   * @param measure the outcome measure to analyse; empty for the first one met
   * @param reliability with a value, reliable change is judged from the sample's own SD and this
   *     reliability (Jacobson-Truax, cutoff a) instead of the instrument's published values
   * @param minimumClients clinicians with fewer clients are flagged as too few to compare
   * @param notes what the reader should know about the data, such as rows left out
   */
  public record Settings(
      String source,
      LocalDate generated,
      Optional<String> measure,
      OptionalDouble reliability,
      int minimumClients,
      List<String> notes) {
    public Settings {
      requireNonNull(source, "source");
      requireNonNull(generated, "generated");
      requireNonNull(measure, "measure");
      requireNonNull(reliability, "reliability");
      checkArgument(
          minimumClients >= 1,
          "the minimum number of clients must be at least 1: %s",
          minimumClients);
      notes = ImmutableList.copyOf(notes);
    }
  }

  public CohortReport {
    requireNonNull(measure, "measure");
    counted = ImmutableList.copyOf(counted);
    requireNonNull(definition, "definition");
    outcomes = ImmutableList.copyOf(outcomes);
    requireNonNull(rates, "rates");
    requireNonNull(effectSize, "effectSize");
    clinicians = ImmutableList.copyOf(clinicians);
    requireNonNull(allianceMeasure, "allianceMeasure");
    requireNonNull(allianceEffect, "allianceEffect");
    requireNonNull(allianceNote, "allianceNote");
    requireNonNull(talkingTherapies, "talkingTherapies");
    requireNonNull(settings, "settings");
  }

  /**
   * The statistics of these episodes.
   *
   * @throws IllegalArgumentException when no client has two scores of the measure, or the measure
   *     has no published values and no reliability is given, or the sample cannot be analysed (say
   *     why)
   */
  public static CohortReport build(List<Episode> episodes, Settings settings) {
    Optional<String> chosen =
        settings.measure().isPresent()
            ? settings.measure()
            : episodes.stream()
                .flatMap(episode -> episode.courses(Construct.OUTCOME).stream())
                .map(c -> c.measure().id())
                .findFirst();
    checkArgument(chosen.isPresent(), "the data have no outcome scores");
    List<Course> courses = new ArrayList<>();
    Map<String, Optional<String>> clinicians = new HashMap<>();
    for (Episode episode : episodes) {
      clinicians.put(episode.client(), episode.clinician());
      episode
          .course(chosen.get())
          .filter(course -> course.observations().size() >= 2)
          .ifPresent(courses::add);
    }
    checkArgument(!courses.isEmpty(), "no client has two or more %s scores", chosen.get());
    Measure measure = courses.get(0).measure();
    ChangeDefinition definition =
        settings.reliability().isPresent()
            ? ChangeDefinition.sampleCutoff(
                measure.direction(),
                ReliableChangeOptions.jacobsonTruax(settings.reliability().getAsDouble()))
            : ChangeDefinition.publishedCutoff(measure);
    List<ClientOutcome> outcomes = ClientOutcomes.of(courses, clinicians::get, definition);
    List<ClinicianSummary> byClinician =
        clinicians.values().stream().anyMatch(Optional::isPresent)
            ? new ClinicianComparison(settings.minimumClients()).compare(outcomes, courses)
            : List.of();

    Optional<String> alliance =
        episodes.stream()
            .flatMap(episode -> episode.courses(Construct.ALLIANCE).stream())
            .map(course -> course.measure().id())
            .findFirst();
    Optional<LaggedAllianceEffect> effect = Optional.empty();
    Optional<String> note = Optional.empty();
    if (alliance.isPresent()) {
      try {
        effect =
            Optional.of(new LaggedAllianceModel().estimate(episodes, alliance.get(), measure.id()));
      } catch (IllegalArgumentException e) {
        note = Optional.of(e.getMessage());
      }
    }
    Optional<TalkingTherapiesRates> talkingTherapies =
        episodes.stream().anyMatch(TalkingTherapies::hasBothMeasures)
            ? Optional.of(TalkingTherapiesRates.of(episodes))
            : Optional.empty();
    return new CohortReport(
        measure,
        episodes.size(),
        courses,
        definition,
        outcomes,
        OutcomeRates.of(outcomes),
        PrePostEffectSize.of(courses),
        byClinician,
        alliance,
        effect,
        note,
        talkingTherapies,
        settings);
  }

  /** Whether some clinician has fewer clients than the minimum. */
  public boolean anyClinicianBelowMinimum() {
    return clinicians.stream().anyMatch(ClinicianSummary::belowMinimum);
  }
}
