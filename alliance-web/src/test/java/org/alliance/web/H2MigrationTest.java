package org.alliance.web;

/** Migrations on the embedded H2 database. */
class H2MigrationTest extends MigrationTests {
  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }
}
