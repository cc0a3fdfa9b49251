package org.alliance.web.kiosk;

import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.Tag;

/** The kiosk mode tests on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}). */
@Tag("slow")
class PostgresKioskTest extends KioskTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
