package org.laurel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laurel.access.Access;
import org.laurel.organisation.People;
import org.laurel.organisation.PersonView;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.reward.ProposalKind;
import org.laurel.reward.ProposalStatus;
import org.laurel.reward.ProposalView;
import org.laurel.reward.Proposals;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's decisions: the fund's income is entered, and once the council's demo leaves voted
 * proposals, each approved nominee is granted by an issued, published decision (tested here with a
 * voted proposal of 2016 made for the purpose, since the ballot's demo is not there yet).
 */
@LaurelTest
class DemoDecisionsTest {

  @Autowired DemoDecisions demo;
  @Autowired Proposals proposals;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  @Test
  void theFundHasItsIncomeFor2024And2025() {
    assertThat(
            jdbc.sql(
                    "select count(distinct year) from fund_entry where kind = 'INCOME' and year in (2024, 2025)")
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void votedProposalsGetPublishedDecisionsForTheirApprovedNominees() {
    long[] ids = new long[3];
    Access.runAsSystem(
        "demo-test",
        () -> {
          ids[0] = voted("BK_UBND_CN", true);
          ids[1] = voted("BK_UBND_CN", false);
          ids[2] = voted("LDTT", true);
          assertThat(demo.decide(2016, LocalDate.of(2017, 7, 20))).isEqualTo(1);
        });
    assertThat(proposals.get(ids[0]).status()).isEqualTo(ProposalStatus.DECIDED);
    assertThat(proposals.get(ids[1]).status()).isEqualTo(ProposalStatus.COUNCIL_VOTED);
    // a unit head's title is decided by no body in Laurel: left out
    assertThat(proposals.get(ids[2]).status()).isEqualTo(ProposalStatus.COUNCIL_VOTED);
    List<String> published =
        jdbc.sql(
                """
                select d.number_text from decision d join decision_item i on i.decision_id = d.id
                where i.proposal_id = ? and d.status = 'ISSUED' and d.published_at is not null""")
            .param(ids[0])
            .query(String.class)
            .list();
    assertThat(published).hasSize(1);
    assertThat(published.get(0)).isEqualTo("1/QĐ-UBND");
    assertThat(
            jdbc.sql(
                    "select count(*) from fund_entry f join decision_item i on i.award_id = f.award_id"
                        + " where i.proposal_id = ? and f.kind = 'PAYMENT' and f.amount_vnd = -1300000")
                .param(ids[0])
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  /** A 2016 proposal of Nam Sách with a new person, voted: approved or rejected. */
  private long voted(String award, boolean approved) {
    PersonView who =
        people.create(
            People.PersonForm.of(
                "NS",
                "Lê Văn Mô Phỏng " + award + approved,
                "Chuyên viên",
                PersonView.Gender.MALE));
    ProposalView p =
        proposals.create(
            new Proposals.NewProposal(
                ProposalKind.REGULAR, 2016, "Đề nghị thử demo " + award, "NS", award, null));
    long nominee =
        proposals
            .addNominee(
                p.id(), new Proposals.NomineeForm(Recipient.INDIVIDUAL, who.id(), null, null))
            .id();
    // where the council's ballot leaves it
    jdbc.sql("update proposal set status = 'COUNCIL_VOTED' where id = ?").param(p.id()).update();
    jdbc.sql("update proposal_nominee set council_outcome = ? where id = ?")
        .params(approved ? "APPROVED" : "REJECTED", nominee)
        .update();
    return p.id();
  }
}
