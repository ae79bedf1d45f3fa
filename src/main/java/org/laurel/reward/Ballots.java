package org.laurel.reward;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.access.Role;
import org.laurel.audit.AuditLog;
import org.laurel.reward.CouncilSessionView.Attendance;
import org.laurel.reward.CouncilSessionView.Mode;
import org.laurel.reward.CouncilSessionView.Outcome;
import org.laurel.reward.CouncilSessionView.Status;
import org.laurel.reward.CouncilSessionView.VoteRule;
import org.laurel.reward.CouncilSessions.Head;
import org.laurel.reward.CouncilSessions.ItemRow;
import org.laurel.shared.ConflictException;
import org.laurel.shared.ForbiddenException;
import org.laurel.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The council's secret ballot on a session's nominees. A member's vote writes, in one transaction,
 * that the member took part ({@code ballot_participation}) and, apart from it, the vote ({@code
 * ballot_vote}: random key, the nominee and the choice, nothing that names or orders the voter).
 * The close counts the votes (or the paper tally the secretariat recorded), evaluates quorum and
 * threshold exactly, stores and publishes the tally and gives the proposals their outcomes.
 */
@Service
@Validated
public class Ballots {

  public enum Choice {
    APPROVE,
    REJECT,
    ABSTAIN
  }

  public enum Channel {
    IN_ROOM,
    WRITTEN
  }

  public record Mark(@Positive long nomineeId, @NotNull Choice choice) {}

  /** A member's ballot: a choice per nominee (any of the session's nominees not yet voted on). */
  public record Ballot(@NotNull @Size(min = 1, max = 200) List<@Valid @NotNull Mark> choices) {}

  /** What was recorded: the nominees voted on and the channel; never the choices. */
  public record Receipt(String ballotRef, List<Long> nominees, Channel channel) {}

  public record PaperCount(
      @Positive long nomineeId,
      @PositiveOrZero int approve,
      @PositiveOrZero int reject,
      @PositiveOrZero int abstain) {}

  public record PaperTally(
      @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull PaperCount> nominees) {}

  /** Where a member stands on one nominee. */
  public enum MyState {
    MAY_VOTE,
    VOTED,
    RECUSED,
    PAPER,
    WRITTEN_NOT_ALLOWED,
    CLOSED,
    NOT_OPEN
  }

  public record MyNominee(long nomineeId, String displayName, MyState state) {}

  public record MyItem(
      long itemId, long proposalId, String title, String awardCode, List<MyNominee> nominees) {}

  /** A member's ballot paper: every nominee of the session and whether they may still vote. */
  public record MyBallot(
      long sessionId,
      String title,
      Status status,
      @Nullable Attendance attendance,
      List<MyItem> items) {

    public boolean mayVote() {
      return items.stream()
          .flatMap(i -> i.nominees().stream())
          .anyMatch(n -> n.state() == MyState.MAY_VOTE);
    }
  }

  private final JdbcClient jdbc;
  private final CouncilSessions sessions;
  private final Proposals proposals;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  Ballots(
      JdbcClient jdbc,
      CouncilSessions sessions,
      Proposals proposals,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.sessions = sessions;
    this.proposals = proposals;
    this.access = access;
    this.audit = audit;
    this.events = events;
  }

  // ---- the member's vote

