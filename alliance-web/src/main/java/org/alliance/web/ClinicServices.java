package org.alliance.web;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import org.alliance.core.scoring.Scorer;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.db.Database;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.security.Authentication;
import org.alliance.web.platform.security.LoginService;
import org.alliance.web.alerts.ClinicTrends;

/**
 * What the handlers work with: the database and its audit log of reads, who is asking, the clock, the
 * clinic's instruments and the trend models.
 */
public record ClinicServices(Database database, AuditLog audit, Authentication authentication, LoginService logins, Clock clock,
    ClinicInstruments instruments, ClinicTrends trends, boolean secureCookies) {
  public ClinicServices {
    requireNonNull(database, "database");
    requireNonNull(audit, "audit");
    requireNonNull(authentication, "authentication");
    requireNonNull(logins, "logins");
    requireNonNull(clock, "clock");
    requireNonNull(instruments, "instruments");
    requireNonNull(trends, "trends");
  }

  /** The scorer of every instrument the clinic has now, used or not. */
  public Scorer scorer() {
    return instruments.scorer();
  }
}
