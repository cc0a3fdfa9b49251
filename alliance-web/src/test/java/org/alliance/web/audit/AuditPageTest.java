package org.alliance.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.alliance.web.SignedIn;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's audit log page against the real server on H2: latest entries, filters by client and
 * user, read-only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPageTest {
  TestClinic clinic;
  SignedIn admin;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    clinic
        .post(
            "/api/clients/" + clinic.clients.get("ann-1") + "/administrations",
            "ann",
            TestClinic.phq9(1, 1, 1, 1, 1, 1, 1, 1, 1, 0))
        .expect(201);
    clinic.get("/api/clients/" + clinic.clients.get("cay-1"), "cay").expect(200);
    admin = SignedIn.as(clinic, "admin");
  }

  @AfterAll
  void stop() {
    clinic.close();
  }

  @Test
  void showsWhoDidWhatToWhomAndWhenNewestFirst() {
    String page = admin.get("/admin/audit").expect(200).body();
    assertThat(page)
        .contains("<td>ann</td><td title=\"administration.create\">recorded a questionnaire</td>")
        .contains(">ann-1</a>")
        .contains("<td>cay</td><td title=\"client.read\">read a client's record</td>");
    assertThat(page.indexOf("client.read")).isLessThan(page.indexOf("administration.create"));
  }

  @Test
  void filtersByClientReferenceAndByUser() {
    String ann = admin.get("/admin/audit?client=ann-1").expect(200).body();
    assertThat(ann).contains("administration.create").doesNotContain("<td>cay</td>");
    String cay = admin.get("/admin/audit?user=cay").expect(200).body();
    assertThat(cay).contains("client.read").doesNotContain("administration.create");
    assertThat(admin.get("/admin/audit?client=nobody").expect(404).body())
        .contains("there is no client");
    assertThat(admin.get("/admin/audit?limit=0").expect(400).body())
        .contains("limit: expected a whole number");
  }

  @Test
  void readingTheLogIsAuditedAndOnlyAdminsMayReadIt() {
    admin.get("/admin/audit?user=cay").expect(200);
    assertThat(clinic.get("/api/audit?limit=3", "admin").body())
        .contains("audit.read")
        .contains("by cay");
    SignedIn.as(clinic, "north-sup").get("/admin/audit").expect(403);
    SignedIn.as(clinic, "ann").get("/admin/audit").expect(403);
  }

  @Test
  void thePageOffersNoWayToChangeTheLog() {
    assertThat(admin.get("/admin/audit").body())
        .doesNotContain("method=\"post\" action=\"/admin/audit");
    admin.post("/admin/audit", java.util.Map.of()).expect(404);
  }
}
