package org.alliance.web.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Passwords;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Role;
import org.alliance.web.platform.security.Teams;
import org.alliance.web.platform.security.User;
import org.alliance.web.platform.security.Users;
import org.alliance.web.platform.security.Viewer;
import org.jdbi.v3.core.Handle;

/**
 * The admin's users page ({@code /admin/users}): everyone who signs in with their role and team;
 * adding a user, changing a user's role or team, and disabling or enabling them. Every change is
 * audited in the same transaction, and an admin cannot disable themself (so the clinic keeps an
 * admin who can act).
 */
public final class UsersPage {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  private static final int MAX_NAME = 200;

  private final Platform platform;
  private final PasswordChanges passwords;

  public UsersPage(Platform platform, PasswordChanges passwords) {
    this.platform = platform;
    this.passwords = passwords;
  }

  /** The users and teams, for the page. */
  public record UsersView(List<User> users, Map<Long, String> teams, String message) {
    public UsersView {
      users = List.copyOf(users);
      teams = Map.copyOf(teams);
    }

    public String team(User user) {
      return user.team().map(teams::get).orElse("");
    }

    public List<String> roles() {
      return List.of(Role.CLINICIAN.id(), Role.SUPERVISOR.id(), Role.ADMIN.id());
    }
  }

  /** {@code GET /admin/users}. */
  public void show(Context ctx) {
    Optional<Principal> admin = admin(ctx);
    if (admin.isPresent()) {
      render(
          ctx,
          admin.get(),
          200,
          Optional.ofNullable(ctx.queryParam("done")).map(UsersPage::done).orElse(""));
    }
  }

  private void render(Context ctx, Principal principal, int status, String message) {
    UsersView view =
        platform
            .database()
            .read(handle -> new UsersView(Users.all(handle), Teams.names(handle), message));
    ctx.status(status);
    Pages.render(ctx, "accounts/users.jte", "viewer", Viewer.of(principal), "view", view);
  }

