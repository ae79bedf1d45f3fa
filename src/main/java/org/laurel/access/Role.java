package org.laurel.access;

/** What a user may do; the unit scope narrows it further. */
public enum Role {
  /** System administrator: everything the secretariat does, and user management. */
  ADMIN,
  /** Staff of the Emulation and Reward Board. */
  SECRETARIAT,
  COUNCIL_MEMBER,
  /** Officer of the unit that heads a bloc this year; also reports for that unit. */
  BLOC_HEAD,
  /** Emulation officer of a unit: writes that unit's data only. */
  UNIT_REPORTER,
  /** Leaders and inspectors: read only. */
  VIEWER;

  public String authority() {
    return "ROLE_" + name();
  }

  public boolean isSecretariat() {
    return this == ADMIN || this == SECRETARIAT;
  }

  /** Roles that enter data for their own unit. */
  public boolean reportsForOwnUnit() {
    return this == UNIT_REPORTER || this == BLOC_HEAD;
  }
}
