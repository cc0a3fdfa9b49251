package org.alliance.web.episodes;

import org.alliance.web.TestDatabase;

/** The episodes of care tests on the embedded H2 database. */
class H2EpisodesTest extends EpisodesTests {
  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
