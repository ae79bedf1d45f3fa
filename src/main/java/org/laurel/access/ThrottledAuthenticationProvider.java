package org.laurel.access;

import java.time.Instant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Password login (form and HTTP Basic), refused while the account is throttled or locked. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  /** Thrown while the account waits; carries the instant it accepts attempts again. */
  static final class ThrottledException extends LockedException {
    private final Instant until;

    ThrottledException(Instant until) {
      super("Too many failed logins");
      this.until = until;
    }

    Instant until() {
      return until;
    }
  }

  private final DaoAuthenticationProvider delegate;
  private final LoginThrottle throttle;

  ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle) {
    this.delegate = delegate;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = authentication.getName();
    Instant until = throttle.blockedUntil(username);
    if (until != null) {
      throw new ThrottledException(until);
    }
    try {
      Authentication result = delegate.authenticate(authentication);
      throttle.succeeded(username);
      return result;
    } catch (BadCredentialsException e) {
      throttle.failed(username);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
