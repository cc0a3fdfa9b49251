package org.alliance.web.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.web.SignedIn;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's import page against the real server on H2: preview first (nothing written), then
 * confirm.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportPageTest {
  private static final Pattern UPLOAD = Pattern.compile("name=\"upload\" value=\"([^\"]+)\"");
  private static final String HEADER = "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\n";

  TestClinic clinic;
  SignedIn admin;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    admin = SignedIn.as(clinic, "admin");
  }

  @AfterAll
  void stop() {
    clinic.close();
  }

  private String preview(SignedIn who, String csv, Map<String, String> fields) {
    return who.upload(
            "/admin/import/preview", fields, "answers.csv", csv.getBytes(StandardCharsets.UTF_8))
        .expect(200)
        .body();
  }

  private static String uploadId(String page) {
    Matcher matcher = UPLOAD.matcher(page);
    assertThat(matcher.find()).as("an upload id in %s", page).isTrue();
    return matcher.group(1);
  }

  private String administrationsOf(String client) {
    return clinic
        .get("/api/clients/" + clinic.clients.get(client), "admin")
        .expect(200)
        .json()
        .get("administrations")
        .toString();
  }

  @Test
  void thePreviewShowsRowsAndEveryProblemWithItsLineAndColumnAndWritesNothing() {
    String csv =
        HEADER
            + "ann-1,2,1,1,1,1,1,1,1,1,0\n"
            + "ann-1,3,1,1,7,1,1,1,1,1,0\n"
            + "new-client,1,0,0,0,0,0,0,0,0,0\n";
    String page = preview(admin, csv, Map.of("format", "csv", "instrument", "phq-9"));
    assertThat(page)
        .contains("Preview of answers.csv")
        .contains("3 rows: <strong>1 would be stored</strong>")
        .contains("2 have problems");
    assertThat(page)
        .contains("<td>2</td><td>ann-1</td><td>2</td>")
        .contains("<td>phq-9</td><td>8</td>");
    assertThat(page).contains("line 3, column 5").contains("line 4").contains("name the clinician");
    assertThat(administrationsOf("ann-1")).doesNotContain("\"session\":2");
    assertThat(clinic.get("/api/audit?limit=5", "admin").body())
        .contains("import.preview")
        .doesNotContain("administration.import");

    admin
        .post("/admin/import/confirm", Map.of("upload", uploadId(page), "strict", "false"))
        .expect(200);
    assertThat(administrationsOf("ann-1"))
        .contains("\"session\":2")
        .doesNotContain("\"session\":3");
    // Used once: the same preview cannot be imported twice.
    assertThat(
            admin
                .post("/admin/import/confirm", Map.of("upload", uploadId(page), "strict", "false"))
                .expect(404)
                .body())
        .contains("expired or was already imported");
  }

  @Test
  void strictImportsNothingWhenAnyRowHasAProblem() {
    String page =
        preview(
            admin,
            HEADER + "ben-1,4,1,1,1,1,1,1,1,1,0\n" + "ben-1,5,1,1,1,1,1,1,1,9,0\n",
            Map.of("format", "csv", "instrument", "phq-9"));
    assertThat(
            admin
                .post("/admin/import/confirm", Map.of("upload", uploadId(page), "strict", "true"))
                .expect(400)
                .body())
        .contains("nothing was imported: 1 of 2 rows have problems");
    assertThat(administrationsOf("ben-1")).doesNotContain("\"session\":4");
  }

  @Test
  void theKeptFileIsBoundToTheSessionThatUploadedIt() {
    String page =
        preview(
            admin,
            HEADER + "cay-1,7,1,1,1,1,1,1,1,1,0\n",
            Map.of("format", "csv", "instrument", "phq-9"));
    SignedIn otherSession = SignedIn.as(clinic, "admin");
    otherSession
        .post("/admin/import/confirm", Map.of("upload", uploadId(page), "strict", "true"))
        .expect(404);
    admin
        .post("/admin/import/confirm", Map.of("upload", uploadId(page), "strict", "true"))
        .expect(200);
    assertThat(administrationsOf("cay-1")).contains("\"session\":7");
  }

  @Test
  void aRedcapExportIsPreviewedAndImportedWithItsConventions() throws IOException {
    byte[] export = Files.readAllBytes(Path.of("../examples/redcap/import.csv"));
    String page =
        admin
            .upload(
                "/admin/import/preview",
                Map.of("format", "redcap", "clinician", "ann"),
                "import.csv",
                export)
            .expect(200)
            .body();
    assertThat(page)
        .contains("<td>c001</td>")
        .contains("<td>phq-9</td>")
        .contains("would be stored");
    String done =
        admin
            .post("/admin/import/confirm", Map.of("upload", uploadId(page), "strict", "false"))
            .expect(200)
            .body();
    assertThat(done).contains("Imported import.csv").contains("new clients");
    assertThat(clinic.get("/api/clients", "ann").body()).contains("c001");
  }

  @Test
  void aFhirBundleIsPreviewedAndImported() throws IOException {
    // The example's clients under references of their own, so other tests' imports do not collide
    // with them.
    byte[] bundle =
        Files.readString(Path.of("../examples/fhir/phq9-bundle.json"))
            .replace("Patient/c0", "Patient/fhir-c0")
            .getBytes(StandardCharsets.UTF_8);
    String page =
        admin
            .upload(
                "/admin/import/preview",
                Map.of("format", "fhir", "clinician", "ann"),
                "phq9-bundle.json",
                bundle)
            .expect(200)
            .body();
    assertThat(page).contains("<td>phq-9</td>").contains("would be stored");
    admin
        .post("/admin/import/confirm", Map.of("upload", uploadId(page), "strict", "true"))
        .expect(200);
    assertThat(clinic.get("/api/clients", "ann").body()).contains("fhir-c001");
  }

  @Test
  void badUploadsGetAClearError() {
    assertThat(
            admin
                .upload(
                    "/admin/import/preview",
                    Map.of("format", "csv", "instrument", "phq-99"),
                    "a.csv",
                    HEADER.getBytes(StandardCharsets.UTF_8))
                .expect(400)
                .body())
        .contains("instrument:");
    assertThat(
            admin
                .upload(
                    "/admin/import/preview",
                    Map.of("format", "xlsx"),
                    "a.csv",
                    HEADER.getBytes(StandardCharsets.UTF_8))
                .expect(400)
                .body())
        .contains("format: expected csv, fhir or redcap");
    assertThat(
            admin
                .upload("/admin/import/preview", Map.of("format", "csv"), "a.csv", new byte[0])
                .expect(400)
                .body())
        .contains("file: choose the file");
    assertThat(
            admin
                .upload(
                    "/admin/import/preview",
                    Map.of("format", "redcap"),
                    "a.csv",
                    "just,a,header\n".getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(400);
  }

  @Test
  void onlyAnAdminWithTheFormsTokenMayImport() {
    byte[] csv = (HEADER + "ann-1,9,0,0,0,0,0,0,0,0,0\n").getBytes(StandardCharsets.UTF_8);
    SignedIn.as(clinic, "north-sup")
        .upload("/admin/import/preview", Map.of("instrument", "phq-9"), "a.csv", csv)
        .expect(403);
    admin
        .upload(
            "/admin/import/preview", Map.of("instrument", "phq-9", "_csrf", "forged"), "a.csv", csv)
        .expect(403);
    SignedIn.as(clinic, "ann").get("/admin/import").expect(403);
    assertThat(admin.get("/admin/import").expect(200).body())
        .contains("enctype=\"multipart/form-data\"")
        .contains(admin.csrf);
  }
}
