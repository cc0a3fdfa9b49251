package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Direction;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Observation;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.descriptive.moment.Mean;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;

/**
 * The pre-post effect size of a group, {@code (intake mean - last mean) / SD at intake}, oriented
 * so that improvement is positive whatever the measure's direction. The SD is the sample SD (n - 1)
 * of the intake scores of the clients counted; no small-sample (Hedges) correction is applied.
 *
 * <p>The interval uses the large-sample variance of a standardized mean change with the pre-test SD
 * (Becker 1988): {@code 2 (1 - r) / n + d^2 / (2 n)}, r being the intake-last correlation; it needs
 * at least 3 clients.
 *
 * @param n clients with both an intake and a later score
 * @param value the effect size, empty when it cannot be computed (see {@link #notes()})
 * @param interval approximate 95% interval of the effect size, when one can be computed
 * @param notes why a value or interval is missing, in words a report can show
 */
public record PrePostEffectSize(
    int n,
    OptionalDouble intakeMean,
    OptionalDouble lastMean,
    OptionalDouble intakeSd,
    OptionalDouble value,
    Optional<Interval> interval,
    List<String> notes) {

  public PrePostEffectSize {
    checkArgument(n >= 0, "n cannot be negative");
    requireNonNull(intakeMean, "intakeMean");
    requireNonNull(lastMean, "lastMean");
    requireNonNull(intakeSd, "intakeSd");
    requireNonNull(value, "value");
    requireNonNull(interval, "interval");
    notes = ImmutableList.copyOf(notes);
  }

  /**
   * The effect size from paired intake and last scores; a pair with a missing ({@code NaN}) score
   * on either side is left out before anything is computed.
   */
  public static PrePostEffectSize of(Direction direction, double[] intake, double[] last) {
    requireNonNull(direction, "direction");
    checkArgument(
        intake.length == last.length,
        "%s intake scores but %s last scores",
        intake.length,
        last.length);
    double[] pre = new double[intake.length];
    double[] post = new double[intake.length];
    int n = 0;
    for (int i = 0; i < intake.length; i++) {
      if (!Double.isNaN(intake[i]) && !Double.isNaN(last[i])) {
        pre[n] = intake[i];
        post[n] = last[i];
        n++;
      }
    }
    return compute(direction, Arrays.copyOf(pre, n), Arrays.copyOf(post, n));
  }

  /**
   * The effect size of a group of courses on one measure: each client's first score is the intake
   * and the last score the outcome. A client with a single score has no later score and is not
   * counted.
   */
  public static PrePostEffectSize of(Collection<Course> courses) {
    checkArgument(!courses.isEmpty(), "no courses: the measure (and its direction) is unknown");
    Course any = courses.iterator().next();
    List<Double> pre = new ArrayList<>();
    List<Double> post = new ArrayList<>();
    for (Course course : courses) {
      checkArgument(
          course.measure().id().equals(any.measure().id()),
          "courses of two measures (%s, %s) cannot be pooled",
          any.measure().id(),
          course.measure().id());
      Optional<Observation> first = course.first();
      Optional<Observation> latest = course.last();
      if (first.isPresent() && latest.get().session() > first.get().session()) {
        pre.add(first.get().score());
        post.add(latest.get().score());
      }
    }
    return compute(
        any.measure().direction(),
        pre.stream().mapToDouble(Double::doubleValue).toArray(),
        post.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static PrePostEffectSize compute(Direction direction, double[] pre, double[] post) {
    int n = pre.length;
    List<String> notes = new ArrayList<>();
    if (n == 0) {
      notes.add("no client has both an intake and a later score");
      return new PrePostEffectSize(
          0,
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          Optional.empty(),
          notes);
    }
    double preMean = new Mean().evaluate(pre);
    double postMean = new Mean().evaluate(post);
    if (n < 2) {
      notes.add("n = 1: the SD at intake needs at least 2 clients, so there is no effect size");
      return new PrePostEffectSize(
          n,
          OptionalDouble.of(preMean),
          OptionalDouble.of(postMean),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          Optional.empty(),
          notes);
    }
    double sd = new StandardDeviation(true).evaluate(pre);
    if (sd == 0) {
      notes.add("all " + n + " intake scores are equal (SD 0), so there is no effect size");
      return new PrePostEffectSize(
          n,
          OptionalDouble.of(preMean),
          OptionalDouble.of(postMean),
          OptionalDouble.of(0),
          OptionalDouble.empty(),
          Optional.empty(),
          notes);
    }
    // Written as intake - last for a lower-is-better measure; the sign turns it round for
    // higher-is-better.
    double d = -direction.sign() * (preMean - postMean) / sd;
    Optional<Interval> interval = Optional.empty();
    if (n < 3) {
      notes.add(
          "n = 2: the interval needs the intake-last correlation, which needs at least 3 clients");
    } else if (new StandardDeviation(true).evaluate(post) == 0) {
      notes.add(
          "all last scores are equal, so the intake-last correlation and the interval are undefined");
    } else {
      double r = new PearsonsCorrelation().correlation(pre, post);
      double se = Math.sqrt(2 * (1 - r) / n + d * d / (2.0 * n));
      double z = new NormalDistribution(0, 1).inverseCumulativeProbability(0.975);
      interval = Optional.of(new Interval(d - z * se, d + z * se));
    }
    return new PrePostEffectSize(
        n,
        OptionalDouble.of(preMean),
        OptionalDouble.of(postMean),
        OptionalDouble.of(sd),
        OptionalDouble.of(d),
        interval,
        notes);
  }
}
