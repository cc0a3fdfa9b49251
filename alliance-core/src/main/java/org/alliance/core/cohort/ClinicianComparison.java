package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.alliance.core.instrument.Direction;
import org.alliance.core.trend.Course;

/**
 * Outcome rates and pre-post effect sizes per clinician, with a warning for every clinician who has
 * fewer clients than the minimum (15 by default, the usual minimum in outcome monitoring) because
 * rates from a handful of clients are too uncertain to rank anyone.
 */
public final class ClinicianComparison {
  /** The usual minimum number of clients per clinician before rates are compared. */
  public static final int DEFAULT_MINIMUM_CLIENTS = 15;

  private final int minimumClients;

  /** A comparison that warns below {@value #DEFAULT_MINIMUM_CLIENTS} clients per clinician. */
  public ClinicianComparison() {
    this(DEFAULT_MINIMUM_CLIENTS);
  }

  /** A comparison that warns below {@code minimumClients} clients per clinician. */
  public ClinicianComparison(int minimumClients) {
    checkArgument(
        minimumClients >= 1,
        "the minimum number of clients must be at least 1: %s",
        minimumClients);
    this.minimumClients = minimumClients;
  }

  public int minimumClients() {
    return minimumClients;
  }

  /** Rates per clinician; the effect sizes have no clients because no scores are given. */
  public List<ClinicianSummary> compare(Collection<ClientOutcome> outcomes) {
    return compare(outcomes, List.of());
  }

  /**
   * Rates and effect sizes per clinician, in clinician order with clients without a clinician last.
   * Each course belongs to the clinician of the client's outcome; all courses must be of one
   * measure.
   *
   * @throws IllegalArgumentException if a course's client has no outcome, or has two courses
   */
  public List<ClinicianSummary> compare(
      Collection<ClientOutcome> outcomes, Collection<Course> courses) {
    Map<String, Optional<String>> clinicianOf = new HashMap<>();
    Map<Optional<String>, List<ClientOutcome>> outcomesOf =
        new TreeMap<>(
            Comparator.comparing((Optional<String> c) -> c.isEmpty())
                .thenComparing(c -> c.orElse("")));
    for (ClientOutcome outcome : outcomes) {
      checkArgument(
          clinicianOf.put(outcome.client(), outcome.clinician()) == null,
          "client %s has two outcomes",
          outcome.client());
      outcomesOf.computeIfAbsent(outcome.clinician(), c -> new ArrayList<>()).add(outcome);
    }
    Map<Optional<String>, List<Course>> coursesOf = new HashMap<>();
    Set<String> seen = new HashSet<>();
    String measure = null;
    Direction direction = Direction.HIGHER_IS_BETTER; // irrelevant when there are no courses
    for (Course course : courses) {
      Optional<String> clinician = clinicianOf.get(course.client());
      checkArgument(clinician != null, "client %s has a course but no outcome", course.client());
      checkArgument(seen.add(course.client()), "client %s has two courses", course.client());
      if (measure == null) {
        measure = course.measure().id();
        direction = course.measure().direction();
      }
      checkArgument(
          course.measure().id().equals(measure),
          "courses of two measures (%s, %s) cannot be compared",
          measure,
          course.measure().id());
      coursesOf.computeIfAbsent(clinician, c -> new ArrayList<>()).add(course);
    }
    List<ClinicianSummary> summaries = new ArrayList<>();
    for (Map.Entry<Optional<String>, List<ClientOutcome>> entry : outcomesOf.entrySet()) {
      Optional<String> clinician = entry.getKey();
      int clients = entry.getValue().size();
      List<Course> own = coursesOf.getOrDefault(clinician, List.of());
      PrePostEffectSize effect =
          own.isEmpty()
              ? PrePostEffectSize.of(direction, new double[0], new double[0])
              : PrePostEffectSize.of(own);
      boolean below = clients < minimumClients;
      List<String> warnings = new ArrayList<>();
      if (below) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "%s has %d clients, fewer than the minimum of %d: the rates are too uncertain to compare",
                clinician.orElse("clients without a clinician"),
                clients,
                minimumClients));
      }
      summaries.add(
          new ClinicianSummary(
              clinician, clients, OutcomeRates.of(entry.getValue()), effect, below, warnings));
    }
    return summaries;
  }
}
