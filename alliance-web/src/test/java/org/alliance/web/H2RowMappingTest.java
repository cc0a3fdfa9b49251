package org.alliance.web;

/** Row mapping on the embedded H2 database. */
class H2RowMappingTest extends RowMappingTests {
  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
