package org.alliance.core.trend;

import static java.util.Objects.requireNonNull;

/** A risk item answered above its minimum at a session, such as PHQ-9 item 9 or CORE-10 item 6. */
public record RiskFlag(int session, String instrumentId, String itemId, double answer) {
  public RiskFlag {
    requireNonNull(instrumentId, "instrumentId");
    requireNonNull(itemId, "itemId");
  }
}
