package org.alliance.web;

/** Durability on the embedded H2 database (commits written before they return: WRITE_DELAY=0). */
class H2DurabilityTest extends DurabilityTests {
  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
