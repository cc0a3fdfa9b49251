package org.alliance.web.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.ClientMemory;
import org.alliance.web.platform.http.Requests;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;

/**
 * {@code POST /api/clients/{id}/erasure}: {@code {"mode": "anonymise"|"remove", "reason": ...,
 * "confirm": <the client's reference>}}, admins only; 200 with what was done.
 */
public final class ErasureApi {
  private final Platform platform;
  private final List<ClientMemory> memories;

  /**
   * @param memories what keeps client data in memory, told to forget the client once erased
   */
  public ErasureApi(Platform platform, List<ClientMemory> memories) {
    this.platform = platform;
    this.memories = List.copyOf(memories);
  }

  public void erase(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = Requests.id(ctx, "id");
    EraseClient.requireAdmin(principal);
    JsonNode body = Requests.json(ctx);
    if (!body.isObject()) {
      throw WebException.badRequest(
          "the body must be a JSON object such as {\"mode\": \"anonymise\", \"reason\": \"...\","
              + " \"confirm\": \"c-0042\"}");
    }
    EraseClient.Request request =
        new EraseClient.Request(
            text(body, EraseClient.MODE),
            text(body, EraseClient.REASON),
            text(body, EraseClient.CONFIRM));
    Instant now = platform.clock().instant();
    EraseClient.Erased erased =
        platform.database().write(handle -> EraseClient.erase(handle, principal, id, request, now));
    forget(memories, id);
    ctx.json(ErasureJson.of(id, erased));
  }

  /** Tells everything that keeps client data in memory to forget this client. */
  static void forget(List<ClientMemory> memories, long id) {
    memories.forEach(memory -> memory.forget(id));
  }

  private static Optional<String> text(JsonNode body, String field) {
    return Requests.text(body, field).map(String::strip).filter(text -> !text.isEmpty());
  }
}
