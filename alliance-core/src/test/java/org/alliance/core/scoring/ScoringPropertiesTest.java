package org.alliance.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.instrument.Subscale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random administrations of every built-in instrument. */
class ScoringPropertiesTest {
  private static final int RUNS = 2_500;
  private static final double EPS = 1e-9;

  static Stream<String> instrumentIds() {
    return Catalog.builtIn().instruments().stream().map(Instrument::id);
  }

  /** A random answer on the item's scale, in the scale's own steps. */
  private static double randomAnswer(Random random, ResponseScale scale) {
    if (scale instanceof ResponseScale.VisualAnalogue) {
      return random.nextInt(101) / 10.0;
    }
    if (scale instanceof ResponseScale.YesNo) {
      return random.nextInt(2);
    }
    int min = (int) scale.min();
    int max = (int) scale.max();
    return min + random.nextInt(max - min + 1);
  }

  /** The next answer up on the scale. */
  private static double stepUp(ResponseScale scale, double answer) {
    return scale instanceof ResponseScale.VisualAnalogue
        ? (Math.round(answer * 10) + 1) / 10.0
        : answer + 1;
  }

  private static double[] randomComplete(Random random, Instrument instrument) {
    List<Item> items = instrument.items();
    double[] answers = new double[items.size()];
    for (int i = 0; i < answers.length; i++) {
      answers[i] = randomAnswer(random, items.get(i).scale());
    }
    return answers;
  }

  private static Score scoreOf(Instrument instrument, double[] answers) {
    Object[] boxed = new Object[answers.length];
    for (int i = 0; i < answers.length; i++) {
      boxed[i] = Double.isNaN(answers[i]) ? null : answers[i];
    }
    return Scorer.score(instrument, Fixtures.admin(instrument, boxed));
  }

