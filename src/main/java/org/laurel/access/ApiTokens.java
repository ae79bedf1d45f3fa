package org.laurel.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.laurel.audit.AuditLog;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. A token is 256 random bits shown once; only its SHA-256 is stored, which is
 * enough for a secret of that strength and keeps each API call cheap.
 */
@Service
public class ApiTokens {

  static final String PREFIX = "lrl_";

  /** A token as listed to its owner (never the secret). */
  public record TokenInfo(
      long id,
      String name,
      Instant createdAt,
      @Nullable Instant expiresAt,
      @Nullable Instant lastUsedAt,
      @Nullable Instant revokedAt) {}

  /** A newly created token: the only time the secret is seen. */
  public record CreatedToken(long id, String name, String token, @Nullable Instant expiresAt) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public CreatedToken create(String name, @Nullable Integer validDays) {
    Actor actor = Access.current();
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant expires =
        validDays == null
            ? null
            : clock.instant().plus(validDays, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    long id =
        jdbc.sql(
                "insert into api_token(user_id, name, token_hash, expires_at) values (?, ?, ?, ?) returning id")
            .params(
                actor.userId(),
                name,
                sha256(token),
                expires == null ? null : Timestamp.from(expires))
            .query(Long.class)
            .single();
    audit.record(
        "token.created",
        "api_token",
        Long.toString(id),
        null,
        Map.of("name", name, "owner", actor.username()));
    return new CreatedToken(id, name, token, expires);
  }

  @Transactional(readOnly = true)
  public List<TokenInfo> mine() {
    return jdbc.sql("select * from api_token where user_id = ? order by created_at desc")
        .param(Access.current().userId())
        .query(ApiTokens::map)
        .list();
  }

  /** Revokes a token: its owner may, and so may an administrator. */
  @Transactional
  public void revoke(long id) {
    Actor actor = Access.current();
    long owner =
        jdbc.sql("select user_id from api_token where id = ?")
            .param(id)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("error.token.notFound", id));
    if (owner != actor.userId() && actor.role() != Role.ADMIN) {
      throw ForbiddenException.outOfScope();
    }
    jdbc.sql("update api_token set revoked_at = coalesce(revoked_at, now()) where id = ?")
        .param(id)
        .update();
    audit.record("token.revoked", "api_token", Long.toString(id), null, null);
  }

  /** The user id of a valid token: not revoked, not expired, its user enabled. */
  @Transactional
  Optional<Long> authenticate(String token) {
    if (!token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            update api_token t set last_used_at = now()
            from app_user u
            where t.token_hash = ? and u.id = t.user_id and u.enabled
              and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
            returning t.user_id""")
        .param(sha256(token))
        .query(Long.class)
        .optional();
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static @Nullable Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }

  private static TokenInfo map(ResultSet rs, int n) throws SQLException {
    return new TokenInfo(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs, "expires_at"),
        instant(rs, "last_used_at"),
        instant(rs, "revoked_at"));
  }
}
