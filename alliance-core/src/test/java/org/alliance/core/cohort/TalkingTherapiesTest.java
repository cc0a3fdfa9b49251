package org.alliance.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.trend.ChangeCategory;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TalkingTherapiesTest {
  private static final Measure PHQ9 = Measure.of(Catalog.builtIn().get("phq-9"));
  private static final Measure GAD7 = Measure.of(Catalog.builtIn().get("gad-7"));
  private static final Measure ORS = Measure.of(Catalog.builtIn().get("ors"));

  /** Scores by session, {@code null} where the measure was not given. */
  private static Episode episode(String client, Integer[] phq9, Integer[] gad7) {
    List<Course> courses = new ArrayList<>();
    courses.add(course(client, PHQ9, phq9));
    courses.add(course(client, GAD7, gad7));
    return new Episode(client, Optional.of("dr"), courses);
  }

  private static Course course(String client, Measure measure, Integer[] scores) {
    List<Observation> observations = new ArrayList<>();
    for (int session = 0; session < scores.length; session++) {
      if (scores[session] != null) {
        observations.add(Observation.of(session + 1, scores[session]));
      }
    }
    return new Course(client, measure, observations);
  }

  /** Two sessions, both measures at each. */
  private static TalkingTherapiesOutcome judge(
      int phqFirst, int phqLast, int gadFirst, int gadLast) {
    return TalkingTherapies.judge(
            episode("c", new Integer[] {phqFirst, phqLast}, new Integer[] {gadFirst, gadLast}))
        .orElseThrow();
  }

  @ParameterizedTest(name = "PHQ-9 {0}, GAD-7 {1} at the start: a case {2}")
  @CsvSource({"9, 7, false", "10, 7, true", "9, 8, true", "10, 8, true", "0, 0, false"})
  void casenessIsPhq9TenOrMoreOrGad7EightOrMore(int phq9, int gad7, boolean atCaseness) {
    // The last scores are the same, so nothing but caseness differs.
    TalkingTherapiesOutcome outcome = judge(phq9, phq9, gad7, gad7);

    assertThat(outcome.caseAtStart()).isEqualTo(atCaseness);
    assertThat(outcome.caseAtEnd()).isEqualTo(atCaseness);
    assertThat(outcome.recovered()).isFalse();
  }

  @Test
  void recoveryIsACaseAtTheStartAndNotACaseOnEitherMeasureAtTheEnd() {
    assertThat(judge(10, 9, 7, 7).recovered()).as("PHQ-9 10 -> 9, GAD-7 under 8").isTrue();
    assertThat(judge(12, 9, 8, 8).recovered()).as("still a case on GAD-7").isFalse();
    assertThat(judge(12, 10, 5, 3).recovered()).as("still a case on PHQ-9").isFalse();
    assertThat(judge(9, 9, 8, 7).recovered()).as("GAD-7 8 -> 7").isTrue();
    // Recovery needs no reliable improvement: a drop of 1 point across the line is enough.
    TalkingTherapiesOutcome small = judge(10, 9, 7, 7);
    assertThat(small.reliablyImproved()).isFalse();
    assertThat(small.reliablyRecovered()).isFalse();
    assertThat(small.words()).isEqualTo("recovery without reliable improvement");
  }

  @ParameterizedTest(name = "PHQ-9 {0} -> {1}, GAD-7 {2} -> {3}: {4}")
  @CsvSource({
    "16, 10, 6, 6, IMPROVED, UNCHANGED",
    "16, 11, 6, 6, UNCHANGED, UNCHANGED",
    "6, 6, 12, 8, UNCHANGED, IMPROVED",
    "6, 6, 12, 9, UNCHANGED, UNCHANGED",
    "4, 10, 6, 6, DETERIORATED, UNCHANGED",
    "4, 9, 6, 6, UNCHANGED, UNCHANGED",
    "6, 6, 2, 6, UNCHANGED, DETERIORATED",
    "6, 6, 2, 5, UNCHANGED, UNCHANGED"
  })
  void reliableChangeIsADropOrRiseOfSixOnPhq9AndFourOnGad7(
      int phqFirst,
      int phqLast,
      int gadFirst,
      int gadLast,
      ChangeCategory depression,
      ChangeCategory anxiety) {
    TalkingTherapiesOutcome outcome = judge(phqFirst, phqLast, gadFirst, gadLast);

    assertThat(outcome.depression()).isEqualTo(depression);
    assertThat(outcome.anxiety()).isEqualTo(anxiety);
    boolean improvedOnOne =
        depression == ChangeCategory.IMPROVED || anxiety == ChangeCategory.IMPROVED;
    boolean deterioratedOnOne =
        depression == ChangeCategory.DETERIORATED || anxiety == ChangeCategory.DETERIORATED;
    assertThat(outcome.reliablyImproved()).isEqualTo(improvedOnOne);
    assertThat(outcome.reliablyDeteriorated()).isEqualTo(deterioratedOnOne);
  }

  @Test
  void reliableImprovementOnOneMeasureWithReliableDeteriorationOnTheOtherIsDeterioration() {
    TalkingTherapiesOutcome mixed = judge(18, 12, 4, 8);

    assertThat(mixed.depression()).isEqualTo(ChangeCategory.IMPROVED);
    assertThat(mixed.anxiety()).isEqualTo(ChangeCategory.DETERIORATED);
    assertThat(mixed.reliablyImproved()).isFalse();
    assertThat(mixed.reliablyDeteriorated()).isTrue();
    assertThat(mixed.reliablyRecovered()).isFalse();
    assertThat(mixed.words()).isEqualTo("reliable deterioration");
  }

  @Test
  void reliableRecoveryNeedsRecoveryAndReliableImprovement() {
    TalkingTherapiesOutcome both = judge(15, 9, 9, 7);
    assertThat(both.recovered()).isTrue();
    assertThat(both.reliablyImproved()).isTrue();
    assertThat(both.reliablyRecovered()).isTrue();
    assertThat(both.words()).isEqualTo("reliable recovery");

    TalkingTherapiesOutcome stillACase = judge(20, 12, 9, 7);
    assertThat(stillACase.reliablyImproved()).isTrue();
    assertThat(stillACase.reliablyRecovered()).isFalse();
    assertThat(stillACase.words()).isEqualTo("reliable improvement");
  }

  @Test
  void anEpisodeWithOneSessionIsLeftOut() {
    Episode once = episode("once", new Integer[] {15}, new Integer[] {12});

    assertThat(TalkingTherapies.concerns(once)).isTrue();
    assertThat(TalkingTherapies.leftOut(once)).contains(TalkingTherapies.LeftOut.ONE_SESSION);
    assertThat(TalkingTherapies.judge(once)).isEmpty();
  }

  @Test
  void anEpisodeMissingTheGad7AtOneEndIsLeftOutNotJudgedOnThePhq9Alone() {
    Episode noLastGad7 = episode("a", new Integer[] {15, 12, 8}, new Integer[] {12, null, null});
    Episode noFirstGad7 = episode("b", new Integer[] {15, 12, 8}, new Integer[] {null, null, 6});

    for (Episode episode : List.of(noLastGad7, noFirstGad7)) {
      assertThat(TalkingTherapies.leftOut(episode))
          .as(episode.client())
          .contains(TalkingTherapies.LeftOut.NOT_PAIRED);
    }
  }

  @Test
  void eachMeasureRunsFromItsOwnFirstToItsOwnLastScore() {
    // GAD-7 was not given at the first session; its first score is the second session's.
    Episode episode = episode("c", new Integer[] {15, 13, 9}, new Integer[] {null, 11, 5});

    TalkingTherapiesOutcome outcome = TalkingTherapies.judge(episode).orElseThrow();

    assertThat(outcome.gad7First()).isEqualTo(11);
    assertThat(outcome.gad7Last()).isEqualTo(5);
    assertThat(outcome.phq9First()).isEqualTo(15);
    assertThat(outcome.reliablyImproved()).isTrue();
  }

  @Test
  void episodesWithoutPhq9OrGad7AreNotCountedAtAll() {
    Course ors = new Course("o", ORS, List.of(Observation.of(1, 18), Observation.of(2, 30)));
    Episode orsOnly = new Episode("o", Optional.empty(), List.of(ors));

    assertThat(TalkingTherapies.concerns(orsOnly)).isFalse();
    TalkingTherapiesRates rates = TalkingTherapiesRates.of(List.of(orsOnly));
    assertThat(rates.finished()).isZero();
    assertThat(rates.oneSession() + rates.notPaired()).isZero();
    assertThat(rates.reliableImprovement().isEmpty()).isTrue();
  }

  @Test
  void ratesCountImprovementOverEveryFinishedEpisodeAndRecoveryOverThoseAtCaseness() {
    List<Episode> episodes =
        List.of(
            // at caseness, reliable recovery
            episode("a", new Integer[] {15, 9}, new Integer[] {10, 5}),
            // at caseness, recovery without reliable improvement
            episode("b", new Integer[] {10, 9}, new Integer[] {8, 7}),
            // at caseness, reliable improvement, still a case
            episode("c", new Integer[] {22, 14}, new Integer[] {9, 9}),
            // not at caseness: reliably improved, left out of the recovery denominator
            episode("d", new Integer[] {9, 2}, new Integer[] {7, 1}),
            // not at caseness, reliable deterioration
            episode("e", new Integer[] {3, 9}, new Integer[] {2, 2}),
            // at caseness, improvement on one and deterioration on the other
            episode("f", new Integer[] {18, 12}, new Integer[] {4, 8}),
            // left out: one session
            episode("g", new Integer[] {20}, new Integer[] {15}),
            // left out: no last GAD-7
            episode("h", new Integer[] {20, 10}, new Integer[] {15, null}));

    TalkingTherapiesRates rates = TalkingTherapiesRates.of(episodes);

    assertThat(rates.finished()).isEqualTo(6);
    assertThat(rates.oneSession()).isEqualTo(1);
    assertThat(rates.notPaired()).isEqualTo(1);
    assertThat(rates.notAtCaseness()).isEqualTo(2);
    assertThat(rates.reliableImprovement()).isEqualTo(new Proportion(3, 6)); // a, c, d
    assertThat(rates.reliableDeterioration()).isEqualTo(new Proportion(2, 6)); // e, f
    assertThat(rates.recovery()).isEqualTo(new Proportion(2, 4)); // a, b of a, b, c, f
    assertThat(rates.reliableRecovery()).isEqualTo(new Proportion(1, 4)); // a
    assertThat(rates.outcomes())
        .extracting(TalkingTherapiesOutcome::client)
        .containsExactly("a", "b", "c", "d", "e", "f");
    assertThat(rates.outcomes()).allSatisfy(o -> assertThat(o.clinician()).contains("dr"));
  }
}
