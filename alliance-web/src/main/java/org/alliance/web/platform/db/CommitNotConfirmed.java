package org.alliance.web.platform.db;

/**
 * The database failed while a write was being committed, so whether it was stored is not known: the
 * commit may have been made an instant before the connection was lost. Sending the same request
 * again is safe where a second copy is refused (a session already recorded is answered 409).
 */
public final class CommitNotConfirmed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CommitNotConfirmed(RuntimeException cause) {
    super("the database failed during the commit; the write may or may not be stored", cause);
  }
}
