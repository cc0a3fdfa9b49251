package org.alliance.web;

/** Durability on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}): the server process dies, the database keeps what it committed. */
class PostgresDurabilityTest extends DurabilityTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
