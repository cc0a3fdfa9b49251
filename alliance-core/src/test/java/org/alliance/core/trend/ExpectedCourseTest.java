package org.alliance.core.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.alliance.core.instrument.Catalog;
import org.junit.jupiter.api.Test;

class ExpectedCourseTest {
  private static final Measure PHQ9 = Measure.of(Catalog.builtIn().get("phq-9"));
  private static final Measure ORS = Measure.of(Catalog.builtIn().get("ors"));

  // True model: y = (1 + 0.9 intake) + (-1 - 0.15 intake) ln t, residual SD 2.
  private static double truth(double intake, int t) {
    return 1 + 0.9 * intake + (-1 - 0.15 * intake) * Math.log(t);
  }

  private static List<Course> reference(
      Measure measure, int clients, int sessions, double noise, long seed) {
    Random random = new Random(seed);
    List<Course> courses = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      double intake = 8 + random.nextInt(16);
      List<Observation> observations = new ArrayList<>();
      observations.add(Observation.of(1, intake));
      for (int t = 2; t <= sessions; t++) {
        observations.add(Observation.of(t, truth(intake, t) + noise * random.nextGaussian()));
      }
      courses.add(new Course("c" + c, measure, observations));
    }
    return courses;
  }

  @Test
  void recoversTheCoefficientsAndTheResidualSpreadOfTheReferenceData() {
    ExpectedCourse fit =
        ExpectedCourse.fit(PHQ9, reference(PHQ9, 400, 12, 2, 7), ExpectedCourse.Options.defaults());

    assertThat(fit.intercept()).isCloseTo(1, within(0.5));
    assertThat(fit.intakeSlope()).isCloseTo(0.9, within(0.03));
    assertThat(fit.logSlope()).isCloseTo(-1, within(0.4));
    assertThat(fit.intakeByLogSlope()).isCloseTo(-0.15, within(0.02));
    assertThat(fit.pooledSd()).isCloseTo(2, within(0.1));
    assertThat(fit.residualSd().get(6)).isCloseTo(2, within(0.3));
    assertThat(fit.episodes()).isEqualTo(400);
    assertThat(fit.observations()).isEqualTo(400 * 11);
    assertThat(fit.maxT()).isEqualTo(12);
  }

  @Test
  void refusesToFitOnTooFewEpisodesAndSaysHowManyItHad() {
    assertThatThrownBy(
            () ->
                ExpectedCourse.fit(
                    PHQ9, reference(PHQ9, 29, 12, 2, 7), ExpectedCourse.Options.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 30 reference episodes")
        .hasMessageContaining("has 29 and 319");
    // Courses with a single score are not episodes of the fit.
    List<Course> withSingles = new ArrayList<>(reference(PHQ9, 30, 12, 2, 7));
    withSingles.set(0, new Course("c0", PHQ9, List.of(Observation.of(1, 12))));
    assertThatThrownBy(
            () -> ExpectedCourse.fit(PHQ9, withSingles, ExpectedCourse.Options.defaults()))
        .hasMessageContaining("has 29 and");
  }

  @Test
  void classifiesScoresWorseThanThePercentilesOfSimilarClients() {
    ExpectedCourse fit =
        ExpectedCourse.fit(
            PHQ9, reference(PHQ9, 400, 12, 2, 11), ExpectedCourse.Options.defaults());
    ExpectedCourse.Band band = fit.band(20, 6);

    // Lower is better on the PHQ-9: the band edges lie above the expected score, caution nearer.
    assertThat(band.caution()).isGreaterThan(band.expected());
    assertThat(band.notOnTrack()).isGreaterThan(band.caution());
    assertThat(fit.status(20, 6, band.expected())).isEqualTo(TrackStatus.ON_TRACK);
    assertThat(fit.status(20, 6, band.caution()))
        .as("exactly at the caution edge")
        .isEqualTo(TrackStatus.ON_TRACK);
    assertThat(fit.status(20, 6, band.caution() + 0.01)).isEqualTo(TrackStatus.CAUTION);
    assertThat(fit.status(20, 6, band.notOnTrack())).isEqualTo(TrackStatus.CAUTION);
    assertThat(fit.status(20, 6, band.notOnTrack() + 0.01)).isEqualTo(TrackStatus.NOT_ON_TRACK);
    assertThat(fit.status(20, 6, 0))
        .as("much better than expected")
        .isEqualTo(TrackStatus.ON_TRACK);
    // The 90th percentile of a normal residual lies 1.2816 SD above the expected score.
    assertThat(band.notOnTrack() - band.expected())
        .isCloseTo(1.2816 * fit.residualSd().get(6), within(1e-3));
  }

  @Test
  void whenHigherIsBetterTheBandLiesBelow() {
    List<Course> courses = new ArrayList<>();
    Random random = new Random(3);
    for (int c = 0; c < 200; c++) {
      double intake = 15 + random.nextInt(10);
      List<Observation> observations = new ArrayList<>();
      for (int t = 1; t <= 10; t++) {
        observations.add(Observation.of(t, intake + 2 * Math.log(t) + random.nextGaussian()));
      }
      courses.add(new Course("c" + c, ORS, observations));
    }
    ExpectedCourse fit = ExpectedCourse.fit(ORS, courses, ExpectedCourse.Options.defaults());
    ExpectedCourse.Band band = fit.band(20, 5);

    assertThat(band.notOnTrack()).isLessThan(band.caution()).isLessThan(band.expected());
    assertThat(fit.status(20, 5, band.notOnTrack() - 0.1)).isEqualTo(TrackStatus.NOT_ON_TRACK);
    assertThat(fit.status(20, 5, 40)).isEqualTo(TrackStatus.ON_TRACK);
  }

  @Test
  void classifiesEachSessionOfACourseCountingFromItsIntake() {
    ExpectedCourse fit =
        ExpectedCourse.fit(PHQ9, reference(PHQ9, 400, 12, 2, 5), ExpectedCourse.Options.defaults());
    // Intake at session 3 (t = 1); session 8 is t = 6, session 10 is missing.
    Course client =
        new Course(
            "x",
            PHQ9,
            List.of(Observation.of(3, 20), Observation.of(8, 25), Observation.of(11, 6)));

    List<ExpectedCourse.SessionStatus> statuses = fit.classify(client);

    assertThat(statuses)
        .extracting(ExpectedCourse.SessionStatus::session)
        .containsExactly(3, 8, 11);
    assertThat(statuses.get(0).status()).isEqualTo(TrackStatus.ON_TRACK);
    assertThat(statuses.get(1).band().t()).isEqualTo(6);
    assertThat(statuses.get(1).status()).isEqualTo(TrackStatus.NOT_ON_TRACK);
    assertThat(statuses.get(2).status()).isEqualTo(TrackStatus.ON_TRACK);
  }

  @Test
  void sessionsBeyondTheReferenceDataUseTheBandOfTheLastReferenceSession() {
    ExpectedCourse fit =
        ExpectedCourse.fit(PHQ9, reference(PHQ9, 100, 8, 2, 5), ExpectedCourse.Options.defaults());
    double sdAt8 = fit.residualSd().get(8);

    ExpectedCourse.Band band = fit.band(15, 20);

    assertThat(band.expected()).isCloseTo(fit.expected(15, 20), within(1e-12));
    assertThat(band.notOnTrack() - band.expected()).isCloseTo(1.2816 * sdAt8, within(1e-3));
  }
}
