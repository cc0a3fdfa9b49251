package org.alliance.web;

/** The API tests on the embedded H2 database. */
class H2ApiTest extends ApiTests {
  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
