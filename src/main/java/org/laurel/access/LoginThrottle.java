package org.laurel.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account. The count commits on its own, whatever happens to the request.
 */
@Component
class LoginThrottle {

  private final UserRepository users;
  private final SecurityProperties props;
  private final Clock clock;

  LoginThrottle(UserRepository users, SecurityProperties props, Clock clock) {
    this.users = users;
    this.props = props;
    this.clock = clock;
  }

  /** Until when the account refuses attempts; null when it accepts them. */
  @Transactional(readOnly = true)
  public @Nullable Instant blockedUntil(String username) {
    return users
        .findByUsername(username)
        .map(UserRepository.UserRow::lockedUntil)
        .filter(t -> t.isAfter(clock.instant()))
        .orElse(null);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void failed(String username) {
    users
        .findByUsername(username)
        .ifPresent(
            u -> {
              int n = u.failedLogins() + 1;
              users.recordFailure(u.id(), n, nextAllowed(n));
            });
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void succeeded(String username) {
    users.findByUsername(username).ifPresent(u -> users.resetFailures(u.id()));
  }

  private @Nullable Instant nextAllowed(int failures) {
    Instant now = clock.instant();
    if (failures >= props.maxFailedLoginsBeforeLock()) {
      return now.plus(Duration.ofMinutes(props.lockMinutes()));
    }
    if (failures > props.maxFailedLoginsBeforeDelay()) {
      // 2, 4, 8… seconds, at most a minute
      int exponent = Math.min(failures - props.maxFailedLoginsBeforeDelay(), 6);
      return now.plusSeconds(Math.min(1L << exponent, 60));
    }
    return null;
  }
}
