package org.alliance.core.cohort;

import java.util.Optional;
import java.util.TreeSet;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Direction;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Observation;

/**
 * The outcome definitions of NHS Talking Therapies for anxiety and depression (formerly IAPT), as
 * NHS services report them, over episodes with a PHQ-9 and a GAD-7 at their first and last session.
 *
 * <p>The rules, and where they come from:
 *
 * <ul>
 *   <li>Finished a course of treatment: the referral ended having had at least two attended
 *       treatment appointments (OHID Fingertips, Common mental disorders profile, Glossary,
 *       "Finished course of treatment"). Every rate counts only such episodes.
 *   <li>Caseness: a score above the clinical / non-clinical cut-off on the anxiety score, the
 *       depression score or both (same glossary, "Caseness"): PHQ-9 10 or more, GAD-7 8 or more.
 *   <li>Reliable change: a PHQ-9 change of 6 points or more, a GAD-7 change of 4 or more (NHS
 *       Digital 2016, as tabulated in PMC8411661, table 1; the values of the instrument definitions
 *       in this toolkit).
 *   <li>Recovery: at caseness at the first score and not at caseness at the last. Its rate leaves
 *       out the episodes that were not at caseness at the start: recovered / (finished - not at
 *       caseness) (NHS Digital, Psychological Therapies: reports on the use of IAPT services,
 *       England, June 2020 and December 2020 Final, "Outcomes").
 *   <li>Reliable improvement: "a significant improvement ... measured by the difference between
 *       their first and last scores"; its rate is over every episode that finished treatment (same
 *       NHS Digital pages). Here: a reliable drop on PHQ-9 or GAD-7 and a reliable rise on neither.
 *   <li>Reliable recovery: meets the criteria of both recovery and reliable improvement (same NHS
 *       Digital pages); its denominator is recovery's.
 *   <li>Reliable deterioration: a reliable rise on PHQ-9 or GAD-7, over every finished episode.
 * </ul>
 *
 * <p>Choices the pages read did not settle, made here and documented in docs/outcomes.md: an
 * episode that improved reliably on one measure and deteriorated reliably on the other counts as
 * reliably deteriorated, never improved, so that harm is not hidden; an episode without a first and
 * a last score of both measures is left out and counted, rather than judged on one measure; the
 * toolkit has no discharge record, so an episode's last recorded scores stand for the end of
 * treatment.
 */
public final class TalkingTherapies {
  /** The definition's name, the same in every output. */
  public static final String NAME = "NHS Talking Therapies";

  /** Where the rules come from, in one line. */
  public static final String SOURCE =
      "NHS Digital, Psychological Therapies: reports on the use of IAPT services (Outcomes, June 2020"
          + " and December 2020 Final); OHID Fingertips, Common mental disorders glossary";

  /** The depression measure. */
  public static final String DEPRESSION = "phq-9";

  /** The anxiety measure (the GAD-7 when no disorder-specific measure is used). */
  public static final String ANXIETY = "gad-7";

  /** PHQ-9 caseness: 10 or more. */
  public static final Cutoff DEPRESSION_CASENESS =
      new Cutoff("caseness", "caseness", 10, Cutoff.Side.AT_OR_ABOVE, true);

  /** GAD-7 caseness: 8 or more. */
  public static final Cutoff ANXIETY_CASENESS =
      new Cutoff("caseness", "caseness", 8, Cutoff.Side.AT_OR_ABOVE, true);

  /** A PHQ-9 change of this many points or more is reliable. */
  public static final double DEPRESSION_RELIABLE_CHANGE = 6;

  /** A GAD-7 change of this many points or more is reliable. */
  public static final double ANXIETY_RELIABLE_CHANGE = 4;

  /** Both measures: higher scores are worse. */
  static final Direction DIRECTION = Direction.HIGHER_IS_WORSE;

  private TalkingTherapies() {}

  /** Why an episode is not counted in the rates. */
  public enum LeftOut {
    /** Fewer than two sessions with a PHQ-9 or GAD-7: treatment did not finish by the rule. */
    ONE_SESSION("fewer than two sessions"),
    /** Two or more sessions, but PHQ-9 or GAD-7 lacks a first and a separate last score. */
    NOT_PAIRED("no first and last score of both PHQ-9 and GAD-7");

    private final String words;

    LeftOut(String words) {
      this.words = words;
    }

    /** The reason in plain words. */
    public String words() {
      return words;
    }
  }

  /** Whether the episode has any PHQ-9 or GAD-7 score, so that the definition concerns it. */
  public static boolean concerns(Episode episode) {
    return episode.course(DEPRESSION).filter(c -> !c.isEmpty()).isPresent()
        || episode.course(ANXIETY).filter(c -> !c.isEmpty()).isPresent();
  }

  /**
   * Whether the episode has both a PHQ-9 and a GAD-7 score, so that data with such episodes can be
   * reported by this definition at all.
   */
  public static boolean hasBothMeasures(Episode episode) {
    return episode.course(DEPRESSION).filter(c -> !c.isEmpty()).isPresent()
        && episode.course(ANXIETY).filter(c -> !c.isEmpty()).isPresent();
  }

  /**
   * Why an episode with a PHQ-9 or GAD-7 ({@link #concerns}) is left out of the rates, or empty
   * when it is counted.
   */
  public static Optional<LeftOut> leftOut(Episode episode) {
    TreeSet<Integer> sessions = new TreeSet<>();
    episode.course(DEPRESSION).ifPresent(c -> addSessions(c, sessions));
    episode.course(ANXIETY).ifPresent(c -> addSessions(c, sessions));
    if (sessions.size() < 2) {
      return Optional.of(LeftOut.ONE_SESSION);
    }
    if (!paired(episode.course(DEPRESSION)) || !paired(episode.course(ANXIETY))) {
      return Optional.of(LeftOut.NOT_PAIRED);
    }
    return Optional.empty();
  }

  /** The episode's outcome, or empty when it is {@linkplain #leftOut left out}. */
  public static Optional<TalkingTherapiesOutcome> judge(Episode episode) {
    if (leftOut(episode).isPresent()) {
      return Optional.empty();
    }
    Course depression = episode.course(DEPRESSION).orElseThrow();
    Course anxiety = episode.course(ANXIETY).orElseThrow();
    return Optional.of(
        TalkingTherapiesOutcome.of(
            episode.client(),
            episode.clinician(),
            score(depression.first()),
            score(depression.last()),
            score(anxiety.first()),
            score(anxiety.last())));
  }

  private static void addSessions(Course course, TreeSet<Integer> sessions) {
    course.observations().forEach(o -> sessions.add(o.session()));
  }

  private static boolean paired(Optional<Course> course) {
    return course.isPresent() && course.get().observations().size() >= 2;
  }

  private static double score(Optional<Observation> observation) {
    return observation.orElseThrow().score();
  }
}
