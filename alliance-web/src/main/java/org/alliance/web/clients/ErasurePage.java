package org.alliance.web.clients;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.ClientMemory;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.http.WebException.FieldProblem;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Viewer;

/**
 * The confirmation step of erasing a client ({@code GET /clients/{id}/erasure}) and the erasure
 * itself ({@code POST /clients/{id}/erasure}), for admins: what the clinic holds, counted, the
 * choice of anonymising or removing, a required reason, and the client's reference typed to
 * confirm. The same service as the API does the work.
 */
public final class ErasurePage {
  private final Platform platform;
  private final List<ClientMemory> memories;

  public ErasurePage(Platform platform, List<ClientMemory> memories) {
    this.platform = platform;
    this.memories = List.copyOf(memories);
  }

  /**
   * The page's state: the client, what is held, what was typed and its problems, and, once done,
   * what was done.
   */
  public record ErasureView(
      long id,
      String reference,
      EraseClient.Holdings holdings,
      String mode,
      String reason,
      List<FieldProblem> problems,
      Optional<EraseClient.Erased> done) {
    public Optional<String> problem(String field) {
      return problems.stream()
          .filter(problem -> problem.field().equals(field))
          .map(FieldProblem::message)
          .findFirst();
    }

    /** Problems that belong to no field, such as an erasure done already. */
    public List<String> otherProblems() {
      return problems.stream()
          .filter(
              problem ->
                  !List.of(EraseClient.MODE, EraseClient.REASON, EraseClient.CONFIRM)
                      .contains(problem.field()))
          .map(FieldProblem::message)
          .toList();
    }

    public String describeDone() {
      return done.map(erased -> EraseClient.describe(erased.mode(), erased.removed())).orElse("");
    }
  }

  /** {@code GET /clients/{id}/erasure}. */
  public void form(Context ctx) {
    Optional<Principal> admin = Access.adminPage(ctx, platform.authentication());
    if (admin.isEmpty()) {
      return;
    }
    long id = PageRequests.id(ctx, "id");
    render(ctx, admin.get(), view(id, "", "", List.of(), Optional.empty()));
  }

  /** {@code POST /clients/{id}/erasure}: erases, then says what was done. */
  public void erase(Context ctx) {
    Principal admin = Access.adminForm(ctx, platform.authentication());
    long id = PageRequests.id(ctx, "id");
    String mode = PageRequests.field(ctx, EraseClient.MODE).orElse("");
    String reason = PageRequests.field(ctx, EraseClient.REASON).orElse("");
    EraseClient.Request request =
        new EraseClient.Request(
            PageRequests.field(ctx, EraseClient.MODE),
            PageRequests.field(ctx, EraseClient.REASON),
            PageRequests.field(ctx, EraseClient.CONFIRM));
    Instant now = platform.clock().instant();
    // What is held is counted before, for the page that says what was done.
    ErasureView before = view(id, mode, reason, List.of(), Optional.empty());
    try {
      EraseClient.Erased erased =
          platform.database().write(handle -> EraseClient.erase(handle, admin, id, request, now));
      ErasureApi.forget(memories, id);
      render(
          ctx,
          admin,
          new ErasureView(
              id,
              erased.newReference().orElse(before.reference()),
              before.holdings(),
              mode,
              "",
              List.of(),
              Optional.of(erased)));
    } catch (WebException e) {
      if (e.status() != 400 && e.status() != 409) {
        throw e;
      }
      List<FieldProblem> problems =
          e.problems().isEmpty() ? List.of(new FieldProblem("", e.getMessage())) : e.problems();
      ctx.status(e.status());
      render(ctx, admin, view(id, mode, reason, problems, Optional.empty()));
    }
  }

  private ErasureView view(
      long id,
      String mode,
      String reason,
      List<FieldProblem> problems,
      Optional<EraseClient.Erased> done) {
    return platform
        .database()
        .read(
            handle -> {
              Client client =
                  Clients.find(handle, id)
                      .orElseThrow(() -> WebException.notFound("there is no such client"));
              return new ErasureView(
                  id,
                  client.reference(),
                  EraseClient.holdings(handle, id),
                  mode,
                  reason,
                  problems,
                  done);
            });
  }

  private static void render(Context ctx, Principal admin, ErasureView view) {
    Pages.render(ctx, "clients/erasure.jte", "viewer", Viewer.of(admin), "view", view);
  }
}
