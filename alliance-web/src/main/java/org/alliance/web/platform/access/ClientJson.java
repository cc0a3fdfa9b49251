package org.alliance.web.platform.access;

import java.time.Instant;

/** A client as the API's lists and answers show it; several features answer with it. */
public record ClientJson(long id, String reference, String clinician, Instant createdAt) {
  public static ClientJson of(Client client) {
    return new ClientJson(
        client.id(), client.reference(), client.clinicianUsername(), client.createdAt());
  }
}
