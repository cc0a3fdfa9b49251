package org.alliance.core.trend;

/**
 * The rules that raise alerts, most urgent first. Each has a stable id and a version that changes
 * whenever its logic or defaults change, so an alert can always be traced to the exact rule that
 * fired.
 */
public enum AlertRule {
  /**
   * A risk item (e.g. PHQ-9 item 9, CORE-10 item 6) answered above its minimum at the latest
   * session.
   */
  CRITICAL_ITEM("critical-item", "1", "Risk item answered"),
  /**
   * Alliance falling while the outcome is flat or worsening over the last sessions: the vicious
   * circle.
   */
  VICIOUS_CIRCLE("vicious-circle", "1", "Alliance falling while the outcome is not improving"),
  /** The outcome got worse since intake by at least the instrument's reliable-change value. */
  RELIABLE_DETERIORATION("reliable-deterioration", "1", "Reliable deterioration"),
  /** The latest outcome is worse than the not-on-track percentile of similar clients. */
  NOT_ON_TRACK("not-on-track", "1", "Not on track"),
  /** An alliance rupture whose repair window passed without a repair. */
  UNREPAIRED_RUPTURE("unrepaired-rupture", "1", "Unrepaired alliance rupture"),
  /** The latest alliance rating is on the concern side of the instrument's cutoff. */
  ALLIANCE_BELOW_CUTOFF("alliance-below-cutoff", "1", "Alliance below cutoff"),
  /** The latest alliance rating dropped from the previous one by at least k points. */
  ALLIANCE_DROP("alliance-drop", "1", "Alliance drop"),
  /** The latest outcome is worse than the caution percentile of similar clients. */
  OFF_TRACK_CAUTION("off-track-caution", "1", "Caution: off the expected course");

  private final String id;
  private final String version;
  private final String title;

  AlertRule(String id, String version, String title) {
    this.id = id;
    this.version = version;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public String version() {
    return version;
  }

  public String title() {
    return title;
  }

  /** 1 for the most urgent rule. */
  public int urgency() {
    return ordinal() + 1;
  }
}
