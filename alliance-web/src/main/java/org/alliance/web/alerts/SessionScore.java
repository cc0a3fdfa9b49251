package org.alliance.web.alerts;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * The part of a stored administration that trends and alerts need: which measure, which session,
 * the total, and any risk items answered. Read without the answers, so a course loads quickly.
 */
public record SessionScore(
    String instrumentId,
    @ColumnName("session_number") int session,
    @ColumnName("administered_on") Optional<LocalDate> date,
    double total,
    Map<String, Double> riskFlags) {
  public SessionScore {
    requireNonNull(instrumentId, "instrumentId");
    requireNonNull(date, "date");
    riskFlags = ImmutableMap.copyOf(riskFlags);
  }
}
