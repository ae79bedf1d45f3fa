package org.laurel.reward;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.laurel.reward.AwardRecord.Standing;
import org.laurel.reward.AwardType.Decider;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.DecisionView.Kind;
import org.laurel.reward.DecisionView.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The decision tables: bodies, counters, decisions and their lines. */
@Repository
class DecisionRepository {

  /** A decision's own columns. */
  record Head(
      long id,
      String bodyCode,
      Kind kind,
      Status status,
      LocalDate decidedOn,
      @Nullable String numberText,
      String title,
      String signerName,
      String signerTitle,
      String legalBasis,
      @Nullable String achievement,
      @Nullable String reason,
      @Nullable Long referencesId,
      String createdBy,
      Instant createdAt,
      @Nullable String issuedBy,
      @Nullable Instant issuedAt,
      @Nullable String publishedBy,
      @Nullable Instant publishedAt,
      int version) {}

  /** A line to insert. */
  record NewItem(
      @Nullable Long proposalId,
      @Nullable Long nomineeId,
      @Nullable Long targetAwardId,
      Recipient recipient,
      @Nullable Long personId,
      String unitCode,
      @Nullable String householdName,
      String recipientName,
      String awardCode,
      int awardYear,
      @Nullable String achievement) {}

  /** A nominee with what a decision needs to know of it and its proposal. */
  record NomineeFacts(
      long nomineeId,
      long proposalId,
      ProposalStatus proposalStatus,
      int year,
      String awardCode,
      Recipient kind,
      @Nullable Long personId,
      long unitId,
      @Nullable String householdName,
      String displayName,
      ProposalView.@Nullable CouncilOutcome outcome,
      @Nullable String achievement,
      String proposalTitle) {}

  private final JdbcClient jdbc;

  DecisionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- bodies

  List<DecisionBody> bodies() {
    return jdbc.sql("select * from decision_body order by sort").query((rs, n) -> body(rs)).list();
  }

  Optional<DecisionBody> body(String code) {
    return jdbc.sql("select * from decision_body where code = ?")
        .param(code)
        .query((rs, n) -> body(rs))
        .optional();
  }

  private static DecisionBody body(ResultSet rs) throws SQLException {
    Array deciders = rs.getArray("deciders");
    return new DecisionBody(
        rs.getString("code"),
        rs.getString("unit_code"),
        rs.getString("name_vi"),
        rs.getString("name_en"),
        rs.getString("suffix"),
        lines(rs.getString("header_lines")),
        lines(rs.getString("motto_lines")),
        rs.getString("place"),
        rs.getString("author_line"),
        rs.getString("signer_title"),
        rs.getString("default_signer"),
        lines(rs.getString("default_legal_basis")),
        rs.getString("executors"),
        Arrays.stream((String[]) deciders.getArray()).map(Decider::valueOf).toList());
  }

