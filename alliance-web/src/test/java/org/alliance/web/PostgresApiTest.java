package org.alliance.web;

/** The API tests on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}). */
class PostgresApiTest extends ApiTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
