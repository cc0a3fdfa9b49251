package org.alliance.web;

import org.junit.jupiter.api.Tag;

/** Migrations on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}). */
@Tag("slow")
class PostgresMigrationTest extends MigrationTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
