package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Norms;

/**
 * Clinically significant change (Jacobson and Truax 1991): reliable change combined with a move
 * from the clinical to the functional population across a cutoff a, b or c. Per client from
 * published norms, or over a sample whose pre-treatment scores stand for the clinical population.
 *
 * <p>Combined categories, as the R package clinicalsignificance assigns them: recovered = clinical
 * at pre, functional at post and reliably improved; improved = reliably improved but not recovered;
 * harmed = not clinical at pre, not functional at post and reliably deteriorated; deteriorated =
 * reliably deteriorated but not harmed; unchanged otherwise.
 */
public final class ClinicalSignificance {
  private ClinicalSignificance() {}

  /**
   * Clinical at pre: {@code dir * score < dir * cutoff}. A score equal to the cutoff is not
   * clinical.
   */
  public static boolean isClinical(double score, double cutoff, Direction direction) {
    return direction.sign() * score < direction.sign() * cutoff;
  }

  /**
   * Functional at post: {@code dir * score > dir * cutoff}. A score equal to the cutoff is not
   * functional.
   */
  public static boolean isFunctional(double score, double cutoff, Direction direction) {
    return direction.sign() * score > direction.sign() * cutoff;
  }

  /** The combined category from reliable change and where the client stood before and after. */
  public static ChangeCategory combine(
      ChangeCategory reliableChange, boolean clinicalAtPre, boolean functionalAtPost) {
    checkArgument(
        reliableChange.isReliableChangeCategory(),
        "reliable change alone cannot be %s",
        reliableChange);
    return switch (reliableChange) {
      case IMPROVED ->
          clinicalAtPre && functionalAtPost ? ChangeCategory.RECOVERED : ChangeCategory.IMPROVED;
      case DETERIORATED ->
          !clinicalAtPre && !functionalAtPost ? ChangeCategory.HARMED : ChangeCategory.DETERIORATED;
      default -> ChangeCategory.UNCHANGED;
    };
  }

  /**
   * One client against published norms, at alpha .05. The RCI is Jacobson-Truax's with SD_pre = the
   * clinical SD of the norms and r = their reliability, so nothing depends on other clients.
   */
  public static ClinicalSignificanceClient ofClient(
      String client,
      double pre,
      double post,
      Norms norms,
      Direction direction,
      ClinicalSignificanceCutoff cutoff) {
    return ofClient(
        client, pre, post, norms, direction, cutoff, ReliableChangeOptions.DEFAULT_ALPHA);
  }

  /**
   * One client against published norms at the given two-sided alpha; see the overload without
   * alpha.
   */
  public static ClinicalSignificanceClient ofClient(
      String client,
      double pre,
      double post,
      Norms norms,
      Direction direction,
      ClinicalSignificanceCutoff cutoff,
      double alpha) {
    requireNonNull(norms, "norms");
    checkArgument(
        Double.isFinite(pre) && Double.isFinite(post), "scores must be finite: %s, %s", pre, post);
    double rci =
        ReliableChangeFormulas.jacobsonTruax(pre, post, norms.clinicalSd(), norms.reliability());
    ChangeCategory reliableChange =
        ReliableChange.classify(rci, RciMethod.JT.criticalValue(alpha), direction);
    double value = ClinicalSignificanceCutoffs.of(norms, direction).value(cutoff);
    return result(client, pre, post, rci, reliableChange, value, direction);
  }

  /**
   * A course from its first to its last observation against the norms of the measure's instrument,
   * at alpha .05; empty when the course has fewer than two observations.
   */
  public static Optional<ClinicalSignificanceClient> ofCourse(
      Course course, ClinicalSignificanceCutoff cutoff) {
    Measure measure = course.measure();
    Optional<Norms> norms = measure.instrument().flatMap(Instrument::norms);
    checkArgument(
        norms.isPresent(),
        "%s has no published norms; use a sample analysis with functional norms",
        measure.id());
    if (course.observations().size() < 2) {
      return Optional.empty();
    }
    return Optional.of(
        ofClient(
            course.client(),
            course.first().orElseThrow().score(),
            course.last().orElseThrow().score(),
            norms.get(),
            measure.direction(),
            cutoff));
  }

