package org.alliance.web.episodes;

import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.Tag;

/** The episodes of care tests on PostgreSQL ({@code ALLIANCE_TEST_PG_URL}). */
@Tag("slow")
class PostgresEpisodesTest extends EpisodesTests {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
