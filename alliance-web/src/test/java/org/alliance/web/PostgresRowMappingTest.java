package org.alliance.web;

/** Row mapping on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}). */
class PostgresRowMappingTest extends RowMappingTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
