package org.alliance.web.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder of the embedded database, readable by the server's user only: clinical data must not
 * be readable by every account on the machine. The folder is made (or narrowed to) rwx------, and
 * the files already in it rw-------; the database files H2 makes later sit in a folder nobody else
 * can enter.
 */
public final class DataDirectory {
  private static final Set<PosixFilePermission> OWNER_FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");

  private DataDirectory() {}

  /** Creates the folder when new and takes every permission but the owner's away. */
  public static void secure(Path folder) {
    try {
      if (Files.notExists(folder)) {
        Files.createDirectories(folder);
      }
      if (!Files.getFileStore(folder).supportsFileAttributeView("posix")) {
        return; // e.g. Windows: the folder keeps the permissions of where it was made
      }
      Files.setPosixFilePermissions(folder, OWNER_FOLDER);
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.setPosixFilePermissions(file, OWNER_FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot make the data folder " + folder.toAbsolutePath() + " private: " + e.getMessage(),
          e);
    }
  }
}
