package org.alliance.web.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.alliance.web.platform.security.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploaded files kept on the server between their preview and the admin's confirmation, so that
 * what is written is exactly what was previewed (a re-upload is never trusted to match). Each is
 * found by a random id, only by the session that uploaded it, and only until it expires or is used.
 * Each file waits in a temporary file readable by the server's user only, so waiting uploads take
 * no memory; a restart forgets them (and the JVM removes the files), and the admin uploads again.
 */
final class PendingImports {
  private static final Logger LOG = LoggerFactory.getLogger(PendingImports.class);

  static final Duration LIFETIME = Duration.ofMinutes(30);

  /** At most this many uploads wait at once, over all users; the oldest make room. */
  private static final int MAX_PENDING = 20;

  /** An upload with how to read it. */
  record Upload(
      long userId,
      String session,
      String fileName,
      ImportFormat format,
      ImportChoices choices,
      Path file,
      Instant expires) {
    /** The kept file, from its start. */
    InputStream open() throws IOException {
      return Files.newInputStream(file);
    }
  }

  /**
   * Copies an upload to a new temporary file readable by the server's user only; the caller keeps
   * it or deletes it.
   */
  static Path store(InputStream content) throws IOException {
    Path file =
        Files.createTempFile(
            "alliance-import-",
            ".upload",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    file.toFile().deleteOnExit();
    try (content) {
      Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return file;
  }

  private final Map<String, Upload> pending = new ConcurrentHashMap<>();

  /** Keeps an upload and returns its id. */
  String keep(Upload upload, Instant now) {
    purge(now);
    while (pending.size() >= MAX_PENDING) {
      pending.entrySet().stream()
          .min(Map.Entry.comparingByValue((a, b) -> a.expires().compareTo(b.expires())))
          .ifPresent(oldest -> remove(oldest.getKey()));
    }
    String id = Secrets.random();
    pending.put(id, upload);
    return id;
  }

  /** The upload with this id, if this session made it and it has not expired. */
  Optional<Upload> find(String id, long userId, String session, Instant now) {
    purge(now);
    Upload upload = pending.get(id);
    if (upload == null || upload.userId() != userId || !Secrets.same(upload.session(), session)) {
      return Optional.empty();
    }
    return Optional.of(upload);
  }

  /** Forgets an upload once it has been imported, and deletes its file. */
  void remove(String id) {
    Upload upload = pending.remove(id);
    if (upload != null) {
      delete(upload.file());
    }
  }

  /** Forgets every waiting upload and deletes its file. */
  void removeAll() {
    pending.keySet().stream().toList().forEach(this::remove);
  }

  private void purge(Instant now) {
    pending.entrySet().stream()
        .filter(entry -> !entry.getValue().expires().isAfter(now))
        .map(Map.Entry::getKey)
        .toList()
        .forEach(this::remove);
  }

  /** Deletes a kept file; one that cannot be deleted now goes when the JVM exits. */
  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("could not delete the kept import file {}", file, e);
    }
  }
}
