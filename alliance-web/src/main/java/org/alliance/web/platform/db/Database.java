package org.alliance.web.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.Closeable;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The clinic's database: a connection pool, the schema brought up to date by Flyway, and Jdbi on
 * top. H2 in a local file by default, PostgreSQL when given its JDBC URL. Nothing but the web app
 * opens it.
 */
public final class Database implements Closeable {
  /** How long a request waits for a connection before it is answered that the database is away. */
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final Jdbi jdbi;

  private Database(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
    // Every query maps its rows to records and reads times the same way on both databases: see
    // Rows.
    this.jdbi =
        Jdbi.create(pool)
            .registerRowMapper(Rows.records())
            .registerColumnMapper(Instant.class, Rows.instants());
  }

  /** Connects and migrates the schema to the latest version. */
  public static Database open(String url, Optional<String> user, Optional<String> password) {
    return open(url, user, password, Optional.empty());
  }

  /**
   * Connects and migrates the schema up to {@code target} (all migrations when empty); a test uses
   * an early target to prove that later migrations upgrade an existing database.
   */
  public static Database open(
      String url, Optional<String> user, Optional<String> password, Optional<String> target) {
    Dialect dialect = Dialect.of(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    user.ifPresent(config::setUsername);
    password.ifPresent(config::setPassword);
    config.setPoolName("alliance");
    // As many connections as a load of 32 concurrent requests needs without queueing for one; a
    // request
    // holds one only while it reads or writes.
    config.setMaximumPoolSize(32);
    config.setAutoCommit(true);
    config.setInitializationFailTimeout(10_000);
    // A request waits at most this long for a connection. HikariCP's default (30 s) kept a
    // request hanging for half a minute when the database was down before answering at all; a
    // request under a normal load waits milliseconds (see the pool size), so 5 s is reached only
    // when the database is away, and the person or program asking hears so (503) in 5 s.
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    // How long checking a connection before use may take; must stay below the connection timeout.
    config.setValidationTimeout(2_000);
    // A connection that failed because the database is away or full is dropped, and with it every
    // other (see EvictOnFault).
    EvictOnFault evict = new EvictOnFault();
    config.setExceptionOverride(evict);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
      evict.pool = pool;
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot connect to the database at " + withoutSecrets(url) + ": " + rootMessage(e), e);
    }
    try {
      migrate(pool, dialect, target);
      return new Database(pool, dialect);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * Drops the connections of the pool once one of them failed because the database is away or full,
   * and not only on the SQL states HikariCP knows (PostgreSQL's): H2 closes its database when a
   * write finds the disk full, and every connection to it then fails for ever with "the database
   * has been closed", while a new connection opens the file again once there is room; after a
   * PostgreSQL restart every connection is dead alike. Idle connections are closed at once, those
   * in use when they are returned, and HikariCP opens new ones as they are needed.
   */
  private static final class EvictOnFault implements SQLExceptionOverride {
    private volatile HikariDataSource pool;

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
      if (DatabaseFault.of(e).isEmpty()) {
        return SQLExceptionOverride.Override.CONTINUE_EVICT;
      }
      HikariDataSource connections = pool;
      if (connections != null && connections.getHikariPoolMXBean() != null) {
        connections.getHikariPoolMXBean().softEvictConnections();
      }
      return SQLExceptionOverride.Override.MUST_EVICT;
    }
  }

  private static void migrate(DataSource dataSource, Dialect dialect, Optional<String> target) {
    var configuration =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(
                "classpath:db/migration/common",
                "classpath:db/migration/" + dialect.migrationFolder())
            .cleanDisabled(true)
            .failOnMissingLocations(true);
    target.ifPresent(version -> configuration.target(MigrationVersion.fromVersion(version)));
    configuration.load().migrate();
  }

  /** The URL without its query, where PostgreSQL URLs may carry a password. */
  private static String withoutSecrets(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs work that reads, on one connection without a transaction of its own. Each statement sees
   * what was committed when it began, exactly as it would inside a READ COMMITTED transaction (the
   * default of H2 and PostgreSQL), without the round trips to begin and end one; work that reads
   * twice must allow for a commit in between, as the trend caches do by reading the version of the
   * data before the data.
   */
  public <T> T read(HandleCallback<T, RuntimeException> work) {
    return jdbi.withHandle(work);
  }

  /**
   * Runs work that writes client data in one transaction, durable when it returns.
   *
   * @throws CommitNotConfirmed when the database failed (see {@link DatabaseFault}) after the work
   *     was done, while committing it: the write may or may not be stored
   */
  public <T> T write(HandleCallback<T, RuntimeException> work) {
    AtomicBoolean done = new AtomicBoolean();
    try {
      return jdbi.inTransaction(
          handle -> {
            T result = work.withHandle(handle);
            done.set(true);
            return result;
          });
    } catch (RuntimeException e) {
      if (done.get() && DatabaseFault.of(e).isPresent()) {
        throw new CommitNotConfirmed(e);
      }
      throw e;
    }
  }

  /** Whether the database answers a trivial query. */
  public boolean reachable() {
    try {
      return jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one())
          == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
