package org.alliance.web.clients;

import org.alliance.web.TestDatabase;

/** The client records tests on the embedded H2 database. */
class H2ClientRecordsTest extends ClientRecordsTests {
  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
