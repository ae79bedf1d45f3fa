package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.laurel.support.UiLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cross-assessor's recusal from one unit (conflict of interest): through the API and the sheet
 * page, with its reason into the explanation; bad recusals refused with nothing changed.
 */
@LaurelTest
@Transactional
class SheetRecusalTest {

  static final String REASON = "Chủ tịch UBND huyện Tứ Kỳ là trưởng đoàn kiểm tra Thanh Miện";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  long pact() {
    return DemoPact.pact(jdbc);
  }

  /** The demo's cross sheet of Tứ Kỳ (the reporter's unit) for Thanh Miện. */
  String sheet() {
    return "/pacts/%d/sheets/CROSS/TK/TM".formatted(pact());
  }

  String column(String expression) {
    return jdbc.sql(
            "select s."
                + expression
                + "::text from sheet s join unit a on a.id = s.assessor_unit_id"
                + " join unit u on u.id = s.assessed_unit_id where s.pact_id = ?"
                + " and s.round = 'CROSS' and a.code = 'TK' and u.code = 'TM'")
        .param(pact())
        .query((rs, n) -> String.valueOf(rs.getString(1)))
        .single();
  }

  int version() {
    return Integer.parseInt(column("version"));
  }

  /** The sheet's state: version, status, recusal and its scores. */
  String state() {
    return column("version")
        + "/"
        + column("status")
        + "/"
        + column("recusal_reason")
        + "/"
        + jdbc.sql(
                "select string_agg(criterion || '=' || coalesce(points::text, '-'), ','"
                    + " order by criterion) from sheet_score where sheet_id = ?")
            .param(Long.parseLong(column("id")))
            .query(String.class)
            .optional()
            .orElse("");
  }

