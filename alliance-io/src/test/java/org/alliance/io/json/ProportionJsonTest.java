package org.alliance.io.json;

import static org.alliance.io.json.JsonFixtures.json;
import static org.alliance.io.json.JsonFixtures.names;
import static org.alliance.io.json.JsonFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliance.core.cohort.Interval;
import org.alliance.core.cohort.Proportion;
import org.junit.jupiter.api.Test;

class ProportionJsonTest {

  @Test
  void writesTheCountItsDenominatorTheRateAndTheWilsonInterval() throws Exception {
    JsonNode json = tree(ProportionJson.of(new Proportion(8, 10)));

    assertThat(names(json)).containsExactly("count", "of", "rate", "interval");
    assertThat(json.get("count").asInt()).isEqualTo(8);
    assertThat(json.get("of").asInt()).isEqualTo(10);
    assertThat(json.get("rate").asDouble()).isEqualTo(0.8);
    assertThat(names(json.get("interval"))).containsExactly("lower", "upper");
    assertThat(json.get("interval").get("lower").asDouble()).isCloseTo(0.490, within(0.0005));
    assertThat(json.get("interval").get("upper").asDouble()).isCloseTo(0.943, within(0.0005));
  }

  @Test
  void noOneCountedHasNoRateAndNoInterval() throws Exception {
    assertThat(json(ProportionJson.of(new Proportion(0, 0))))
        .isEqualTo("{\"count\":0,\"of\":0,\"rate\":null,\"interval\":null}");
  }

  @Test
  void writesAnIntervalWithItsEnds() throws Exception {
    assertThat(json(IntervalJson.of(new Interval(0.0, 1.0))))
        .isEqualTo("{\"lower\":0.0,\"upper\":1.0}");
  }
}
