package org.laurel.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.laurel.access.Access;
import org.laurel.access.Role;
import org.laurel.access.Users;
import org.laurel.bloc.CouncilView;
import org.laurel.bloc.Councils;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.Ballots;
import org.laurel.reward.CouncilSessionView;
import org.laurel.reward.CouncilSessionView.Attendance;
import org.laurel.reward.CouncilSessions;
import org.laurel.reward.ProposalKind;
import org.laurel.reward.ProposalView;
import org.laurel.reward.Proposals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 2024 year-end session of the provincial council HDTDKT-HD (17 members, synthetic votes), held
 * on 28 January 2025 and closed: a proposal of the province for the Government's emulation flag (Cờ
 * thi đua của Chính phủ, 90 % of all members) where TP Chí Linh gets 16 of 17 approvals (approved,
 * just above) and TP Hải Dương 15 of 17 (rejected, just below), and a proposal of TP Chí Linh for
 * the chairman's certificate of merit for one officer (50 % of the members present). One member is
 * absent and votes in writing where the rule allows it (the flag); one declared a conflict of
 * interest on the certificate of merit. The demo's other proposal ready for the council (Tập thể
 * lao động xuất sắc, TP Hải Dương) stays ready, for the next session. The members vote through
 * their own demo users ({@code member01} … {@code member17}, and {@code council} for Phạm Thu Hà),
 * exactly as in the UI.
 */
@Component
class DemoCouncil {

  private static final Logger log = LoggerFactory.getLogger(DemoCouncil.class);

  static final LocalDate HELD_ON = LocalDate.of(2025, 1, 28);
  static final String TITLE = "Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh tổng kết năm 2024";

  /** The member who is absent (Tạ Thị Hương) and the one recused from the merit item. */
  static final int ABSENT = 16;

  static final int RECUSED = 11;

  private final Councils councils;
  private final Users users;
  private final Proposals proposals;
  private final CouncilSessions sessions;
  private final Ballots ballots;
  private final UserDetailsService userDetails;
  private final DemoRewards rewards;
  private final People people;

  DemoCouncil(
      Councils councils,
      Users users,
      Proposals proposals,
      CouncilSessions sessions,
      Ballots ballots,
      UserDetailsService userDetails,
      DemoRewards rewards,
      People people) {
    this.people = people;
    this.rewards = rewards;
    this.councils = councils;
    this.users = users;
    this.proposals = proposals;
    this.sessions = sessions;
    this.ballots = ballots;
    this.userDetails = userDetails;
  }

  /** The username of member {@code i} (in the order of {@link DemoData#COUNCIL}). */
  static String username(int i) {
    return i == 3 ? "council" : "member%02d".formatted(i + 1);
  }

  @Transactional
  public void load(String password) {
    List<String> names = new ArrayList<>();
    long[] session = new long[1];
    List<ProposalView> agenda = new ArrayList<>();
    Access.runAsSystem(
        "demo-loader",
        () -> {
          log.info("Loading the demo council session…");
          CouncilView council =
              councils.list().stream()
                  .filter(c -> c.code().equals("HDTDKT-HD"))
                  .findFirst()
                  .orElseThrow();
          List<CouncilView.Member> members = council.membersOn(HELD_ON);
          for (int i = 0; i < DemoData.COUNCIL.length; i++) {
            String name = DemoData.COUNCIL[i][0];
            long person =
                members.stream()
                    .filter(m -> m.fullName().equals(name))
                    .findFirst()
                    .orElseThrow()
                    .personId();
            if (i != 3) {
              users.createInitial(
                  new Users.NewUser(
                      username(i),
                      name,
                      password,
                      Role.COUNCIL_MEMBER,
                      DemoData.COUNCIL[i][2],
                      person,
                      username(i) + "@laurel.invalid",
                      null));
            }
            names.add(name);
          }
          agenda.add(flagProposal());
          agenda.add(meritProposal());
          CouncilSessionView s =
              sessions.prepare(
                  new CouncilSessions.NewSession(
                      council.id(),
                      HELD_ON,
                      TITLE,
                      agenda.stream().map(ProposalView::id).distinct().toList()));
          List<CouncilSessions.Presence> presence = new ArrayList<>();
          for (CouncilSessionView.Member m : s.members()) {
            presence.add(
                new CouncilSessions.Presence(
                    m.personId(),
                    m.fullName().equals(names.get(ABSENT))
                        ? Attendance.ABSENT
                        : Attendance.PRESENT));
          }
          s =
              sessions.recordAttendance(
                  s.id(), new CouncilSessions.AttendanceSheet(presence, s.version()));
          for (CouncilSessionView.Item it : s.items()) {
            if (it.awardCode().equals("BK_UBND_CN")) {
              long recused =
                  s.members().stream()
                      .filter(m -> m.fullName().equals(names.get(RECUSED)))
                      .findFirst()
                      .orElseThrow()
                      .personId();
              s =
                  sessions.declareConflict(
                      s.id(),
                      it.id(),
                      new CouncilSessions.Conflict(
                          recused, "Người thân công tác tại đơn vị được đề nghị (mô phỏng)."));
            }
          }
          s = sessions.open(s.id(), new CouncilSessions.Step(s.version()));
          session[0] = s.id();
        });
    CouncilSessionView s = sessions(session[0]);
    // the votes, each member as themselves
    for (int i = 0; i < DemoData.COUNCIL.length; i++) {
      List<Ballots.Mark> marks = new ArrayList<>();
      for (CouncilSessionView.Item it : s.items()) {
        if (it.awardCode().equals("CO_CP")) {
          // Chí Linh: 16 of 17 approve; Hải Dương: 15 of 17
          marks.add(mark(it, 0, i < 16 ? Ballots.Choice.APPROVE : Ballots.Choice.REJECT));
          marks.add(mark(it, 1, i < 15 ? Ballots.Choice.APPROVE : Ballots.Choice.REJECT));
        } else if (i != ABSENT && i != RECUSED) {
          for (int n = 0; n < it.nominees().size(); n++) {
            marks.add(mark(it, n, i == 5 ? Ballots.Choice.ABSTAIN : Ballots.Choice.APPROVE));
          }
        }
      }
      as(username(i), () -> ballots.vote(session[0], new Ballots.Ballot(marks)));
    }
    Access.runAsSystem(
        "demo-loader",
        () -> {
          CouncilSessionView closed =
              ballots.close(
                  session[0], new CouncilSessions.Step(sessions.get(session[0]).version()));
          log.info(
              "Demo council session {} closed: {} nominees counted.",
              closed.ballotRef(),
              closed.items().stream().mapToInt(it -> it.nominees().size()).sum());
        });
  }

