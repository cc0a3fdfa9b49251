package org.alliance.web.kiosk;

import org.alliance.web.TestDatabase;

/** The kiosk mode tests on the embedded H2 database. */
class H2KioskTest extends KioskTests {
  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
