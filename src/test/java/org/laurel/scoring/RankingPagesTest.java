package org.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ranking page with its chart data, and the explanation page of one unit's points. */
@LaurelTest
class RankingPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  private Cookie session;

  Cookie login() throws Exception {
    if (session == null) {
      session =
          mvc.perform(
                  SecurityMockMvcRequestBuilders.formLogin("/login")
                      .user("viewer")
                      .password("demo"))
              .andExpect(redirectedUrl("/"))
              .andReturn()
              .getResponse()
              .getCookie("SESSION");
      assertThat(session).isNotNull();
    }
    return session;
  }

  long bloc2024() {
    return jdbc.sql("select id from bloc where code = 'KHOI-HUYEN' and year = 2024")
        .query(Long.class)
        .single();
  }

  long pact2024() {
    return jdbc.sql("select id from pact where bloc_id = ?")
        .param(bloc2024())
        .query(Long.class)
        .single();
  }

  String page(String path, int expected) throws Exception {
    return mvc.perform(get(path).cookie(login()).header("Accept-Language", "vi"))
        .andExpect(status().is(expected))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  static List<String> all(String html, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void rankingShowsTwelveUnitsInRankOrderWithTranslatedClassifications() throws Exception {
    String html = page("/blocs/" + bloc2024() + "/ranking", 200);
    assertThat(html).contains("Xếp hạng năm 2024").contains("Phiên bản 1, công bố lúc");
    String table = html.substring(html.indexOf("id=\"ranking\""), html.indexOf("</table>"));
    List<String> ranks = all(table, "<td class=\"num rank\">(\\d+)</td>");
    assertThat(ranks).hasSize(12);
    List<Integer> asInts = ranks.stream().map(Integer::parseInt).toList();
    assertThat(asInts).isSorted();
    assertThat(asInts.get(0)).isEqualTo(1);
    // the order of the table is the published order
    List<String> codes =
        jdbc.sql(
                """
            select unit_code from result_row where pact_id = ? and version = 1
            order by rank, unit_code""")
            .param(pact2024())
            .query(String.class)
            .list();
    assertThat(all(table, "data-unit=\"([A-Z0-9.]+)\"")).containsExactlyElementsOf(codes);
    assertThat(table)
        .contains("/pacts/" + pact2024() + "/results/1/units/" + codes.get(0))
        .containsPattern(
            "class=\"badge class-[A-Z_]+\">(Xuất sắc|Tốt|Hoàn thành|Không hoàn thành)<");
    assertThat(html).contains("data-chart-kind=\"ranking\"").contains("/js/charts.js");
    assertThat(html).doesNotContain("??");
  }

  @Test
  void rankingShowsTheDisagreementOfTheAssessorsPerUnitAndCriterion() throws Exception {
    String html = page("/blocs/" + bloc2024() + "/ranking?lang=en", 200);
    assertThat(html).contains("id=\"disagreement\"").contains("Disagreement between assessors");
    String table = html.substring(html.indexOf("class=\"disagreement\""));
    table = table.substring(0, table.indexOf("</table>"));
    assertThat(all(table, "<tr data-unit=\"([A-Z0-9.]+)\"")).hasSize(12);
    // the demo pact does not normalise: no raw columns
    assertThat(html).doesNotContain("Raw total");
  }

  @Test
  void chartDataHasTheTotalsBestFirst() throws Exception {
    String body = page("/blocs/" + bloc2024() + "/ranking/chart", 200);
    JsonNode d = json.readTree(body);
    assertThat(d.get("units")).hasSize(12);
    assertThat(d.get("totals")).hasSize(12);
    assertThat(d.get("classifications")).hasSize(12);
    assertThat(d.get("totalLabel").asString()).isEqualTo("Tổng điểm");
    double previous = Double.MAX_VALUE;
    for (JsonNode t : d.get("totals")) {
      assertThat(t.asDouble()).isLessThanOrEqualTo(previous);
      previous = t.asDouble();
    }
    assertThat(d.get("ranks").get(0).asInt()).isEqualTo(1);
  }

  @Test
  void explanationShowsRulesAssessorsMeansAndTheTotal() throws Exception {
    String unit =
        jdbc.sql("select unit_code from result_row where pact_id = ? and version = 1 and rank = 1")
            .param(pact2024())
            .query(String.class)
            .list()
            .get(0);
    String html = page("/pacts/" + pact2024() + "/results/1/units/" + unit, 200);
    assertThat(html)
        .contains("Giải trình điểm")
        .contains("Tiêu chí")
        .contains("Điểm tối đa")
        .contains("Vòng tự chấm")
        .contains("Chấm chéo")
        .contains("Hội đồng thẩm định")
        .contains("1/12")
        .doesNotContain("??");
    // an indicator criterion with its linear rule
    String budget = criterion(html, "KT.THU_NS");
    assertThat(budget)
        .contains(
            "120 điểm khi đạt ≥ 100 %, mỗi 1 % thiếu trừ 3 điểm, thấp nhất 0; thưởng 5 điểm khi vượt 110 %")
        .contains("BUDGET_REVENUE");
    // a manual criterion: each round's mean
    String manual = criterion(html, "KT.DAU_TU");
    assertThat(manual).containsPattern("<td class=\"num mean\">\\d+(,\\d+)?</td>");
    String tie = html.substring(html.indexOf("id=\"tie-break\""));
    assertThat(tie.indexOf(">COUNCIL<")).isLessThan(tie.indexOf(">KT<"));
    assertThat(tie.indexOf(">KT<")).isLessThan(tie.indexOf(">XDCQ<"));
    assertThat(html).containsPattern("<dd class=\"total\">\\d+(\\.\\d{3})*(,\\d+)?</dd>");
  }

  @Test
  void bonusAndPenaltyItemsShowTheirReasons() throws Exception {
    String hdg =
        criterion(page("/pacts/" + pact2024() + "/results/1/units/HDG", 200), "TDKT.THUONG");
    assertThat(hdg)
        .contains("+10")
        .contains("Cờ thi đua của Chính phủ năm 2023")
        .contains("Điểm cộng");
    String kt = criterion(page("/pacts/" + pact2024() + "/results/1/units/KT", 200), "TDKT.TRU");
    assertThat(kt).contains("−5").contains("Nộp báo cáo quý III chậm 10 ngày").contains("Điểm trừ");
  }

  @Test
  void explanationInEnglish() throws Exception {
    String html =
        mvc.perform(
                get("/pacts/" + pact2024() + "/results/1/units/HDG")
                    .cookie(login())
                    .header("Accept-Language", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html)
        .contains("Explanation of the points of")
        .contains("Self-assessment")
        .contains("points at ≥ 100 %")
        .doesNotContain("??");
  }

  /** The table row of one criterion. */
  static String criterion(String html, String code) {
    int from = html.indexOf("id=\"criterion-" + code + "\"");
    assertThat(from).as(code).isPositive();
    int to = html.indexOf("id=\"criterion-", from + 10);
    return html.substring(from, to < 0 ? html.length() : to);
  }

  @Test
  void unknownBlocPactOrUnitIsA404Page() throws Exception {
    assertThat(page("/blocs/999999/ranking", 404)).contains("<html");
    assertThat(page("/blocs/999999/ranking/chart", 404)).isNotNull();
    assertThat(page("/pacts/" + pact2024() + "/results/1/units/NOPE", 404)).contains("<html");
    assertThat(page("/pacts/" + pact2024() + "/results/99/units/HDG", 404)).contains("<html");
    assertThat(page("/pacts/999999/results/1/units/HDG", 404)).contains("<html");
  }

  @Test
  void aBlocWithoutAPublishedRankingSaysSo() throws Exception {
    // the demo's 2023 bloc has no pact, so nothing published
    long other =
        jdbc.sql("select id from bloc where code = 'KHOI-HUYEN' and year = 2023")
            .query(Long.class)
            .single();
    String html = page("/blocs/" + other + "/ranking", 200);
    assertThat(html).contains("id=\"no-ranking\"").doesNotContain("id=\"ranking\"");
  }

  @Test
  void signInIsNeeded() throws Exception {
    mvc.perform(get("/blocs/" + bloc2024() + "/ranking")).andExpect(status().is3xxRedirection());
  }
}
