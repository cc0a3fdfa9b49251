package org.alliance.web.platform.access;

/**
 * Something that keeps a client's data in memory, outside the database (a cache of their trend, an
 * uploaded file waiting for confirmation): told to forget it once the client's data is erased, so
 * that nothing of theirs outlives the erasure in the running server.
 */
@FunctionalInterface
public interface ClientMemory {
  /** Forgets whatever is held about this client; called after the erasure is committed. */
  void forget(long clientId);
}
