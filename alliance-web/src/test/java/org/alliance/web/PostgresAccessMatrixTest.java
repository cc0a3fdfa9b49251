package org.alliance.web;

import org.junit.jupiter.api.Tag;

/** The access matrix on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}). */
@Tag("slow")
class PostgresAccessMatrixTest extends AccessMatrixTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
