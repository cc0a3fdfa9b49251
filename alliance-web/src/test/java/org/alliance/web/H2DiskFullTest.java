package org.alliance.web;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** A full disk under the embedded H2 database. */
@Tag("slow")
class H2DiskFullTest extends DiskFullTests {
  @Override
  String name() {
    return "H2";
  }

  @Override
  int megabytes() {
    return 32;
  }

  @Override
  ServerSettings startDatabase(Path directory) {
    return ServerSettings.embedded(directory);
  }
}