  /**
   * Records a member's votes. Refused: a user who is not a council member invited to the session
   * (403), a session not open (409), a nominee not on its agenda (400), a nominee the member is
   * recused from (403), one already voted on (409), an item counted on paper (409), a written vote
   * where the rule set does not allow it (409). All or nothing.
   */
  @Transactional
  public Receipt vote(long sessionId, @Valid Ballot ballot) {
    Actor actor = Access.current();
    // shared lock: votes run side by side; the close (for update) waits for them, and they for it
    Head h = sessions.head(sessionId, "for share");
    Long person = actor.personId();
    if (actor.role() != Role.COUNCIL_MEMBER
        || person == null
        || !sessions.invited(sessionId, person)) {
      throw new ForbiddenException("error.ballot.notMember");
    }
    if (h.status() != Status.OPEN) {
      throw new ConflictException(
          "error.ballot.notOpen", CouncilSessions.label("session.status.", h.status()));
    }
    Attendance attendance = sessions.attendance(sessionId).get(person);
    Channel channel = attendance == Attendance.PRESENT ? Channel.IN_ROOM : Channel.WRITTEN;
    // nominee → item, in the order given; duplicates refused
    Map<Long, ItemRow> itemOf = new LinkedHashMap<>();
    List<ItemRow> items = sessions.items(sessionId);
    for (int i = 0; i < ballot.choices().size(); i++) {
      long nominee = ballot.choices().get(i).nomineeId();
      String field = "choices[" + i + "].nomineeId";
      if (itemOf.containsKey(nominee)) {
        throw new InvalidInputException(field, "error.ballot.duplicateNominee", nominee);
      }
      ItemRow item =
          items.stream()
              .filter(it -> it.active() && nomineeIds(it.proposalId()).contains(nominee))
              .findFirst()
              .orElseThrow(
                  () -> new InvalidInputException(field, "error.ballot.unknownNominee", nominee));
      itemOf.put(nominee, item);
    }
    // lock the items in id order (no deadlock between two ballots), check each once
    Map<Long, ItemRow> locked = new TreeMap<>();
    itemOf.values().forEach(it -> locked.put(it.id(), it));
    for (ItemRow it : locked.values()) {
      Mode mode =
          jdbc.sql("select mode from session_item where id = ? for update")
              .param(it.id())
              .query((rs, n) -> rs.getString(1) == null ? null : Mode.valueOf(rs.getString(1)))
              .optional()
              .orElse(null);
      ProposalView p = proposals.get(it.proposalId());
      if (mode == Mode.PAPER) {
        throw new ConflictException("error.ballot.paperItem", p.title());
      }
      if (sessions.recused(it.id()).contains(person)) {
        throw new ForbiddenException("error.ballot.recused", p.title());
      }
      if (channel == Channel.WRITTEN) {
        VoteRule rule = sessions.rule(p.awardCode(), h.heldOn());
        if (!rule.absentMayVoteInWriting()) {
          throw new ConflictException("error.ballot.writtenNotAllowed", p.title());
        }
      }
      if (mode == null) {
        jdbc.sql("update session_item set mode = 'ELECTRONIC' where id = ?")
            .param(it.id())
            .update();
      }
    }
    for (Mark m : ballot.choices()) {
      ItemRow it = itemOf.get(m.nomineeId());
      int n =
          jdbc.sql(
                  """
                  insert into ballot_participation(item_id, nominee_id, person_id, channel)
                  values (?, ?, ?, ?) on conflict do nothing""")
              .params(it.id(), m.nomineeId(), person, channel.name())
              .update();
      if (n == 0) {
        throw new ConflictException("error.ballot.alreadyVoted", displayName(m.nomineeId()));
      }
      jdbc.sql("insert into ballot_vote(id, item_id, nominee_id, choice) values (?, ?, ?, ?)")
          .params(UUID.randomUUID(), it.id(), m.nomineeId(), m.choice().name())
          .update();
    }
    List<Long> nominees = List.copyOf(itemOf.keySet());
    // who took part, on what, by which channel: never the choices
    audit.record(
        "ballot.participated",
        "council_session",
        Long.toString(sessionId),
        null,
        Map.of("person", person, "nominees", nominees, "channel", channel.name()));
    return new Receipt(h.ballotRef(), nominees, channel);
  }

