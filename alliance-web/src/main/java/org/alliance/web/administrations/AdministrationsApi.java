package org.alliance.web.administrations;

import org.alliance.web.platform.audit.AuditAction;

import org.alliance.web.platform.http.Json;
import org.alliance.web.platform.http.Requests;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Problem;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;
import org.alliance.web.ClinicServices;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.http.WebException.FieldProblem;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.security.Principal;

/** {@code POST /api/clients/{id}/administrations}: scores a questionnaire and stores it with its score. */
public final class AdministrationsApi {
  private final ClinicServices services;

  public AdministrationsApi(ClinicServices services) {
    this.services = services;
  }

  /** 201 with the stored administration and its score; 400 listing every problem, each naming its item. */
  public void create(Context ctx) {
    long clientId = Requests.id(ctx, "id");
    ClinicInstruments instruments = services.instruments();
    Instant now = services.clock().instant();
    // One transaction: who is asking and whether they may, scoring, the administration and its audit entry. A
    // submission that loses a race for its session to another is answered 409 by Errors.sessionAlreadyRecorded.
    Stored stored = services.database().write(handle -> {
      Principal principal = services.authentication().require(ctx, handle);
      Client client = Access.client(handle, principal, clientId);
      Administration administration = AdministrationRequest.parse(Requests.json(ctx), client.reference(), instruments);
      Instrument instrument = instruments.catalog().get(administration.instrumentId());
      Score score = Scorer.score(instrument, administration);
      Map<String, Double> flags = flags(administration, score);
      if (!score.valid()) {
        throw new WebException(400, "the administration cannot be scored: " + score.problems().size()
            + (score.problems().size() == 1 ? " problem" : " problems"), problems(score), Map.of("riskFlags", flags));
      }
      if (Administrations.exists(handle, clientId, instrument.id(), administration.session())) {
        throw duplicate(client.reference(), instrument.id(), administration.session());
      }
      long id = Administrations.insert(handle, clientId, administration, instrument.version(), score, flags,
          principal.userId(), now);
      AuditLog.record(handle, Optional.of(principal.userId()), AuditAction.ADMINISTRATION_CREATE, Optional.of(clientId),
          instrument.id() + " session " + administration.session() + " (administration " + id + ")", now);
      return new Stored(id, administration, instrument, score, flags);
    });
    Administration administration = stored.administration();
    Instrument instrument = stored.instrument();
    Score score = stored.score();
    Map<String, Double> flags = stored.flags();
    long id = stored.id();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("client", clientId);
    json.put("instrument", instrument.id());
    json.put("version", instrument.version());
    json.put("session", administration.session());
    json.put("date", administration.date().orElse(null));
    json.put("score", Json.score(score));
    json.put("riskFlags", flags);
    ctx.header("Location", "/api/clients/" + clientId);
    Json.send(ctx, 201, json);
  }

  private record Stored(long id, Administration administration, Instrument instrument, Score score, Map<String, Double> flags) {}

  private static WebException duplicate(String client, String instrument, int session) {
    return WebException.conflict("client " + client + " already has " + instrument + " at session " + session);
  }

  /** Risk items answered above their minimum, with the answers, in item order. */
  public static Map<String, Double> flags(Administration administration, Score score) {
    Map<String, Double> flags = new LinkedHashMap<>();
    for (String item : score.flags()) {
      if (administration.answer(item) instanceof Answer.Value value) {
        flags.put(item, value.value());
      }
    }
    return flags;
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
