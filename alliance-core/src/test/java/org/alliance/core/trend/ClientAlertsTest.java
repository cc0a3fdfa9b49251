package org.alliance.core.trend;

import static org.alliance.core.trend.AlertFixtures.PHQ9;
import static org.alliance.core.trend.AlertFixtures.SRS;
import static org.alliance.core.trend.AlertFixtures.course;
import static org.alliance.core.trend.AlertFixtures.episode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Ranking clients by their alerts, the alerts coming from {@link AlertFinder} with the calibrated
 * defaults on real episodes.
 */
class ClientAlertsTest {
  private static final AlertFinder FINDER = new AlertFinder(AlertOptions.defaults());

  /** The defaults with a fitted PHQ-9 expected course, for the not-on-track rule. */
  private static final AlertFinder WITH_EXPECTED_COURSE =
      new AlertFinder(AlertFixtures.optionsWithPhq9ExpectedCourse());

  private static ClientAlerts of(Episode episode, RiskFlag... flags) {
    return new ClientAlerts(episode.client(), FINDER.alerts(episode, List.of(flags)));
  }

  /** PHQ-9 item 9 answered at the latest session, nothing else. */
  private static ClientAlerts criticalItemOnly(String client) {
    ClientAlerts alerts =
        of(
            episode(client, course(client, PHQ9, 15, 14, 13)),
            new RiskFlag(3, "phq-9", "phq9_9", 1));
    assertThat(alerts.alerts()).extracting(Alert::rule).containsExactly(AlertRule.CRITICAL_ITEM);
    return alerts;
  }

  /** SRS falling 1.5 points a session while the PHQ-9 is flat, nothing else. */
  private static ClientAlerts viciousCircleOnly(String client) {
    ClientAlerts alerts =
        of(
            episode(
                client,
                course(client, SRS, 40, 38.5, 37, 35.5),
                course(client, PHQ9, 15, 15, 15, 15)));
    assertThat(alerts.alerts()).extracting(Alert::rule).containsExactly(AlertRule.VICIOUS_CIRCLE);
    return alerts;
  }

  /** An SRS drop of 5 points that stays above the cutoff, nothing else. */
  private static ClientAlerts dropOnly(String client) {
    ClientAlerts alerts = of(episode(client, course(client, SRS, 40, 35)));
    assertThat(alerts.alerts()).extracting(Alert::rule).containsExactly(AlertRule.ALLIANCE_DROP);
    return alerts;
  }

  /**
   * Two SRS ratings under 34 whose last also dropped 5 points: two alerts, the most urgent being
   * below-cutoff.
   */
  private static ClientAlerts belowCutoffAndDrop(String client) {
    ClientAlerts alerts = of(episode(client, course(client, SRS, 33.5, 28.5)));
    assertThat(alerts.alerts())
        .extracting(Alert::rule)
        .containsExactly(AlertRule.ALLIANCE_BELOW_CUTOFF, AlertRule.ALLIANCE_DROP);
    return alerts;
  }

  /** Two SRS ratings just under 34 (the cutoff of 36 less the margin of 2): one alert. */
  private static ClientAlerts belowCutoffOnly(String client) {
    ClientAlerts alerts = of(episode(client, course(client, SRS, 33.9, 33.9)));
    assertThat(alerts.alerts())
        .extracting(Alert::rule)
        .containsExactly(AlertRule.ALLIANCE_BELOW_CUTOFF);
    return alerts;
  }

  /** A steady, good course: no alerts. */
  private static ClientAlerts none(String client) {
    ClientAlerts alerts =
        of(episode(client, course(client, SRS, 38, 39, 39.5), course(client, PHQ9, 16, 12, 9)));
    assertThat(alerts.alerts()).isEmpty();
    return alerts;
  }

  private static List<String> clients(List<ClientAlerts> ranked) {
    return ranked.stream().map(ClientAlerts::client).toList();
  }

