package org.alliance.core.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.alliance.core.trend.Episode;

/**
 * The output of {@link CourseSimulator}: one episode per client with an outcome and an alliance
 * course, what was simulated for each client, and the true lagged alliance effect in score units.
 *
 * @param trueAllianceEffect oriented outcome points at the next session per alliance point above
 *     the client's own level; what {@link org.alliance.core.cohort.LaggedAllianceModel} estimates
 */
public record SimulatedCourses(
    CourseParameters parameters,
    long seed,
    List<Episode> episodes,
    List<SimulatedClient> clients,
    double trueAllianceEffect) {
  public SimulatedCourses {
    requireNonNull(parameters, "parameters");
    episodes = ImmutableList.copyOf(episodes);
    clients = ImmutableList.copyOf(clients);
    checkArgument(episodes.size() == clients.size(), "one episode per client");
  }
}
