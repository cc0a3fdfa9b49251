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

/** Ranking clients by their alerts, the alerts coming from {@link AlertFinder} on real episodes. */
class ClientAlertsTest {
  private static final AlertFinder FINDER = new AlertFinder(AlertOptions.defaults());

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

  /** SRS falling half a point a session while the PHQ-9 is flat, nothing else. */
  private static ClientAlerts viciousCircleOnly(String client) {
    ClientAlerts alerts =
        of(
            episode(
                client,
                course(client, SRS, 40, 39.5, 39, 38.5),
                course(client, PHQ9, 15, 15, 15, 15)));
    assertThat(alerts.alerts()).extracting(Alert::rule).containsExactly(AlertRule.VICIOUS_CIRCLE);
    return alerts;
  }

  /** An SRS drop of a point that stays above the cutoff, nothing else. */
  private static ClientAlerts dropOnly(String client) {
    ClientAlerts alerts = of(episode(client, course(client, SRS, 39, 38)));
    assertThat(alerts.alerts()).extracting(Alert::rule).containsExactly(AlertRule.ALLIANCE_DROP);
    return alerts;
  }

  /** An SRS below the cutoff that also dropped: two alerts, the most urgent being below-cutoff. */
  private static ClientAlerts belowCutoffAndDrop(String client) {
    ClientAlerts alerts = of(episode(client, course(client, SRS, 37, 35.5)));
    assertThat(alerts.alerts())
        .extracting(Alert::rule)
        .containsExactly(AlertRule.ALLIANCE_BELOW_CUTOFF, AlertRule.ALLIANCE_DROP);
    return alerts;
  }

  /** An SRS just below the cutoff: one alert, below-cutoff. */
  private static ClientAlerts belowCutoffOnly(String client) {
    ClientAlerts alerts = of(episode(client, course(client, SRS, 36.2, 35.8)));
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
            episode("c-1", course("c-1", SRS, 37, 35.5), course("c-1", PHQ9, 15, 14)),
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

  @Test
  void anEmptyListRanksToAnEmptyList() {
    assertThat(ClientAlerts.rank(List.of())).isEmpty();
  }
}
