package org.alliance.web;

/** The access matrix on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}). */
class PostgresAccessMatrixTest extends AccessMatrixTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