  ResultActions as(String user, MockHttpServletRequestBuilder r, String body) throws Exception {
    return mvc.perform(
        r.with(httpBasic(user, "demo"))
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  @BeforeEach
  void reopenTheSheet() throws Exception {
    as(
            "secretariat",
            post("/api/v1" + sheet() + "/reopen"),
            "{\"version\":%d,\"reason\":\"Tứ Kỳ báo xung đột lợi ích\"}".formatted(version()))
        .andExpect(status().isOk());
  }

  @Test
  void theAssessorRecusesWithAReasonAndTheExplanationShowsItApartFromAbstentions()
      throws Exception {
    as(
            "reporter",
            put("/api/v1" + sheet()),
            """
            {"version":%d,"scores":[],"recuse":true,"recusalReason":"%s"}"""
                .formatted(version(), REASON))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recusalReason").value(REASON))
        .andExpect(jsonPath("$.scores", hasSize(0)));
    // a recused sheet needs no scores to be submitted
    as("reporter", post("/api/v1" + sheet() + "/submit"), "{\"version\":%d}".formatted(version()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUBMITTED"))
        .andExpect(jsonPath("$.recusalReason").value(REASON));
    // every sheet is submitted again: publishing needs no reason
    as("secretariat", post("/api/v1/pacts/" + pact() + "/results"), "")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2));
    String cross = "$.criteria[?(@.method == 'MANUAL')].rounds[?(@.round == 'CROSS')]";
    mvc.perform(
            get("/api/v1/pacts/" + pact() + "/results/2/units/TM")
                .with(httpBasic("viewer", "demo")))
        .andExpect(status().isOk())
        // on every manual criterion: Tứ Kỳ recused with its reason, neither scored nor abstained
        .andExpect(jsonPath(cross + ".recused[*].assessor", hasSize(5)))
        .andExpect(jsonPath(cross + ".recused[*].reason", hasItem(REASON)))
        .andExpect(jsonPath(cross + ".scores[?(@.assessor == 'TK')]", hasSize(0)))
        .andExpect(jsonPath(cross + ".abstained[*]", hasSize(0)))
        // ten cross-assessors left per criterion
        .andExpect(jsonPath("$.criteria[2].rounds[1].scores", hasSize(10)));
    // the explanation page and the export say "recused: reason"
    Cookie viewer = UiLogin.session(mvc, "viewer");
    String page =
        mvc.perform(
                get("/pacts/" + pact() + "/results/2/units/TM")
                    .cookie(viewer)
                    .header("Accept-Language", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("TK recused: " + REASON);
    String csv =
        mvc.perform(
                get("/api/v1/pacts/" + pact() + "/results/2/units/TM.csv")
                    .with(httpBasic("viewer", "demo"))
                    .header("Accept-Language", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv)
        .contains("Recused (conflict of interest): Cross-assessment,TK,,,")
        .contains(REASON);
  }

  @Test
  void badRecusalsAreRefusedWithTheFieldAndNothingChanged() throws Exception {
    String before = state();
    int v = version();
    // no reason, a blank one
    refused(sheet(), "{\"version\":%d,\"scores\":[],\"recuse\":true}".formatted(v), "recusalReason")
        .andExpect(jsonPath("$.detail").value(containsString("reason for the recusal")));
    refused(
        sheet(),
        "{\"version\":%d,\"scores\":[],\"recuse\":true,\"recusalReason\":\"  \"}".formatted(v),
        "recusalReason");
    // a reason without the recusal
    refused(
        sheet(),
        "{\"version\":%d,\"scores\":[],\"recusalReason\":\"x\"}".formatted(v),
        "recusalReason");
    // a recusal with scores
    refused(
        sheet(),
        """
        {"version":%d,"recuse":true,"recusalReason":"x",
         "scores":[{"criterion":"KT.DAU_TU","points":100}]}"""
            .formatted(v),
        "scores");
    // no recusal from one's own self-assessment
    refused(
        "/pacts/%d/sheets/SELF/TK/TK".formatted(pact()),
        "{\"scores\":[],\"recuse\":true,\"recusalReason\":\"x\"}",
        "recuse");
    assertThat(state()).isEqualTo(before);
  }

  /** The reporter's PUT of the sheet, refused with 400 naming the field. */
  ResultActions refused(String path, String body, String field) throws Exception {
    return as("reporter", put("/api/v1" + path), body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(field));
  }

  @Test
  void aRecusalAfterTheSubmissionIsRefusedWithNothingChanged() throws Exception {
    // the reporter submits the reopened sheet with its scores again
    as("reporter", post("/api/v1" + sheet() + "/submit"), "{\"version\":%d}".formatted(version()))
        .andExpect(status().isOk());
    String before = state();
    as(
            "reporter",
            put("/api/v1" + sheet()),
            "{\"version\":%d,\"scores\":[],\"recuse\":true,\"recusalReason\":\"%s\"}"
                .formatted(version(), REASON))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(containsString("submitted")));
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void theSheetPageRecusesWithAReasonAndShowsIt() throws Exception {
    Cookie rep = UiLogin.session(mvc, "reporter");
    String open = page(rep);
    assertThat(open).contains("id=\"recuse\"").contains("id=\"recusalReason\"");
    String before = state();
    // ticked without a reason: the page says so, nothing changed
    String refused =
        recuseInThePage(rep, " ")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("id=\"sheet-error\"").contains("Give the reason for the recusal");
    assertThat(state()).isEqualTo(before);
    recuseInThePage(rep, REASON).andExpect(redirectedUrl(sheet()));
    assertThat(column("recusal_reason")).isEqualTo(REASON);
    String recused = page(rep);
    assertThat(recused)
        .contains("id=\"sheet-recused\"")
        .contains("Recused: " + REASON)
        .containsPattern("id=\"recuse\"[^>]*checked");
    // the self-assessment has no recusal
    assertThat(
            mvc.perform(
                    get("/pacts/%d/sheets/SELF/TK/TK".formatted(pact()))
                        .cookie(rep)
                        .header("Accept-Language", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("id=\"recuse\"");
  }

  /** The sheet form posted with the recusal ticked and the reason. */
  private ResultActions recuseInThePage(Cookie s, String reason) throws Exception {
    return mvc.perform(
        post(sheet())
            .cookie(s)
            .header("Accept-Language", "en")
            .with(csrf())
            .param("version", Integer.toString(version()))
            .param("recuse", "on")
            .param("recusalReason", reason));
  }

  private String page(Cookie s) throws Exception {
    return mvc.perform(get(sheet()).cookie(s).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
