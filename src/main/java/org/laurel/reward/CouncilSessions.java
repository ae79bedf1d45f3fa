package org.laurel.reward;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.access.Role;
import org.laurel.audit.AuditLog;
import org.laurel.bloc.CouncilView;
import org.laurel.bloc.Councils;
import org.laurel.reward.CouncilSessionView.Attendance;
import org.laurel.reward.CouncilSessionView.Count;
import org.laurel.reward.CouncilSessionView.Item;
import org.laurel.reward.CouncilSessionView.Member;
import org.laurel.reward.CouncilSessionView.Mode;
import org.laurel.reward.CouncilSessionView.NomineeLine;
import org.laurel.reward.CouncilSessionView.Outcome;
import org.laurel.reward.CouncilSessionView.Recusal;
import org.laurel.reward.CouncilSessionView.Status;
import org.laurel.reward.CouncilSessionView.Tally;
import org.laurel.reward.CouncilSessionView.VoteRule;
import org.laurel.reward.RuleSet.Denominator;
import org.laurel.shared.ConflictException;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Council sessions, prepared by the secretariat: the invited members (the council's members in term
 * on the session's day), the agenda (proposals ready for the council), attendance and declared
 * conflicts of interest. The lifecycle PREPARING → OPEN → CLOSED is guarded (a step out of order is
 * refused, 409) and published as {@link CouncilSessionStatusChanged}; the close is the ballot's
 * ({@link Ballots#close}). Invited members read the session and its dossiers; nobody else but the
 * secretariat does.
 */
@Service
@Validated
public class CouncilSessions {

  public record NewSession(
      @Positive long councilId,
      @NotNull LocalDate heldOn,
      @NotBlank @Size(max = 300) String title,
      @NotNull @Size(max = 200) List<@NotNull Long> proposalIds) {}

  public record NewItem(@Positive long proposalId, @PositiveOrZero int version) {}

  public record Presence(@Positive long personId, @NotNull Attendance attendance) {}

  public record AttendanceSheet(
      @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull Presence> entries,
      @PositiveOrZero int version) {}

  /** A declared conflict of interest: the member is recused from the item. */
  public record Conflict(@Positive long personId, @NotBlank @Size(max = 2000) String reason) {}

  public record Step(@PositiveOrZero int version) {}

  /** The locked head of a session. */
  record Head(
      long id,
      long councilId,
      String councilCode,
      LocalDate heldOn,
      Status status,
      String ballotRef,
      int version) {}

  /** An agenda item as stored. */
  record ItemRow(long id, long proposalId, int position, @Nullable Mode mode, boolean active) {}

  private final JdbcClient jdbc;
  private final Councils councils;
  private final Proposals proposals;
  private final RuleSets ruleSets;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  CouncilSessions(
      JdbcClient jdbc,
      Councils councils,
      Proposals proposals,
      RuleSets ruleSets,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.councils = councils;
    this.proposals = proposals;
    this.ruleSets = ruleSets;
    this.access = access;
    this.audit = audit;
    this.events = events;
  }

  // ---- reading

  /** The sessions the actor may read, newest first: all for the secretariat, a member's own. */
  @Transactional(readOnly = true)
  public List<CouncilSessionView> list() {
    Actor a = Access.current();
    List<Long> ids;
    if (a.role().isSecretariat()) {
      ids =
          jdbc.sql("select id from council_session order by held_on desc, id desc")
              .query(Long.class)
              .list();
    } else if (a.role() == Role.COUNCIL_MEMBER && a.personId() != null) {
      ids =
          jdbc.sql(
                  """
                  select s.id from council_session s
                  join session_member m on m.session_id = s.id and m.person_id = ?
                  order by s.held_on desc, s.id desc""")
              .param(a.personId())
              .query(Long.class)
              .list();
    } else {
      throw ForbiddenException.outOfScope();
    }
    return ids.stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public CouncilSessionView get(long id) {
    Head h = head(id, "");
    requireReader(h);
    return view(id);
  }

  /** Whether the actor may read the session: the secretariat, or a member invited to it. */
  void requireReader(Head h) {
    Actor a = Access.current();
    if (a.role().isSecretariat() || invitedMember(a, h.id())) {
      return;
    }
    throw ForbiddenException.outOfScope();
  }

  boolean invitedMember(Actor a, long sessionId) {
    return a.role() == Role.COUNCIL_MEMBER
        && a.personId() != null
        && invited(sessionId, a.personId());
  }

  boolean invited(long sessionId, long personId) {
    return jdbc.sql(
            "select exists(select 1 from session_member where session_id = ? and person_id = ?)")
        .params(sessionId, personId)
        .query(Boolean.class)
        .single();
  }

  /** Proposals that can go on an agenda: ready for the council and on no active item. */
  @Transactional(readOnly = true)
  public List<ProposalView> readyProposals() {
    access.requireSecretariat();
    Set<Long> taken =
        new HashSet<>(
            jdbc.sql("select proposal_id from session_item where active").query(Long.class).list());
    return proposals.list(ProposalStatus.READY_FOR_COUNCIL, null).stream()
        .filter(p -> !taken.contains(p.id()))
        .toList();
  }

  /** A dossier file of a proposal on the session's agenda, for those who may read the session. */
  @Transactional(readOnly = true)
  public Proposals.FileContent file(long sessionId, long itemId, long attachmentId) {
    Head h = head(sessionId, "");
    requireReader(h);
    ItemRow item = item(h, itemId);
    return proposals.file(item.proposalId(), attachmentId);
  }

  // ---- preparing

  @Transactional
  public CouncilSessionView prepare(@Valid NewSession cmd) {
    Actor actor = access.requireSecretariat();
    CouncilView council;
    try {
      council = councils.get(cmd.councilId());
    } catch (NotFoundException e) {
      throw new InvalidInputException("councilId", "error.council.notFound", cmd.councilId());
    }
    List<CouncilView.Member> serving = council.membersOn(cmd.heldOn());
    if (serving.isEmpty()) {
      throw new InvalidInputException("heldOn", "error.session.noMembers", council.code());
    }
    long id = jdbc.sql("select nextval('council_session_id_seq')").query(Long.class).single();
    String ref = "%s/%d/%d".formatted(council.code(), cmd.heldOn().getYear(), id);
    jdbc.sql(
            """
            insert into council_session(id, council_id, council_code, council_name, held_on, title,
                                        ballot_ref, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            council.id(),
            council.code(),
            council.name(),
            Date.valueOf(cmd.heldOn()),
            cmd.title().trim(),
            ref,
            actor.username())
        .update();
    for (CouncilView.Member m : serving) {
      jdbc.sql(
              """
              insert into session_member(session_id, person_id, full_name, position, role)
              values (?, ?, ?, ?, ?)""")
          .params(id, m.personId(), m.fullName(), m.position(), m.role().name())
          .update();
    }
    Head h = head(id, "");
    for (int i = 0; i < cmd.proposalIds().size(); i++) {
      addItemRow(h, cmd.proposalIds().get(i), "proposalIds[" + i + "]");
    }
    CouncilSessionView created = view(id);
    audit.record("session.prepared", "council_session", Long.toString(id), null, summary(created));
    events.publishEvent(new CouncilSessionStatusChanged(id, null, Status.PREPARING));
    return created;
  }

  @Transactional
  public CouncilSessionView addItem(long id, @Valid NewItem cmd) {
    access.requireSecretariat();
    Head h = lock(id);
    if (h.status() != Status.PREPARING) {
      throw new ConflictException(
          "error.session.notPreparing", label("session.status.", h.status()));
    }
    bump(h, cmd.version());
    long itemId = addItemRow(h, cmd.proposalId(), "proposalId");
    audit.record(
        "session.itemAdded",
        "council_session",
        Long.toString(id),
        null,
        Map.of("item", itemId, "proposal", cmd.proposalId()));
    return view(id);
  }

  /**
   * Takes a proposal off the agenda of a session still being prepared (a mistake, a proposal
   * withdrawn); it is free again for another session.
   */
  @Transactional
  public CouncilSessionView removeItem(long id, long itemId, @Valid Step cmd) {
    access.requireSecretariat();
    Head h = lock(id);
    if (h.status() != Status.PREPARING) {
      throw new ConflictException(
          "error.session.notPreparing", label("session.status.", h.status()));
    }
    ItemRow item = item(h, itemId);
    bump(h, cmd.version());
    jdbc.sql("delete from session_recusal where item_id = ?").param(itemId).update();
    jdbc.sql("delete from session_item where id = ?").param(itemId).update();
    audit.record(
        "session.itemRemoved",
        "council_session",
        Long.toString(id),
        Map.of("item", itemId, "proposal", item.proposalId()),
        null);
    return view(id);
  }

  private long addItemRow(Head h, long proposalId, String field) {
    ProposalView p =
        proposals
            .find(proposalId)
            .orElseThrow(
                () -> new InvalidInputException(field, "error.proposal.notFound", proposalId));
    if (p.status() != ProposalStatus.READY_FOR_COUNCIL) {
      throw new ConflictException(
          "error.session.proposalNotReady", p.id(), label("proposal.status.", p.status()));
    }
    List<String> elsewhere =
        jdbc.sql(
                """
                select s.ballot_ref from session_item i join council_session s on s.id = i.session_id
                where i.proposal_id = ? and i.active""")
            .param(proposalId)
            .query(String.class)
            .list();
    if (!elsewhere.isEmpty()) {
      throw new ConflictException("error.session.proposalOnAgenda", p.id(), elsewhere.get(0));
    }
    int position =
        jdbc.sql("select coalesce(max(position), 0) + 1 from session_item where session_id = ?")
            .param(h.id())
            .query(Integer.class)
            .single();
    return jdbc.sql(
            """
            insert into session_item(session_id, proposal_id, position) values (?, ?, ?)
            returning id""")
        .params(h.id(), proposalId, position)
        .query(Long.class)
        .single();
  }

  @Transactional
  public CouncilSessionView recordAttendance(long id, @Valid AttendanceSheet sheet) {
    access.requireSecretariat();
    Head h = lock(id);
    if (h.status() == Status.CLOSED) {
      throw new ConflictException("error.session.closed");
    }
    Map<Long, Attendance> before = attendance(id);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < sheet.entries().size(); i++) {
      Presence p = sheet.entries().get(i);
      String field = "entries[" + i + "].personId";
      if (!before.containsKey(p.personId())) {
        throw new InvalidInputException(field, "error.session.notInvited", p.personId());
      }
      if (!seen.add(p.personId())) {
        throw new InvalidInputException(field, "error.session.duplicateMember", p.personId());
      }
      if (p.attendance() != before.get(p.personId()) && tookPart(id, p.personId())) {
        throw new ConflictException("error.session.attendanceAfterVote", name(id, p.personId()));
      }
    }
    bump(h, sheet.version());
    for (Presence p : sheet.entries()) {
      jdbc.sql("update session_member set attendance = ? where session_id = ? and person_id = ?")
          .params(p.attendance().name(), id, p.personId())
          .update();
    }
    audit.record(
        "session.attendance", "council_session", Long.toString(id), before, attendance(id));
    return view(id);
  }

  /**
   * Records a conflict of interest: the member is recused from the item. The secretariat records it
   * for any invited member; a member may declare their own. Not after the member voted on it.
   */
  @Transactional
  public CouncilSessionView declareConflict(long id, long itemId, @Valid Conflict cmd) {
    Actor actor = Access.current();
    Head h = lock(id);
    boolean self =
        actor.role() == Role.COUNCIL_MEMBER
            && actor.personId() != null
            && actor.personId() == cmd.personId()
            && invited(id, cmd.personId());
    if (!actor.role().isSecretariat() && !self) {
      throw ForbiddenException.outOfScope();
    }
    if (h.status() == Status.CLOSED) {
      throw new ConflictException("error.session.closed");
    }
    ItemRow item = item(h, itemId);
    if (!invited(id, cmd.personId())) {
      throw new InvalidInputException("personId", "error.session.notInvited", cmd.personId());
    }
    if (jdbc.sql(
            "select exists(select 1 from ballot_participation where item_id = ? and person_id = ?)")
        .params(itemId, cmd.personId())
        .query(Boolean.class)
        .single()) {
      throw new ConflictException("error.session.recusalAfterVote", name(id, cmd.personId()));
    }
    int n =
        jdbc.sql(
                """
                insert into session_recusal(item_id, person_id, reason, declared_by)
                values (?, ?, ?, ?) on conflict do nothing""")
            .params(itemId, cmd.personId(), cmd.reason().trim(), actor.username())
            .update();
    if (n == 0) {
      throw new ConflictException("error.session.alreadyRecused", name(id, cmd.personId()));
    }
    audit.record(
        "session.recusal",
        "council_session",
        Long.toString(id),
        null,
        Map.of(
            "item", itemId,
            "proposal", item.proposalId(),
            "person", cmd.personId(),
            "reason", cmd.reason().trim()));
    return view(id);
  }

  /** Opens the ballot: an agenda, and every invited member's attendance recorded. */
  @Transactional
  public CouncilSessionView open(long id, @Valid Step cmd) {
    access.requireSecretariat();
    Head h = lock(id);
    requireStatus(h, Status.PREPARING, Status.OPEN);
    if (items(id).isEmpty()) {
      throw new ConflictException("error.session.emptyAgenda");
    }
    long missing = attendance(id).values().stream().filter(a -> a == null).count();
    if (missing > 0) {
      throw new ConflictException("error.session.attendanceMissing", missing);
    }
    move(h, cmd.version(), Status.OPEN);
    jdbc.sql("update council_session set opened_at = now() where id = ?").param(id).update();
    return view(id);
  }

  /** The guarded step: refuses a step out of order (409). */
  static void requireStatus(Head h, Status from, Status to) {
    if (h.status() != from) {
      throw new ConflictException(
          "error.session.transition",
          label("session.status.", h.status()),
          label("session.status.", to));
    }
  }

  /** Moves the (locked) session on, checks its version, audits and publishes the step. */
  void move(Head h, int version, Status to) {
    bump(h, version);
    jdbc.sql("update council_session set status = ? where id = ?")
        .params(to.name(), h.id())
        .update();
    audit.record(
        "session." + to.name().toLowerCase(java.util.Locale.ROOT),
        "council_session",
        Long.toString(h.id()),
        Map.of("status", h.status().name(), "version", h.version()),
        Map.of("status", to.name(), "version", h.version() + 1));
    events.publishEvent(new CouncilSessionStatusChanged(h.id(), h.status(), to));
  }

  private void bump(Head h, int version) {
    if (jdbc.sql("update council_session set version = version + 1 where id = ? and version = ?")
            .params(h.id(), version)
            .update()
        == 0) {
      throw ConflictException.staleVersion();
    }
  }

  // ---- rows, shared with the ballot

  Head head(long id, String lockClause) {
    return jdbc.sql("select * from council_session where id = ? " + lockClause)
        .param(id)
        .query(
            (rs, n) ->
                new Head(
                    rs.getLong("id"),
                    rs.getLong("council_id"),
                    rs.getString("council_code"),
                    rs.getDate("held_on").toLocalDate(),
                    Status.valueOf(rs.getString("status")),
                    rs.getString("ballot_ref"),
                    rs.getInt("version")))
        .optional()
        .orElseThrow(() -> new NotFoundException("error.session.notFound", id));
  }

  /** The session, locked against a concurrent step (and against votes while it closes). */
  Head lock(long id) {
    return head(id, "for update");
  }

  List<ItemRow> items(long sessionId) {
    return jdbc.sql("select * from session_item where session_id = ? order by position")
        .param(sessionId)
        .query(CouncilSessions::itemRow)
        .list();
  }

  ItemRow item(Head h, long itemId) {
    return jdbc.sql("select * from session_item where id = ? and session_id = ?")
        .params(itemId, h.id())
        .query(CouncilSessions::itemRow)
        .optional()
        .orElseThrow(() -> new NotFoundException("error.session.itemNotFound", itemId));
  }

  /** Invited members and their attendance (null: not recorded). */
  Map<Long, @Nullable Attendance> attendance(long sessionId) {
    Map<Long, @Nullable Attendance> out = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "select person_id, attendance from session_member where session_id = ? order by person_id")
        .param(sessionId)
        .query(
            rs -> {
              String a = rs.getString("attendance");
              out.put(rs.getLong("person_id"), a == null ? null : Attendance.valueOf(a));
            });
    return out;
  }

  Set<Long> recused(long itemId) {
    return new HashSet<>(
        jdbc.sql("select person_id from session_recusal where item_id = ?")
            .param(itemId)
            .query(Long.class)
            .list());
  }

  private boolean tookPart(long sessionId, long personId) {
    return jdbc.sql(
            """
            select exists(select 1 from ballot_participation p join session_item i on i.id = p.item_id
                          where i.session_id = ? and p.person_id = ?)""")
        .params(sessionId, personId)
        .query(Boolean.class)
        .single();
  }

  String name(long sessionId, long personId) {
    return jdbc.sql("select full_name from session_member where session_id = ? and person_id = ?")
        .params(sessionId, personId)
        .query(String.class)
        .optional()
        .orElse(Long.toString(personId));
  }

  /**
   * The vote rule of an award on a day: from the rule set in force then; where it names no vote,
   * Laurel's default (at least 50 % of all members, no written votes); the quorum from the rule or
   * {@link RuleSet.Quorum#DEFAULT}.
   */
  VoteRule rule(String awardCode, LocalDate day) {
    java.util.Optional<RuleSet> rs = ruleSets.inForce(awardCode, day);
    RuleSet.Vote v = rs.map(r -> r.definition().vote()).orElse(null);
    if (v == null) {
      RuleSet.Quorum q = RuleSet.Quorum.DEFAULT;
      return new VoteRule(
          DEFAULT_THRESHOLD,
          Denominator.ALL_MEMBERS,
          false,
          q.numerator(),
          q.denominator(),
          DEFAULT_SOURCE,
          q.source(),
          rs.map(RuleSet::version).orElse(null),
          true);
    }
    RuleSet.Quorum q = v.quorumOrDefault();
    return new VoteRule(
        v.thresholdPercent(),
        v.denominator(),
        v.absentMayVoteInWriting(),
        q.numerator(),
        q.denominator(),
        v.source(),
        q.source(),
        rs.get().version(),
        false);
  }

  static final int DEFAULT_THRESHOLD = 50;
  static final String DEFAULT_SOURCE =
      "Mặc định của Laurel: bộ quy tắc không quy định biểu quyết; ít nhất 50 % tổng số thành viên";

  // ---- the view

  CouncilSessionView view(long id) {
    LocalDate heldOn = head(id, "").heldOn();
    List<Member> members =
        jdbc.sql(
                """
                select * from session_member where session_id = ?
                order by case role when 'CHAIR' then 0 when 'VICE_CHAIR' then 1
                         when 'STANDING_MEMBER' then 2 when 'SECRETARY' then 3 else 4 end, full_name""")
            .param(id)
            .query(
                (rs, n) ->
                    new Member(
                        rs.getLong("person_id"),
                        rs.getString("full_name"),
                        rs.getString("position"),
                        rs.getString("role"),
                        rs.getString("attendance") == null
                            ? null
                            : Attendance.valueOf(rs.getString("attendance"))))
            .list();
    Map<Long, String> names = new HashMap<>();
    members.forEach(m -> names.put(m.personId(), m.fullName()));
    List<Item> items = new ArrayList<>();
    for (ItemRow ir : items(id)) {
      ProposalView p = proposals.get(ir.proposalId());
      List<Recusal> recusals =
          jdbc.sql("select * from session_recusal where item_id = ? order by person_id")
              .param(ir.id())
              .query(
                  (rs, n) ->
                      new Recusal(
                          rs.getLong("person_id"),
                          names.getOrDefault(rs.getLong("person_id"), "?"),
                          rs.getString("reason"),
                          rs.getString("declared_by")))
              .list();
      Map<Long, Integer> participants = new HashMap<>();
      jdbc.sql("select nominee_id, count(*) from ballot_participation where item_id = ? group by 1")
          .param(ir.id())
          .query(
              rs -> {
                participants.put(rs.getLong(1), rs.getInt(2));
              });
      Map<Long, Count> paper = new HashMap<>();
      jdbc.sql("select * from paper_tally where item_id = ?")
          .param(ir.id())
          .query(
              rs -> {
                paper.put(
                    rs.getLong("nominee_id"),
                    new Count(rs.getInt("approve"), rs.getInt("reject"), rs.getInt("abstain")));
              });
      Map<Long, Tally> tallies = tallies(ir.id());
      List<NomineeLine> lines = new ArrayList<>();
      for (ProposalView.NomineeView nv : p.nominees()) {
        lines.add(
            new NomineeLine(
                nv.id(),
                nv.displayName(),
                nv.eligible(),
                participants.getOrDefault(nv.id(), 0),
                paper.get(nv.id()),
                tallies.get(nv.id())));
      }
      items.add(
          new Item(
              ir.id(),
              ir.position(),
              p.id(),
              p.title(),
              p.proposingUnitCode(),
              p.awardCode(),
              ir.mode(),
              ir.active(),
              rule(p.awardCode(), heldOn),
              recusals,
              lines));
    }
    return jdbc.sql("select * from council_session where id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new CouncilSessionView(
                    rs.getLong("id"),
                    rs.getLong("council_id"),
                    rs.getString("council_code"),
                    rs.getString("council_name"),
                    rs.getDate("held_on").toLocalDate(),
                    rs.getString("title"),
                    Status.valueOf(rs.getString("status")),
                    rs.getString("ballot_ref"),
                    rs.getString("created_by"),
                    rs.getTimestamp("created_at").toInstant(),
                    instant(rs, "opened_at"),
                    instant(rs, "closed_at"),
                    rs.getString("closed_by"),
                    rs.getInt("version"),
                    members,
                    items))
        .single();
  }

  private Map<Long, Tally> tallies(long itemId) {
    Map<Long, Tally> out = new HashMap<>();
    jdbc.sql("select * from ballot_tally where item_id = ?")
        .param(itemId)
        .query(
            rs -> {
              int threshold = rs.getInt("threshold_percent");
              int denominator = rs.getInt("denominator");
              out.put(
                  rs.getLong("nominee_id"),
                  new Tally(
                      Mode.valueOf(rs.getString("source")),
                      rs.getInt("approve"),
                      rs.getInt("reject"),
                      rs.getInt("abstain"),
                      rs.getInt("members"),
                      rs.getInt("present"),
                      rs.getInt("recused"),
                      rs.getInt("written"),
                      denominator,
                      Denominator.valueOf(rs.getString("denominator_kind")),
                      threshold,
                      BallotArithmetic.required(threshold, denominator),
                      rs.getInt("quorum_numerator"),
                      rs.getInt("quorum_denominator"),
                      rs.getBoolean("quorum_met"),
                      (Integer) rs.getObject("rule_version"),
                      rs.getString("rule_source"),
                      Outcome.valueOf(rs.getString("outcome"))));
            });
    return out;
  }

  private static ItemRow itemRow(ResultSet rs, int n) throws SQLException {
    String mode = rs.getString("mode");
    return new ItemRow(
        rs.getLong("id"),
        rs.getLong("proposal_id"),
        rs.getInt("position"),
        mode == null ? null : Mode.valueOf(mode),
        rs.getBoolean("active"));
  }

  private static @Nullable Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }

  static Map<String, Object> summary(CouncilSessionView s) {
    return Map.of(
        "council", s.councilCode(),
        "heldOn", s.heldOn().toString(),
        "title", s.title(),
        "ballotRef", s.ballotRef(),
        "members", s.members().size(),
        "proposals", s.items().stream().map(Item::proposalId).toList(),
        "status", s.status().name());
  }

  /** An enum value as the user reads it (resolved by the message source with the message). */
  static org.springframework.context.MessageSourceResolvable label(String prefix, Enum<?> value) {
    return new org.springframework.context.support.DefaultMessageSourceResolvable(
        new String[] {prefix + value.name()}, value.name());
  }
}
