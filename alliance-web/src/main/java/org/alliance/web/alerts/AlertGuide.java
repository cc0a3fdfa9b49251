package org.alliance.web.alerts;

import java.util.Arrays;
import java.util.Optional;
import org.alliance.core.trend.AlertRule;

/**
 * The short guides a clinician can open from an alert: what to do about the relationship, about a
 * client not progressing, and about a risk answer. Each alert kind links to one.
 */
public enum AlertGuide {
  /** A rupture, a falling or low alliance, the vicious circle: raise the relationship. */
  RELATIONSHIP("relationship", "Raising the relationship with the client"),
  /** Reliable deterioration or off the expected course: a brief review. */
  PROGRESS("progress", "When a client is not progressing"),
  /** A risk question answered above 0: the clinic's risk protocol. */
  RISK("risk", "When a risk question is answered"),
  /** The order of the alerts, their colours, and the exact rule behind each. */
  ORDER("order", "How alerts are ordered");

  private final String id;
  private final String title;

  AlertGuide(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String path() {
    return "/guides/" + id;
  }

  public static AlertGuide of(AlertRule rule) {
    return switch (rule) {
      case CRITICAL_ITEM -> RISK;
      case RELIABLE_DETERIORATION, NOT_ON_TRACK, OFF_TRACK_CAUTION -> PROGRESS;
      case VICIOUS_CIRCLE, UNREPAIRED_RUPTURE, ALLIANCE_BELOW_CUTOFF, ALLIANCE_DROP -> RELATIONSHIP;
    };
  }

  public static Optional<AlertGuide> byId(String id) {
    return Arrays.stream(values()).filter(guide -> guide.id.equals(id)).findFirst();
  }
}
