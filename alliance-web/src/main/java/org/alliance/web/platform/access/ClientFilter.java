package org.alliance.web.platform.access;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Which of the clients in reach a list shows: active or discharged ones (or both), and those whose
 * reference contains what was typed in the search box. Like {@link ClientScope}, a condition on a
 * query that names the clients table {@code c}.
 *
 * @param search text the reference must contain, ignoring case; empty for every reference
 */
public record ClientFilter(Status status, Optional<String> search) {
  /** The longest search taken: as long as the longest reference. */
  public static final int MAX_SEARCH = 100;

  /** The active caseload, everyone on it. */
  public static final ClientFilter ACTIVE = new ClientFilter(Status.ACTIVE, Optional.empty());

  public ClientFilter {
    requireNonNull(status, "status");
    requireNonNull(search, "search");
    search = search.map(String::strip).filter(text -> !text.isEmpty());
    if (search.isPresent() && search.get().length() > MAX_SEARCH) {
      throw new IllegalArgumentException("search: at most " + MAX_SEARCH + " characters");
    }
  }

  /** Whether a list shows the clients on the active caseload, the discharged ones, or both. */
  public enum Status {
    ACTIVE("active"),
    DISCHARGED("discharged"),
    ALL("all");

    private final String id;

    Status(String id) {
      this.id = id;
    }

    /** The value of the {@code status} query parameter. */
    public String id() {
      return id;
    }

    public static Optional<Status> parse(String id) {
      return Arrays.stream(values()).filter(status -> status.id.equals(id)).findFirst();
    }
  }

  /** The SQL condition, with the parameter {@code :search} when there is a search. */
  public String condition() {
    String status =
        switch (this.status) {
          case ACTIVE -> "c.discharged_at IS NULL";
          case DISCHARGED -> "c.discharged_at IS NOT NULL";
          case ALL -> "TRUE";
        };
    // References are letters, digits and . _ -; '_' is a LIKE wildcard, so it is escaped below.
    return search.isEmpty() ? status : status + " AND LOWER(c.reference) LIKE :search ESCAPE '!'";
  }

  /** Binds the parameter of the condition. */
  public <S extends SqlStatement<S>> S bind(S statement) {
    return search.isEmpty()
        ? statement
        : statement.bind("search", "%" + escape(search.get().toLowerCase(Locale.ROOT)) + "%");
  }

  private static String escape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
