package org.alliance.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliance.core.simulation.CourseParameters;
import org.alliance.core.simulation.CourseSimulator;
import org.alliance.core.simulation.SimulatedCourses;
import org.alliance.core.simulation.SimulatedTrial;
import org.alliance.core.simulation.TrialParameters;
import org.alliance.core.simulation.TrialSimulator;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Observation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks 2SLS, naive OLS and the lagged alliance effect against R: writes a simulated trial and
 * simulated courses with this toolkit's estimates, and has bench/ivreg-check.R redo them with
 * AER::ivreg, lm and sandwich::vcovCL, which must agree to 1e-6. Needs R with AER ({@code apt-get
 * install r-cran-aer}); skipped with that message without it. .ci/run installs it, so in CI it
 * always runs.
 */
@Tag("slow")
class IvregCrossCheckTest {
  static final long SEED = 20240601L;
  private static final Path SCRIPT = Path.of("..", "bench", "ivreg-check.R");

  @Test
  void agreesWithRsIvregLmAndVcovCl(@TempDir Path dir) throws IOException, InterruptedException {
    assumeTrue(
        rWithAer(),
        "R with the AER package is not installed (apt-get install r-base-core r-cran-aer): "
            + "skipping the cross-check against AER::ivreg");

    SimulatedTrial trial = new TrialSimulator(TrialParameters.defaults()).simulate(SEED);
    List<String> rows = new ArrayList<>();
    rows.add("id,treated,baseline,motivation,attachment,sessions,alliance,phq9");
    for (TrialParticipant p : trial.participants()) {
      // Double.toString is the shortest text that reads back as the same double, so R sees the same
      // data.
      rows.add(
          String.join(
              ",",
              p.id(),
              p.treated() ? "1" : "0",
              d(p.covariates().get(0)),
              d(p.covariates().get(1)),
              d(p.covariates().get(2)),
              Integer.toString(p.sessions()),
              p.alliance().isPresent() ? d(p.alliance().getAsDouble()) : "",
              d(p.outcome())));
    }
    write(dir.resolve("trial.csv"), rows);
    write(
        dir.resolve("params.csv"),
        List.of(
            "key,value",
            "allianceCentre," + d(trial.parameters().allianceCentre()),
            "seed," + SEED,
            "trueSessions," + d(trial.parameters().sessionEffect()),
            "trueSessionsXAlliance," + d(trial.parameters().sessionAllianceEffect())));

    IvFit iv = trial.analysis().fit(trial.participants());
    write(dir.resolve("java-iv.csv"), coefficients(iv.structural()));
    List<String> stages = new ArrayList<>(List.of("endogenous,f,df1,df2"));
    for (FirstStage stage : iv.firstStages()) {
      stages.add(
          stage.endogenous()
              + ","
              + d(stage.f())
              + ","
              + stage.numeratorDf()
              + ","
              + stage.denominatorDf());
    }
    write(dir.resolve("java-firststage.csv"), stages);
    write(
        dir.resolve("java-ols.csv"), coefficients(trial.analysis().naiveOls(trial.participants())));

    SimulatedCourses courses = new CourseSimulator(CourseParameters.defaults()).simulate(SEED);
    List<String> long_ = new ArrayList<>(List.of("client,measure,session,score"));
    for (Episode episode : courses.episodes()) {
      for (Course course : episode.courses()) {
        for (Observation observation : course.observations()) {
          long_.add(
              episode.client()
                  + ","
                  + course.measure().id()
                  + ","
                  + observation.session()
                  + ","
                  + d(observation.score()));
        }
      }
    }
    write(dir.resolve("courses.csv"), long_);
    LaggedAllianceEffect lagged =
        new LaggedAllianceModel().estimate(courses.episodes(), "srs", "phq-9");
    write(dir.resolve("java-lag.csv"), coefficients(lagged.fit()));
    LaggedAllianceEffect detrended =
        new LaggedAllianceModel(true).estimate(courses.episodes(), "srs", "phq-9");
    write(dir.resolve("java-lag-detrended.csv"), coefficients(detrended.fit()));

    Process r =
        new ProcessBuilder("Rscript", SCRIPT.toString(), dir.toString())
            .redirectErrorStream(true)
            .start();
    String report = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(r.waitFor()).as("bench/ivreg-check.R said:%n%s", report).isZero();
  }

  private static boolean rWithAer() {
    try {
      Process check =
          new ProcessBuilder("Rscript", "-e", "suppressPackageStartupMessages(library(AER))")
              .redirectErrorStream(true)
              .start();
      check.getInputStream().readAllBytes();
      return check.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<String> coefficients(RegressionFit fit) {
    List<String> rows = new ArrayList<>(List.of("term,estimate,se,lower,upper,p"));
    for (Coefficient c : fit.coefficients()) {
      rows.add(
          String.join(
              ",",
              c.name(),
              d(c.estimate()),
              d(c.standardError()),
              d(c.interval().lower()),
              d(c.interval().upper()),
              d(c.pValue())));
    }
    return rows;
  }

  private static String d(double value) {
    return Double.toString(value);
  }

  private static void write(Path file, List<String> rows) throws IOException {
    Files.write(file, rows, StandardCharsets.UTF_8);
  }
}
