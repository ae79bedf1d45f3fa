package org.laurel.reward;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.ProposalView.AttachmentView;
import org.laurel.reward.ProposalView.NomineeView;
import org.laurel.reward.ProposalView.Step;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The proposal tables. */
@Repository
class ProposalRepository {

  /** A proposal row without its lists. */
  record Head(
      long id,
      ProposalKind kind,
      int year,
      String title,
      long proposingUnitId,
      String awardCode,
      ProposalStatus status,
      @Nullable String achievement,
      @Nullable String specialistOpinion,
      @Nullable String returnReason,
      @Nullable LocalDate noticeFrom,
      @Nullable LocalDate noticeUntil,
      @Nullable Long sourceBlocId,
      String createdBy,
      int version) {}

  /** A nominee row: ids as stored. */
  record NomineeRow(
      long id,
      Recipient kind,
      @Nullable Long personId,
      long unitId,
      @Nullable String householdName,
      String key,
      String displayName) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ProposalRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long insert(
      ProposalKind kind,
      int year,
      String title,
      long unitId,
      String award,
      @Nullable String achievement,
      @Nullable Long blocId,
      String actor) {
    return jdbc.sql(
            """
            insert into proposal(kind, year, title, proposing_unit_id, award_code, status,
                                 achievement, source_bloc_id, created_by)
            values (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?) returning id""")
        .params(kind.name(), year, title, unitId, award, achievement, blocId, actor)
        .query(Long.class)
        .single();
  }

  Optional<Head> head(long id) {
    return jdbc.sql("select * from proposal where id = ?")
        .param(id)
        .query(this::mapHead)
        .optional();
  }

  /** Heads, newest first, filtered by status and year when given. */
  List<Head> heads(@Nullable ProposalStatus status, @Nullable Integer year) {
    return jdbc.sql(
            """
            select * from proposal
            where (cast(:status as text) is null or status = :status)
              and (cast(:year as int) is null or year = :year)
            order by year desc, id desc limit 500""")
        .param("status", status == null ? null : status.name())
        .param("year", year, java.sql.Types.INTEGER)
        .query(this::mapHead)
        .list();
  }

  /** Moves the proposal on if it is still at {@code version} and {@code from}: rows changed. */
  int move(long id, int version, ProposalStatus from, ProposalStatus to) {
    return jdbc.sql(
            """
            update proposal set status = ?, version = version + 1, updated_at = now()
            where id = ? and version = ? and status = ?""")
        .params(to.name(), id, version, from.name())
        .update();
  }

  void set(long id, String column, @Nullable Object value) {
    // column names come from this class's callers only
    jdbc.sql("update proposal set " + column + " = ? where id = ?").params(value, id).update();
  }

  int councilOutcome(long proposalId, long nomineeId, ProposalView.CouncilOutcome outcome) {
    return jdbc.sql(
            "update proposal_nominee set council_outcome = ? where id = ? and proposal_id = ?")
        .params(outcome.name(), nomineeId, proposalId)
        .update();
  }

  void notice(long id, LocalDate from, LocalDate until, String opinion) {
    jdbc.sql(
            "update proposal set notice_from = ?, notice_until = ?, specialist_opinion = ? where id = ?")
        .params(Date.valueOf(from), Date.valueOf(until), opinion, id)
        .update();
  }

  void step(
      long id,
      @Nullable ProposalStatus from,
      ProposalStatus to,
      String actor,
      @Nullable String reason) {
    jdbc.sql(
            "insert into proposal_step(proposal_id, from_status, to_status, actor, reason) values (?, ?, ?, ?, ?)")
        .params(id, from == null ? null : from.name(), to.name(), actor, reason)
        .update();
  }

