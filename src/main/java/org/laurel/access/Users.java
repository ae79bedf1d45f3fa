package org.laurel.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.audit.AuditLog;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** User accounts: created and changed by the system administrator only. */
@Service
@Validated
public class Users {

  /** A user as shown to administrators (never the password hash). */
  public record UserView(
      String username,
      String displayName,
      Role role,
      String unitCode,
      @Nullable Long personId,
      boolean enabled,
      boolean locked,
      int version,
      @Nullable String email,
      @Nullable String language) {}

  /** An optional e-mail address: a plausible one, or nothing. */
  static final String EMAIL = "^$|^[^@\\s]{1,64}@[^@\\s]{1,189}$";

  /** The language of a user's mail: vi (the default), en or de. */
  static final String LANGUAGE = "^$|^(vi|en|de)$";

  public record NewUser(
      @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,39}$") String username,
      @NotBlank @Size(max = 200) String displayName,
      @NotBlank @Size(min = 8, max = 200) String password,
      @NotNull Role role,
      @NotBlank String unitCode,
      @Nullable Long personId,
      @Nullable @Size(max = 254) @Pattern(regexp = EMAIL) String email,
      @Nullable @Pattern(regexp = LANGUAGE) String language) {

    /** Without e-mail address and language, as before they existed. */
    public NewUser(
        String username,
        String displayName,
        String password,
        Role role,
        String unitCode,
        @Nullable Long personId) {
      this(username, displayName, password, role, unitCode, personId, null, null);
    }
  }

  public record UserChange(
      @NotBlank @Size(max = 200) String displayName,
      @NotNull Role role,
      @NotBlank String unitCode,
      @Nullable Long personId,
      boolean enabled,
      @PositiveOrZero int version,
      @Nullable @Size(max = 254) @Pattern(regexp = EMAIL) String email,
      @Nullable @Pattern(regexp = LANGUAGE) String language) {

    /**
     * Leaves e-mail address and language as they are. (In the full form, null keeps them too; an
     * empty string removes them.)
     */
    public UserChange(
        String displayName,
        Role role,
        String unitCode,
        @Nullable Long personId,
        boolean enabled,
        int version) {
      this(displayName, role, unitCode, personId, enabled, version, null, null);
    }
  }

  private final UserRepository repo;
  private final PasswordEncoder encoder;
  private final UnitDirectory units;
  private final Access access;
  private final AuditLog audit;

  Users(
      UserRepository repo,
      PasswordEncoder encoder,
      UnitDirectory units,
      Access access,
      AuditLog audit) {
    this.repo = repo;
    this.encoder = encoder;
    this.units = units;
    this.access = access;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<UserView> list() {
    access.requireAdmin();
    return repo.findAll().stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public UserView get(String username) {
    access.requireAdmin();
    return view(find(username));
  }

  @Transactional
  public UserView create(@Valid NewUser cmd) {
    access.requireAdmin();
    long unitId = unitId(cmd.unitCode());
    if (repo.findByUsername(cmd.username()).isPresent()) {
      throw new ConflictException("error.user.exists", cmd.username());
    }
    repo.insert(
        cmd.username(),
        cmd.displayName(),
        encoder.encode(cmd.password()),
        cmd.role(),
        unitId,
        cmd.personId());
    repo.updateContact(find(cmd.username()).id(), blank(cmd.email()), blank(cmd.language()));
    UserView created = view(find(cmd.username()));
    audit.record("user.created", "user", cmd.username(), null, created);
    return created;
  }

  @Transactional
  public UserView update(String username, @Valid UserChange cmd) {
    access.requireAdmin();
    UserRepository.UserRow row = find(username);
    UserView before = view(row);
    long unitId = unitId(cmd.unitCode());
    if (repo.update(
            row.id(),
            cmd.displayName(),
            cmd.role(),
            unitId,
            cmd.personId(),
            cmd.enabled(),
            cmd.version())
        == 0) {
      throw ConflictException.staleVersion();
    }
    if (cmd.email() != null || cmd.language() != null) {
      repo.updateContact(
          row.id(),
          cmd.email() == null ? row.email() : blank(cmd.email()),
          cmd.language() == null ? row.language() : blank(cmd.language()));
    }
    if (!cmd.enabled() || cmd.role() != row.role() || unitId != row.unitId()) {
      // a disabled user, or one whose rights changed, signs in again
      repo.deleteSessions(username);
    }
    UserView after = view(find(username));
    audit.record("user.updated", "user", username, before, after);
    return after;
  }

  /** Used by the demo loader on an empty database, before anyone can sign in. */
  @Transactional
  public void createInitial(NewUser cmd) {
    repo.insert(
        cmd.username(),
        cmd.displayName(),
        encoder.encode(cmd.password()),
        cmd.role(),
        unitId(cmd.unitCode()),
        cmd.personId());
    repo.updateContact(find(cmd.username()).id(), blank(cmd.email()), blank(cmd.language()));
    audit.record("user.created", "user", cmd.username(), null, Map.of("role", cmd.role().name()));
  }

  @Transactional(readOnly = true)
  public long count() {
    return repo.count();
  }

  private long unitId(String code) {
    return units
        .idOfCode(code)
        .orElseThrow(() -> new InvalidInputException("unitCode", "error.unit.unknown", code));
  }

  private UserRepository.UserRow find(String username) {
    return repo.findByUsername(username)
        .orElseThrow(() -> new NotFoundException("error.user.notFound", username));
  }

  private UserView view(UserRepository.UserRow r) {
    return new UserView(
        r.username(),
        r.displayName(),
        r.role(),
        units.codeOf(r.unitId()),
        r.personId(),
        r.enabled(),
        r.lockedUntil() != null && r.lockedUntil().isAfter(java.time.Instant.now()),
        r.version(),
        r.email(),
        r.language());
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
