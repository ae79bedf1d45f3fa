package org.laurel.reward;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.laurel.access.Role;
import org.laurel.access.Users;
import org.laurel.bloc.CouncilView;
import org.laurel.bloc.Councils;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.reward.AwardType.Recipient;
import org.springframework.context.ApplicationContext;

/**
 * Builds what a ballot test needs through the services (call inside {@code Access.runAsSystem}): a
 * council of n members each with a COUNCIL_MEMBER user, proposals ready for the council.
 */
final class BallotWorld {

  static final String PASSWORD = "ballot-pass";
  static final LocalDate DAY = LocalDate.of(2025, 1, 20);
  private static final AtomicInteger SEQ = new AtomicInteger();

  /** A council with its members' person ids and usernames, in the members' order. */
  record Council(long id, String code, List<Long> persons, List<String> users) {}

  private final People people;
  private final Councils councils;
  private final Users users;
  private final Proposals proposals;
  private final CouncilSessions sessions;

  BallotWorld(ApplicationContext c) {
    this.people = c.getBean(People.class);
    this.councils = c.getBean(Councils.class);
    this.users = c.getBean(Users.class);
    this.proposals = c.getBean(Proposals.class);
    this.sessions = c.getBean(CouncilSessions.class);
  }

  Council council(int members) {
    int n = SEQ.incrementAndGet();
    String code = "HDT-BT" + n + "-" + System.nanoTime() % 100000;
    CouncilView c =
        councils.create(
            new Councils.NewCouncil(
                code, "Hội đồng thử " + n, "HD", LocalDate.of(2020, 1, 1), null));
    List<Long> persons = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      PersonView p =
          people.create(
              People.PersonForm.of(
                  "SNV", "Thành viên " + n + "." + i, "Ủy viên", PersonView.Gender.FEMALE));
      councils.addMember(
          c.id(),
          new Councils.NewMember(
              p.id(),
              i == 0 ? CouncilView.CouncilRole.CHAIR : CouncilView.CouncilRole.MEMBER,
              LocalDate.of(2020, 1, 1),
              null));
      String username = "bt" + n + "m" + i + "-" + (System.nanoTime() % 100000);
      users.createInitial(
          new Users.NewUser(username, username, PASSWORD, Role.COUNCIL_MEMBER, "SNV", p.id()));
      persons.add(p.id());
      names.add(username);
    }
    return new Council(c.id(), code, persons, names);
  }

  /** A proposal of TP Chí Linh for the award, with {@code nominees} new people, ready. */
  ProposalView ready(String award, int nominees) {
    int n = SEQ.incrementAndGet();
    ProposalView p =
        proposals.create(
            new Proposals.NewProposal(
                ProposalKind.REGULAR, 2024, "Đề nghị thử " + n, "CL", award, null));
    for (int i = 0; i < nominees; i++) {
      PersonView who =
          people.create(
              People.PersonForm.of(
                  "CL", "Người đề nghị " + n + "." + i, "Công chức", PersonView.Gender.MALE));
      proposals.addNominee(
          p.id(), new Proposals.NomineeForm(Recipient.INDIVIDUAL, who.id(), null, null));
    }
    long id = p.id();
    proposals.submit(id, step(id));
    proposals.receive(id, step(id));
    proposals.review(id, step(id));
    proposals.publishNotice(
        id,
        new Proposals.Notice(
            "Đủ điều kiện", 10, LocalDate.of(2021, 1, 5), proposals.get(id).version()));
    return proposals.ready(id, step(id));
  }

  /** A session of the council on {@link #DAY} with the proposals, everyone present unless told. */
  CouncilSessionView session(Council c, List<Long> proposalIds, List<Long> absent, boolean open) {
    CouncilSessionView s =
        sessions.prepare(new CouncilSessions.NewSession(c.id(), DAY, "Phiên họp thử", proposalIds));
    List<CouncilSessions.Presence> entries = new ArrayList<>();
    for (long person : c.persons()) {
      entries.add(
          new CouncilSessions.Presence(
              person,
              absent.contains(person)
                  ? CouncilSessionView.Attendance.ABSENT
                  : CouncilSessionView.Attendance.PRESENT));
    }
    s =
        sessions.recordAttendance(
            s.id(), new CouncilSessions.AttendanceSheet(entries, s.version()));
    if (open) {
      s = sessions.open(s.id(), new CouncilSessions.Step(s.version()));
    }
    return s;
  }

  private Proposals.Step step(long id) {
    return new Proposals.Step(proposals.get(id).version());
  }
}
