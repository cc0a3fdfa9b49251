package org.alliance.core.scoring;

import static org.alliance.core.scoring.Fixtures.admin;
import static org.alliance.core.scoring.Fixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.junit.jupiter.api.Test;

class ScorerProblemsTest {

  @Test
  void everyFaultIsReportedAtOnceEachNamingItsItem() {
    Administration administration =
        Fixtures.with(
            admin("phq-9", 4, 2.5, "three", 1, 1, 1, 1, 1, 0), "phq9_10", new Answer.Value(1));

    Score score = score(administration);

    assertThat(score.valid()).isFalse();
    assertThat(score.total()).isEmpty();
    assertThat(score.mean()).isEmpty();
    assertThat(score.band()).isEmpty();
    assertThat(score.clinical()).isEmpty();
    assertThat(score.problems())
        .extracting(Problem::kind, Problem::item)
        .containsExactly(
            tuple(Problem.Kind.OUT_OF_RANGE, Optional.of("phq9_1")),
            tuple(Problem.Kind.WRONG_STEP, Optional.of("phq9_2")),
            tuple(Problem.Kind.UNREADABLE, Optional.of("phq9_3")),
            tuple(Problem.Kind.UNKNOWN_ITEM, Optional.of("phq9_10")));
    assertThat(score.problems())
        .allSatisfy(p -> assertThat(p.message()).contains(p.item().orElseThrow()));
    assertThat(score.problems().get(0).message()).contains("0-3").contains("4");
    assertThat(score.problems().get(2).message()).contains("three");
  }

  @Test
  void everyFaultOnTheVisualAnalogueScale() {
    Administration administration =
        Fixtures.with(admin("ors", 10.5, 5.55, "7,5", 3.0), "ors5", new Answer.Value(2));

    Score score = score(administration);

    assertThat(score.total()).isEmpty();
    assertThat(score.problems())
        .extracting(Problem::kind, p -> p.item().orElseThrow())
        .containsExactly(
            tuple(Problem.Kind.OUT_OF_RANGE, "ors_1"),
            tuple(Problem.Kind.WRONG_STEP, "ors_2"),
            tuple(Problem.Kind.UNREADABLE, "ors_3"),
            tuple(Problem.Kind.UNKNOWN_ITEM, "ors5"));
  }

