package org.alliance.web.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.web.TestClinic;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.TestDatabase;
import org.alliance.web.platform.audit.AuditEntry;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.security.Secrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Creating client links from the client's page: what is stored, what is shown, who may. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientLinkTest {
  static final Pattern LINK =
      Pattern.compile("id=\"client-link\" href=\"(http://[^\"]+/f/([A-Za-z0-9_-]+))\"");

  TestClinic clinic;
  long client;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    client = clinic.clients.get("ann-1");
    clinic
        .post(
            "/api/clients/" + client + "/administrations",
            "ann",
            TestClinic.vas("ors", 3, 5, 5, 5, 5))
        .expect(201);
  }

  @AfterAll
  void stop() {
    if (clinic != null) {
      clinic.close();
    }
  }

  Reply form(String path, String user, String body) {
    return clinic.send(
        clinic
            .request(path, user)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** The token of the link on a page that shows one. */
  static String token(Reply reply) {
    Matcher matcher = LINK.matcher(reply.body());
    assertThat(matcher.find()).as("a link on %s", reply.body()).isTrue();
    return matcher.group(2);
  }

  @Test
  void aLinkIsShownOnceWithItsQrCodeAndOnlyItsHashIsStored() {
    Reply reply = form("/clients/" + client + "/links", "ann", "instrument=srs").expect(200);
    String token = token(reply);
    assertThat(Secrets.hash(token)).hasSize(64);
    assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    assertThat(reply.body())
        .contains("<svg")
        .contains("<rect")
        .doesNotContain("<script>")
        .contains("SRS link");
    // The session defaults to the one after the latest (3), the expiry to 7 days from now.
    assertThat(reply.body()).contains("session 4");
    List<ClientLinks.LinkInfo> links =
        clinic.server.database().read(handle -> ClientLinks.ofClient(handle, client));
    assertThat(links).isNotEmpty();
    ClientLinks.LinkInfo latest = links.get(0);
    assertThat(latest.instrumentId()).isEqualTo("srs");
    assertThat(latest.session()).isEqualTo(4);
    assertThat(java.time.Duration.between(latest.createdAt(), latest.expiresAt()))
        .isEqualTo(ClientLinkPage.LINK_LIFETIME);
    assertThat(latest.usedAt()).isEmpty();
    String stored =
        clinic
            .server
            .database()
            .read(
                handle ->
                    handle
                        .createQuery("SELECT token_hash FROM client_links WHERE id = :id")
                        .bind("id", latest.id())
                        .mapTo(String.class)
                        .one());
    assertThat(stored).isEqualTo(Secrets.hash(token)).isNotEqualTo(token);
    List<AuditEntry> audit =
        clinic
            .server
            .database()
            .read(handle -> AuditLog.latest(handle, Optional.of(client), Optional.empty(), 20));
    assertThat(audit).extracting(AuditEntry::action).contains("link.create");
  }

  @Test
  void aChosenSessionIsKeptAndTheClientPageListsTheLinksState() {
    form("/clients/" + client + "/links", "ann", "instrument=self-check&session=7").expect(200);
    String page = clinic.get("/clients/" + client, "ann").expect(200).body();
    assertThat(page)
        .contains("id=\"sent-links\"")
        .contains("<td>Alliance self-check</td><td>7</td>")
        .contains("<td>open</td>");
  }

  @Test
  void badFieldsAreNamed() {
    assertThat(form("/clients/" + client + "/links", "ann", "instrument=nope").expect(400).body())
        .contains("instrument")
        .contains("nope");
    assertThat(form("/clients/" + client + "/links", "ann", "").expect(400).body())
        .contains("instrument");
    assertThat(
            form("/clients/" + client + "/links", "ann", "instrument=ors&session=-1")
                .expect(400)
                .body())
        .contains("session");
  }

  @Test
  void aColleagueCannotCreateALinkForAnotherCaseload() {
    form("/clients/" + client + "/links", "ben", "instrument=ors").expect(404);
  }

  @Test
  void theQrCodeIsAValidSvgOfTheLink() {
    String svg = ClientLinkQrCode.svg("https://clinic.example/f/" + "A".repeat(43));
    assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("viewBox=\"0 0 ");
    assertThat(svg).doesNotContain("style=").doesNotContain("script");
  }
}