  /** The signed-in member's ballot paper for the session. */
  @Transactional(readOnly = true)
  public MyBallot myBallot(long sessionId) {
    Actor actor = Access.current();
    Head h = sessions.head(sessionId, "");
    if (!sessions.invitedMember(actor, sessionId)) {
      throw new ForbiddenException("error.ballot.notMember");
    }
    long person = actor.personId();
    Attendance attendance = sessions.attendance(sessionId).get(person);
    Set<String> voted =
        new HashSet<>(
            jdbc.sql(
                    """
                    select p.item_id || ':' || p.nominee_id from ballot_participation p
                    join session_item i on i.id = p.item_id where i.session_id = ? and p.person_id = ?""")
                .params(sessionId, person)
                .query(String.class)
                .list());
    List<MyItem> items = new ArrayList<>();
    for (ItemRow it : sessions.items(sessionId)) {
      ProposalView p = proposals.get(it.proposalId());
      boolean recused = sessions.recused(it.id()).contains(person);
      boolean writtenForbidden =
          attendance != Attendance.PRESENT
              && !sessions.rule(p.awardCode(), h.heldOn()).absentMayVoteInWriting();
      List<MyNominee> ns = new ArrayList<>();
      for (ProposalView.NomineeView n : p.nominees()) {
        MyState state;
        if (voted.contains(it.id() + ":" + n.id())) {
          state = MyState.VOTED;
        } else if (h.status() == Status.CLOSED) {
          state = MyState.CLOSED;
        } else if (h.status() != Status.OPEN) {
          state = MyState.NOT_OPEN;
        } else if (recused) {
          state = MyState.RECUSED;
        } else if (it.mode() == Mode.PAPER) {
          state = MyState.PAPER;
        } else if (writtenForbidden) {
          state = MyState.WRITTEN_NOT_ALLOWED;
        } else {
          state = MyState.MAY_VOTE;
        }
        ns.add(new MyNominee(n.id(), n.displayName(), state));
      }
      items.add(new MyItem(it.id(), p.id(), p.title(), p.awardCode(), ns));
    }
    String title =
        jdbc.sql("select title from council_session where id = ?")
            .param(sessionId)
            .query(String.class)
            .single();
    return new MyBallot(sessionId, title, h.status(), attendance, items);
  }

  // ---- the secretariat's paper tally

  /**
   * Records the paper count of an item voted on paper in the room (replacing an earlier count of it
   * while the ballot is open). Refused once members voted on it electronically.
   */
  @Transactional
  public CouncilSessionView recordPaperTally(long sessionId, long itemId, @Valid PaperTally cmd) {
    Actor actor = access.requireSecretariat();
    Head h = sessions.head(sessionId, "for share");
    if (h.status() != Status.OPEN) {
      throw new ConflictException(
          "error.ballot.notOpen", CouncilSessions.label("session.status.", h.status()));
    }
    ItemRow it = sessions.item(h, itemId);
    String mode =
        jdbc.sql("select mode from session_item where id = ? for update")
            .param(itemId)
            .query(String.class)
            .optional()
            .orElse(null);
    ProposalView p = proposals.get(it.proposalId());
    if (Mode.ELECTRONIC.name().equals(mode)) {
      throw new ConflictException("error.ballot.electronicItem", p.title());
    }
    Set<Long> nominees = nomineeIds(p.id());
    Set<Long> given = new HashSet<>();
    for (int i = 0; i < cmd.nominees().size(); i++) {
      long n = cmd.nominees().get(i).nomineeId();
      if (!nominees.contains(n) || !given.add(n)) {
        throw new InvalidInputException(
            "nominees[" + i + "].nomineeId", "error.ballot.unknownNominee", n);
      }
    }
    if (!given.equals(nominees)) {
      throw new InvalidInputException("nominees", "error.ballot.paperIncomplete", p.title());
    }
    // at most one ballot paper per member who may vote on the item
    Map<Long, Attendance> att = sessions.attendance(sessionId);
    Set<Long> recused = sessions.recused(itemId);
    VoteRule rule = sessions.rule(p.awardCode(), h.heldOn());
    long voters =
        att.entrySet().stream()
            .filter(e -> !recused.contains(e.getKey()))
            .filter(e -> e.getValue() == Attendance.PRESENT || rule.absentMayVoteInWriting())
            .count();
    for (int i = 0; i < cmd.nominees().size(); i++) {
      PaperCount c = cmd.nominees().get(i);
      if ((long) c.approve() + c.reject() + c.abstain() > voters) {
        throw new InvalidInputException(
            "nominees[" + i + "].approve", "error.ballot.paperTooMany", voters);
      }
    }
    List<Map<String, Object>> before =
        jdbc.sql("select nominee_id, approve, reject, abstain from paper_tally where item_id = ?")
            .param(itemId)
            .query()
            .listOfRows();
    jdbc.sql("delete from paper_tally where item_id = ?").param(itemId).update();
    for (PaperCount c : cmd.nominees()) {
      jdbc.sql(
              """
              insert into paper_tally(item_id, nominee_id, approve, reject, abstain, recorded_by)
              values (?, ?, ?, ?, ?, ?)""")
          .params(itemId, c.nomineeId(), c.approve(), c.reject(), c.abstain(), actor.username())
          .update();
    }
    jdbc.sql("update session_item set mode = 'PAPER' where id = ?").param(itemId).update();
    audit.record(
        "ballot.paperTally",
        "council_session",
        Long.toString(sessionId),
        before.isEmpty() ? null : Map.of("item", itemId, "counts", before),
        Map.of("item", itemId, "counts", cmd.nominees()));
    return sessions.view(sessionId);
  }

