package org.laurel.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit entries. Callers are inside their write transaction, so the entry commits or rolls
 * back with the change it describes.
 */
@Service
public class AuditLog {

  /** Key of the advisory lock that serialises appends, so the chain never forks. */
  private static final long CHAIN_LOCK = 0x4c617572656cL;

  static final String GENESIS = "0".repeat(64);

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AuditLog(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Records a change. {@code before} and {@code after} are summaries (records or maps) written as
   * JSON; null where there is nothing (a creation has no before).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      String action,
      String entityType,
      String entityId,
      @Nullable Object before,
      @Nullable Object after) {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
    Head head =
        jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
            .optional()
            .orElse(new Head(0, GENESIS));
    AuditEntry entry =
        new AuditEntry(
            head.seq() + 1,
            Instant.now().truncatedTo(ChronoUnit.MICROS),
            currentActor(),
            action,
            entityType,
            entityId,
            before == null ? null : json.writeValueAsString(before),
            after == null ? null : json.writeValueAsString(after),
            head.hash(),
            "");
    String hash = AuditChain.hash(entry.prevHash(), entry, json);
    jdbc.sql(
            """
            insert into audit_entry(seq, occurred_at, actor, action, entity_type, entity_id,
                                    before_state, after_state, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            entry.seq(),
            java.sql.Timestamp.from(entry.occurredAt()),
            entry.actor(),
            action,
            entityType,
            entityId,
            entry.before(),
            entry.after(),
            entry.prevHash(),
            hash)
        .update();
    jdbc.sql(
            """
            insert into audit_head(id, last_seq, last_hash) values (1, ?, ?)
            on conflict (id) do update set last_seq = excluded.last_seq, last_hash = excluded.last_hash""")
        .params(entry.seq(), hash)
        .update();
  }

  /** Entries matching the filter, newest first. */
  @Transactional(readOnly = true)
  public List<AuditEntry> search(AuditFilter f) {
    StringBuilder sql = new StringBuilder("select * from audit_entry where true");
    var params = new java.util.ArrayList<Object>();
    if (f.entityType() != null && !f.entityType().isBlank()) {
      sql.append(" and entity_type = ?");
      params.add(f.entityType());
    }
    if (f.entityId() != null && !f.entityId().isBlank()) {
      sql.append(" and entity_id = ?");
      params.add(f.entityId());
    }
    if (f.actor() != null && !f.actor().isBlank()) {
      sql.append(" and actor = ?");
      params.add(f.actor());
    }
    if (f.from() != null) {
      sql.append(" and occurred_at >= ?");
      params.add(java.sql.Timestamp.from(f.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
    }
    if (f.to() != null) {
      sql.append(" and occurred_at < ?");
      params.add(
          java.sql.Timestamp.from(f.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
    }
    sql.append(" order by seq desc limit ? offset ?");
    params.add(f.pageSize());
    params.add((long) f.page() * f.pageSize());
    return jdbc.sql(sql.toString()).params(params).query(AuditChain::map).list();
  }

  /** The entity types that occur in the log, for the filter's choices. */
  @Transactional(readOnly = true)
  public List<String> entityTypes() {
    return jdbc.sql("select distinct entity_type from audit_entry order by 1")
        .query(String.class)
        .list();
  }

  /** A filter over the log; nulls and blanks match everything. */
  public record AuditFilter(
      @Nullable String entityType,
      @Nullable String entityId,
      @Nullable String actor,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      int page,
      int pageSize) {}

  private record Head(long seq, String hash) {}

  private static String currentActor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || auth.getName() == null ? "system" : auth.getName();
  }
}
