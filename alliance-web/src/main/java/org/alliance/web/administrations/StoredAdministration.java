package org.alliance.web.administrations;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.scoring.Answers;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * An administration as the clinic stored it: the answers, and the scorer's verdict at the time it
 * was written (total, validity, band, risk items answered), in the episode of care it belongs to.
 *
 * @param riskFlags risk items answered above their minimum, with the answer, in item order
 */
public record StoredAdministration(
    long id,
    long clientId,
    long episodeId,
    String instrumentId,
    String instrumentVersion,
    @ColumnName("session_number") int session,
    @ColumnName("administered_on") Optional<LocalDate> date,
    Answers answers,
    OptionalDouble total,
    boolean valid,
    Optional<String> band,
    Map<String, Double> riskFlags,
    long createdBy,
    Instant createdAt) {
  public StoredAdministration {
    requireNonNull(instrumentId, "instrumentId");
    requireNonNull(instrumentVersion, "instrumentVersion");
    requireNonNull(date, "date");
    requireNonNull(answers, "answers");
    requireNonNull(total, "total");
    requireNonNull(band, "band");
    riskFlags = ImmutableMap.copyOf(riskFlags);
    requireNonNull(createdAt, "createdAt");
  }
}
