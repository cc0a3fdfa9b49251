package org.alliance.web.administrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Problem;
import org.alliance.core.scoring.Score;
import org.alliance.io.json.ScoreJson;
import org.alliance.web.administrations.RecordAdministration.Scored;
import org.alliance.web.administrations.RecordAdministration.Source;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.http.Json;
import org.alliance.web.platform.http.Requests;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.http.WebException.FieldProblem;
import org.alliance.web.platform.security.Principal;

/**
 * {@code POST /api/clients/{id}/administrations}: scores a questionnaire and stores it with its
 * score.
 */
public final class AdministrationsApi {
  private final Platform platform;
  private final RecordAdministration record;

  private final ClinicInstruments instruments;

  public AdministrationsApi(
      Platform platform, ClinicInstruments instruments, RecordAdministration record) {
    this.platform = platform;
    this.instruments = instruments;
    this.record = record;
  }

  /**
   * 201 with the stored administration and its score; 400 listing every problem, each naming its
   * item.
   */
  public void create(Context ctx) {
    long clientId = Requests.id(ctx, "id");
    Instant now = platform.clock().instant();
    // One transaction: who is asking and whether they may, scoring, the administration and its
    // audit entry. A
    // session the client already has is answered 409 by the handler of SessionAlreadyRecorded.
    Stored stored =
        platform
            .database()
            .write(
                handle -> {
                  Principal principal = platform.authentication().require(ctx, handle);
                  Client client = Access.client(handle, principal, clientId);
                  Scored scored =
                      record.score(
                          AdministrationRequest.parse(
                              Requests.json(ctx), client.reference(), instruments, now));
                  refuseInvalid(scored);
                  return new Stored(
                      record.store(handle, clientId, scored, Source.api(principal.userId()), now),
                      scored);
                });
    ctx.header("Location", "/api/clients/" + clientId);
    Json.send(ctx, 201, answer(clientId, stored));
  }

  private record Stored(long id, Scored scored) {}

  /**
   * {@code POST /api/clients/{id}/administrations/{administration}/correction}: {@code {"reason":
   * ..., "administration": {the corrected entry, as for a new one}}}. The original stays in the
   * client's history; 201 with the corrected entry.
   */
  public void correct(Context ctx) {
    long clientId = Requests.id(ctx, "id");
    long administrationId = Requests.id(ctx, "administration");
    Instant now = platform.clock().instant();
    JsonNode body = Requests.json(ctx);
    if (body == null || !body.isObject()) {
      throw WebException.badRequest(
          "the body must be a JSON object with reason and administration (the corrected entry)");
    }
    String reason = Corrections.reason(text(body, "reason"));
    Stored stored =
        platform
            .database()
            .write(
                handle -> {
                  Principal principal = platform.authentication().require(ctx, handle);
                  Client client = Access.client(handle, principal, clientId);
                  Scored scored =
                      record.score(
                          AdministrationRequest.parse(
                              body.get("administration"), client.reference(), instruments, now));
                  refuseInvalid(scored);
                  return new Stored(
                      Corrections.correct(
                          handle,
                          record,
                          clientId,
                          administrationId,
                          scored,
                          reason,
                          principal.userId(),
                          now),
                      scored);
                });
    Json.send(ctx, 201, answer(clientId, stored));
  }

  /**
   * {@code POST /api/clients/{id}/administrations/{administration}/void}: {@code {"reason": ...}}.
   * The entry leaves the client's scores and stays in their history; 204.
   */
  public void voidEntry(Context ctx) {
    long clientId = Requests.id(ctx, "id");
    long administrationId = Requests.id(ctx, "administration");
    Instant now = platform.clock().instant();
    JsonNode body = Requests.json(ctx);
    if (body == null || !body.isObject()) {
      throw WebException.badRequest("the body must be a JSON object with reason");
    }
    String reason = Corrections.reason(text(body, "reason"));
    platform
        .database()
        .write(
            handle -> {
              Principal principal = platform.authentication().require(ctx, handle);
              Access.client(handle, principal, clientId);
              Corrections.voidEntry(
                  handle, clientId, administrationId, reason, principal.userId(), now);
              return null;
            });
    ctx.status(204);
  }

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value != null && !value.isNull() && !value.isTextual()) {
      throw WebException.badRequest(field + ": must be text");
    }
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static void refuseInvalid(Scored scored) {
    if (!scored.valid()) {
      Score score = scored.score();
      throw new WebException(
          400,
          "the administration cannot be scored: "
              + score.problems().size()
              + (score.problems().size() == 1 ? " problem" : " problems"),
          problems(score),
          Map.of("riskFlags", scored.riskFlags()));
    }
  }

  private static AdministrationAnswer answer(long clientId, Stored stored) {
    Administration administration = stored.scored().administration();
    Instrument instrument = stored.scored().instrument();
    return new AdministrationAnswer(
        stored.id(),
        clientId,
        instrument.id(),
        instrument.version(),
        administration.session(),
        administration.date().orElse(null),
        ScoreJson.of(stored.scored().score()),
        stored.scored().riskFlags());
  }

  private static List<FieldProblem> problems(Score score) {
    return score.problems().stream()
        .map(problem -> new FieldProblem(field(problem), problem.message()))
        .toList();
  }

  private static String field(Problem problem) {
    if (problem.kind() == Problem.Kind.VERSION_MISMATCH) {
      return "version";
    }
    return problem.item().map(item -> "answers." + item).orElse("answers");
  }
}
