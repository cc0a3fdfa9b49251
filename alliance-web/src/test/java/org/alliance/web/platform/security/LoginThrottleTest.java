package org.alliance.web.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LoginThrottleTest {
  private static final LoginThrottle THROTTLE = LoginThrottle.defaults();
  private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");

  private static List<Instant> failures(int count, Instant last) {
    List<Instant> times = new ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      times.add(last.minusSeconds(i));
    }
    return times;
  }

  @Test
  void fewerFailuresThanTheThresholdNeverWait() {
    assertThat(THROTTLE.accountWait(failures(4, NOW), NOW)).isEmpty();
    assertThat(THROTTLE.addressWait(failures(19, NOW), NOW)).isEmpty();
  }

  @Test
  void theThresholdItselfWaitsTheFirstWait() {
    assertThat(THROTTLE.accountWait(failures(5, NOW), NOW)).hasValue(Duration.ofSeconds(30));
    assertThat(THROTTLE.addressWait(failures(20, NOW), NOW)).hasValue(Duration.ofSeconds(30));
  }

  @Test
  void theWaitEndsExactlyWhenItIsOver() {
    Instant last = NOW.minusSeconds(30);
    assertThat(THROTTLE.accountWait(failures(5, last), NOW)).isEmpty();
    assertThat(THROTTLE.accountWait(failures(5, last), NOW.minusMillis(1)))
        .hasValue(Duration.ofMillis(1));
  }

  static Stream<Integer> failureCounts() {
    return IntStream.rangeClosed(5, 40).boxed();
  }

  @ParameterizedTest
  @MethodSource("failureCounts")
  void eachFurtherFailureDoublesTheWaitUpToTheMaximum(int count) {
    Duration wait = THROTTLE.accountWait(failures(count, NOW), NOW).orElseThrow();
    long expected = Math.min(30L << Math.min(count - 5, 30), Duration.ofMinutes(15).toSeconds());
    assertThat(wait).isEqualTo(Duration.ofSeconds(expected));
  }

  /**
   * Seeded random histories: the wait never exceeds the maximum and never outlasts the last
   * failure's lock.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void waitsStayWithinTheirBounds(long seed) {
    Random random = new Random(seed);
    int count = random.nextInt(60);
    Instant last = NOW.minusSeconds(random.nextInt(2_000));
    var wait = THROTTLE.accountWait(failures(count, last), NOW);
    if (count < 5) {
      assertThat(wait).isEmpty();
    }
    wait.ifPresent(
        duration -> {
          assertThat(duration).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
          assertThat(last.plus(Duration.ofMinutes(15))).isAfter(NOW);
        });
  }

  static Stream<Long> seeds() {
    return new Random(7).longs(200).boxed();
  }
}
