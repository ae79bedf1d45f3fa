package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.laurel.organisation.People;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LaurelTest
class DemoRewardsTest {

  @Autowired Eligibility eligibility;
  @Autowired Proposals proposals;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired PortalNotices notices;

  @Test
  void theDemoPersonIsEligibleForTheProvincialTitle() {
    long star = people.list("CL", "Nguyễn Thị Thanh Hương").get(0).id();
    Evaluation e = eligibility.check(Nominee.person(star), "CSTD_TINH", 2024);
    assertThat(e.conditions()).allSatisfy(c -> assertThat(c.met()).as(c.evidence()).isTrue());
    assertThat(e.eligible()).isTrue();
  }

  @Test
  void theQuotaBindsInTuKy2024() {
    Eligibility.QuotaReport q = eligibility.quota("TK", "CSTD_CS", 2024);
    assertThat(q.baseCount()).isEqualTo(25);
    assertThat(q.cap()).isEqualTo(3);
    assertThat(q.binding()).isTrue();
  }

  @Test
  void has2024ProposalsAtEveryStepAndAnAnsweredComplaintOnNotice() {
    Set<ProposalStatus> statuses =
        proposals.list(null, 2024).stream().map(ProposalView::status).collect(Collectors.toSet());
    assertThat(statuses).containsAll(EnumSet.allOf(ProposalStatus.class));
    assertThat(notices.list()).anySatisfy(n -> assertThat(n.open()).isTrue());
    long answered =
        jdbc.sql(
                """
                select count(*) from notice_comment c join proposal p on p.id = c.proposal_id
                where p.status = 'PUBLIC_NOTICE' and c.kind = 'COMPLAINT' and c.answer is not null""")
            .query(Long.class)
            .single();
    assertThat(answered).isPositive();
    assertThat(jdbc.sql("select count(*) from award").query(Long.class).single())
        .isGreaterThan(1000);
  }
}
