package org.alliance.core.trend;

/**
 * The rules that raise alerts, in the documented order of urgency: a risk item answered; reliable
 * deterioration; the vicious circle; not on track; an unrepaired rupture; then the rest. The first
 * three are red (act this session), the others amber. Each rule has a stable id and a version that
 * changes whenever its logic or defaults change, so an alert can always be traced to the exact rule
 * that fired.
 */
public enum AlertRule {
  /**
   * A risk item (e.g. PHQ-9 item 9, CORE-10 item 6) answered above its minimum at the latest
   * session.
   */
  CRITICAL_ITEM("critical-item", "1", "Risk item answered", AlertLevel.RED),
  /** The outcome got worse since intake by at least the instrument's reliable-change value. */
  RELIABLE_DETERIORATION("reliable-deterioration", "1", "Reliable deterioration", AlertLevel.RED),
  /**
   * Alliance falling while the outcome is flat or worsening over the last sessions: the vicious
   * circle.
   */
  VICIOUS_CIRCLE(
      "vicious-circle", "2", "Alliance falling while the outcome is not improving", AlertLevel.RED),
  /** The latest outcome is worse than the not-on-track percentile of similar clients. */
  NOT_ON_TRACK("not-on-track", "1", "Off the expected course", AlertLevel.AMBER),
  /** An alliance rupture whose repair window passed without a repair. */
  UNREPAIRED_RUPTURE("unrepaired-rupture", "2", "Alliance rupture not repaired", AlertLevel.AMBER),
  /** The latest alliance ratings are on the concern side of the instrument's cutoff. */
  ALLIANCE_BELOW_CUTOFF(
      "alliance-below-cutoff", "2", "Alliance below the cutoff", AlertLevel.AMBER),
  /** The latest alliance rating dropped from the previous one by at least k points. */
  ALLIANCE_DROP("alliance-drop", "2", "Alliance dropped", AlertLevel.AMBER),
  /** The latest outcome is worse than the caution percentile of similar clients. */
  OFF_TRACK_CAUTION("off-track-caution", "2", "Slightly off the expected course", AlertLevel.AMBER);

  private final String id;
  private final String version;
  private final String title;
  private final AlertLevel level;

  AlertRule(String id, String version, String title, AlertLevel level) {
    this.id = id;
    this.version = version;
    this.title = title;
    this.level = level;
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

  /** The rule with this stable id, if there is one. */
  public static java.util.Optional<AlertRule> byId(String id) {
    return java.util.Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
  }

  /** How loudly the alert is shown: red to act on this session, amber to look at. */
  public AlertLevel level() {
    return level;
  }

  /** 1 for the most urgent rule. */
  public int urgency() {
    return ordinal() + 1;
  }
}
