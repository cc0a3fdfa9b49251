package org.alliance.web.administrations;

/**
 * The client already has this instrument at this session: another submission for the same session (a
 * client link and the tablet at once, say) was committed first, and the unique constraint refused this one.
 * The transaction that tried is rolled back, so nothing of it is stored.
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

  public String instrumentId() {
    return instrumentId;
  }

  public int session() {
    return session;
  }
}
