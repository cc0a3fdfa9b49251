package org.alliance.io.redcap;

import java.util.List;
import org.alliance.core.scoring.Administration;

/** Lets tests of other packages use the round trip's random administrations of every instrument. */
public final class RedcapRoundTripAccess {
  private RedcapRoundTripAccess() {}

  public static List<Administration> administrations(long seed) {
    return RedcapRoundTripTest.administrations(seed);
  }
}