  /**
   * Clinically significant change over a sample with cutoff a, which needs no functional population
   * (and is the R package's default cutoff).
   */
  public static ClinicalSignificanceSample ofSample(
      List<ReliableChangePair> pairs, Direction direction, ReliableChangeOptions options) {
    return ofSample(
        pairs,
        direction,
        options,
        ClinicalSignificanceCutoff.A,
        OptionalDouble.empty(),
        OptionalDouble.empty());
  }

  /**
   * Clinically significant change over a sample. Clients missing a score are left out first; the
   * clinical mean and SD are then the sample's pre-treatment mean and SD (n - 1), the functional
   * ones are given.
   *
   * @throws IllegalArgumentException for the HA method: Hageman and Arrindell combine their RCI
   *     with true-score cutoffs and a separate test of each client's post score, which the toolkit
   *     does not implement; pairing their RCI with the cutoffs here would not match the R package
   */
  public static ClinicalSignificanceSample ofSample(
      List<ReliableChangePair> pairs,
      Direction direction,
      ReliableChangeOptions options,
      ClinicalSignificanceCutoff cutoff,
      double functionalMean,
      double functionalSd) {
    return ofSample(
        pairs,
        direction,
        options,
        cutoff,
        OptionalDouble.of(functionalMean),
        OptionalDouble.of(functionalSd));
  }

  private static ClinicalSignificanceSample ofSample(
      List<ReliableChangePair> pairs,
      Direction direction,
      ReliableChangeOptions options,
      ClinicalSignificanceCutoff cutoff,
      OptionalDouble functionalMean,
      OptionalDouble functionalSd) {
    requireNonNull(direction, "direction");
    requireNonNull(options, "options");
    requireNonNull(cutoff, "cutoff");
    checkArgument(
        options.method() != RciMethod.HA,
        "clinically significant change with the HA method needs Hageman and Arrindell's true-score cutoffs, which are not "
            + "implemented; use HA for reliable change alone, or another method here");
    ReliableChange.Complete complete = ReliableChange.Complete.of(pairs);
    ReliableChangeStatistics statistics = ReliableChange.statistics(complete, options);
    ClinicalSignificanceCutoffs cutoffs =
        new ClinicalSignificanceCutoffs(
            statistics.meanPre(), statistics.sdPre(), functionalMean, functionalSd, direction);
    double value = cutoffs.value(cutoff);
    List<ClinicalSignificanceClient> results = new ArrayList<>(complete.pairs().size());
    for (ReliableChangePair pair : complete.pairs()) {
      double pre = pair.pre().getAsDouble();
      double post = pair.post().getAsDouble();
      double rci = ReliableChange.rci(pre, post, statistics);
      ChangeCategory reliableChange =
          ReliableChange.classify(rci, statistics.criticalValue(), direction);
      results.add(result(pair.client(), pre, post, rci, reliableChange, value, direction));
    }
    return new ClinicalSignificanceSample(
        statistics, cutoffs, cutoff, value, results, complete.dropped());
  }

  private static ClinicalSignificanceClient result(
      String client,
      double pre,
      double post,
      double rci,
      ChangeCategory reliableChange,
      double cutoff,
      Direction direction) {
    boolean clinicalAtPre = isClinical(pre, cutoff, direction);
    boolean functionalAtPost = isFunctional(post, cutoff, direction);
    return new ClinicalSignificanceClient(
        client,
        pre,
        post,
        post - pre,
        rci,
        reliableChange,
        clinicalAtPre,
        functionalAtPost,
        combine(reliableChange, clinicalAtPre, functionalAtPost));
  }
}
