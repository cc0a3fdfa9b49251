package org.alliance.core.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.trend.ChangeCategory;
import org.alliance.core.trend.ClinicalSignificance;
import org.alliance.core.trend.ClinicalSignificanceClient;
import org.alliance.core.trend.ClinicalSignificanceSample;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.ReliableChange;
import org.alliance.core.trend.ReliableChangeOptions;
import org.alliance.core.trend.ReliableChangePair;

/**
 * Each client's outcome from their first to their last score, the one judgement behind every cohort
 * rate: by the instrument's published reliable-change value and clinical cutoff, or, for a measure
 * without them, against the sample's own spread with a given reliability (Jacobson-Truax, cutoff
 * a).
 */
public final class ClientOutcomes {
  private ClientOutcomes() {}

  /** Why a measure cannot be judged by published values, or empty when it can. */
  public static Optional<String> missingPublishedValues(Measure measure) {
    Optional<Instrument> instrument = measure.instrument();
    if (instrument.isEmpty()
        || instrument.get().reliableChange().isEmpty()
        || instrument.get().clinicalCutoff().isEmpty()) {
      return Optional.of(
          measure.id()
              + " has no published reliable-change value and cutoff: give --reliability R to use the sample");
    }
    return Optional.empty();
  }

  /**
   * Each client against the instrument's published values; recovered means clinical at intake,
   * reliably improved and no longer clinical at the last score.
   *
   * @throws IllegalArgumentException when the measure has no published values (the message says so)
   */
  public static List<ClientOutcome> byPublishedValues(
      List<Course> courses, Function<String, Optional<String>> clinicianOf) {
    List<ClientOutcome> outcomes = new ArrayList<>();
    if (courses.isEmpty()) {
      return outcomes;
    }
    Measure measure = courses.get(0).measure();
    missingPublishedValues(measure)
        .ifPresent(
            reason -> {
              throw new IllegalArgumentException(reason);
            });
    Cutoff cutoff = measure.instrument().flatMap(Instrument::clinicalCutoff).orElseThrow();
    for (Course course : courses) {
      double intake = course.first().orElseThrow().score();
      double last = course.last().orElseThrow().score();
      ChangeCategory change = ReliableChange.byThreshold(measure, intake, last).category();
      ChangeCategory combined =
          ClinicalSignificance.combine(change, cutoff.isClinical(intake), !cutoff.isClinical(last));
      outcomes.add(
          new ClientOutcome(
              course.client(),
              clinicianOf.apply(course.client()),
              cutoff.isClinical(intake),
              change.isReliableImprovement(),
              change.isReliableDeterioration(),
              combined == ChangeCategory.RECOVERED));
    }
    return outcomes;
  }

  /**
   * Each client against the sample's own SD and the given reliability, with the sample's cutoff a.
   */
  public static List<ClientOutcome> bySample(
      List<Course> courses, Function<String, Optional<String>> clinicianOf, double reliability) {
    List<ReliableChangePair> pairs =
        courses.stream().map(ReliableChangePair::firstAndLast).toList();
    ClinicalSignificanceSample sample =
        ClinicalSignificance.ofSample(
            pairs,
            courses.get(0).measure().direction(),
            ReliableChangeOptions.jacobsonTruax(reliability));
    List<ClientOutcome> outcomes = new ArrayList<>();
    for (ClinicalSignificanceClient client : sample.clients()) {
      outcomes.add(
          new ClientOutcome(
              client.client(),
              clinicianOf.apply(client.client()),
              client.clinicalAtPre(),
              client.reliableChange().isReliableImprovement(),
              client.reliableChange().isReliableDeterioration(),
              client.category() == ChangeCategory.RECOVERED));
    }
    return outcomes;
  }
}
