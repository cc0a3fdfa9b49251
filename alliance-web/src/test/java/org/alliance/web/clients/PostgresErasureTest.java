package org.alliance.web.clients;

import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.Tag;

/** Erasure and the subject-access export on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}). */
@Tag("slow")
class PostgresErasureTest extends ErasureTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
