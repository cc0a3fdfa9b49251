package org.alliance.web.clients;

import org.alliance.web.TestDatabase;

/** Erasure and the subject-access export on the embedded H2 database. */
class H2ErasureTest extends ErasureTests {
  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
