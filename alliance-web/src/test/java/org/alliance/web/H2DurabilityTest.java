package org.alliance.web;

import org.junit.jupiter.api.Tag;

/** Durability on the embedded H2 database (commits written before they return: WRITE_DELAY=0). */
@Tag("slow")
class H2DurabilityTest extends DurabilityTests {
  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
