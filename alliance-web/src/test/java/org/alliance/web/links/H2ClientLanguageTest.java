package org.alliance.web.links;

import org.alliance.web.TestDatabase;

/** The client's language on the embedded H2 database. */
class H2ClientLanguageTest extends ClientLanguageTests {
  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
