package org.alliance.web.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures are the database's rather than the request's, in the shapes the fault tests met
 * them (see docs/reliability.md): wrapped by Jdbi, kept as a suppressed exception or a chained SQL
 * exception by a batch, or nowhere near the database at all.
 */
class DatabaseFaultTest {
  @Test
  void aLostOrMissingConnectionIsUnreachable() {
    assertThat(
            DatabaseFault.of(
                new ConnectionException(new SQLTransientConnectionException("timed out"))))
        .contains(DatabaseFault.UNREACHABLE);
    assertThat(DatabaseFault.of(new SQLException("I/O error", "08006")))
        .contains(DatabaseFault.UNREACHABLE);
    assertThat(DatabaseFault.of(new RuntimeException(new SQLException("terminating", "57P01"))))
        .contains(DatabaseFault.UNREACHABLE);
  }

  @Test
  void noSpaceIsFoundWhereverTheDriverPutsIt() {
    assertThat(DatabaseFault.of(new SQLException("could not extend file", "53100")))
        .contains(DatabaseFault.NO_SPACE);
    SQLException row = new SQLException("General error", "HY000", 50000);
    row.initCause(
        new IllegalStateException("write failed", new IOException("No space left on device")));
    BatchUpdateException batch = new BatchUpdateException("batch failed", new int[0]);
    batch.addSuppressed(row);
    assertThat(DatabaseFault.of(new IllegalStateException("audit", batch)))
        .contains(DatabaseFault.NO_SPACE);
    SQLException chained = new SQLException("batch failed");
    chained.setNextException(new SQLException("could not extend file", "53100"));
    assertThat(DatabaseFault.of(chained)).contains(DatabaseFault.NO_SPACE);
  }

  @Test
  void aRequestsOwnFailureIsNoFault() {
    assertThat(DatabaseFault.of(new SQLException("duplicate key", "23505"))).isEmpty();
    assertThat(DatabaseFault.of(new IllegalArgumentException("bad session"))).isEmpty();
    // A message mentioning a full disk is not enough: it must come from I/O or the database.
    assertThat(DatabaseFault.of(new IllegalArgumentException("No space left on device")))
        .isEqualTo(Optional.empty());
  }

  @Test
  void aCycleOfCausesEnds() {
    RuntimeException first = new RuntimeException("first");
    RuntimeException second = new RuntimeException("second", first);
    first.initCause(second);
    assertThat(DatabaseFault.of(first)).isEmpty();
  }
}
