package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document served at /openapi.json lists exactly the routes Javalin has, with their methods. */
class OpenApiTest {
  @TempDir Path dataDir;

  @Test
  void theDocumentListsExactlyTheRegisteredRoutes() {
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, dataDir)) {
      JsonNode document = clinic.get("/openapi.json", null).expect(200).json();
      assertThat(document.get("openapi").asText()).startsWith("3.");
      Set<String> documented = new TreeSet<>();
      for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext(); ) {
        String path = paths.next();
        document.get("paths").get(path).fieldNames()
            .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path));
      }
      assertThat(documented).isEqualTo(Routes.of(clinic.server));
      // Every operation says what it answers.
      document.get("paths").forEach(path -> path.forEach(operation -> assertThat(operation.get("responses")).isNotEmpty()));
    }
  }
}
