package org.alliance.web.clients;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.ClientFilter;
import org.alliance.web.platform.access.ClientScope;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.core.statement.Query;

/**
 * The caseload dashboard's read: every client in a scope with the latest two valid scores of each
 * instrument and the version of their data, in one query however large the caseload.
 */
public final class Caseloads {
  private Caseloads() {}

  /**
   * One score of a caseload line: the latest of an instrument, with the one before it for the trend
   * arrow.
   *
   * @param previous the instrument's score at the session before, when there is one
   */
  public record LatestScore(
      String instrumentId,
      int session,
      Optional<LocalDate> date,
      double total,
      OptionalDouble previous) {
    public LatestScore {
      requireNonNull(instrumentId, "instrumentId");
      requireNonNull(date, "date");
      requireNonNull(previous, "previous");
    }
  }

  /**
   * A client of the caseload with the latest scores of their latest episode of care, by instrument
   * id.
   *
   * @param episodeId the client's latest episode of care: the open one while there is one
   * @param episodeOpen whether that episode is open, which puts the client on the active caseload
   * @param since the day that episode began, as far as is known ({@link
   *     org.alliance.web.episodes.EpisodeOfCare#since})
   * @param administrations how many valid administrations the episode has (with {@code lastId}, the
   *     version of its data that cached alerts are checked against)
   */
  public record CaseloadClient(
      Client client,
      long episodeId,
      boolean episodeOpen,
      LocalDate since,
      List<LatestScore> latest,
      long administrations,
      long lastId) {
    public CaseloadClient {
      requireNonNull(client, "client");
      requireNonNull(since, "since");
      latest = List.copyOf(latest);
    }
  }

  /**
   * Every client in the scope that passes the filter, by reference, with the latest two scores of
   * each instrument in their latest episode of care.
   */
  public static List<CaseloadClient> latest(Handle handle, ClientScope scope, ClientFilter filter) {
    // Window functions rank each client's scores per instrument and count their data in the same
    // pass;
    // H2 and PostgreSQL both have them.
    Query query =
        handle.createQuery(
            "SELECT * FROM (SELECT c.id, c.reference, c.clinician_id, u.username AS clinician_username, "
                + "u.team_id, c.created_at, a.instrument_id, a.session_number, a.administered_on, a.total, "
                + "e.id AS episode_id, e.open_for, e.referred_on, e.first_session_on, e.opened_at, "
                + "ROW_NUMBER() OVER (PARTITION BY c.id, a.instrument_id ORDER BY a.session_number DESC) AS recency, "
                + "COUNT(a.id) OVER (PARTITION BY c.id) AS administrations, MAX(a.id) OVER (PARTITION BY c.id) AS last_id, "
                + "MIN(a.administered_on) OVER (PARTITION BY c.id) AS first_scored_on "
                + "FROM clients c JOIN users u ON u.id = c.clinician_id "
                + "JOIN episodes e ON e.id = (SELECT MAX(x.id) FROM episodes x WHERE x.client_id = c.id) "
                + "LEFT JOIN administrations a ON a.episode_id = e.id AND a.valid "
                + "WHERE "
                + scope.condition()
                + " AND "
                + filter.condition()
                + ") ranked WHERE recency <= 2 ORDER BY reference, id, instrument_id, recency");
    return filter
        .bind(scope.bind(query))
        .setFetchSize(1_000)
        .reduceRows(
            (Map<Long, Builder> clients, RowView row) -> {
              // A client's rows come together: their columns are read once, with the first.
              Builder builder =
                  clients.computeIfAbsent(
                      row.getColumn("id", Long.class),
                      id -> new Builder(row.getRow(ClientRow.class)));
              RankedScore ranked = row.getRow(RankedScore.class);
              if (ranked.instrumentId() != null) {
                if (ranked.recency() == 1) {
                  builder.latest.add(
                      new LatestScore(
                          ranked.instrumentId(),
                          ranked.session(),
                          ranked.date(),
                          ranked.total(),
                          OptionalDouble.empty()));
                } else {
                  int last = builder.latest.size() - 1;
                  LatestScore latest = builder.latest.get(last);
                  builder.latest.set(
                      last,
                      new LatestScore(
                          latest.instrumentId(),
                          latest.session(),
                          latest.date(),
                          latest.total(),
                          OptionalDouble.of(ranked.total())));
                }
              }
            })
        .map(
            builder ->
                new CaseloadClient(
                    builder.row.client(),
                    builder.row.episodeId(),
                    builder.row.openFor().isPresent(),
                    builder
                        .row
                        .referredOn()
                        .or(builder.row::firstSessionOn)
                        .or(builder.row::firstScoredOn)
                        .orElse(LocalDate.ofInstant(builder.row.openedAt(), ZoneOffset.UTC)),
                    builder.latest,
                    builder.row.administrations(),
                    builder.row.lastId()))
        .toList();
  }

  /** The client of a row, with their latest episode and the version of its data. */
  private record ClientRow(
      @Nested Client client,
      long episodeId,
      Optional<Long> openFor,
      Optional<LocalDate> referredOn,
      Optional<LocalDate> firstSessionOn,
      Optional<LocalDate> firstScoredOn,
      Instant openedAt,
      long administrations,
      long lastId) {}

  /**
   * The score of a row: the client's latest ({@code recency} 1) or the one before (2) of an
   * instrument; a client without scores has one row, whose instrument is null.
   */
  private record RankedScore(
      String instrumentId,
      @ColumnName("session_number") int session,
      @ColumnName("administered_on") Optional<LocalDate> date,
      double total,
      int recency) {}

  private static final class Builder {
    final ClientRow row;
    final List<LatestScore> latest = new ArrayList<>();

    Builder(ClientRow row) {
      this.row = row;
    }
  }
}