  private static long seed(String id) {
    return 0x5EED_0000L + id.hashCode();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instrumentIds")
  void completeAdministrationsScoreWithinTheirRange(String id) {
    Instrument instrument = Fixtures.instrument(id);
    Random random = new Random(seed(id));
    double lowestItem =
        instrument.items().stream().mapToDouble(item -> item.scale().min()).min().orElseThrow();
    double highestItem =
        instrument.items().stream().mapToDouble(item -> item.scale().max()).max().orElseThrow();

    for (int run = 0; run < RUNS; run++) {
      double[] answers = randomComplete(random, instrument);
      Score score = scoreOf(instrument, answers);
      String context = id + " " + java.util.Arrays.toString(answers);

      assertThat(score.valid()).as(context).isTrue();
      assertThat(score.problems()).as(context).isEmpty();
      assertThat(score.prorated()).as(context).isFalse();
      assertThat(score.total().getAsDouble())
          .as(context)
          .isBetween(instrument.minTotal() - EPS, instrument.maxTotal() + EPS);
      assertThat(score.mean().getAsDouble())
          .as(context)
          .isBetween(lowestItem - EPS, highestItem + EPS);
      assertThat(score.subscales()).as(context).hasSameSizeAs(instrument.subscales());
      for (Subscale subscale : instrument.subscales()) {
        assertThat(score.subscales().get(subscale.id()))
            .as(context + " " + subscale.id())
            .isBetween(instrument.minScore(subscale) - EPS, instrument.maxScore(subscale) + EPS);
      }
      instrument
          .clinicalCutoff()
          .ifPresent(
              cutoff ->
                  assertThat(score.clinical())
                      .as(context)
                      .hasValue(cutoff.isClinical(score.total().getAsDouble())));
      assertThat(score.band().isPresent()).as(context).isEqualTo(!instrument.bands().isEmpty());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instrumentIds")
  void raisingOneAnswerMovesTheTotalTheWayItsKeyingSays(String id) {
    Instrument instrument = Fixtures.instrument(id);
    Random random = new Random(seed(id) * 31);
    int raisedReversed = 0;
    int raisedForward = 0;

    for (int run = 0; run < RUNS; run++) {
      double[] answers = randomComplete(random, instrument);
      int index = random.nextInt(answers.length);
      Item item = instrument.items().get(index);
      if (answers[index] >= item.scale().max()) {
        answers[index] =
            item.scale().max() - (item.scale() instanceof ResponseScale.VisualAnalogue ? 0.1 : 1);
        answers[index] = Math.round(answers[index] * 10) / 10.0;
      }
      double before = scoreOf(instrument, answers).total().getAsDouble();
      answers[index] = stepUp(item.scale(), answers[index]);
      Score after = scoreOf(instrument, answers);
      String context = id + " item " + item.id() + " raised to " + answers[index];

      assertThat(after.valid()).as(context).isTrue();
      if (item.reversed()) {
        raisedReversed++;
        assertThat(after.total().getAsDouble()).as(context).isLessThan(before);
      } else {
        raisedForward++;
        assertThat(after.total().getAsDouble()).as(context).isGreaterThan(before);
      }
    }
    boolean hasReversed = instrument.items().stream().anyMatch(Item::reversed);
    assertThat(raisedForward).isPositive();
    assertThat(raisedReversed > 0).isEqualTo(hasReversed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instrumentIds")
  void administrationsWithAllowedMissingItemsAreProratedWithinRange(String id) {
    Instrument instrument = Fixtures.instrument(id);
    Random random = new Random(seed(id) + 7);

    for (int run = 0; run < RUNS; run++) {
      double[] answers = randomComplete(random, instrument);
      int missing = random.nextInt(instrument.maxMissing() + 2); // 0 .. maxMissing + 1
      for (int m = 0; m < missing; m++) {
        int index;
        do {
          index = random.nextInt(answers.length);
        } while (Double.isNaN(answers[index]));
        answers[index] = Double.NaN; // left out
      }
      Score score = scoreOf(instrument, answers);
      String context = id + " " + java.util.Arrays.toString(answers);

      assertThat(score.missing()).as(context).hasSize(missing);
      if (missing > instrument.maxMissing()) {
        assertThat(score.total()).as(context).isEmpty();
        assertThat(Fixtures.kinds(score))
            .as(context)
            .containsExactly(Problem.Kind.TOO_MANY_MISSING);
      } else {
        assertThat(score.valid()).as(context).isTrue();
        assertThat(score.prorated()).as(context).isEqualTo(missing > 0);
        assertThat(score.total().getAsDouble())
            .as(context)
            .isBetween(instrument.minTotal() - EPS, instrument.maxTotal() + EPS);
        for (Subscale subscale : instrument.subscales()) {
          Optional<Double> value = Optional.ofNullable(score.subscales().get(subscale.id()));
          value.ifPresent(
              v ->
                  assertThat(v)
                      .as(context + " " + subscale.id())
                      .isBetween(
                          instrument.minScore(subscale) - EPS,
                          instrument.maxScore(subscale) + EPS));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instrumentIds")
  void theOrderAnswersAreGivenInDoesNotMatter(String id) {
    Instrument instrument = Fixtures.instrument(id);
    Random random = new Random(seed(id) + 13);

    for (int run = 0; run < RUNS; run++) {
      double[] answers = randomComplete(random, instrument);
      List<java.util.Map.Entry<String, Answer>> entries = new java.util.ArrayList<>();
      for (int i = 0; i < answers.length; i++) {
        int roll = random.nextInt(10);
        Answer answer =
            roll == 0
                ? null // left out
                : roll == 1
                    ? Answer.NotAnswered.SKIPPED
                    : roll == 2 && run % 5 == 0
                        ? new Answer.Value(99) // out of range now and then
                        : new Answer.Value(answers[i]);
        if (answer != null) {
          entries.add(java.util.Map.entry(instrument.items().get(i).id(), answer));
        }
      }
      Score inOrder = Scorer.score(instrument, administration(instrument, entries));
      java.util.Collections.shuffle(entries, random);
      Score shuffled = Scorer.score(instrument, administration(instrument, entries));
      String context = id + " " + entries;

      assertThat(shuffled.total()).as(context).isEqualTo(inOrder.total());
      assertThat(shuffled.mean()).as(context).isEqualTo(inOrder.mean());
      assertThat(shuffled.subscales()).as(context).isEqualTo(inOrder.subscales());
      assertThat(shuffled.flags()).as(context).isEqualTo(inOrder.flags());
      assertThat(shuffled.missing()).as(context).isEqualTo(inOrder.missing());
      assertThat(shuffled.problems()).as(context).isEqualTo(inOrder.problems());
      assertThat(inOrder.missing())
          .as(context)
          .hasSize(
              instrument.items().size()
                  - (int)
                      entries.stream().filter(e -> e.getValue() instanceof Answer.Value).count());
    }
  }

  private static Administration administration(
      Instrument instrument, List<java.util.Map.Entry<String, Answer>> entries) {
    java.util.Map<String, Answer> answers = new java.util.LinkedHashMap<>();
    entries.forEach(e -> answers.put(e.getKey(), e.getValue()));
    return Administration.of(instrument.id(), Fixtures.CLIENT, 1, Optional.empty(), answers);
  }
}
