package org.alliance.core.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RciMethodTest {

  @ParameterizedTest
  @EnumSource(value = RciMethod.class, names = "HA", mode = EnumSource.Mode.EXCLUDE)
  void twoSidedCriticalValueIsTheExactInverseNormalNot196(RciMethod method) {
    assertThat(method.isOneSided()).isFalse();
    assertThat(method.criticalValue(0.05)).isCloseTo(1.959964, within(5e-7)).isNotEqualTo(1.96);
    assertThat(method.criticalValue(0.01)).isCloseTo(2.575829, within(5e-7));
    assertThat(method.criticalValue(0.10)).isCloseTo(1.644854, within(5e-7));
  }

  @Test
  void hagemanArrindellIsOneSided() {
    assertThat(RciMethod.HA.isOneSided()).isTrue();
    assertThat(RciMethod.HA.criticalValue(0.05)).isCloseTo(1.644854, within(5e-7));
    assertThat(RciMethod.HA.criticalValue(0.025))
        .isCloseTo(RciMethod.JT.criticalValue(0.05), within(1e-12));
  }

  @Test
  void alphaMustBeAProbability() {
    for (double alpha : new double[] {0, 1, -0.05, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> RciMethod.JT.criticalValue(alpha))
          .as("alpha %s", alpha)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
