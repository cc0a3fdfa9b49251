package org.alliance.core.trend;

/** Where a session's score lies against the expected course of similar clients. */
public enum TrackStatus {
  /** Within the expected band, or better than expected. */
  ON_TRACK,
  /** Worse than the caution percentile of similar clients. */
  CAUTION,
  /**
   * Worse than the not-on-track percentile of similar clients: the client may be heading for a poor
   * outcome.
   */
  NOT_ON_TRACK
}
