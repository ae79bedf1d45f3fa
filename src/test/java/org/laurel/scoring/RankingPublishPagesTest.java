package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.laurel.support.UiLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

/** The secretariat publishes a new version of the results from the ranking page. */
@LaurelTest
@Transactional
class RankingPublishPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  long bloc() {
    return DemoPact.bloc(jdbc, 2024);
  }

  long pact() {
    return DemoPact.pact(jdbc);
  }

  String ranking(String user) throws Exception {
    return mvc.perform(
            get("/blocs/" + bloc() + "/ranking?lang=en").cookie(UiLogin.session(mvc, user)))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  MvcResult publishAs(String user) throws Exception {
    return publishAs(UiLogin.session(mvc, user));
  }

  MvcResult publishAs(jakarta.servlet.http.Cookie session) throws Exception {
    return mvc.perform(post("/pacts/" + pact() + "/results?lang=en").cookie(session).with(csrf()))
        .andReturn();
  }

  List<Integer> versions() {
    return jdbc.sql("select version from result_version where pact_id = ? order by version")
        .param(pact())
        .query(Integer.class)
        .list();
  }

  @Test
  void theSecretariatSeesTheFormToPublishTheNextVersionWithItsWarning() throws Exception {
    String html = ranking("secretariat");
    assertThat(html)
        .contains("id=\"publish-form\"")
        .contains("action=\"/pacts/" + pact() + "/results\"")
        .contains("Publish version 2")
        .contains("Published versions never change");
    assertThat(html).doesNotContain("??");
  }

  @Test
  void othersSeeNoPublishFormAndTheirPostsAreRefused() throws Exception {
    List<Integer> before = versions();
    for (String user : List.of("viewer", "reporter", "blochead")) {
      assertThat(ranking(user)).as(user).doesNotContain("id=\"publish-form\"");
      assertThat(publishAs(user).getResponse().getStatus()).as(user).isEqualTo(403);
    }
    assertThat(versions()).isEqualTo(before);
  }

  @Test
  void publishingLeadsToTheNewVersionWithWhatMoved() throws Exception {
    String leader =
        jdbc.sql("select unit_code from result_row where pact_id = ? and version = 1 and rank = 1")
            .param(pact())
            .query(String.class)
            .single();
    // a heavy penalty (capped at the criterion's 20) for the leader, through the items page
    mvc.perform(
        post("/pacts/" + pact() + "/items")
            .cookie(UiLogin.session(mvc, "secretariat"))
            .with(csrf())
            .param("unit", leader)
            .param("criterion", "TDKT.TRU")
            .param("points", "60")
            .param("reason", "Vi phạm phát hiện qua thanh tra"));
    jakarta.servlet.http.Cookie session = UiLogin.session(mvc, "secretariat");
    MvcResult r = publishAs(session);
    assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/blocs/" + bloc() + "/ranking");
    assertThat(r.getFlashMap().get("flash"))
        .asString()
        .isEqualTo(
            "Version 2 of the results was published; see what moved since the version before.");
    assertThat(versions()).containsExactly(1, 2);

    // the redirect as a browser follows it: the flash message rides in the session
    String html =
        mvc.perform(get("/blocs/" + bloc() + "/ranking?lang=en").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html)
        .contains("class=\"flash\"")
        .contains("Version 2, published")
        .contains("href=\"#moves\" id=\"moves-link\">What moved since version 1<")
        .contains("What moved from version 1 to version 2")
        .contains("Publish version 3");
    String moves = html.substring(html.indexOf("id=\"moves\""));
    moves = moves.substring(0, moves.indexOf("</table>"));
    String row = moves.substring(moves.indexOf("data-unit=\"" + leader + "\""));
    row = row.substring(0, row.indexOf("</tr>"));
    // the leader's total went down, whether or not it lost its rank
    assertThat(row).contains("moved").containsPattern("total-change\">[-−]");
  }

  @Test
  void withMissingSheetsThePageRefusesWithoutAReasonAndPublishesWithOne() throws Exception {
    ResultsCompletenessTest helper = new ResultsCompletenessTest();
    helper.mvc = mvc;
    helper.jdbc = jdbc;
    helper.reopenTwoSheets();
    jakarta.servlet.http.Cookie session = UiLogin.session(mvc, "secretariat");
    MvcResult refused = publishAs(session);
    assertThat(refused.getFlashMap().get("flash").toString())
        .contains("1 of 132 cross-assessment sheets")
        .contains("1 of 12 council appraisal sheets");
    assertThat(versions()).containsExactly(1);

    mvc.perform(
            post("/pacts/" + pact() + "/results?lang=en")
                .cookie(session)
                .with(csrf())
                .param("incompleteReason", ResultsCompletenessTest.REASON))
        .andReturn();
    assertThat(versions()).containsExactly(1, 2);
    assertThat(ranking("secretariat"))
        .contains("id=\"ranking-incomplete\"")
        .contains(ResultsCompletenessTest.REASON);
  }
}
