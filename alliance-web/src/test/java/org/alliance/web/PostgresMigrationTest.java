package org.alliance.web;

/** Migrations on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}). */
class PostgresMigrationTest extends MigrationTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
