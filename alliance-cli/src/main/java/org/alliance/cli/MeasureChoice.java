package org.alliance.cli;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import picocli.CommandLine;

/**
 * Which course of each episode a command analyses: the measure named with {@code --measure}, or
 * else the first measure of the command's kind (outcome or alliance) met in the file. Others of
 * that kind are remembered so the user can be told they were not analysed.
 */
final class MeasureChoice {
  private final Construct construct;
  private String chosen;
  private final Set<String> others = new TreeSet<>();

  MeasureChoice(Catalog catalog, String requested, Construct construct, CommandLine commandLine) {
    this.construct = construct;
    this.chosen = requested == null ? null : catalog.get(requested).id();
    if (requested != null && catalog.get(requested).construct() != construct) {
      throw new CommandLine.ParameterException(
          commandLine,
          "--measure "
              + requested
              + " is not an "
              + (construct == Construct.ALLIANCE ? "alliance" : "outcome")
              + " measure, which this command analyses");
    }
  }

  Optional<Course> course(Episode episode) {
    if (chosen == null) {
      episode.courses(construct).stream()
          .findFirst()
          .ifPresent(course -> chosen = course.measure().id());
    }
    for (Course course : episode.courses(construct)) {
      if (!course.measure().id().equals(chosen)) {
        others.add(course.measure().id());
      }
    }
    return chosen == null ? Optional.empty() : episode.course(chosen);
  }

  Optional<String> chosen() {
    return Optional.ofNullable(chosen);
  }

  /** A note for the user when the file had other measures of the same kind. */
  Optional<String> note() {
    return others.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "note: the file also has "
                + String.join(", ", others)
                + "; analyse one with --measure ID");
  }
}