  long addNominee(long proposalId, NomineeRow n) {
    return jdbc.sql(
            """
            insert into proposal_nominee(proposal_id, kind, person_id, unit_id, household_name,
                                         nominee_key, display_name)
            values (?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(
            proposalId,
            n.kind().name(),
            n.personId(),
            n.unitId(),
            n.householdName(),
            n.key(),
            n.displayName())
        .query(Long.class)
        .single();
  }

  /** Removes a nominee of a proposal: rows removed. */
  int removeNominee(long proposalId, long nomineeId) {
    return jdbc.sql("delete from proposal_nominee where proposal_id = ? and id = ?")
        .params(proposalId, nomineeId)
        .update();
  }

  /** Heads of proposals made by the given units, newest first, by status and year when given. */
  List<Head> headsOf(
      java.util.Collection<Long> unitIds, @Nullable ProposalStatus status, @Nullable Integer year) {
    return jdbc.sql(
            """
            select * from proposal
            where proposing_unit_id = any(:units)
              and (cast(:status as text) is null or status = :status)
              and (cast(:year as int) is null or year = :year)
            order by year desc, id desc limit 500""")
        .param("units", unitIds.toArray(Long[]::new))
        .param("status", status == null ? null : status.name())
        .param("year", year, java.sql.Types.INTEGER)
        .query(this::mapHead)
        .list();
  }

  /** Other proposals that nominate the same nominee for the same award and year. */
  List<Long> nominatedElsewhere(String key, String award, int year, long exceptProposal) {
    return jdbc.sql(
            """
            select p.id from proposal_nominee n join proposal p on p.id = n.proposal_id
            where n.nominee_key = ? and p.award_code = ? and p.year = ? and p.id <> ?""")
        .params(key, award, year, exceptProposal)
        .query(Long.class)
        .list();
  }

  /** People of a unit nominated for an award and a year in any proposal. */
  long nominatedPeople(long unitId, String award, int year, @Nullable Long exceptPerson) {
    return jdbc.sql(
            """
            select count(distinct n.person_id) from proposal_nominee n
            join proposal p on p.id = n.proposal_id
            where n.unit_id = ? and n.person_id is not null and p.award_code = ? and p.year = ?
              and n.person_id is distinct from ?
              and not exists (select 1 from award a where a.person_id = n.person_id
                              and a.award_code = p.award_code and a.year = p.year)""")
        .params(unitId, award, year, exceptPerson)
        .query(Long.class)
        .single();
  }

  void saveEvaluation(long nomineeId, Evaluation e) {
    jdbc.sql(
            """
            update proposal_nominee set eligible = ?, rule_set_version = ?,
                   evaluation = cast(? as jsonb) where id = ?""")
        .params(e.eligible(), e.ruleSetVersion(), json.writeValueAsString(e), nomineeId)
        .update();
  }

  List<NomineeRow> nomineeRows(long proposalId) {
    return jdbc.sql("select * from proposal_nominee where proposal_id = ? order by id")
        .param(proposalId)
        .query(
            (rs, n) -> {
              long person = rs.getLong("person_id");
              boolean none = rs.wasNull();
              return new NomineeRow(
                  rs.getLong("id"),
                  Recipient.valueOf(rs.getString("kind")),
                  none ? null : person,
                  rs.getLong("unit_id"),
                  rs.getString("household_name"),
                  rs.getString("nominee_key"),
                  rs.getString("display_name"));
            })
        .list();
  }

  List<NomineeView> nominees(long proposalId, LongFunction<String> unitCode) {
    return jdbc.sql("select * from proposal_nominee where proposal_id = ? order by id")
        .param(proposalId)
        .query(
            (rs, n) -> {
              long person = rs.getLong("person_id");
              boolean none = rs.wasNull();
              int version = rs.getInt("rule_set_version");
              boolean noVersion = rs.wasNull();
              boolean eligible = rs.getBoolean("eligible");
              boolean noEligible = rs.wasNull();
              String ev = rs.getString("evaluation");
              String outcome = rs.getString("council_outcome");
              return new NomineeView(
                  rs.getLong("id"),
                  Recipient.valueOf(rs.getString("kind")),
                  none ? null : person,
                  unitCode.apply(rs.getLong("unit_id")),
                  rs.getString("household_name"),
                  rs.getString("display_name"),
                  noEligible ? null : eligible,
                  noVersion ? null : version,
                  ev == null ? null : json.readValue(ev, Evaluation.class),
                  outcome == null ? null : ProposalView.CouncilOutcome.valueOf(outcome));
            })
        .list();
  }

  long addAttachment(
      long proposalId,
      String role,
      String name,
      String mediaType,
      long size,
      String sha,
      String key,
      String actor) {
    return jdbc.sql(
            """
            insert into proposal_attachment(proposal_id, role, file_name, media_type, size_bytes,
                                            sha256, storage_key, uploaded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(proposalId, role, name, mediaType, size, sha, key, actor)
        .query(Long.class)
        .single();
  }

  List<AttachmentView> attachments(long proposalId) {
    return jdbc.sql("select * from proposal_attachment where proposal_id = ? order by id")
        .param(proposalId)
        .query(
            (rs, n) ->
                new AttachmentView(
                    rs.getLong("id"),
                    rs.getString("role"),
                    rs.getString("file_name"),
                    rs.getString("media_type"),
                    rs.getLong("size_bytes"),
                    rs.getString("sha256"),
                    rs.getString("uploaded_by"),
                    rs.getTimestamp("uploaded_at").toInstant()))
        .list();
  }

  Optional<String> storageKey(long proposalId, long attachmentId) {
    return jdbc.sql("select storage_key from proposal_attachment where proposal_id = ? and id = ?")
        .params(proposalId, attachmentId)
        .query(String.class)
        .optional();
  }

  List<Step> steps(long proposalId) {
    return jdbc.sql("select * from proposal_step where proposal_id = ? order by id")
        .param(proposalId)
        .query(
            (rs, n) -> {
              String from = rs.getString("from_status");
              return new Step(
                  from == null ? null : ProposalStatus.valueOf(from),
                  ProposalStatus.valueOf(rs.getString("to_status")),
                  rs.getString("actor"),
                  rs.getString("reason"),
                  rs.getTimestamp("at").toInstant());
            })
        .list();
  }

  private Head mapHead(ResultSet rs, int n) throws SQLException {
    Date from = rs.getDate("notice_from");
    Date until = rs.getDate("notice_until");
    long bloc = rs.getLong("source_bloc_id");
    boolean noBloc = rs.wasNull();
    return new Head(
        rs.getLong("id"),
        ProposalKind.valueOf(rs.getString("kind")),
        rs.getInt("year"),
        rs.getString("title"),
        rs.getLong("proposing_unit_id"),
        rs.getString("award_code"),
        ProposalStatus.valueOf(rs.getString("status")),
        rs.getString("achievement"),
        rs.getString("specialist_opinion"),
        rs.getString("return_reason"),
        from == null ? null : from.toLocalDate(),
        until == null ? null : until.toLocalDate(),
        noBloc ? null : bloc,
        rs.getString("created_by"),
        rs.getInt("version"));
  }
}
