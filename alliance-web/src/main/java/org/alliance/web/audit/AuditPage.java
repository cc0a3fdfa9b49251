package org.alliance.web.audit;

import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditEntry;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.User;
import org.alliance.web.platform.security.Users;
import org.alliance.web.platform.security.Viewer;

/**
 * The admin's audit log page ({@code GET /admin/audit}): the latest entries, newest first,
 * optionally of one client (by reference) and/or by one user (by username). Read-only: the log is
 * append-only, and reading it is itself audited.
 */
public final class AuditPage {
  private static final int DEFAULT_LIMIT = 200;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Platform platform;

  public AuditPage(Platform platform) {
    this.platform = platform;
  }

  /** What the page shows: the filters as typed, and the entries with names instead of ids. */
  public record AuditView(String client, String user, int limit, List<Line> lines) {
    public AuditView {
      lines = List.copyOf(lines);
    }
  }

  /** One entry: when (UTC), who, what, whose data, and the particulars. */
  /**
   * A line of the log: the action in words, with its stored code beside it for the exact record.
   */
  public record Line(
      String at,
      String user,
      String action,
      String code,
      String client,
      Optional<Long> clientId,
      String detail) {}

  /** {@code GET /admin/audit[?client=REFERENCE][&user=USERNAME][&limit=N]}. */
  public void show(Context ctx) {
    Optional<Principal> admin = Access.adminPage(ctx, platform.authentication());
    if (admin.isEmpty()) {
      return;
    }
    Optional<String> reference = query(ctx, "client");
    Optional<String> username = query(ctx, "user");
    int limit = query(ctx, "limit").map(AuditPage::limit).orElse(DEFAULT_LIMIT);
    record Read(
        List<AuditEntry> entries,
        Map<Long, String> users,
        Map<Long, String> clients,
        Optional<Long> clientId) {}
    Read read =
        platform
            .database()
            .read(
                handle -> {
                  Optional<Long> client =
                      reference.map(
                          ref ->
                              Clients.findByReference(handle, ref)
                                  .map(Client::id)
                                  .orElseThrow(
                                      () ->
                                          WebException.notFound(
                                              "client: there is no client '" + ref + "'")));
                  Optional<Long> user =
                      username.map(
                          name ->
                              Users.findByUsername(handle, name)
                                  .map(User::id)
                                  .orElseThrow(
                                      () ->
                                          WebException.notFound(
                                              "user: there is no user '" + name + "'")));
                  List<AuditEntry> entries = AuditLog.latest(handle, client, user, limit);
                  Map<Long, String> users = new HashMap<>();
                  Users.all(handle).forEach(found -> users.put(found.id(), found.username()));
                  Map<Long, String> clients = new HashMap<>();
                  entries.stream()
                      .flatMap(entry -> entry.client().stream())
                      .distinct()
                      .forEach(
                          id ->
                              Clients.find(handle, id)
                                  .ifPresent(found -> clients.put(id, found.reference())));
                  return new Read(entries, users, clients, client);
                });
    platform
        .audit()
        .read(
            Optional.of(admin.get().userId()),
            AuditAction.AUDIT_READ,
            read.clientId(),
            read.entries().size() + " entries" + username.map(name -> " by " + name).orElse(""),
            platform.clock().instant());
    List<Line> lines =
        read.entries().stream()
            .map(
                entry ->
                    new Line(
                        TIME.format(entry.occurredAt()),
                        entry
                            .user()
                            .map(id -> read.users().getOrDefault(id, "user " + id))
                            // A client through a link, or the demo's made-up data: the detail says
                            // which.
                            .orElse("(no account)"),
                        AuditAction.ofCode(entry.action())
                            .map(AuditAction::words)
                            .orElse(entry.action()),
                        entry.action(),
                        entry
                            .client()
                            .map(id -> read.clients().getOrDefault(id, "client " + id))
                            .orElse(""),
                        entry.client(),
                        entry.detail()))
            .toList();
    Pages.render(
        ctx,
        "audit/audit.jte",
        "viewer",
        Viewer.of(admin.get()),
        "view",
        new AuditView(reference.orElse(""), username.orElse(""), limit, lines));
  }

  private static Optional<String> query(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name))
        .map(String::trim)
        .filter(value -> !value.isEmpty());
  }

  private static int limit(String raw) {
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= 10_000) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw WebException.badRequest(
        "limit: expected a whole number from 1 to 10000, found '" + raw + "'");
  }
}