  // ---- the close

  /**
   * Closes the ballot: rewrites every item's votes in random order (fresh keys, one new xmin),
   * counts them (or takes the paper count), evaluates quorum and threshold exactly, stores the
   * tally, gives every proposal whose item reached its quorum its outcomes ({@code COUNCIL_VOTED})
   * and publishes {@link BallotClosed}. An item nobody voted on and without a paper count is
   * refused (409): a count of nothing would reject its nominees unheard.
   */
  @Transactional
  public CouncilSessionView close(long sessionId, @Valid CouncilSessions.Step cmd) {
    Actor actor = access.requireSecretariat();
    Head h = sessions.lock(sessionId);
    CouncilSessions.requireStatus(h, Status.OPEN, Status.CLOSED);
    List<ItemRow> items = sessions.items(sessionId);
    for (ItemRow it : items) {
      if (it.mode() == null) {
        throw new ConflictException(
            "error.ballot.itemWithoutVotes", proposals.get(it.proposalId()).title());
      }
    }
    Map<Long, Attendance> att = sessions.attendance(sessionId);
    int members = att.size();
    int present = (int) att.values().stream().filter(a -> a == Attendance.PRESENT).count();
    List<BallotClosed.Result> results = new ArrayList<>();
    for (ItemRow it : items) {
      ProposalView p = proposals.get(it.proposalId());
      VoteRule rule = sessions.rule(p.awardCode(), h.heldOn());
      Set<Long> recused = sessions.recused(it.id());
      int recusedPresent =
          (int) recused.stream().filter(r -> att.get(r) == Attendance.PRESENT).count();
      if (it.mode() == Mode.ELECTRONIC) {
        shuffle(it.id());
      }
      Map<Long, int[]> counts = counts(it);
      Map<Long, Integer> written = written(it.id());
      boolean quorum =
          BallotArithmetic.quorumMet(
              present, members, rule.quorumNumerator(), rule.quorumDenominator());
      Map<Long, ProposalView.CouncilOutcome> outcomes = new LinkedHashMap<>();
      for (ProposalView.NomineeView n : p.nominees()) {
        int[] c = counts.getOrDefault(n.id(), new int[3]);
        int w = it.mode() == Mode.ELECTRONIC ? written.getOrDefault(n.id(), 0) : 0;
        int denominator =
            BallotArithmetic.denominator(
                rule.denominator(), members, recused.size(), present - recusedPresent, w);
        Outcome outcome =
            !quorum
                ? Outcome.NO_QUORUM
                : BallotArithmetic.approved(c[0], rule.thresholdPercent(), denominator)
                    ? Outcome.APPROVED
                    : Outcome.REJECTED;
        jdbc.sql(
                """
                insert into ballot_tally(item_id, nominee_id, source, approve, reject, abstain,
                    members, present, recused, written, denominator, denominator_kind,
                    threshold_percent, quorum_numerator, quorum_denominator, quorum_met,
                    rule_version, rule_source, outcome)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(
                it.id(),
                n.id(),
                it.mode().name(),
                c[0],
                c[1],
                c[2],
                members,
                present,
                recused.size(),
                w,
                denominator,
                rule.denominator().name(),
                rule.thresholdPercent(),
                rule.quorumNumerator(),
                rule.quorumDenominator(),
                quorum,
                rule.ruleSetVersion(),
                rule.source(),
                outcome.name())
            .update();
        if (outcome != Outcome.NO_QUORUM) {
          outcomes.put(
              n.id(),
              outcome == Outcome.APPROVED
                  ? ProposalView.CouncilOutcome.APPROVED
                  : ProposalView.CouncilOutcome.REJECTED);
        }
        results.add(
            new BallotClosed.Result(
                p.id(),
                n.id(),
                n.displayName(),
                c[0],
                c[1],
                c[2],
                denominator,
                rule.thresholdPercent(),
                outcome));
      }
      if (quorum) {
        proposals.recordCouncilOutcome(p.id(), outcomes, actor, h.ballotRef());
      }
      // the proposal is free again: decided, or (without quorum) ready for another session
      jdbc.sql("update session_item set active = false where id = ?").param(it.id()).update();
    }
    sessions.move(h, cmd.version(), Status.CLOSED);
    jdbc.sql("update council_session set closed_at = now(), closed_by = ? where id = ?")
        .params(actor.username(), sessionId)
        .update();
    audit.record(
        "ballot.closed",
        "council_session",
        Long.toString(sessionId),
        null,
        Map.of("ballotRef", h.ballotRef(), "results", results));
    events.publishEvent(
        new BallotClosed(sessionId, h.ballotRef(), h.councilCode(), h.heldOn(), results));
    return sessions.view(sessionId);
  }

  /**
   * Rewrites an item's votes in random order with fresh random keys, inside the close's
   * transaction: afterwards neither the rows' physical order nor their xmin (now the close's) says
   * anything about the order or the transaction in which they were cast.
   */
  private void shuffle(long itemId) {
    int before = count(itemId);
    int after =
        jdbc.sql(
                """
                with old as (delete from ballot_vote where item_id = ? returning nominee_id, choice)
                insert into ballot_vote(id, item_id, nominee_id, choice)
                select gen_random_uuid(), ?, nominee_id, choice from old order by random()""")
            .params(itemId, itemId)
            .update();
    if (after != before) {
      throw new IllegalStateException("votes lost in the rewrite of item " + itemId);
    }
  }

  private int count(long itemId) {
    return jdbc.sql("select count(*) from ballot_vote where item_id = ?")
        .param(itemId)
        .query(Integer.class)
        .single();
  }

  /** Per nominee: approve, reject, abstain; checked against the participation. */
  private Map<Long, int[]> counts(ItemRow it) {
    Map<Long, int[]> out = new HashMap<>();
    if (it.mode() == Mode.PAPER) {
      jdbc.sql("select * from paper_tally where item_id = ?")
          .param(it.id())
          .query(
              rs -> {
                out.put(
                    rs.getLong("nominee_id"),
                    new int[] {rs.getInt("approve"), rs.getInt("reject"), rs.getInt("abstain")});
              });
      return out;
    }
    jdbc.sql("select nominee_id, choice, count(*) from ballot_vote where item_id = ? group by 1, 2")
        .param(it.id())
        .query(
            rs -> {
              int[] c = out.computeIfAbsent(rs.getLong(1), k -> new int[3]);
              c[Choice.valueOf(rs.getString(2)).ordinal()] = rs.getInt(3);
            });
    Map<Long, Integer> took = new HashMap<>();
    jdbc.sql("select nominee_id, count(*) from ballot_participation where item_id = ? group by 1")
        .param(it.id())
        .query(
            rs -> {
              took.put(rs.getLong(1), rs.getInt(2));
            });
    Set<Long> all = new HashSet<>(out.keySet());
    all.addAll(took.keySet());
    for (Long n : all) {
      int[] c = out.getOrDefault(n, new int[3]);
      if (c[0] + c[1] + c[2] != took.getOrDefault(n, 0)) {
        throw new IllegalStateException("votes and participation differ for nominee " + n);
      }
    }
    return out;
  }

  private Map<Long, Integer> written(long itemId) {
    Map<Long, Integer> out = new HashMap<>();
    jdbc.sql(
            """
            select nominee_id, count(*) from ballot_participation
            where item_id = ? and channel = 'WRITTEN' group by 1""")
        .param(itemId)
        .query(
            rs -> {
              out.put(rs.getLong(1), rs.getInt(2));
            });
    return out;
  }

  private Set<Long> nomineeIds(long proposalId) {
    return new HashSet<>(
        jdbc.sql("select id from proposal_nominee where proposal_id = ?")
            .param(proposalId)
            .query(Long.class)
            .list());
  }

  private String displayName(long nomineeId) {
    return jdbc.sql("select display_name from proposal_nominee where id = ?")
        .param(nomineeId)
        .query(String.class)
        .optional()
        .orElse(Long.toString(nomineeId));
  }
}
