package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laurel.access.Access;
import org.laurel.reward.CouncilSessionView.Outcome;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's 2024 year-end session: closed, one nominee just above 90 %, one just below. */
@LaurelTest
class DemoCouncilTest {

  @Autowired CouncilSessions sessions;
  @Autowired Proposals proposals;
  @Autowired JdbcClient jdbc;

  @Test
  void theYearEndSessionIsClosedWithOneNomineeJustAboveAndOneJustBelowTheThreshold() {
    long id =
        jdbc.sql(
                "select id from council_session where council_code = 'HDTDKT-HD' order by id limit 1")
            .query(Long.class)
            .single();
    CouncilSessionView[] s = new CouncilSessionView[1];
    Access.runAsSystem("test", () -> s[0] = sessions.get(id));
    CouncilSessionView session = s[0];
    assertThat(session.closed()).isTrue();
    assertThat(session.members()).hasSize(17);
    CouncilSessionView.Item flag =
        session.items().stream()
            .filter(i -> i.awardCode().equals("CO_CP"))
            .findFirst()
            .orElseThrow();
    var chiLinh = flag.nominees().get(0).tally();
    var haiDuong = flag.nominees().get(1).tally();
    assertThat(List.of(chiLinh.approve(), chiLinh.denominator(), chiLinh.thresholdPercent()))
        .containsExactly(16, 17, 90);
    assertThat(chiLinh.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(chiLinh.written()).isEqualTo(1);
    assertThat(List.of(haiDuong.approve(), haiDuong.denominator())).containsExactly(15, 17);
    assertThat(haiDuong.outcome()).isEqualTo(Outcome.REJECTED);
    // the demo's decisions then granted every approved nominee, so the voted proposals are decided
    for (CouncilSessionView.Item it : session.items()) {
      assertThat(proposals.get(it.proposalId()).status()).isEqualTo(ProposalStatus.DECIDED);
    }
    CouncilSessionView.Item merit =
        session.items().stream()
            .filter(i -> i.awardCode().equals("BK_UBND_CN"))
            .findFirst()
            .orElseThrow();
    assertThat(merit.recusals()).hasSize(1);
    assertThat(merit.nominees().get(0).tally().denominator()).isEqualTo(15);
    assertThat(merit.nominees().get(0).tally().outcome()).isEqualTo(Outcome.APPROVED);
    // the other ready proposal waits for the next session
    assertThat(proposals.list(ProposalStatus.READY_FOR_COUNCIL, 2024)).isNotEmpty();
  }
}
