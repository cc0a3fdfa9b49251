package org.alliance.web.administrations;

import org.alliance.web.platform.http.WebException;

/**
 * The client already has this instrument at this session: found before storing, or another
 * submission for the same session (a client link and the tablet at once, say) was committed first
 * and the unique constraint refused this one. The transaction that tried is rolled back, so nothing
 * of it is stored.
 */
public final class SessionAlreadyRecorded extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String instrumentId;
  private final int session;

  public SessionAlreadyRecorded(String instrumentId, int session, Throwable cause) {
    super(instrumentId + " is already recorded at session " + session, cause);
    this.instrumentId = instrumentId;
    this.session = session;
  }

  /** The answer to a request that was refused for it: 409, saying nothing of it was stored. */
  public WebException conflict() {
    return WebException.conflict(
        "the client already has "
            + instrumentId
            + " at session "
            + session
            + " (perhaps "
            + "saved a moment earlier by another submission), so nothing of this request was stored; check the client's "
            + "sessions and send it again");
  }

  /**
   * Whether the database refused it because another submission was committed first; the transaction
   * cannot go on then (PostgreSQL aborts it), so the whole request fails rather than only this
   * form.
   */
  public boolean raced() {
    return getCause() != null;
  }

  public String instrumentId() {
    return instrumentId;
  }

  public int session() {
    return session;
  }
}
