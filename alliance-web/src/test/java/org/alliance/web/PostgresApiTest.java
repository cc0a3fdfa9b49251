package org.alliance.web;

import org.junit.jupiter.api.Tag;

/** The API tests on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}). */
@Tag("slow")
class PostgresApiTest extends ApiTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
