package org.alliance.web.clients;

import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.db.Sql;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.web.platform.access.ClientScope;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The caseload dashboard's read: every client in a scope with the latest two valid scores of each
 * instrument and the version of their data, in one query however large the caseload.
 */
public final class Caseloads {
  private Caseloads() {}

  /**
   * One score of a caseload line: the latest of an instrument, with the one before it for the trend arrow.
   *
   * @param previous the instrument's score at the session before, when there is one
   */
  public record LatestScore(String instrumentId, int session, Optional<LocalDate> date, double total, OptionalDouble previous) {
    public LatestScore {
      requireNonNull(instrumentId, "instrumentId");
      requireNonNull(date, "date");
      requireNonNull(previous, "previous");
    }
  }

  /**
   * A client of the caseload with their latest scores, by instrument id.
   *
   * @param administrations how many valid administrations the client has (with {@code lastId}, the version
   *     of their data that cached alerts are checked against)
   */
  public record CaseloadClient(Client client, List<LatestScore> latest, long administrations, long lastId) {
    public CaseloadClient {
      requireNonNull(client, "client");
      latest = List.copyOf(latest);
    }
  }

  /** Every client in the scope, by reference, with the latest two scores of each instrument. */
  public static List<CaseloadClient> latest(Handle handle, ClientScope scope) {
    // Window functions rank each client's scores per instrument and count their data in the same pass;
    // H2 and PostgreSQL both have them.
    Query query = handle.createQuery("SELECT * FROM (SELECT c.id, c.reference, c.clinician_id, u.username AS clinician_username, "
        + "u.team_id, c.created_at, a.instrument_id, a.session_number, a.administered_on, a.total, "
        + "ROW_NUMBER() OVER (PARTITION BY c.id, a.instrument_id ORDER BY a.session_number DESC) AS recency, "
        + "COUNT(a.id) OVER (PARTITION BY c.id) AS administrations, MAX(a.id) OVER (PARTITION BY c.id) AS last_id "
        + "FROM clients c JOIN users u ON u.id = c.clinician_id LEFT JOIN administrations a ON a.client_id = c.id AND a.valid "
        + "WHERE " + scope.condition() + ") ranked WHERE recency <= 2 ORDER BY reference, id, instrument_id, recency");
    Map<Long, Builder> clients = new LinkedHashMap<>();
    scope.bind(query).setFetchSize(1_000).map((rs, ctx) -> {
      long id = rs.getLong("id");
      Builder builder = clients.get(id);
      if (builder == null) {
        builder = new Builder(Clients.map(rs), rs.getLong("administrations"), rs.getLong("last_id"));
        clients.put(id, builder);
      }
      String instrument = rs.getString("instrument_id");
      if (instrument != null) {
        if (rs.getInt("recency") == 1) {
          builder.latest.add(new LatestScore(instrument, rs.getInt("session_number"), Sql.optionalDate(rs, "administered_on"),
              rs.getDouble("total"), OptionalDouble.empty()));
        } else {
          int last = builder.latest.size() - 1;
          LatestScore latest = builder.latest.get(last);
          builder.latest.set(last, new LatestScore(latest.instrumentId(), latest.session(), latest.date(), latest.total(),
              OptionalDouble.of(rs.getDouble("total"))));
        }
      }
      return id;
    }).forEach(id -> { });
    List<CaseloadClient> result = new ArrayList<>(clients.size());
    clients.values().forEach(builder -> result.add(new CaseloadClient(builder.client, builder.latest, builder.administrations,
        builder.lastId)));
    return result;
  }

  private static final class Builder {
    final Client client;
    final long administrations;
    final long lastId;
    final List<LatestScore> latest = new ArrayList<>();

    Builder(Client client, long administrations, long lastId) {
      this.client = client;
      this.administrations = administrations;
      this.lastId = lastId;
    }
  }
}
