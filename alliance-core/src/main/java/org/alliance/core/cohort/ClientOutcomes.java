package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.alliance.core.trend.ChangeDefinition;
import org.alliance.core.trend.ChangeJudgements;
import org.alliance.core.trend.ClientChange;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.ReliableChangeOptions;
import org.alliance.core.trend.ReliableChangePair;

/**
 * Each client's outcome from their first to their last score, the one judgement behind every cohort
 * rate: by a {@link ChangeDefinition}, the same one the {@code change} command uses, so that a
 * client counted recovered in one output is counted so in every other.
 */
public final class ClientOutcomes {
  private ClientOutcomes() {}

  /** Why a measure cannot be judged by published values, or empty when it can. */
  public static Optional<String> missingPublishedValues(Measure measure) {
    return ChangeDefinition.missingPublishedValues(measure);
  }

  /**
   * Each client's course from its first to its last score, judged by the definition.
   *
   * @throws IllegalArgumentException when a course has fewer than two scores (a cohort counts only
   *     clients it can judge), or the definition cannot judge the sample (the message says why)
   */
  public static List<ClientOutcome> of(
      List<Course> courses,
      Function<String, Optional<String>> clinicianOf,
      ChangeDefinition definition) {
    List<ReliableChangePair> pairs = new ArrayList<>(courses.size());
    for (Course course : courses) {
      checkArgument(
          course.observations().size() >= 2,
          "client %s has fewer than two %s scores",
          course.client(),
          course.measure().id());
      pairs.add(ReliableChangePair.firstAndLast(course));
    }
    if (pairs.isEmpty()) {
      return List.of();
    }
    ChangeJudgements judged = definition.judge(pairs);
    List<ClientOutcome> outcomes = new ArrayList<>(judged.clients().size());
    for (ClientChange change : judged.clients()) {
      outcomes.add(
          new ClientOutcome(
              change.client(),
              clinicianOf.apply(change.client()),
              change.clinicalAtPre(),
              change.reliableChange().isReliableImprovement(),
              change.reliableChange().isReliableDeterioration(),
              change.recovered()));
    }
    return outcomes;
  }

  /**
   * Each client against the instrument's published values ({@link
   * ChangeDefinition#publishedCutoff}): recovered means clinical at intake, reliably improved and
   * no longer clinical at the last score.
   *
   * @throws IllegalArgumentException when the measure has no published values (the message says so)
   */
  public static List<ClientOutcome> byPublishedValues(
      List<Course> courses, Function<String, Optional<String>> clinicianOf) {
    if (courses.isEmpty()) {
      return List.of();
    }
    return of(courses, clinicianOf, ChangeDefinition.publishedCutoff(courses.get(0).measure()));
  }

  /**
   * Each client against the sample's own SD and the given reliability, with the sample's cutoff a.
   */
  public static List<ClientOutcome> bySample(
      List<Course> courses, Function<String, Optional<String>> clinicianOf, double reliability) {
    return of(
        courses,
        clinicianOf,
        ChangeDefinition.sampleCutoff(
            courses.get(0).measure().direction(),
            ReliableChangeOptions.jacobsonTruax(reliability)));
  }
}
