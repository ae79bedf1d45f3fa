package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's published ranking, the contract's shape, and bad inputs refused with nothing changed.
 */
@LaurelTest
@Transactional
class ScoringApiTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  long bloc() {
    return jdbc.sql("select id from bloc where code = 'KHOI-HUYEN' and year = 2024")
        .query(Long.class)
        .single();
  }

  long pact() {
    return jdbc.sql("select id from pact where bloc_id = ?")
        .param(bloc())
        .query(Long.class)
        .single();
  }

  int rows(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }

  ResultActions sheet(String user, String round, String assessor, String assessed, String body)
      throws Exception {
    return mvc.perform(
        put("/api/v1/pacts/%d/sheets/%s/%s/%s".formatted(pact(), round, assessor, assessed))
            .with(httpBasic(user, "demo"))
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  @Test
  void theDemoRankingIsPublishedInTheContractShape() throws Exception {
    String body =
        mvc.perform(get("/api/v1/blocs/" + bloc() + "/ranking?year=2024"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.year").value(2024))
            .andExpect(jsonPath("$.version").value(1))
            .andExpect(jsonPath("$.rows", hasSize(12)))
            .andExpect(jsonPath("$.rows[0].rank").value(1))
            .andExpect(jsonPath("$.rows[0].unit").isString())
            .andExpect(jsonPath("$.rows[0].name").isString())
            .andExpect(jsonPath("$.rows[0].total").isNumber())
            .andExpect(jsonPath("$.rows[0].classification").isString())
            .andReturn()
            .getResponse()
            .getContentAsString();
    System.out.println("Demo ranking: " + body);
  }

  @Test
  void aYearWithoutResultsIsA404WithAClearMessage() throws Exception {
    mvc.perform(
            get("/api/v1/blocs/" + bloc() + "/ranking?year=2023").header("Accept-Language", "en"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value(containsString("2023")));
  }

  @Test
  void theExplanationShowsEveryPoint() throws Exception {
    mvc.perform(
            get("/api/v1/pacts/" + pact() + "/results/1/units/HDG")
                .with(httpBasic("viewer", "demo"))
                .header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.criteria", hasSize(11)))
        .andExpect(jsonPath("$.criteria[0].indicator.indicator").value("BUDGET_REVENUE"))
        .andExpect(jsonPath("$.criteria[0].indicator.rule").value(containsString("linear")))
        .andExpect(jsonPath("$.criteria[2].rounds[1].scores", hasSize(11)))
        .andExpect(jsonPath("$.criteria[9].items[0].reason").value(containsString("Cờ thi đua")));
  }

  @Test
  void aVersionShowsTheRawResultBesideAndTheDisagreementPerCriterion() throws Exception {
    String body =
        mvc.perform(get("/api/v1/pacts/" + pact() + "/results/1").with(httpBasic("viewer", "demo")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(1))
            .andExpect(jsonPath("$.normalised").value(false))
            .andExpect(jsonPath("$.rows", hasSize(12)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode v = json.readTree(body);
    assertThat(v.get("criteria").size()).isPositive();
    String manual = v.get("criteria").get(0).asString();
    for (JsonNode r : v.get("rows")) {
      // the demo pact does not normalise: the raw result is the result
      assertThat(r.get("rawTotal").decimalValue())
          .isEqualByComparingTo(r.get("total").decimalValue());
      assertThat(r.get("rawRank").asInt()).isEqualTo(r.get("rank").asInt());
      // twelve assessors' scores of every manual criterion differ somewhere in the demo
      assertThat(r.get("spread").has(manual)).as(r.get("unit").asString()).isTrue();
    }
  }

  @Test
  void republishingMakesVersionTwoAndKeepsVersionOne() throws Exception {
    mvc.perform(
            post("/api/v1/pacts/" + pact() + "/results")
                .with(httpBasic("secretariat", "demo"))
                .header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2));
    assertThat(
            jdbc.sql("select count(*) from result_row where pact_id = ? and version = 1")
                .param(pact())
                .query(Integer.class)
                .single())
        .isEqualTo(12);
  }

  @Test
  void badSheetsAreRefusedWithNothingChanged() throws Exception {
    int sheets = rows("sheet");
    int scores = rows("sheet_score");
    // the demo's sheets are submitted: a second submission, or a change, is a conflict
    sheet("reporter", "CROSS", "TK", "HDG", "{\"scores\":[],\"version\":1}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(containsString("submitted")));
    mvc.perform(
            post("/api/v1/pacts/%d/sheets/CROSS/TK/HDG/submit".formatted(pact()))
                .with(httpBasic("reporter", "demo"))
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1}"))
        .andExpect(status().isConflict());
    // a unit assessing itself in the cross round
    sheet("reporter", "CROSS", "TK", "TK", "{\"scores\":[]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("cannot assess itself")));
    // someone else's unit
    sheet("reporter", "CROSS", "NG", "TK", "{\"scores\":[]}").andExpect(status().isForbidden());
    // an assessor outside the bloc (the secretariat writing for a department)
    sheet("secretariat", "CROSS", "SNV", "TK", "{\"scores\":[]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("not a member")));
    // the council round is the secretariat's
    sheet("reporter", "COUNCIL", "COUNCIL", "TK", "{\"scores\":[]}")
        .andExpect(status().isForbidden());
    assertThat(rows("sheet")).isEqualTo(sheets);
    assertThat(rows("sheet_score")).isEqualTo(scores);
  }

  @Test
  void scoresOutsideZeroToMaxAreRefused() throws Exception {
    long newPact = draftPactOnATestBloc();
    for (String pts : new String[] {"101", "-1", "12.345"}) {
      mvc.perform(
              put("/api/v1/pacts/%d/sheets/SELF/NS/NS".formatted(newPact))
                  .with(httpBasic("secretariat", "demo"))
                  .header("Accept-Language", "en")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"scores\":[{\"criterion\":\"M\",\"points\":" + pts + "}]}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.detail").value(containsString("0 to 100")));
    }
    assertThat(
            jdbc.sql("select count(*) from sheet where pact_id = ?")
                .param(newPact)
                .query(Integer.class)
                .single())
        .isZero();
    // nothing assessed yet: the pact is still a draft
    assertThat(
            jdbc.sql("select status from pact where id = ?")
                .param(newPact)
                .query(String.class)
                .single())
        .isEqualTo("DRAFT");
  }

  @Test
  void theFirstSheetFreezesThePactAndEditsAreThenRefused() throws Exception {
    long newPact = draftPactOnATestBloc();
    mvc.perform(
            put("/api/v1/pacts/%d/sheets/SELF/NS/NS".formatted(newPact))
                .with(httpBasic("secretariat", "demo"))
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scores\":[{\"criterion\":\"M\",\"points\":80,\"comment\":\"Tốt\"}]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DRAFT"));
    long blocId =
        jdbc.sql("select bloc_id from pact where id = ?").param(newPact).query(Long.class).single();
    String before =
        jdbc.sql("select definition::text from pact where id = ?")
            .param(newPact)
            .query(String.class)
            .single();
    mvc.perform(
            put("/api/v1/blocs/" + blocId + "/pact")
                .with(httpBasic("secretariat", "demo"))
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1,\"definition\":" + SMALL_PACT + "}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(containsString("frozen")));
    assertThat(
            jdbc.sql("select definition::text from pact where id = ?")
                .param(newPact)
                .query(String.class)
                .single())
        .isEqualTo(before);
  }

  static final String SMALL_PACT =
      """
      {"groups":[{"code":"G","name":"Nhóm","maxPoints":100,"criteria":[
        {"code":"M","name":"Tiêu chí","maxPoints":100,"method":"MANUAL"}]}],
       "weights":{"self":0.2,"cross":0.3,"council":0.5},
       "classification":[{"min":90,"label":"EXCELLENT"}],
       "otherwise":"NOT_COMPLETE","tieBreak":["COUNCIL"],"trimmedMean":false}""";

  long draftPactOnATestBloc() throws Exception {
    mvc.perform(
            post("/api/v1/blocs")
                .with(httpBasic("secretariat", "demo"))
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"code":"KHOI-THU","name":"Khối thử","year":2024,"memberCodes":["NS","NG","TM"],
                     "headCode":"NS","deputyCode":"NG"}"""))
        .andExpect(status().isCreated());
    long blocId =
        jdbc.sql("select id from bloc where code = 'KHOI-THU'").query(Long.class).single();
    mvc.perform(
            post("/api/v1/blocs/" + blocId + "/pact")
                .with(httpBasic("secretariat", "demo"))
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content(SMALL_PACT))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("DRAFT"));
    // a second pact for the same bloc is a conflict
    mvc.perform(
            post("/api/v1/blocs/" + blocId + "/pact")
                .with(httpBasic("secretariat", "demo"))
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content(SMALL_PACT))
        .andExpect(status().isConflict());
    return jdbc.sql("select id from pact where bloc_id = ?")
        .param(blocId)
        .query(Long.class)
        .single();
  }
}
