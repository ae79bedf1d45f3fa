package org.laurel.access;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal kept in the (database-stored) session. */
final class LaurelUser implements UserDetails, CredentialsContainer, Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final long id;
  private final String username;
  private final String displayName;
  private @Nullable String passwordHash;
  private final Role role;
  private final long unitId;
  private final @Nullable Long personId;
  private final boolean enabled;

  LaurelUser(
      long id,
      String username,
      String displayName,
      @Nullable String passwordHash,
      Role role,
      long unitId,
      @Nullable Long personId,
      boolean enabled) {
    this.id = id;
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.role = role;
    this.unitId = unitId;
    this.personId = personId;
    this.enabled = enabled;
  }

  Actor actor() {
    return new Actor(id, username, displayName, role, unitId, personId);
  }

  String displayName() {
    return displayName;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(role.authority()));
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LaurelUser u && u.username.equals(username);
  }

  @Override
  public int hashCode() {
    return username.hashCode();
  }

  @Override
  public String toString() {
    return "LaurelUser[" + username + ", " + role + "]";
  }
}
