package org.alliance.web.clients;

import java.time.Instant;
import java.util.List;
import org.alliance.web.administrations.StoredAdministrationJson;
import org.alliance.web.platform.access.Client;

/**
 * {@code GET /api/clients/{id}}: the client and every administration with its answers and score.
 */
public record ClientDetailJson(
    long id,
    String reference,
    String clinician,
    Instant createdAt,
    List<StoredAdministrationJson> administrations) {
  public static ClientDetailJson of(Client client, List<StoredAdministrationJson> administrations) {
    return new ClientDetailJson(
        client.id(),
        client.reference(),
        client.clinicianUsername(),
        client.createdAt(),
        administrations);
  }
}
