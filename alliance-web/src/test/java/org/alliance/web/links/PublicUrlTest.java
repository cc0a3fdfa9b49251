package org.alliance.web.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.alliance.web.ServerSettings;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.alliance.web.platform.security.LoginThrottle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client links are built from the configured public URL, never from the Host header a request
 * brings; a server listening beyond this machine must be told its public URL.
 */
class PublicUrlTest {
  /** Creates a link with a raw request whose Host header names another site; returns the page. */
  private static String linkPageWithHost(TestClinic clinic, long client, String host)
      throws IOException {
    String form = "instrument=ors&session=3";
    try (Socket socket = new Socket("localhost", clinic.server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /clients/"
                  + client
                  + "/links HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nAuthorization: Bearer "
                  + clinic.tokens.get("ann")
                  + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                  + form.length()
                  + "\r\nConnection: close\r\n\r\n"
                  + form)
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void linksComeFromThePublicUrlWhateverTheHostHeaderSays(@TempDir Path dataDir)
      throws IOException {
    ServerSettings settings =
        TestDatabase.H2
            .settings(dataDir)
            .withAddress(
                ServerSettings.LOCAL_HOST,
                Optional.of(URI.create("https://alliance.clinic.example/")));
    try (TestClinic clinic =
        TestClinic.start(settings, Clock.systemUTC(), LoginThrottle.defaults())) {
      String page = linkPageWithHost(clinic, clinic.clients.get("ann-1"), "evil.example");
      assertThat(page).startsWith("HTTP/1.1 200");
      assertThat(page)
          .contains("https://alliance.clinic.example/f/")
          .doesNotContain("evil.example");
    }
  }

  @Test
  void withoutAPublicUrlLinksNameThisMachine(@TempDir Path dataDir) throws IOException {
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, dataDir)) {
      String page = linkPageWithHost(clinic, clinic.clients.get("ann-1"), "evil.example");
      assertThat(page)
          .contains("http://localhost:" + clinic.server.port() + "/f/")
          .doesNotContain("evil.example");
    }
  }

  @Test
  void listeningBeyondThisMachineNeedsAPublicUrl() {
    ServerSettings local = ServerSettings.embedded(Path.of("data"));
    assertThatThrownBy(() -> local.withAddress("0.0.0.0", Optional.empty()))
        .hasMessageContaining("--public-url is needed");
    assertThatThrownBy(
            () ->
                local.withAddress(
                    "0.0.0.0", Optional.of(URI.create("ftp://alliance.clinic.example"))))
        .hasMessageContaining("--public-url must be an http or https address");
    assertThat(local.withAddress("::1", Optional.empty()).host()).isEqualTo("::1");
    assertThat(
            local
                .withAddress("0.0.0.0", Optional.of(URI.create("https://alliance.clinic.example")))
                .publicUrl())
        .hasValue(URI.create("https://alliance.clinic.example"));
  }
}
