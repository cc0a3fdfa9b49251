package org.alliance.io.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.alliance.core.trend.RuptureRule;
import org.alliance.core.trend.SuddenChange;
import org.alliance.core.trend.SuddenChangeInterval;
import org.alliance.core.trend.TrackStatus;
import org.junit.jupiter.api.Test;

class CourseFindingsTest {
  private static final CourseFindings.Options SEVEN =
      CourseFindings.Options.defaults().withSuddenChangeCutoff(7);

  @Test
  void findsTheSuddenGainsOfTheSuddengainsExample() throws IOException {
    CourseFindings findings = CourseFindings.find(Courses.sgdata("1"), Optional.empty(), SEVEN);

    // Client 1 of sgdata: BDI 34 -> 23 between sessions 3 and 4 (reversed at 7), and 29 -> 17
    // between 7 and 8.
    assertThat(findings.gains().orElseThrow().changes())
        .extracting(
            SuddenChange::pregainSession,
            SuddenChange::pregainScore,
            SuddenChange::postgainScore,
            SuddenChange::reversed)
        .containsExactly(tuple(3, 34.0, 23.0, true), tuple(7, 29.0, 17.0, false));
    assertThat(findings.losses().orElseThrow().changes()).isEmpty();
    assertThat(findings.ruptures()).isEmpty();
    assertThat(findings.notes()).isEmpty();
    assertThat(findings.suddenChangeCutoff()).hasValue(7);
  }

