package org.laurel.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Recomputes the chain from the first entry and reports the first one that does not fit. */
@Service
public class AuditChain {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AuditChain(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * The result of a verification. {@code firstBrokenEntry} is the sequence number of the first
   * entry that was altered, or that follows a removed one; null when the chain is intact.
   */
  public record Verification(boolean valid, long entries, @Nullable Long firstBrokenEntry) {}

  @Transactional(readOnly = true)
  public Verification verify() {
    var state =
        new Object() {
          long count;
          long expectedSeq = 1;
          String prev = AuditLog.GENESIS;
          @Nullable Long broken;
        };
    jdbc.sql("select * from audit_entry order by seq")
        .query(
            rs -> {
              AuditEntry e = map(rs, 0);
              state.count++;
              if (state.broken == null
                  && (e.seq() != state.expectedSeq
                      || !e.prevHash().equals(state.prev)
                      || !hash(state.prev, e, json).equals(e.hash()))) {
                state.broken = e.seq();
              }
              state.expectedSeq = e.seq() + 1;
              // continue from the stored hash, so one altered entry is reported once
              state.prev = e.hash();
            });
    if (state.broken == null) {
      // entries cut off the end: the head still remembers the last one
      var head =
          jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
              .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
              .optional();
      if (head.isPresent()) {
        long lastSeq = (Long) head.get()[0];
        if (lastSeq != state.expectedSeq - 1 || !head.get()[1].equals(state.prev)) {
          state.broken = Math.min(lastSeq, state.expectedSeq);
        }
      } else if (state.count > 0) {
        state.broken = 1L;
      }
    }
    return new Verification(state.broken == null, state.count, state.broken);
  }

  static String hash(String prevHash, AuditEntry e, JsonMapper json) {
    // canonical form: a JSON array of the fields in a fixed order, unambiguous whatever they hold
    String canonical =
        json.writeValueAsString(
            Arrays.asList(
                e.seq(),
                e.occurredAt().toString(),
                e.actor(),
                e.action(),
                e.entityType(),
                e.entityId(),
                e.before(),
                e.after()));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
      sha.update(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  static AuditEntry map(ResultSet rs, int rowNum) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("entity_type"),
        rs.getString("entity_id"),
        rs.getString("before_state"),
        rs.getString("after_state"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }
}