  private CouncilSessionView sessions(long id) {
    CouncilSessionView[] out = new CouncilSessionView[1];
    Access.runAsSystem("demo-loader", () -> out[0] = sessions.get(id));
    return out[0];
  }

  private static Ballots.Mark mark(CouncilSessionView.Item it, int nominee, Ballots.Choice c) {
    return new Ballots.Mark(it.nominees().get(nominee).nomineeId(), c);
  }

  /**
   * TP Chí Linh proposes one of its officers for the chairman's certificate of merit (50 % of the
   * members present; no written vote).
   */
  private ProposalView meritProposal() {
    PersonView officer =
        people.list("CL", null).stream()
            .filter(x -> !x.fullName().equals(DemoRewards.STAR))
            .skip(2)
            .findFirst()
            .orElseThrow();
    ProposalView p =
        proposals.create(
            new Proposals.NewProposal(
                ProposalKind.REGULAR,
                2024,
                "Đề nghị Bằng khen của Chủ tịch UBND tỉnh năm 2024 (Chí Linh)",
                "CL",
                "BK_UBND_CN",
                "Hoàn thành xuất sắc nhiệm vụ năm 2024 (dữ liệu mô phỏng)."));
    proposals.addNominee(
        p.id(), new Proposals.NomineeForm(Recipient.INDIVIDUAL, officer.id(), null, null));
    return readied(p.id(), "Đủ điều kiện.");
  }

  /** The province proposes TP Chí Linh and TP Hải Dương for the Government's emulation flag. */
  private ProposalView flagProposal() {
    ProposalView p =
        proposals.create(
            new Proposals.NewProposal(
                ProposalKind.REGULAR,
                2024,
                "Đề nghị Cờ thi đua của Chính phủ năm 2024",
                "HD",
                "CO_CP",
                "Dẫn đầu phong trào thi đua của tỉnh năm 2024 (dữ liệu mô phỏng)."));
    for (String unit : List.of("CL", "HDG")) {
      proposals.addNominee(
          p.id(), new Proposals.NomineeForm(Recipient.COLLECTIVE, null, unit, null));
    }
    rewards.attach(p.id());
    return readied(p.id(), "Hai đơn vị dẫn đầu khối thi đua; đề nghị Hội đồng xem xét.");
  }

  /** Submitted, received, reviewed, on notice from 6 January 2025 for 15 days, ready. */
  private ProposalView readied(long id, String opinion) {
    proposals.submit(id, step(id));
    proposals.receive(id, step(id));
    proposals.review(id, step(id));
    proposals.publishNotice(
        id,
        new Proposals.Notice(opinion, 15, LocalDate.of(2025, 1, 6), proposals.get(id).version()));
    return proposals.ready(id, step(id));
  }

  private Proposals.Step step(long id) {
    return new Proposals.Step(proposals.get(id).version());
  }

  /** Runs {@code work} signed in as the demo user. */
  private void as(String username, Runnable work) {
    SecurityContext previous = SecurityContextHolder.getContext();
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      work.run();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
