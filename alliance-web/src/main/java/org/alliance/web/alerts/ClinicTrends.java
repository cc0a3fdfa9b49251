package org.alliance.web.alerts;

import static java.util.Objects.requireNonNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertFinder;
import org.alliance.core.trend.AlertOptions;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.alliance.core.trend.RiskFlag;
import org.alliance.web.platform.access.ClientMemory;

/**
 * A client's episode built from the clinic's stored scores, and the alerts the CLI's {@code trend}
 * would raise on it: the same {@link AlertFinder} with its default rules, plus the expected courses
 * fitted on the clinic's own episodes for the not-on-track rules.
 */
public final class ClinicTrends implements ClientMemory {
  private final Supplier<Catalog> catalog;
  private final ExpectedCourseFits fits;
  private volatile Finder finder;
  // Only the alerts are kept, a few small objects per episode of care (a new episode starts a new
  // course, so its alerts are its own), so even a large clinic fits in memory.
  private final Cache<Long, CachedAlerts> alerts =
      CacheBuilder.newBuilder().maximumSize(500_000).build();

  /**
   * An episode's alerts, valid for one version of its data, one fit of the expected courses and one
   * catalog.
   */
  private record CachedAlerts(
      long administrations,
      long lastId,
      ExpectedCourseFits.Fit fit,
      Catalog catalog,
      List<Alert> alerts) {}

  /** The alert finder of one fit of the expected courses. */
  private record Finder(ExpectedCourseFits.Fit fit, AlertFinder alerts) {}

  /**
   * One client's episode, risk flags, ranked alerts, and the expected courses they were judged
   * against.
   */
  public record ClientTrend(
      Episode episode,
      List<RiskFlag> riskFlags,
      List<Alert> alerts,
      Map<String, ExpectedCourse> expectedCourses,
      List<String> notes) {
    public ClientTrend {
      requireNonNull(episode, "episode");
      riskFlags = ImmutableList.copyOf(riskFlags);
      alerts = ImmutableList.copyOf(alerts);
      expectedCourses = Map.copyOf(expectedCourses);
      notes = ImmutableList.copyOf(notes);
    }
  }

  /**
   * @param catalog the clinic's instruments as they are at the time of asking
   */
  public ClinicTrends(Supplier<Catalog> catalog, ExpectedCourseFits fits) {
    this.catalog = catalog;
    this.fits = fits;
  }

  /**
   * What every trend depends on besides the client's own data: the fit of the expected courses and
   * the clinic's instruments. A trend computed under another basis is out of date.
   */
  public record Basis(ExpectedCourseFits.Fit fit, Catalog catalog) {}

  public Basis currentBasis() {
    return new Basis(fits.current(), catalog.get());
  }

  /**
   * The trend of one client from their scores, which must come in instrument and then session
   * order.
   *
   * @param reference the client's reference, which names the episode
   */
  public ClientTrend trend(
      String reference, Optional<String> clinician, List<SessionScore> scores) {
    Catalog catalog = this.catalog.get();
    Map<String, List<Observation>> byInstrument = new LinkedHashMap<>();
    List<RiskFlag> flags = new ArrayList<>();
    Set<String> unknown = new TreeSet<>();
    for (SessionScore score : scores) {
      if (catalog.find(score.instrumentId()).isEmpty()) {
        unknown.add(score.instrumentId());
        continue;
      }
      byInstrument
          .computeIfAbsent(score.instrumentId(), id -> new ArrayList<>())
          .add(new Observation(score.session(), score.date(), score.total()));
      score
          .riskFlags()
          .forEach(
              (item, answer) ->
                  flags.add(new RiskFlag(score.session(), score.instrumentId(), item, answer)));
    }
    List<Course> courses = new ArrayList<>(byInstrument.size());
    byInstrument.forEach(
        (id, observations) -> {
          Instrument instrument = catalog.get(id);
          courses.add(new Course(reference, Measure.of(instrument), observations));
        });
    Episode episode = new Episode(reference, clinician, courses);
    Finder current = finder();
    List<String> notes = new ArrayList<>();
    byInstrument.keySet().stream()
        .map(current.fit().notes()::get)
        .filter(java.util.Objects::nonNull)
        .forEach(notes::add);
    unknown.forEach(
        id ->
            notes.add(
                "instrument " + id + " is not in the clinic's catalog: its scores are left out"));
    return new ClientTrend(
        episode, flags, current.alerts().alerts(episode, flags), current.fit().courses(), notes);
  }

  /**
   * An episode's alerts as last computed, if its data and the expected courses are unchanged since.
   *
   * @param administrations how many valid administrations the episode has now
   * @param lastId the highest id among them
   */
  public Optional<List<Alert>> cachedAlerts(long episodeId, long administrations, long lastId) {
    CachedAlerts cached = alerts.getIfPresent(episodeId);
    if (cached == null
        || cached.administrations() != administrations
        || cached.lastId() != lastId
        || cached.fit() != fits.current()
        || cached.catalog() != catalog.get()) {
      return Optional.empty();
    }
    return Optional.of(cached.alerts());
  }

  /**
   * The trend of an episode of care whose data has this version, remembering its alerts for {@link
   * #cachedAlerts}.
   */
  public ClientTrend trend(
      long episodeId,
      long administrations,
      long lastId,
      String reference,
      Optional<String> clinician,
      List<SessionScore> scores) {
    ExpectedCourseFits.Fit fit = fits.current();
    Catalog known = catalog.get();
    ClientTrend trend = trend(reference, clinician, scores);
    alerts.put(episodeId, new CachedAlerts(administrations, lastId, fit, known, trend.alerts()));
    return trend;
  }

  /** Forgets a client's alerts (which name the client), once their data is erased. */
  @Override
  public void forget(long clientId) {
    alerts.invalidate(clientId);
  }

  private Finder finder() {
    ExpectedCourseFits.Fit fit = fits.current();
    Finder cached = finder;
    if (cached == null || cached.fit() != fit) {
      AlertOptions options = AlertOptions.defaults();
      for (ExpectedCourse course : fit.courses().values()) {
        options = options.withExpectedCourse(course);
      }
      cached = new Finder(fit, new AlertFinder(options));
      finder = cached;
    }
    return cached;
  }
}
