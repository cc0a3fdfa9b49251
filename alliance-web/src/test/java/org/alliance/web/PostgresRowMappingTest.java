package org.alliance.web;

import org.junit.jupiter.api.Tag;

/** Row mapping on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}). */
@Tag("slow")
class PostgresRowMappingTest extends RowMappingTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
