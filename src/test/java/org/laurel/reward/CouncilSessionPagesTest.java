package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laurel.access.Access;
import org.laurel.reward.BallotWorld.Council;
import org.laurel.support.LaurelTest;
import org.laurel.support.UiLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The session pages: list, session, a member's ballot paper, in three languages. */
@LaurelTest
@Transactional
class CouncilSessionPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  long demoSession() {
    return jdbc.sql(
            "select id from council_session where council_code = 'HDTDKT-HD' order by id limit 1")
        .query(Long.class)
        .single();
  }

  @Test
  void theDemoSessionShowsItsTallyAndMinutesInEveryLanguage() throws Exception {
    Cookie secretariat = UiLogin.session(mvc, "secretariat");
    long id = demoSession();
    String vi = page("/council/sessions/" + id + "?lang=vi", secretariat);
    assertThat(vi).contains("Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh tổng kết năm 2024");
    assertThat(vi).contains("Đạt").contains("Không đạt").contains("Biên bản (PDF)");
    assertThat(vi).contains("16 / 17");
    assertThat(page("/council/sessions/" + id + "?lang=en", secretariat))
        .contains("Approved")
        .contains("Rejected")
        .contains("Recused (conflict of interest)");
    assertThat(page("/council/sessions/" + id + "?lang=de", secretariat)).contains("Angenommen");
    assertThat(page("/council/sessions?lang=en", secretariat))
        .contains("Prepare a session")
        .contains("Đề nghị Tập thể lao động xuất sắc năm 2024 (TP Hải Dương)");
    mvc.perform(get("/council/sessions/" + id + "/minutes.pdf").cookie(secretariat))
        .andExpect(status().isOk());
    // a unit officer sees no session
    Cookie reporter = UiLogin.session(mvc, "reporter");
    mvc.perform(get("/council/sessions/" + id).cookie(reporter)).andExpect(status().isForbidden());
  }

  @Test
  void aMemberVotesOnTheBallotPageAndSeesOnlyThatTheyVoted() throws Exception {
    Council[] c = new Council[1];
    CouncilSessionView[] s = new CouncilSessionView[1];
    Access.runAsSystem(
        "page-test",
        () -> {
          BallotWorld w = new BallotWorld(context);
          c[0] = w.council(3);
          ProposalView p = w.ready("CSTD_TQ", 2);
          s[0] = w.session(c[0], List.of(p.id()), List.of(), true);
        });
    Cookie member =
        mvc.perform(
                SecurityMockMvcRequestBuilders.formLogin("/login")
                    .user(c[0].users().get(0))
                    .password(BallotWorld.PASSWORD))
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
    long id = s[0].id();
    var nominees = s[0].items().get(0).nominees();
    String before = page("/council/sessions/" + id + "/ballot?lang=en", member);
    assertThat(before).contains("Cast my vote").contains("name=\"c_" + nominees.get(0).nomineeId());
    mvc.perform(
            post("/council/sessions/" + id + "/ballot")
                .cookie(member)
                .with(csrf())
                .param("c_" + nominees.get(0).nomineeId(), "REJECT")
                .param("c_" + nominees.get(1).nomineeId(), "APPROVE"))
        .andExpect(status().is3xxRedirection());
    String after = page("/council/sessions/" + id + "/ballot?lang=en", member);
    assertThat(after).contains("You voted").doesNotContain("Cast my vote");
    assertThat(after).doesNotContain("checked");
    // the session page: the member reads the dossier, sees that 1 voted, not how
    String session = page("/council/sessions/" + id + "?lang=en", member);
    assertThat(session).contains("Dossier").contains("Go to your ballot");
    assertThat(session).doesNotContain("Save attendance");
  }

  private String page(String path, Cookie cookie) throws Exception {
    return mvc.perform(get(path).cookie(cookie))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