  @Test
  void anUnknownItemAloneInvalidatesTheAdministration() {
    Score score =
        score(Fixtures.with(admin("gad-7", 1, 1, 1, 1, 1, 1, 1), "phq9_1", new Answer.Value(1)));

    assertThat(score.total()).isEmpty();
    assertThat(score.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Problem.Kind.UNKNOWN_ITEM);
              assertThat(p.item()).hasValue("phq9_1");
              assertThat(p.message()).contains("gad7_1").contains("gad7_7");
            });
  }

  @Test
  void unknownInstrumentListsTheKnownIds() {
    Administration administration =
        Administration.of(
            "phq-10", "c-1", 1, Optional.empty(), Map.of("phq10_1", new Answer.Value(1)));

    Score score = Scorer.builtIn().score(administration);

    assertThat(score.instrumentId()).isEqualTo("phq-10");
    assertThat(score.total()).isEmpty();
    assertThat(score.valid()).isFalse();
    assertThat(score.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Problem.Kind.UNKNOWN_INSTRUMENT);
              assertThat(p.item()).isEmpty();
              assertThat(p.message()).contains("phq-10");
              for (String id :
                  new String[] {
                    "srs",
                    "ors",
                    "csrs",
                    "cors",
                    "wai-sr",
                    "haq-ii",
                    "haq-ii-t",
                    "arm-5",
                    "self-check",
                    "phq-9",
                    "gad-7",
                    "core-10",
                    "core-om"
                  }) {
                assertThat(p.message()).contains(id);
              }
            });
  }

  @Test
  void instrumentIdsMatchWithoutRegardToCase() {
    Administration administration =
        Administration.of(
            "PHQ-9",
            "c-1",
            1,
            Optional.empty(),
            Fixtures.answers(Fixtures.instrument("phq-9"), Fixtures.box(Fixtures.filled(9, 1))));

    Score score = score(administration);

    assertThat(score.instrumentId()).isEqualTo("phq-9");
    assertThat(score.total()).hasValue(9.0);
  }

  @Test
  void versionMismatch() {
    Score score =
        score(Fixtures.version(admin("phq-9", Fixtures.box(Fixtures.filled(9, 1))), "2.0"));

    assertThat(score.total()).isEmpty();
    assertThat(score.valid()).isFalse();
    assertThat(score.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Problem.Kind.VERSION_MISMATCH);
              assertThat(p.message()).contains("2.0").contains("1.0");
            });
  }

  @Test
  void matchingVersionIsScored() {
    Score score = score(Fixtures.version(admin("srs", 9.0, 9.0, 9.0, 9.0), "3.0"));

    assertThat(score.problems()).isEmpty();
    assertThat(score.total()).hasValue(36.0);
  }

  @Test
  void versionMismatchIsReportedBesideItemProblemsAndFlagsStillShow() {
    Score score = score(Fixtures.version(admin("phq-9", 0, 0, 0, 0, 0, 0, 0, 9, 2), "0.9"));

    assertThat(Fixtures.kinds(score))
        .containsExactly(Problem.Kind.VERSION_MISMATCH, Problem.Kind.OUT_OF_RANGE);
    assertThat(score.flags()).containsExactly("phq9_9");
  }

  @Test
  void missingItemsAreListedInItemOrder() {
    Score score =
        score(
            "core-10",
            null,
            1,
            1,
            1,
            Answer.NotAnswered.DECLINED,
            1,
            1,
            1,
            1,
            Answer.NotAnswered.SKIPPED);

    assertThat(score.missing()).containsExactly("core10_1", "core10_5", "core10_10");
    assertThat(score.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Problem.Kind.TOO_MANY_MISSING);
              assertThat(p.message()).contains("3 of 10");
            });
  }

  @Test
  void tooManyMissingIsReportedBesideOtherProblems() {
    // Regression: the missing-item rule was once checked only when nothing else was wrong, so a
    // user fixed
    // item 1 and only then learned about item 2. Every problem is reported at once.
    Score score = score("phq-9", 4, null, 1, 1, 1, 1, 1, 1, 0);

    assertThat(score.missing()).containsExactly("phq9_2");
    assertThat(Fixtures.kinds(score))
        .containsExactlyInAnyOrder(Problem.Kind.OUT_OF_RANGE, Problem.Kind.TOO_MANY_MISSING);
  }

  @Test
  void notANumberOnTheVisualAnalogueScaleIsAProblem() {
    // Regression: NaN once passed the visual-analogue check because every comparison with NaN is
    // false.
    Score score = score("ors", 5.0, Double.NaN, 5.0, 5.0);

    assertThat(score.total()).isEmpty();
    assertThat(score.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.item()).hasValue("ors_2"));
  }

  @Test
  void notANumberOnALikertScaleIsAProblem() {
    Score score = score("phq-9", 1, 1, Double.NaN, 1, 1, 1, 1, 1, 1);

    assertThat(score.total()).isEmpty();
    assertThat(score.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.item()).hasValue("phq9_3"));
  }

  @Test
  void aScorerOnACustomCatalogKnowsOnlyItsInstruments() {
    Scorer scorer = new Scorer(Catalog.of(java.util.List.of(Fixtures.instrument("gad-7"))));

    Score gad = scorer.score(admin("gad-7", Fixtures.box(Fixtures.filled(7, 2))));
    Score phq = scorer.score(admin("phq-9", Fixtures.box(Fixtures.filled(9, 2))));

    assertThat(gad.total()).hasValue(14.0);
    assertThat(Fixtures.kinds(phq)).containsExactly(Problem.Kind.UNKNOWN_INSTRUMENT);
    assertThat(phq.problems().get(0).message()).contains("gad-7").doesNotContain("core-10");
  }
}