  /** {@code POST /admin/users}: username, displayName, role, team (created when new), password. */
  public void create(Context ctx) {
    Principal principal = requireAdmin(ctx);
    String username = PageRequests.field(ctx, "username").orElse("");
    if (!USERNAME.matcher(username).matches()) {
      throw WebException.badRequest(
          "username: 1-100 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit; found '"
              + username
              + "'");
    }
    String displayName = PageRequests.field(ctx, "displayName").orElse(username);
    if (displayName.length() > MAX_NAME) {
      throw WebException.badRequest("displayName: at most " + MAX_NAME + " characters");
    }
    Role role = role(ctx);
    Optional<String> team = team(ctx, role);
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    Passwords.weakness(password, List.of(username, displayName))
        .ifPresent(
            weakness -> {
              throw WebException.badRequest("password: " + weakness);
            });
    String hash = Passwords.hash(password);
    Instant now = platform.clock().instant();
    platform
        .database()
        .write(
            handle -> {
              if (Users.findByUsername(handle, username).isPresent()) {
                throw WebException.conflict("username: there is already a user " + username);
              }
              User created =
                  Users.create(
                      handle, username, displayName, role, teamId(handle, team, now), hash, now);
              AuditLog.record(
                  handle,
                  Optional.of(principal.userId()),
                  AuditAction.USER_CREATE,
                  Optional.empty(),
                  created.username()
                      + " (user "
                      + created.id()
                      + ") as "
                      + role.id()
                      + team.map(name -> " in team " + name).orElse(""),
                  now);
              return null;
            });
    ctx.redirect("/admin/users?done=created", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /admin/users/{id}}: a new role and team. */
  public void change(Context ctx) {
    Principal principal = requireAdmin(ctx);
    long id = PageRequests.id(ctx, "id");
    Role role = role(ctx);
    Optional<String> team = team(ctx, role);
    Instant now = platform.clock().instant();
    platform
        .database()
        .write(
            handle -> {
              User user =
                  Users.find(handle, id).orElseThrow(() -> WebException.notFound("no user " + id));
              if (user.id() == principal.userId() && role != Role.ADMIN) {
                throw WebException.badRequest(
                    "role: you cannot take away your own admin role; another admin can");
              }
              Users.changeRole(handle, id, role, teamId(handle, team, now));
              AuditLog.record(
                  handle,
                  Optional.of(principal.userId()),
                  AuditAction.USER_CHANGE,
                  Optional.empty(),
                  user.username()
                      + " (user "
                      + id
                      + ") from "
                      + user.role().id()
                      + " to "
                      + role.id()
                      + team.map(name -> " in team " + name).orElse(", no team"),
                  now);
              return null;
            });
    platform.authentication().forgetTokenOwners();
    ctx.redirect("/admin/users?done=changed", HttpStatus.SEE_OTHER);
  }

  /**
   * {@code POST /admin/users/{id}/disabled}: {@code disabled=true} disables, {@code false} enables.
   */
  public void disable(Context ctx) {
    Principal principal = requireAdmin(ctx);
    long id = PageRequests.id(ctx, "id");
    String value = PageRequests.field(ctx, "disabled").orElse("");
    if (!value.equals("true") && !value.equals("false")) {
      throw WebException.badRequest("disabled: expected true or false, found '" + value + "'");
    }
    boolean disabled = value.equals("true");
    Instant now = platform.clock().instant();
    platform
        .database()
        .write(
            handle -> {
              User user =
                  Users.find(handle, id).orElseThrow(() -> WebException.notFound("no user " + id));
              if (disabled && user.id() == principal.userId()) {
                throw WebException.badRequest("you cannot disable yourself; another admin can");
              }
              Users.setDisabled(handle, id, disabled);
              AuditLog.record(
                  handle,
                  Optional.of(principal.userId()),
                  disabled ? AuditAction.USER_DISABLE : AuditAction.USER_ENABLE,
                  Optional.empty(),
                  user.username() + " (user " + id + ")",
                  now);
              return null;
            });
    platform.authentication().forgetTokenOwners();
    ctx.redirect("/admin/users?done=" + (disabled ? "disabled" : "enabled"), HttpStatus.SEE_OTHER);
  }

  /**
   * {@code POST /admin/users/{id}/password}: resets the user's password to a temporary one, shown
   * to the admin this once; the user must choose their own at the next sign-in.
   */
  public void resetPassword(Context ctx) {
    Principal principal = requireAdmin(ctx);
    PasswordChanges.Reset reset = passwords.reset(principal, PageRequests.id(ctx, "id"));
    Pages.render(
        ctx, "accounts/password-reset.jte", "viewer", Viewer.of(principal), "reset", reset);
  }

  private Optional<Principal> admin(Context ctx) {
    return Access.adminPage(ctx, platform.authentication());
  }

  private Principal requireAdmin(Context ctx) {
    return Access.adminForm(ctx, platform.authentication());
  }

  private static Role role(Context ctx) {
    String id = PageRequests.field(ctx, "role").orElse("");
    return Role.parse(id)
        .orElseThrow(
            () ->
                WebException.badRequest(
                    "role: expected clinician, supervisor or admin, found '" + id + "'"));
  }

  private static Optional<String> team(Context ctx, Role role) {
    Optional<String> team = PageRequests.field(ctx, "team");
    if (team.isPresent() && team.get().length() > MAX_NAME) {
      throw WebException.badRequest("team: at most " + MAX_NAME + " characters");
    }
    if (role == Role.SUPERVISOR && team.isEmpty()) {
      throw WebException.badRequest("team: a supervisor needs the team they supervise");
    }
    return team;
  }

  private static Optional<Long> teamId(Handle handle, Optional<String> team, Instant now) {
    return team.map(
        name -> Teams.findByName(handle, name).orElseGet(() -> Teams.create(handle, name, now)));
  }

  private static String done(String what) {
    return switch (what) {
      case "created" -> "The user was added.";
      case "changed" -> "The role and team were changed.";
      case "disabled" ->
          "The user was disabled: their sessions ended and their API tokens were revoked. If they "
              + "are enabled again, they sign in afresh and make new tokens.";
      case "enabled" -> "The user was enabled again.";
      default -> "";
    };
  }
}
