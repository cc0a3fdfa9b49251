package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Norms;
import org.alliance.core.instrument.Numbers;

/**
 * How one client's change from a first to a last score is judged reliable and clinically
 * significant (Jacobson and Truax 1991), with a name and a source that every output prints. The
 * {@code change} and {@code cohort} commands, the reports and the team page all judge through one
 * of these, so a client counted "recovered" by one is counted so by all.
 *
 * <ul>
 *   <li>{@link PublishedCutoff}, the default wherever the instrument has both values: reliable
 *       change is a change of at least the instrument's published reliable-change value (PHQ-9 6
 *       points), and the clinical range is the instrument's published cutoff (PHQ-9 caseness, 10 or
 *       more).
 *   <li>{@link NormsCutoff}: the RCI from the published clinical SD and reliability, and cutoff a,
 *       b or c from the published norms (CORE-10 has them).
 *   <li>{@link SampleCutoff}, for research: the RCI from the sample's own SD and a given
 *       reliability, and cutoff a from the sample (b or c with functional norms).
 * </ul>
 *
 * <p>Each combines reliable change with the cutoff in the same way ({@link
 * ClinicalSignificance#combine}): recovered = clinical at the first score, out of the clinical
 * range at the last, and reliably improved.
 */
public sealed interface ChangeDefinition {
  /** The definition's name, the same in every output. */
  String name();

  /** Where its numbers come from, in one line. */
  String source();

  /**
   * Judges each pair with both scores; pairs missing one are left out and named.
   *
   * @throws IllegalArgumentException when a sample cannot be analysed (the message says why)
   */
  ChangeJudgements judge(List<ReliableChangePair> pairs);

  /**
   * The instrument's published reliable-change value and clinical cutoff.
   *
   * @throws IllegalArgumentException when the measure has neither, or only one of them
   */
  static ChangeDefinition publishedCutoff(Measure measure) {
    return PublishedCutoff.of(measure);
  }

  /**
   * The instrument's published norms with the given cutoff.
   *
   * @throws IllegalArgumentException when the instrument has no published norms
   */
  static ChangeDefinition normsCutoff(Measure measure, ClinicalSignificanceCutoff cutoff) {
    Optional<Norms> norms = measure.instrument().flatMap(Instrument::norms);
    checkArgument(
        norms.isPresent(),
        "%s has no published norms: use its published cutoff, or give a reliability to use the sample",
        measure.id());
    return new NormsCutoff(measure.id(), measure.direction(), norms.get(), cutoff);
  }

  /** The sample's own statistics with cutoff a, which needs no functional population. */
  static ChangeDefinition sampleCutoff(Direction direction, ReliableChangeOptions options) {
    return new SampleCutoff(
        direction,
        options,
        ClinicalSignificanceCutoff.A,
        OptionalDouble.empty(),
        OptionalDouble.empty());
  }

  /** The sample's own statistics with cutoff a, b or c and a functional population. */
  static ChangeDefinition sampleCutoff(
      Direction direction,
      ReliableChangeOptions options,
      ClinicalSignificanceCutoff cutoff,
      double functionalMean,
      double functionalSd) {
    return new SampleCutoff(
        direction,
        options,
        cutoff,
        OptionalDouble.of(functionalMean),
        OptionalDouble.of(functionalSd));
  }

