package org.alliance.web.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.alliance.web.ClinicServer;
import org.alliance.web.ServerSettings;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's folder and files are readable by the server's user only. */
class DataDirectoryTest {
  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void aNewDataFolderIsTheOwnersOnly(@TempDir Path temp) throws IOException {
    Path data = temp.resolve("new").resolve("data");
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, data)) {
      assertThat(clinic.server.port()).isPositive();
    }
    assertThat(permissions(data)).isEqualTo("rwx------");
    assertThat(Files.exists(data.resolve("alliance.mv.db"))).isTrue();
  }

  @Test
  void anExistingWorldReadableFolderIsNarrowed(@TempDir Path temp) throws IOException {
    Path data = temp.resolve("data");
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, data)) {
      assertThat(clinic.server.port()).isPositive();
    }
    // As an older version left it: everyone may read the folder and the database file.
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Stream<Path> files = Files.list(data)) {
      for (Path file : files.toList()) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      }
    }
    try (ClinicServer again = ClinicServer.start(ServerSettings.embedded(data))) {
      assertThat(again.port()).isPositive();
      assertThat(permissions(data)).isEqualTo("rwx------");
      assertThat(permissions(data.resolve("alliance.mv.db"))).isEqualTo("rw-------");
    }
  }
}
