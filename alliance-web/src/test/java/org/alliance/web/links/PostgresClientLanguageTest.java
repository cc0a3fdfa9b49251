package org.alliance.web.links;

import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.Tag;

/** The client's language on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}). */
@Tag("slow")
class PostgresClientLanguageTest extends ClientLanguageTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
