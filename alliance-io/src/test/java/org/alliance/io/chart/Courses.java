package org.alliance.io.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.alliance.io.trend.EpisodeReader;

/** Courses for chart tests: built by hand, or read from the examples with the io readers. */
final class Courses {
  static final Path SGDATA = Path.of("../examples/sgdata-long.csv");

  private Courses() {}

  /** A course of a built-in instrument; a NaN score is a missing session. */
  static Course of(String instrument, String client, int firstSession, double... scores) {
    Measure measure = Measure.of(Catalog.builtIn().get(instrument));
    List<Observation> observations = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isNaN(scores[i])) {
        observations.add(Observation.of(firstSession + i, scores[i]));
      }
    }
    return new Course(client, measure, observations);
  }

  /** Every episode of the suddengains example: BDI-II at sessions 0-12, lower is better. */
  static List<Episode> sgdata() throws IOException {
    try (EpisodeReader reader =
        EpisodeReader.fromScoreColumn(
            SGDATA,
            "bdi",
            Direction.HIGHER_IS_WORSE,
            Construct.OUTCOME,
            problem -> {
              throw new AssertionError(problem.toString());
            })) {
      List<Episode> episodes = new ArrayList<>();
      reader.forEachRemaining(read -> episodes.add(read.episode()));
      return episodes;
    }
  }

  static Course sgdata(String client) throws IOException {
    return sgdata().stream()
        .filter(e -> e.client().equals(client))
        .findFirst()
        .orElseThrow()
        .courses()
        .get(0);
  }
}
