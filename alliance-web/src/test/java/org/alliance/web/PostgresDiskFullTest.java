package org.alliance.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Tag;

/** A full disk under a private PostgreSQL (see {@link PrivatePostgres}) whose cluster is on it. */
@Tag("slow")
class PostgresDiskFullTest extends DiskFullTests {
  private PrivatePostgres postgres;

  @Override
  String name() {
    return "PostgreSQL";
  }

  @Override
  int megabytes() {
    // initdb's cluster with its first 16 MB write-ahead log segment, and some room to spare.
    return 96;
  }

  @Override
  long room() {
    // PostgreSQL first fills the free space in the pages it has, so less room fills sooner.
    return 128 * 1024;
  }

  @Override
  ServerSettings startDatabase(Path directory) throws Exception {
    // The postgres user must pass through the test's temporary directory (owner-only) to reach it.
    Files.setPosixFilePermissions(
        directory.getParent(), PosixFilePermissions.fromString("rwx--x--x"));
    postgres = PrivatePostgres.startIn(directory);
    return ServerSettings.embedded(directory)
        .withDatabase(postgres.url(), Optional.empty(), Optional.empty());
  }

  @Override
  void stopDatabase() {
    if (postgres != null) {
      postgres.close();
    }
  }
}
