package org.alliance.web;

/** The access matrix on the embedded H2 database. */
class H2AccessMatrixTest extends AccessMatrixTests {
  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
