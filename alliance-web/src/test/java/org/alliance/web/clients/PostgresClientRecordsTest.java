package org.alliance.web.clients;

import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.Tag;

/** The client records tests on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}). */
@Tag("slow")
class PostgresClientRecordsTest extends ClientRecordsTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
