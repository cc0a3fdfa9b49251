package org.alliance.web.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.alliance.web.platform.security.Secrets;

/**
 * Uploaded files kept on the server between their preview and the admin's confirmation, so that
 * what is written is exactly what was previewed (a re-upload is never trusted to match). Each is
 * found by a random id, only by the session that uploaded it, and only until it expires or is used.
 * Kept in memory: a restart forgets them, and the admin uploads again.
 */
final class PendingImports {
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
      byte[] bytes,
      Instant expires) {}

  private final Map<String, Upload> pending = new ConcurrentHashMap<>();

  /** Keeps an upload and returns its id. */
  String keep(Upload upload, Instant now) {
    purge(now);
    while (pending.size() >= MAX_PENDING) {
      pending.entrySet().stream()
          .min(Map.Entry.comparingByValue((a, b) -> a.expires().compareTo(b.expires())))
          .ifPresent(oldest -> pending.remove(oldest.getKey()));
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

  /** Forgets an upload once it has been imported. */
  void remove(String id) {
    pending.remove(id);
  }

  private void purge(Instant now) {
    pending.values().removeIf(upload -> !upload.expires().isAfter(now));
  }
}
