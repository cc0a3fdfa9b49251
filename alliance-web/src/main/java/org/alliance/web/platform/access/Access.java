package org.alliance.web.platform.access;

import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Authentication;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Role;
import org.alliance.web.platform.security.User;
import org.alliance.web.platform.security.Users;
import org.jdbi.v3.core.Handle;

/**
 * Who may see and change what: the one place the roles are enforced, used by every handler. An
 * admin may reach every client, a supervisor the clients of their team's clinicians, a clinician
 * their own. A client out of reach is reported exactly like one that does not exist, so ids reveal
 * nothing.
 */
public final class Access {
  private Access() {}

  /** The clients a user may see, as a condition for queries that list them. */
  public static ClientScope scope(Principal principal) {
    User user = principal.user();
    return switch (user.role()) {
      case ADMIN -> new ClientScope.Clinic();
      case SUPERVISOR ->
          new ClientScope.Team(
              user.team()
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "supervisor " + user.username() + " has no team")));
      case CLINICIAN -> new ClientScope.Caseload(user.id());
    };
  }

  /** Whether a user may read and write this client's data. */
  public static boolean mayReach(Principal principal, Client client) {
    User user = principal.user();
    return switch (user.role()) {
      case ADMIN -> true;
      case SUPERVISOR -> user.team().isPresent() && client.team().equals(user.team());
      case CLINICIAN -> client.clinicianId() == user.id();
    };
  }

  /** The client with this id, when the user may reach it; otherwise 404 as if it did not exist. */
  public static Client client(Handle handle, Principal principal, long clientId) {
    return reachable(principal, Clients.find(handle, clientId), client -> client, clientId);
  }

  /**
   * A client already read, when the user may reach it; otherwise {@link ClientDenied}, answered 404
   * as if it did not exist and audited.
   */
  public static <T> T reachable(
      Principal principal, Optional<T> found, Function<T, Client> client, long clientId) {
    return found
        .filter(row -> mayReach(principal, client.apply(row)))
        .orElseThrow(() -> new ClientDenied(principal.userId(), clientId, found.isPresent()));
  }

  /**
   * The clinician a new client of this user's goes to: a clinician's own caseload; for a supervisor
   * a clinician of their team; for an admin any clinician. {@code requested} names one by username.
   */
  public static User clinicianForNewClient(
      Handle handle, Principal principal, Optional<String> requested) {
    User user = principal.user();
    if (requested.isEmpty() || requested.get().equals(user.username())) {
      if (user.role() == Role.CLINICIAN) {
        return user;
      }
      throw WebException.badRequest(
          "name the clinician whose caseload the client joins (field 'clinician')");
    }
    Optional<User> named =
        Users.findByUsername(handle, requested.get())
            .filter(found -> found.role() == Role.CLINICIAN && !found.disabled());
    boolean allowed =
        named.isPresent()
            && switch (user.role()) {
              case ADMIN -> true;
              case SUPERVISOR -> user.team().isPresent() && named.get().team().equals(user.team());
              case CLINICIAN -> false;
            };
    if (!allowed) {
      throw WebException.badRequest(
          "clinician: '" + requested.get() + "' is not a clinician whose caseload you may add to");
    }
    return named.get();
  }

  /**
   * The clinicians whose caseload this user may give a client to, by username: a clinician only
   * themself; a supervisor the active clinicians of their team; an admin every active clinician.
   */
  public static List<User> clinicians(Handle handle, Principal principal) {
    User user = principal.user();
    if (user.role() == Role.CLINICIAN) {
      return List.of(user);
    }
    return Users.all(handle).stream()
        .filter(found -> found.role() == Role.CLINICIAN && !found.disabled())
        .filter(found -> user.role() == Role.ADMIN || found.team().equals(user.team()))
        .sorted(Comparator.comparing(User::username))
        .toList();
  }

  /**
   * The clinician a client in reach is moved to: only a supervisor (to a clinician of their team)
   * or an admin (to any active clinician) moves clients; 403 for a clinician, 400 naming the field
   * for a clinician the user may not choose.
   */
  public static User clinicianForReassignment(
      Handle handle, Principal principal, Client client, String requested) {
    requireMayReassign(principal);
    User user = principal.user();
    Optional<User> named =
        clinicians(handle, principal).stream()
            .filter(found -> found.username().equals(requested))
            .findFirst();
    if (named.isEmpty()) {
      throw WebException.badRequest(
          "clinician: '"
              + requested
              + "' is not "
              + (user.role() == Role.SUPERVISOR
                  ? "an active clinician of your team"
                  : "an active clinician")
              + "; a client can be moved only to one");
    }
    if (named.get().id() == client.clinicianId()) {
      throw WebException.badRequest(
          "clinician: the client is already on " + requested + "'s caseload");
    }
    return named.get();
  }

  /** Supervisors and admins only: moving a client to another clinician; 403 for a clinician. */
  public static void requireMayReassign(Principal principal) {
    if (principal.role() == Role.CLINICIAN) {
      throw WebException.forbidden(
          "only a supervisor or an admin may move a client to another clinician");
    }
  }

  /** Admins only: the audit log and, later, users and instruments. */
  public static void requireAdmin(Principal principal) {
    if (principal.role() != Role.ADMIN) {
      throw WebException.forbidden("only an admin may do this");
    }
  }

  /**
   * The signed-in admin for a page that only shows; a redirect to sign in, or 403 for anyone else.
   */
  public static Optional<Principal> adminPage(Context ctx, Authentication authentication) {
    Optional<Principal> signedIn = authentication.find(ctx);
    if (signedIn.isEmpty()) {
      ctx.redirect("/login");
      return Optional.empty();
    }
    requireAdmin(signedIn.get());
    return signedIn;
  }

  /** The admin a form acts for, checked (with the CSRF token) before the form is read. */
  public static Principal adminForm(Context ctx, Authentication authentication) {
    Principal principal = authentication.require(ctx);
    requireAdmin(principal);
    return principal;
  }
}
