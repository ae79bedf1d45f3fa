package org.laurel.reward;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.laurel.access.Access;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.ProposalView.CouncilOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Proposals put where the council's ballot leaves them (COUNCIL_VOTED, each nominee approved or
 * rejected), for decision tests, until the ballot lands: each with new people, committed.
 */
final class DecisionWorld {

  private static final AtomicInteger SEQ = new AtomicInteger();

  private final Proposals proposals;
  private final People people;
  private final JdbcClient jdbc;

  DecisionWorld(Proposals proposals, People people, JdbcClient jdbc) {
    this.proposals = proposals;
    this.people = people;
    this.jdbc = jdbc;
  }

  /** A voted proposal. */
  record Voted(long proposalId, List<Long> approved, List<Long> rejected, List<Long> people) {}

  /**
   * A proposal of the unit for the award and year with new people as nominees, voted: the first
   * {@code approved} approved, the others rejected.
   */
  Voted voted(String unit, String award, int year, int nominees, int approved) {
    Voted[] out = new Voted[1];
    Access.runAsSystem(
        "decision-test",
        () -> {
          ProposalView p =
              proposals.create(
                  new Proposals.NewProposal(
                      ProposalKind.REGULAR,
                      year,
                      "Đề nghị thử quyết định " + SEQ.incrementAndGet(),
                      unit,
                      award,
                      "Hoàn thành xuất sắc nhiệm vụ năm " + year));
          List<Long> ids = new ArrayList<>();
          List<Long> persons = new ArrayList<>();
          for (int i = 0; i < nominees; i++) {
            PersonView who =
                people.create(
                    People.PersonForm.of(
                        unit,
                        "Nguyễn Thị Quyết " + SEQ.incrementAndGet(),
                        "Chuyên viên",
                        PersonView.Gender.FEMALE));
            persons.add(who.id());
            ids.add(
                proposals
                    .addNominee(
                        p.id(),
                        new Proposals.NomineeForm(Recipient.INDIVIDUAL, who.id(), null, null))
                    .id());
          }
          // the steps up to the council are tested elsewhere: straight to the ballot
          jdbc.sql("update proposal set status = 'READY_FOR_COUNCIL' where id = ?")
              .param(p.id())
              .update();
          Map<Long, CouncilOutcome> outcomes = new LinkedHashMap<>();
          for (int i = 0; i < ids.size(); i++) {
            outcomes.put(
                ids.get(i), i < approved ? CouncilOutcome.APPROVED : CouncilOutcome.REJECTED);
          }
          proposals.recordCouncilOutcome(p.id(), outcomes, Access.current(), "ballot-test");
          out[0] =
              new Voted(
                  p.id(), ids.subList(0, approved), ids.subList(approved, ids.size()), persons);
        });
    return out[0];
  }
}
