package org.laurel.access;

import org.laurel.shared.ForbiddenException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The server-side checks every write goes through, UI and API alike. Each module calls these before
 * it writes; the role × action × unit matrix test holds them to account.
 */
@Component
public class Access {

  private final UnitDirectory units;

  Access(UnitDirectory units) {
    this.units = units;
  }

  /** The signed-in actor; a write without one is refused. */
  public static Actor current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof LaurelUser user) {
      return user.actor();
    }
    throw new ForbiddenException("error.forbidden");
  }

  /**
   * Runs {@code work} as the system (administrator rights, no unit), e.g. to load demo data before
   * anyone can sign in. Audit entries name {@code name} as the actor.
   */
  public static void runAsSystem(String name, Runnable work) {
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    LaurelUser system = new LaurelUser(0, name, name, null, Role.ADMIN, -1, null, true);
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      work.run();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  public Actor requireSecretariat() {
    Actor a = current();
    if (!a.role().isSecretariat()) {
      throw ForbiddenException.outOfScope();
    }
    return a;
  }

  public Actor requireAdmin() {
    Actor a = current();
    if (a.role() != Role.ADMIN) {
      throw ForbiddenException.outOfScope();
    }
    return a;
  }

  /**
   * Writing a unit's own data (its people, its reports): the secretariat anywhere; a reporter or
   * bloc head for their unit and the units below it.
   */
  public Actor requireUnitData(long unitId) {
    Actor a = current();
    if (a.role().isSecretariat()) {
      return a;
    }
    if (a.role().reportsForOwnUnit() && units.isWithin(unitId, a.unitId())) {
      return a;
    }
    throw ForbiddenException.outOfScope();
  }
}