  @Test
  void aCriticalItemComesBeforeAViciousCircleWhichComesBeforeADrop() {
    // Client ids in the opposite order, so only urgency can explain the ranking.
    List<ClientAlerts> ranked =
        ClientAlerts.rank(
            List.of(dropOnly("c-a"), viciousCircleOnly("c-b"), criticalItemOnly("c-c")));

    assertThat(clients(ranked)).containsExactly("c-c", "c-b", "c-a");
    assertThat(ranked)
        .extracting(ClientAlerts::urgency)
        .containsExactly(
            AlertRule.CRITICAL_ITEM.urgency(),
            AlertRule.VICIOUS_CIRCLE.urgency(),
            AlertRule.ALLIANCE_DROP.urgency());
  }

  @Test
  void theMostUrgentAlertDecidesNotTheNumberOfAlerts() {
    // Two alerts of lower urgency do not outrank one more urgent alert.
    List<ClientAlerts> ranked =
        ClientAlerts.rank(List.of(belowCutoffAndDrop("c-a"), viciousCircleOnly("c-z")));

    assertThat(clients(ranked)).containsExactly("c-z", "c-a");
  }

  @Test
  void equalUrgencyIsBrokenByTheNumberOfAlertsThenByClientId() {
    List<ClientAlerts> ranked =
        ClientAlerts.rank(
            List.of(
                belowCutoffOnly("c-a"),
                belowCutoffOnly("c-m"),
                belowCutoffAndDrop("c-z"),
                belowCutoffOnly("c-k")));

    // c-z has two alerts; the three with one are ordered by client id.
    assertThat(clients(ranked)).containsExactly("c-z", "c-a", "c-k", "c-m");
  }

  @Test
  void clientsWithoutAlertsComeLastOrderedByClientId() {
    List<ClientAlerts> ranked =
        ClientAlerts.rank(
            List.of(none("a-002"), dropOnly("z-999"), none("a-001"), criticalItemOnly("m-500")));

    assertThat(clients(ranked)).containsExactly("m-500", "z-999", "a-001", "a-002");
    assertThat(ranked.get(2).urgency()).isEqualTo(Integer.MAX_VALUE);
    assertThat(ranked.get(3).alerts()).isEmpty();
  }

  @Test
  void theRankingDoesNotDependOnTheInputOrder() {
    List<ClientAlerts> clients =
        new ArrayList<>(
            List.of(
                criticalItemOnly("c-05"),
                viciousCircleOnly("c-04"),
                belowCutoffAndDrop("c-03"),
                belowCutoffOnly("c-02"),
                belowCutoffOnly("c-01"),
                dropOnly("c-00"),
                none("c-06"),
                none("b-00")));
    List<String> expected = List.of("c-05", "c-04", "c-03", "c-01", "c-02", "c-00", "b-00", "c-06");
    Random random = new Random(42);

    for (int shuffle = 0; shuffle < 20; shuffle++) {
      Collections.shuffle(clients, random);
      List<ClientAlerts> input = List.copyOf(clients);

      assertThat(clients(ClientAlerts.rank(input))).containsExactlyElementsOf(expected);
      assertThat(input).as("the input is not reordered").containsExactlyElementsOf(clients);
    }
  }

  @Test
  void theUrgencyOfAClientIsThatOfItsMostUrgentAlert() {
    List<Alert> alerts =
        FINDER.alerts(
            episode("c-1", course("c-1", SRS, 33.5, 28.5), course("c-1", PHQ9, 15, 14)),
            List.of(new RiskFlag(2, "phq-9", "phq9_9", 3)));
    ClientAlerts client = new ClientAlerts("c-1", alerts);

    assertThat(client.alerts())
        .extracting(Alert::rule)
        .containsExactly(
            AlertRule.CRITICAL_ITEM, AlertRule.ALLIANCE_BELOW_CUTOFF, AlertRule.ALLIANCE_DROP);
    assertThat(client.urgency()).isEqualTo(1);
  }