  static List<String> lines(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  // ---- numbers

  /**
   * The next number of a body in a year: the counter row is raised in the caller's transaction and
   * stays locked until it ends, so concurrent issuers queue on it, and a rollback gives the number
   * back (no gaps).
   */
  int nextNumber(String bodyCode, int year) {
    return jdbc.sql(
            """
            insert into decision_counter(body_code, year, last_number) values (?, ?, 1)
            on conflict (body_code, year)
            do update set last_number = decision_counter.last_number + 1
            returning last_number""")
        .params(bodyCode, year)
        .query(Integer.class)
        .single();
  }

  // ---- decisions

  long insert(
      String bodyCode,
      Kind kind,
      LocalDate decidedOn,
      String title,
      String signerName,
      String signerTitle,
      String legalBasis,
      @Nullable String achievement,
      @Nullable String reason,
      @Nullable Long referencesId,
      String createdBy) {
    return jdbc.sql(
            """
            insert into decision(body_code, kind, status, decided_on, title, signer_name,
                                 signer_title, legal_basis, achievement, reason, references_id,
                                 created_by)
            values (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(
            bodyCode,
            kind.name(),
            Date.valueOf(decidedOn),
            title,
            signerName,
            signerTitle,
            legalBasis,
            achievement,
            reason,
            referencesId,
            createdBy)
        .query(Long.class)
        .single();
  }

  /** Rewrites a draft (version-checked): 0 when the draft moved on meanwhile. */
  int rewrite(
      long id,
      int version,
      String bodyCode,
      LocalDate decidedOn,
      String title,
      String signerName,
      String signerTitle,
      String legalBasis,
      @Nullable String achievement,
      @Nullable String reason,
      @Nullable Long referencesId) {
    int n =
        jdbc.sql(
                """
                update decision set body_code = ?, decided_on = ?, title = ?, signer_name = ?,
                       signer_title = ?, legal_basis = ?, achievement = ?, reason = ?,
                       references_id = ?, version = version + 1
                where id = ? and version = ? and status = 'DRAFT'""")
            .params(
                bodyCode,
                Date.valueOf(decidedOn),
                title,
                signerName,
                signerTitle,
                legalBasis,
                achievement,
                reason,
                referencesId,
                id,
                version)
            .update();
    if (n == 1) {
      jdbc.sql("delete from decision_item where decision_id = ?").param(id).update();
    }
    return n;
  }

  void insertItems(long decisionId, List<NewItem> items) {
    int position = 1;
    for (NewItem i : items) {
      jdbc.sql(
              """
              insert into decision_item(decision_id, position, proposal_id, nominee_id,
                                        target_award_id, recipient, person_id, unit_code,
                                        household_name, recipient_name, award_code, award_year,
                                        achievement)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(
              decisionId,
              position++,
              i.proposalId(),
              i.nomineeId(),
              i.targetAwardId(),
              i.recipient().name(),
              i.personId(),
              i.unitCode(),
              i.householdName(),
              i.recipientName(),
              i.awardCode(),
              i.awardYear(),
              i.achievement())
          .update();
    }
  }

  Optional<Head> head(long id) {
    return jdbc.sql("select * from decision where id = ?")
        .param(id)
        .query((rs, n) -> head(rs))
        .optional();
  }

  /** The decision, its row locked until the transaction ends. */
  Optional<Head> lock(long id) {
    return jdbc.sql("select * from decision where id = ? for update")
        .param(id)
        .query((rs, n) -> head(rs))
        .optional();
  }

  List<Head> heads(@Nullable Integer year, @Nullable Status status, boolean publishedOnly) {
    return jdbc.sql(
            """
            select * from decision
            where (cast(:year as int) is null or extract(year from decided_on) = :year)
              and (cast(:status as text) is null or status = :status)
              and (not :published or published_at is not null)
            order by decided_on desc, number desc nulls first, id desc""")
        .param("year", year, java.sql.Types.INTEGER)
        .param("status", status == null ? null : status.name(), java.sql.Types.VARCHAR)
        .param("published", publishedOnly)
        .query((rs, n) -> head(rs))
        .list();
  }

  private static Head head(ResultSet rs) throws SQLException {
    long ref = rs.getLong("references_id");
    boolean noRef = rs.wasNull();
    return new Head(
        rs.getLong("id"),
        rs.getString("body_code"),
        Kind.valueOf(rs.getString("kind")),
        Status.valueOf(rs.getString("status")),
        rs.getDate("decided_on").toLocalDate(),
        rs.getString("number_text"),
        rs.getString("title"),
        rs.getString("signer_name"),
        rs.getString("signer_title"),
        rs.getString("legal_basis"),
        rs.getString("achievement"),
        rs.getString("reason"),
        noRef ? null : ref,
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("issued_by"),
        instant(rs.getTimestamp("issued_at")),
        rs.getString("published_by"),
        instant(rs.getTimestamp("published_at")),
        rs.getInt("version"));
  }

  private static @Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  List<DecisionView.Item> items(long decisionId) {
    return items(List.of(decisionId)).getOrDefault(decisionId, List.of());
  }

  /** The lines of several decisions at once, by decision id, each in position order. */
  Map<Long, List<DecisionView.Item>> items(Collection<Long> decisionIds) {
    Map<Long, List<DecisionView.Item>> byDecision = new HashMap<>();
    if (decisionIds.isEmpty()) {
      return byDecision;
    }
    jdbc.sql(
            """
            select i.*, coalesce(a.revoked_by_decision, a.superseded_by_decision) as changed_by,
                   a.revoked_by_decision, a.superseded_by_decision, c.number_text as changed_number
            from decision_item i
            left join award a on a.id = coalesce(i.award_id, i.target_award_id)
            left join decision c on c.id = coalesce(a.revoked_by_decision, a.superseded_by_decision)
            where i.decision_id in (:ids) order by i.decision_id, i.position""")
        .param("ids", decisionIds)
        .query(
            rs -> {
              long award = rs.getLong("award_id");
              boolean noAward = rs.wasNull();
              long amount = rs.getLong("amount_vnd");
              boolean noAmount = rs.wasNull();
              Standing standing = null;
              rs.getLong("changed_by");
              boolean unchanged = rs.wasNull();
              if (!noAward || rs.getObject("target_award_id") != null) {
                if (unchanged) {
                  standing = Standing.IN_FORCE;
                } else {
                  rs.getLong("revoked_by_decision");
                  standing = rs.wasNull() ? Standing.SUPERSEDED : Standing.REVOKED;
                }
              }
              byDecision
                  .computeIfAbsent(rs.getLong("decision_id"), k -> new ArrayList<>())
                  .add(
                      new DecisionView.Item(
                          rs.getLong("id"),
                          rs.getInt("position"),
                          nullableLong(rs, "proposal_id"),
                          nullableLong(rs, "nominee_id"),
                          nullableLong(rs, "target_award_id"),
                          Recipient.valueOf(rs.getString("recipient")),
                          nullableLong(rs, "person_id"),
                          rs.getString("unit_code"),
                          rs.getString("household_name"),
                          rs.getString("recipient_name"),
                          rs.getString("award_code"),
                          rs.getInt("award_year"),
                          rs.getString("achievement"),
                          noAward ? null : award,
                          noAmount ? null : amount,
                          standing,
                          rs.getString("changed_number")));
            });
    return byDecision;
  }

  private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  void issued(long id, int year, int number, String text, String actor, Instant at) {
    jdbc.sql(
            """
            update decision set status = 'ISSUED', number_year = ?, number = ?, number_text = ?,
                   issued_by = ?, issued_at = ?, version = version + 1
            where id = ? and status = 'DRAFT'""")
        .params(year, number, text, actor, Timestamp.from(at), id)
        .update();
  }

  int published(long id, int version, String actor, Instant at) {
    return jdbc.sql(
            """
            update decision set published_by = ?, published_at = ?, version = version + 1
            where id = ? and version = ? and status = 'ISSUED' and published_at is null""")
        .params(actor, Timestamp.from(at), id, version)
        .update();
  }

  void itemIssued(long itemId, long awardId, long amountVnd) {
    jdbc.sql("update decision_item set award_id = ?, amount_vnd = ? where id = ?")
        .params(awardId, amountVnd, itemId)
        .update();
  }

  // ---- nominees and awards

  Optional<NomineeFacts> nominee(long nomineeId) {
    return jdbc.sql(NOMINEES + " where n.id = ?")
        .param(nomineeId)
        .query((rs, n) -> nominee(rs))
        .optional();
  }

  private static final String NOMINEES =
      """
      select n.id, n.proposal_id, p.status, p.year, p.award_code, n.kind, n.person_id, n.unit_id,
             n.household_name, n.display_name, n.council_outcome, p.achievement, p.title
      from proposal_nominee n join proposal p on p.id = n.proposal_id
      """;

  /**
   * Nominees the council approved, in proposals it voted on, that no issued decision granted yet
   * (optionally of one year).
   */
  List<NomineeFacts> candidates(@Nullable Integer year) {
    return jdbc.sql(
            NOMINEES
                + """
            where p.status = 'COUNCIL_VOTED' and n.council_outcome = 'APPROVED'
              and (cast(:year as int) is null or p.year = :year)
              and not exists (select 1 from decision_item i join decision d on d.id = i.decision_id
                              where i.nominee_id = n.id and d.status = 'ISSUED')
            order by p.year desc, p.award_code, p.id, n.id""")
        .param("year", year, java.sql.Types.INTEGER)
        .query((rs, n) -> nominee(rs))
        .list();
  }

  private static NomineeFacts nominee(ResultSet rs) throws SQLException {
    String outcome = rs.getString("council_outcome");
    return new NomineeFacts(
        rs.getLong("id"),
        rs.getLong("proposal_id"),
        ProposalStatus.valueOf(rs.getString("status")),
        rs.getInt("year"),
        rs.getString("award_code"),
        Recipient.valueOf(rs.getString("kind")),
        nullableLong(rs, "person_id"),
        rs.getLong("unit_id"),
        rs.getString("household_name"),
        rs.getString("display_name"),
        outcome == null ? null : ProposalView.CouncilOutcome.valueOf(outcome),
        rs.getString("achievement"),
        rs.getString("title"));
  }

  /** The number of the issued decision that granted the nominee, if one did. */
  Optional<String> grantedBy(long nomineeId) {
    return jdbc.sql(
            """
            select d.number_text from decision_item i join decision d on d.id = i.decision_id
            where i.nominee_id = ? and d.status = 'ISSUED' order by d.id limit 1""")
        .param(nomineeId)
        .query(String.class)
        .optional();
  }

  /** Approved nominees of the proposal that no issued decision granted yet. */
  long approvedNotGranted(long proposalId) {
    return jdbc.sql(
            """
            select count(*) from proposal_nominee n
            where n.proposal_id = ? and n.council_outcome = 'APPROVED'
              and not exists (select 1 from decision_item i join decision d on d.id = i.decision_id
                              where i.nominee_id = n.id and d.status = 'ISSUED')""")
        .param(proposalId)
        .query(Long.class)
        .single();
  }

  /** Locks the proposals (in id order) so that concurrent issuers see each other's grants. */
  void lockProposals(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql("select id from proposal where id = any(?) order by id for update")
        .param(ids.stream().sorted().toArray(Long[]::new))
        .query(Long.class)
        .list();
  }

  /** Whether the decision created this award (and so a later decision may withdraw it). */
  boolean created(long decisionId, long awardId) {
    return jdbc.sql(
            "select exists(select 1 from decision_item where decision_id = ? and award_id = ?)")
        .params(decisionId, awardId)
        .query(Boolean.class)
        .single();
  }

  void linkAward(long awardId, long decisionId) {
    jdbc.sql("update award set decision_id = ? where id = ?").params(decisionId, awardId).update();
  }

  /** Marks an award in force as revoked or superseded by a decision: 0 when it is not in force. */
  int withdraw(long awardId, long decisionId, boolean superseded) {
    String column = superseded ? "superseded_by_decision" : "revoked_by_decision";
    return jdbc.sql(
            "update award set "
                + column
                + " = ? where id = ? and revoked_by_decision is null"
                + " and superseded_by_decision is null")
        .params(decisionId, awardId)
        .update();
  }
}
