package org.alliance.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskFlagsJsonTest {
  @Test
  void riskFlagsAreNullWhenThereAreNone() {
    assertThat(RiskFlagsJson.write(Map.of())).isNull();
    assertThat(RiskFlagsJson.read(null)).isEmpty();
    Map<String, Double> flags = new LinkedHashMap<>();
    flags.put("phq9_9", 2.0);
    assertThat(RiskFlagsJson.read(RiskFlagsJson.write(flags))).isEqualTo(flags);
  }
}