  @Test
  void countsTheGainsOfEveryClientOfTheExampleAsTheGainsCommandDoes() throws IOException {
    Map<String, Integer> gains = new TreeMap<>();
    for (Episode episode : Courses.sgdata()) {
      CourseFindings findings =
          CourseFindings.find(episode.courses().get(0), Optional.empty(), SEVEN);
      int found = findings.gains().orElseThrow().changes().size();
      if (found > 0) {
        gains.put(episode.client(), found);
      }
    }

    // alliance gains over each client's whole course (sessions 0-12): 26 gains, 17 clients with
    // one, 8 with more.
    assertThat(gains.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(26);
    assertThat(gains)
        .hasSize(17)
        .containsEntry("40", 3)
        .containsEntry("1", 2)
        .containsEntry("3", 1);
    assertThat(gains.values().stream().filter(n -> n > 1).count()).isEqualTo(8);
  }

  @Test
  void withoutACutoffAScoreColumnGetsANoteInsteadOfSuddenGains() throws IOException {
    CourseFindings findings =
        CourseFindings.find(
            Courses.sgdata("1"), Optional.empty(), CourseFindings.Options.defaults());

    assertThat(findings.gains()).isEmpty();
    assertThat(findings.losses()).isEmpty();
    assertThat(findings.notes())
        .singleElement()
        .asString()
        .contains("bdi")
        .contains("--gain-cutoff");
  }

  @Test
  void anInstrumentsReliableChangeIsTheDefaultCutoff() {
    // PHQ-9 reliable change is 6: a fall of exactly 6 (18 -> 12) is a gain, the rise of 5 later is
    // not a loss.
    Course course = Courses.of("phq-9", "c1", 1, 19, 18, 18, 12, 11, 12, 16, 16);

    CourseFindings findings =
        CourseFindings.find(course, Optional.empty(), CourseFindings.Options.defaults());

    assertThat(findings.suddenChangeCutoff()).hasValue(6);
    assertThat(findings.gains().orElseThrow().changes())
        .singleElement()
        .satisfies(gain -> assertThat(gain.pregainSession()).isEqualTo(3));
    assertThat(findings.losses().orElseThrow().changes()).isEmpty();
  }

  @Test
  void aMissingSessionLeavesItsIntervalsUndecided() {
    Course course = Courses.of("phq-9", "c1", 1, 20, 19, Double.NaN, 12, 11, 12, 11);

    CourseFindings findings =
        CourseFindings.find(course, Optional.empty(), CourseFindings.Options.defaults());

    assertThat(findings.gains().orElseThrow().outcomes())
        .containsExactly(
            SuddenChangeInterval.Outcome.UNDETERMINED,
            SuddenChangeInterval.Outcome.UNDETERMINED,
            SuddenChangeInterval.Outcome.NONE,
            SuddenChangeInterval.Outcome.NONE);
    assertThat(findings.gains().orElseThrow().undetermined()).isEqualTo(2);
  }

  @Test
  void aShortCourseSaysWhyNoSuddenChangeWasTested() {
    CourseFindings findings =
        CourseFindings.find(
            Courses.of("phq-9", "c1", 1, 20, 12, 11),
            Optional.empty(),
            CourseFindings.Options.defaults());

    assertThat(findings.gains().orElseThrow().intervals()).isEmpty();
    assertThat(findings.notes())
        .singleElement()
        .asString()
        .contains("at least 4 sessions")
        .contains("spans 3");
  }

  @Test
  void findsRupturesOfAnAllianceMeasureByTheAlertRules() {
    // SRS: 38 then 33 (a fall of 5, a rupture) repaired at 38.1; later 38 then 33.1 (a fall of
    // 4.9: no rupture).
    Course srs = Courses.of("srs", "c1", 1, 38, 33, 38.1, 38, 33.1, 37);

    CourseFindings findings =
        CourseFindings.find(srs, Optional.empty(), CourseFindings.Options.defaults());

    assertThat(findings.gains()).isEmpty();
    assertThat(findings.notes()).isEmpty();
    assertThat(findings.ruptures())
        .singleElement()
        .satisfies(
            rupture -> {
              assertThat(rupture.rule()).isEqualTo(new RuptureRule.Drop(5));
              assertThat(rupture.startSession()).isEqualTo(2);
              assertThat(rupture.preRuptureLevel()).isEqualTo(38);
              assertThat(rupture.repairSession()).hasValue(3);
            });
  }

  @Test
  void anotherAllianceMeasuresRupturesAreFallsInProportionToItsRange() {
    // WAI-SR runs 12-60, 48 points against the SRS's 40: a rupture is a fall of 6. 51 -> 45 is one,
    // repaired at 51; 51 -> 45.1 is not.
    Course waiSr = Courses.of("wai-sr", "c1", 1, 50, 51, 50, 51, 45, 51, 45.1, 50);

    CourseFindings findings =
        CourseFindings.find(waiSr, Optional.empty(), CourseFindings.Options.defaults());

    assertThat(findings.ruptures())
        .singleElement()
        .satisfies(
            rupture -> {
              assertThat(rupture.rule()).isEqualTo(new RuptureRule.Drop(6));
              assertThat(rupture.startSession()).isEqualTo(5);
              assertThat(rupture.repairSession()).hasValue(6);
            });
  }

  @Test
  void classifiesEverySessionAgainstTheExpectedCourse() throws IOException {
    List<Course> reference = Courses.sgdata().stream().map(e -> e.courses().get(0)).toList();
    ExpectedCourse expected =
        ExpectedCourse.fit(
            reference.get(0).measure(), reference, ExpectedCourse.Options.defaults());

    CourseFindings findings = CourseFindings.find(reference.get(0), Optional.of(expected), SEVEN);

    assertThat(findings.statuses()).hasSize(reference.get(0).observations().size());
    assertThat(findings.statuses())
        .extracting(ExpectedCourse.SessionStatus::status)
        .isEqualTo(
            expected.classify(reference.get(0)).stream()
                .map(ExpectedCourse.SessionStatus::status)
                .toList());
    assertThat(findings.statuses().get(0).status()).isEqualTo(TrackStatus.ON_TRACK);
  }

  @Test
  void refusesAnExpectedCourseOfAnotherMeasureAndANonPositiveCutoff() {
    Course phq9 = Courses.of("phq-9", "c1", 1, 20, 18, 15);
    Measure other = Measure.column("bdi", Direction.HIGHER_IS_WORSE, Construct.OUTCOME);
    List<Course> reference =
        IntStream.range(0, 30)
            .mapToObj(
                i ->
                    new Course(
                        "r" + i,
                        other,
                        IntStream.rangeClosed(1, 8)
                            .mapToObj(s -> Observation.of(s, 30 - s + (i % 5)))
                            .collect(Collectors.toList())))
            .toList();
    ExpectedCourse bdi = ExpectedCourse.fit(other, reference, ExpectedCourse.Options.defaults());

    assertThatThrownBy(
            () -> CourseFindings.find(phq9, Optional.of(bdi), CourseFindings.Options.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CourseFindings.Options.defaults().withSuddenChangeCutoff(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(
            () ->
                new CourseFindings.Options(
                    OptionalDouble.of(Double.NaN), CourseFindings.Options.defaults().alerts()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
