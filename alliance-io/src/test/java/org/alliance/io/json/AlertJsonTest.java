package org.alliance.io.json;

import static org.alliance.io.json.JsonFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertRule;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

  @Test
  void writesTheRuleItsVersionAndTheNumbersInTheirOrder() throws Exception {
    Alert alert =
        new Alert(
            "c1",
            AlertRule.CRITICAL_ITEM,
            "phq-9",
            2,
            "PHQ-9 item 9 answered 2 at session 2.",
            ImmutableMap.of("answer", 2.0, "item", 9.0));

    assertThat(json(AlertJson.of(alert)))
        .isEqualTo(
            "{\"rule\":\"critical-item\",\"version\":\"1\","
                + "\"title\":\"Risk item answered\",\"urgency\":"
                + AlertRule.CRITICAL_ITEM.urgency()
                + ",\"level\":\"red\",\"measure\":\"phq-9\","
                + "\"session\":2,\"explanation\":\"PHQ-9 item 9 answered 2 at session 2.\",\"numbers\":{\"answer\":2.0,\"item\":9.0}}");
  }
}
