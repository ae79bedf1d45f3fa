package org.laurel.reward;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.audit.AuditLog;
import org.laurel.shared.ConflictException;
import org.laurel.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Comments and complaints on proposals during their public notice (công khai). Anyone may write,
 * anonymously if they wish; each gets a receipt number to follow it. Writes are limited per IP
 * address (counted in the database, so the limit holds across instances). The secretariat answers
 * each one; answers are published with the item, and a proposal cannot go on to the council while
 * one is unanswered.
 */
@Service
@Validated
public class NoticeComments {

  public enum Kind {
    COMMENT,
    COMPLAINT
  }

  public record NewComment(
      @NotNull Kind kind,
      @Nullable @Size(max = 200) String authorName,
      @Nullable @Size(max = 200) String authorContact,
      @NotBlank @Size(max = 4000) String body) {}

  public record Answer(@NotBlank @Size(max = 8000) String answer, @PositiveOrZero int version) {}

  /**
   * A comment as the secretariat sees it (with contact) and, without contact, as the public does.
   */
  public record CommentView(
      long id,
      long proposalId,
      String receipt,
      Kind kind,
      @Nullable String authorName,
      @Nullable String authorContact,
      String body,
      Instant createdAt,
      @Nullable String answer,
      @Nullable Instant answeredAt,
      int version) {

    CommentView forPublic() {
      return new CommentView(
          id, proposalId, receipt, kind, authorName, null, body, createdAt, answer, answeredAt, 0);
    }
  }

  private static final char[] RECEIPT_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private final SecureRandom random = new SecureRandom();

  private final JdbcClient jdbc;
  private final ProposalRepository proposals;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;
  private final int perHour;

  NoticeComments(
      JdbcClient jdbc,
      ProposalRepository proposals,
      Access access,
      AuditLog audit,
      Clock clock,
      @Value("${laurel.reward.notice-comments-per-hour:5}") int perHour) {
    this.jdbc = jdbc;
    this.proposals = proposals;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
    this.perHour = perHour;
  }

  /** A comment from anyone, signed in or not; the receipt is in the answer. */
  @Transactional
  public CommentView submit(long proposalId, @Valid NewComment cmd, String clientIp) {
    ProposalRepository.Head h =
        proposals
            .head(proposalId)
            .filter(p -> p.status() == ProposalStatus.PUBLIC_NOTICE)
            .orElseThrow(() -> new NotFoundException("error.notice.notFound", proposalId));
    LocalDate today = LocalDate.now(clock);
    if (h.noticeFrom() != null && today.isBefore(h.noticeFrom())
        || h.noticeUntil() != null && today.isAfter(h.noticeUntil())) {
      throw new ConflictException("error.notice.closed", h.noticeUntil());
    }
    // one lock per address, so that two requests at once cannot both pass the count
    jdbc.sql("select pg_advisory_xact_lock(hashtext('notice-ip:' || ?))")
        .param(clientIp)
        .query()
        .singleRow();
    long recent =
        jdbc.sql("select count(*) from notice_comment where client_ip = ? and created_at > ?")
            .params(clientIp, Timestamp.from(Instant.now(clock).minus(Duration.ofHours(1))))
            .query(Long.class)
            .single();
    if (recent >= perHour) {
      throw new TooManyComments(perHour);
    }
    String receipt = receipt();
    long id =
        jdbc.sql(
                """
                insert into notice_comment(proposal_id, receipt, kind, author_name, author_contact,
                                           body, client_ip, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(
                proposalId,
                receipt,
                cmd.kind().name(),
                AwardHistory.blank(cmd.authorName()),
                AwardHistory.blank(cmd.authorContact()),
                cmd.body().trim(),
                clientIp,
                Timestamp.from(Instant.now(clock)))
            .query(Long.class)
            .single();
    CommentView c = get(id);
    audit.record(
        "notice.commented",
        "proposal",
        Long.toString(proposalId),
        null,
        Map.of("receipt", receipt, "kind", cmd.kind().name()));
    return c;
  }

  @Transactional
  public CommentView answer(long commentId, @Valid Answer cmd) {
    access.requireSecretariat();
    CommentView before = get(commentId);
    int n =
        jdbc.sql(
                """
                update notice_comment set answer = ?, answered_by = ?, answered_at = ?,
                       version = version + 1
                where id = ? and version = ?""")
            .params(
                cmd.answer().trim(),
                Access.current().username(),
                Timestamp.from(Instant.now(clock)),
                commentId,
                cmd.version())
            .update();
    if (n == 0) {
      throw ConflictException.staleVersion();
    }
    CommentView after = get(commentId);
    audit.record("notice.answered", "notice_comment", Long.toString(commentId), before, after);
    return after;
  }

  @Transactional(readOnly = true)
  public CommentView get(long id) {
    return jdbc.sql("select * from notice_comment where id = ?")
        .param(id)
        .query(NoticeComments::map)
        .optional()
        .orElseThrow(() -> new NotFoundException("error.notice.commentNotFound", id));
  }

  /** Following a comment by its receipt: the public view. */
  @Transactional(readOnly = true)
  public Optional<CommentView> byReceipt(String receipt) {
    return jdbc.sql("select * from notice_comment where receipt = ?")
        .param(receipt.trim().toUpperCase(java.util.Locale.ROOT))
        .query(NoticeComments::map)
        .optional()
        .map(CommentView::forPublic);
  }

  @Transactional(readOnly = true)
  public List<CommentView> of(long proposalId) {
    return jdbc.sql("select * from notice_comment where proposal_id = ? order by id")
        .param(proposalId)
        .query(NoticeComments::map)
        .list();
  }

  long unanswered(long proposalId) {
    return jdbc.sql("select count(*) from notice_comment where proposal_id = ? and answer is null")
        .param(proposalId)
        .query(Long.class)
        .single();
  }

  private String receipt() {
    StringBuilder b = new StringBuilder("CK-");
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        b.append('-');
      }
      b.append(RECEIPT_CHARS[random.nextInt(RECEIPT_CHARS.length)]);
    }
    return b.toString();
  }

  private static CommentView map(ResultSet rs, int n) throws SQLException {
    Timestamp answered = rs.getTimestamp("answered_at");
    return new CommentView(
        rs.getLong("id"),
        rs.getLong("proposal_id"),
        rs.getString("receipt"),
        Kind.valueOf(rs.getString("kind")),
        rs.getString("author_name"),
        rs.getString("author_contact"),
        rs.getString("body"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("answer"),
        answered == null ? null : answered.toInstant(),
        rs.getInt("version"));
  }

  /** Too many comments from one address within the hour: 429. */
  public static class TooManyComments extends org.laurel.shared.LaurelException {
    public TooManyComments(int perHour) {
      super("error.notice.tooMany", perHour);
    }
  }
}