  @Test
  void theAlertsAreACopy() {
    List<Alert> alerts = new ArrayList<>(dropOnly("c-1").alerts());
    ClientAlerts client = new ClientAlerts("c-1", alerts);
    alerts.clear();

    assertThat(client.alerts()).hasSize(1);
    assertThatThrownBy(() -> client.alerts().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /** The one alert of a client with the defaults and the PHQ-9 expected course, checked. */
  private static ClientAlerts single(AlertRule rule, Episode episode, RiskFlag... flags) {
    ClientAlerts alerts =
        new ClientAlerts(episode.client(), WITH_EXPECTED_COURSE.alerts(episode, List.of(flags)));
    assertThat(alerts.alerts()).extracting(Alert::rule).as(episode.client()).containsExactly(rule);
    return alerts;
  }

  @Test
  void clientsAreRankedInTheDocumentedOrderAcrossLevels() {
    // One client per rule, each with that alert alone at the calibrated defaults; the client ids
    // run against the documented order, so only the rule can explain the ranking.
    List<ClientAlerts> clients =
        List.of(
            single(AlertRule.ALLIANCE_DROP, episode("c-1", course("c-1", SRS, 40, 35))),
            single(
                AlertRule.ALLIANCE_BELOW_CUTOFF,
                episode("c-2", course("c-2", SRS, 36, 33.9, 33.9))),
            single(
                AlertRule.UNREPAIRED_RUPTURE,
                episode("c-3", course("c-3", SRS, 39, 39, 34, 35, 37))),
            single(
                AlertRule.NOT_ON_TRACK,
                episode("c-4", course("c-4", PHQ9, 20, 21, 22, 22, 23, 24))),
            single(
                AlertRule.VICIOUS_CIRCLE,
                episode(
                    "c-5",
                    course("c-5", SRS, 40, 38.5, 37, 35.5),
                    course("c-5", AlertFixtures.ORS, 20, 20, 20, 20))),
            single(
                AlertRule.RELIABLE_DETERIORATION,
                episode("c-6", course("c-6", AlertFixtures.ORS, 30, 28, 25))),
            single(
                AlertRule.CRITICAL_ITEM,
                episode("c-7", course("c-7", PHQ9, 20, 15, 10, 6)),
                new RiskFlag(4, "phq-9", "phq9_9", 1)));

    List<ClientAlerts> ranked = ClientAlerts.rank(clients);

    assertThat(clients(ranked)).containsExactly("c-7", "c-6", "c-5", "c-4", "c-3", "c-2", "c-1");
    // Risk, reliable deterioration, vicious circle are red; the rest amber, after every red one.
    assertThat(ranked)
        .extracting(client -> client.alerts().get(0).rule().level())
        .containsExactly(
            AlertLevel.RED,
            AlertLevel.RED,
            AlertLevel.RED,
            AlertLevel.AMBER,
            AlertLevel.AMBER,
            AlertLevel.AMBER,
            AlertLevel.AMBER);
  }

  @Test
  void oneRedAlertOutranksEveryAmberAlertTogether() {
    // Unrepaired rupture, below the cutoff and a drop (three amber alerts) against a vicious
    // circle alone.
    ClientAlerts amber = of(episode("a-1", course("a-1", SRS, 39, 39, 33.5, 33, 33.5, 28.5)));
    assertThat(amber.alerts())
        .extracting(Alert::rule)
        .containsExactly(
            AlertRule.UNREPAIRED_RUPTURE, AlertRule.ALLIANCE_BELOW_CUTOFF, AlertRule.ALLIANCE_DROP);
    assertThat(amber.alerts())
        .allSatisfy(a -> assertThat(a.rule().level()).isEqualTo(AlertLevel.AMBER));

    assertThat(clients(ClientAlerts.rank(List.of(amber, viciousCircleOnly("z-9")))))
        .containsExactly("z-9", "a-1");
  }

  @Test
  void anEmptyListRanksToAnEmptyList() {
    assertThat(ClientAlerts.rank(List.of())).isEmpty();
  }
}
