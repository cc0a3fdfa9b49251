package org.alliance.web.platform.security;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How long a login must wait after failed attempts. From the {@code threshold}-th failure on, each
 * failure locks out for {@code firstWait}, doubled with every further failure up to {@code
 * maxWait}; failures older than {@code window} are forgotten, and an account's successful login
 * forgets its own.
 *
 * @param accountThreshold failures of one account before it must wait (5)
 * @param addressThreshold failures from one address, over all accounts, before it must wait (20: an
 *     office shares one address, so an address is given more room than an account)
 */
public record LoginThrottle(
    int accountThreshold,
    int addressThreshold,
    Duration firstWait,
    Duration maxWait,
    Duration window) {
  public LoginThrottle {
    checkArgument(accountThreshold >= 1 && addressThreshold >= 1, "thresholds start at 1");
    checkArgument(
        !firstWait.isNegative() && firstWait.compareTo(maxWait) <= 0,
        "the first wait must lie in 0..maxWait");
    checkArgument(
        window.compareTo(maxWait) >= 0, "the window must be at least as long as the longest wait");
  }

  /**
   * 5 failures per account or 20 per address; then 30 s, doubling to at most 15 min; failures kept
   * 24 h.
   */
  public static LoginThrottle defaults() {
    return new LoginThrottle(
        5, 20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24));
  }

  /** When failures before {@code now} no longer count. */
  public Instant since(Instant now) {
    return now.minus(window);
  }

  /** How long the account must still wait, given its failures in the window (oldest first). */
  public Optional<Duration> accountWait(List<Instant> failures, Instant now) {
    return wait(failures, accountThreshold, now);
  }

  /** How long the address must still wait, given its failures in the window (oldest first). */
  public Optional<Duration> addressWait(List<Instant> failures, Instant now) {
    return wait(failures, addressThreshold, now);
  }

  private Optional<Duration> wait(List<Instant> failures, int threshold, Instant now) {
    if (failures.size() < threshold) {
      return Optional.empty();
    }
    int doublings = Math.min(failures.size() - threshold, 30);
    Duration lock = firstWait.multipliedBy(1L << doublings);
    if (lock.compareTo(maxWait) > 0) {
      lock = maxWait;
    }
    Instant until = failures.get(failures.size() - 1).plus(lock);
    return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }
}
