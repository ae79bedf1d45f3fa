package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.laurel.support.UiLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing refuses while expected sheets are not submitted, unless a reason is given; the reason
 * is kept with the version, shown on the ranking page and in the version's read, and audited.
 */
@LaurelTest
@Transactional
class ResultsCompletenessTest {

  static final String REASON = "Hội đồng họp trễ; công bố tạm để các đơn vị đối chiếu";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  long pact() {
    return DemoPact.pact(jdbc);
  }

  int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  /** Result versions, rows and audit entries: what a publication writes. */
  String written() {
    return count("select count(*) from result_version")
        + "/"
        + count("select count(*) from result_row")
        + "/"
        + count("select count(*) from audit_entry");
  }

  ResultActions publish(String body) throws Exception {
    var r =
        post("/api/v1/pacts/" + pact() + "/results")
            .with(httpBasic("secretariat", "demo"))
            .header("Accept-Language", "en");
    return mvc.perform(body == null ? r : r.contentType(MediaType.APPLICATION_JSON).content(body));
  }

  /** Reopens the demo's cross sheet of Tứ Kỳ for Thanh Miện and the council's of Cẩm Giàng. */
  void reopenTwoSheets() throws Exception {
    for (String s : new String[] {"CROSS/TK/TM", "COUNCIL/COUNCIL/CG"}) {
      String[] p = s.split("/");
      int version =
          jdbc.sql(
                  """
                  select s.version from sheet s left join unit a on a.id = s.assessor_unit_id
                  join unit u on u.id = s.assessed_unit_id
                  where s.pact_id = ? and s.round = ? and coalesce(a.code, 'COUNCIL') = ?
                    and u.code = ?""")
              .params(pact(), p[0], p[1], p[2])
              .query(Integer.class)
              .single();
      mvc.perform(
              post("/api/v1/pacts/%d/sheets/%s/reopen".formatted(pact(), s))
                  .with(httpBasic("secretariat", "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"version\":%d,\"reason\":\"Kiểm tra lại\"}".formatted(version)))
          .andExpect(status().isOk());
    }
  }

  @Test
  void publishingWithMissingSheetsIsRefusedNamingThemAndWritesNothing() throws Exception {
    reopenTwoSheets();
    String before = written();
    for (String body : new String[] {null, "", "{}", "{\"incompleteReason\":\"  \"}"}) {
      publish(body)
          .andExpect(status().isConflict())
          .andExpect(
              jsonPath("$.detail")
                  .value(
                      containsString(
                          "0 of 12 self-assessment sheets, 1 of 132 cross-assessment sheets and"
                              + " 1 of 12 council appraisal sheets are missing")))
          .andExpect(jsonPath("$.detail").value(containsString("incompleteReason")));
    }
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void aReasonPublishesAnywayAndIsKeptShownAndAudited() throws Exception {
    reopenTwoSheets();
    publish("{\"incompleteReason\":\"  " + REASON + " \"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2));
    mvc.perform(get("/api/v1/pacts/" + pact() + "/results/2").with(httpBasic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.incompleteReason").value(REASON));
    mvc.perform(get("/api/v1/pacts/" + pact() + "/results/1").with(httpBasic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.incompleteReason").doesNotExist());
    String audited =
        jdbc.sql(
                """
                select after_state from audit_entry where action = 'results.published'
                order by seq desc limit 1""")
            .query(String.class)
            .single();
    assertThat(audited).contains(REASON).contains("\"CROSS\":1").contains("\"COUNCIL\":1");
    long bloc = DemoPact.bloc(jdbc, 2024);
    String page =
        mvc.perform(
                get("/blocs/" + bloc + "/ranking")
                    .cookie(UiLogin.session(mvc, "viewer"))
                    .header("Accept-Language", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains("id=\"ranking-incomplete\"")
        .contains("Published before every expected sheet was submitted, because: " + REASON);
  }

  @Test
  void completeRoundsPublishWithoutAReasonAndKeepNone() throws Exception {
    // the demo's rounds are complete; a reason given anyway is not kept
    publish("{\"incompleteReason\":\"Không cần\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2));
    mvc.perform(get("/api/v1/pacts/" + pact() + "/results/2").with(httpBasic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2))
        .andExpect(jsonPath("$.incompleteReason").doesNotExist());
    long bloc = DemoPact.bloc(jdbc, 2024);
    assertThat(
            mvc.perform(get("/blocs/" + bloc + "/ranking").cookie(UiLogin.session(mvc, "viewer")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("ranking-incomplete");
  }
}