  /**
   * Why a measure cannot be judged by its published cutoff, or empty when it can: it needs both a
   * published reliable-change value and a clinical cutoff.
   */
  static Optional<String> missingPublishedValues(Measure measure) {
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
   * Jacobson-Truax categories with the instrument's published values: a change of at least {@code
   * threshold} points is reliable (exactly the threshold counts), and a score is clinical on the
   * clinical side of the published {@code cutoff}.
   */
  record PublishedCutoff(String measure, Direction direction, double threshold, Cutoff cutoff)
      implements ChangeDefinition {
    public static final String NAME = "Jacobson-Truax with the published cutoff";

    public PublishedCutoff {
      requireNonNull(measure, "measure");
      requireNonNull(direction, "direction");
      checkArgument(threshold > 0, "a reliable-change value must be positive: %s", threshold);
      requireNonNull(cutoff, "cutoff");
    }

    static PublishedCutoff of(Measure measure) {
      missingPublishedValues(measure)
          .ifPresent(
              reason -> {
                throw new IllegalArgumentException(reason);
              });
      Instrument instrument = measure.instrument().orElseThrow();
      return new PublishedCutoff(
          measure.id(),
          measure.direction(),
          instrument.reliableChange().getAsDouble(),
          instrument.clinicalCutoff().orElseThrow());
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String source() {
      return "the published values of "
          + measure
          + ": reliable change is a change of "
          + Numbers.format(threshold)
          + " points or more, the clinical range is "
          + cutoff.describe();
    }

    @Override
    public ChangeJudgements judge(List<ReliableChangePair> pairs) {
      List<ClientChange> judged = new ArrayList<>();
      List<String> leftOut = new ArrayList<>();
      for (ReliableChangePair pair : pairs) {
        if (!pair.isComplete()) {
          leftOut.add(pair.client());
          continue;
        }
        double pre = pair.pre().getAsDouble();
        double post = pair.post().getAsDouble();
        ChangeCategory change =
            ReliableChange.byThreshold(pre, post, threshold, direction).category();
        judged.add(
            ClientChange.of(
                pair.client(),
                pre,
                post,
                OptionalDouble.empty(),
                change,
                cutoff.isClinical(pre),
                !cutoff.isClinical(post)));
      }
      return new ChangeJudgements(this, judged, leftOut, Optional.empty());
    }
  }

  /**
   * Jacobson-Truax with published norms: the RCI uses the clinical SD and the reliability of the
   * norms, at alpha .05, and the cutoff is a, b or c between the published populations.
   */
  record NormsCutoff(
      String measure, Direction direction, Norms norms, ClinicalSignificanceCutoff cutoff)
      implements ChangeDefinition {
    public static final String NAME = "Jacobson-Truax with a cutoff from published norms";

    public NormsCutoff {
      requireNonNull(measure, "measure");
      requireNonNull(direction, "direction");
      requireNonNull(norms, "norms");
      requireNonNull(cutoff, "cutoff");
    }

    /** The value of the cutoff. */
    public double cutoffValue() {
      return ClinicalSignificanceCutoffs.of(norms, direction).value(cutoff);
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String source() {
      return "the published norms of "
          + measure
          + " ("
          + norms.source()
          + "): reliability "
          + Numbers.format(norms.reliability())
          + ", cutoff "
          + cutoff.name().toLowerCase(Locale.ROOT)
          + " = "
          + Numbers.format(cutoffValue());
    }

    @Override
    public ChangeJudgements judge(List<ReliableChangePair> pairs) {
      List<ClientChange> judged = new ArrayList<>();
      List<String> leftOut = new ArrayList<>();
      for (ReliableChangePair pair : pairs) {
        if (!pair.isComplete()) {
          leftOut.add(pair.client());
          continue;
        }
        judged.add(
            ClientChange.of(
                ClinicalSignificance.ofClient(
                    pair.client(),
                    pair.pre().getAsDouble(),
                    pair.post().getAsDouble(),
                    norms,
                    direction,
                    cutoff)));
      }
      return new ChangeJudgements(this, judged, leftOut, Optional.empty());
    }
  }

  /**
   * Jacobson-Truax over a sample: the pre-treatment mean and SD of the clients with both scores
   * stand for the clinical population, with the given reliability and method; the cutoff is a, or b
   * or c with a functional population.
   */
  record SampleCutoff(
      Direction direction,
      ReliableChangeOptions options,
      ClinicalSignificanceCutoff cutoff,
      OptionalDouble functionalMean,
      OptionalDouble functionalSd)
      implements ChangeDefinition {
    public static final String NAME = "Jacobson-Truax over the sample";

    public SampleCutoff {
      requireNonNull(direction, "direction");
      requireNonNull(options, "options");
      requireNonNull(cutoff, "cutoff");
      requireNonNull(functionalMean, "functionalMean");
      requireNonNull(functionalSd, "functionalSd");
      checkArgument(
          functionalMean.isPresent() == functionalSd.isPresent(),
          "give both the functional mean and SD, or neither");
      checkArgument(
          functionalMean.isPresent() || cutoff == ClinicalSignificanceCutoff.A,
          "cutoffs b and c need the functional population's mean and SD");
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String source() {
      return "the sample's own first scores with reliability "
          + Numbers.format(options.reliability())
          + " (method "
          + options.method().name().toLowerCase(Locale.ROOT)
          + "), cutoff "
          + cutoff.name().toLowerCase(Locale.ROOT)
          + (functionalMean.isPresent()
              ? " with a functional population of mean "
                  + Numbers.format(functionalMean.getAsDouble())
                  + " and SD "
                  + Numbers.format(functionalSd.getAsDouble())
              : "");
    }

    @Override
    public ChangeJudgements judge(List<ReliableChangePair> pairs) {
      ClinicalSignificanceSample sample =
          functionalMean.isPresent()
              ? ClinicalSignificance.ofSample(
                  pairs,
                  direction,
                  options,
                  cutoff,
                  functionalMean.getAsDouble(),
                  functionalSd.getAsDouble())
              : ClinicalSignificance.ofSample(pairs, direction, options);
      return new ChangeJudgements(
          this,
          sample.clients().stream().map(ClientChange::of).toList(),
          sample.droppedClients(),
          Optional.of(sample));
    }
  }
}
