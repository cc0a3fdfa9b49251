package org.alliance.web;

import org.junit.jupiter.api.Tag;

/**
 * Durability on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}): the server process dies, the database
 * keeps what it committed.
 */
@Tag("slow")
class PostgresDurabilityTest extends DurabilityTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
