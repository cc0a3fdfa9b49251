package org.alliance.io.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.alliance.core.trend.AlertRule;

/**
 * What a clinician recorded doing about an alert: the alert's rule and session, what was done, by
 * whom and when. The report lists them so the loop from alert to action is on paper too.
 */
public record FollowUp(AlertRule rule, int session, String done, String by, Instant at) {
  public FollowUp {
    requireNonNull(rule, "rule");
    requireNonNull(done, "done");
    requireNonNull(by, "by");
    requireNonNull(at, "at");
  }
}
