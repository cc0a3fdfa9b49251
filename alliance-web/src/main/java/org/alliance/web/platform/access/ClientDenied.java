package org.alliance.web.platform.access;

import org.alliance.web.platform.http.WebException;

/**
 * A user asked for a client they may not reach, or one that does not exist: answered 404 either
 * way, so that the answer does not tell them which, and recorded in the audit log with who asked.
 *
 * @param exists whether the client exists (only then does the audit entry name it)
 */
public final class ClientDenied extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long userId;
  private final long clientId;
  private final boolean exists;

  ClientDenied(long userId, long clientId, boolean exists) {
    super("no client " + clientId, null, false, false);
    this.userId = userId;
    this.clientId = clientId;
    this.exists = exists;
  }

  public long userId() {
    return userId;
  }

  public long clientId() {
    return clientId;
  }

  public boolean exists() {
    return exists;
  }

  /** The answer the user gets: the same as for a client that does not exist. */
  public WebException answer() {
    return WebException.notFound(getMessage());
  }
}
