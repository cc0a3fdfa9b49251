package org.alliance.web.platform;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.db.Database;
import org.alliance.web.platform.security.Authentication;
import org.alliance.web.platform.security.LoginService;

/**
 * What every handler works with, whatever its feature: the database, the audit log, who is asking,
 * sign-in, the clock, and whether cookies are sent only over HTTPS. A feature's own services (the
 * clinic's instruments, the trends, recording an administration) are given to its handlers beside
 * this.
 */
public record Platform(
    Database database,
    AuditLog audit,
    Authentication authentication,
    LoginService logins,
    Clock clock,
    boolean secureCookies) {
  public Platform {
    requireNonNull(database, "database");
    requireNonNull(audit, "audit");
    requireNonNull(authentication, "authentication");
    requireNonNull(logins, "logins");
    requireNonNull(clock, "clock");
  }
}
