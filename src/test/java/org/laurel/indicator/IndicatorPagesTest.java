package org.laurel.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The indicator pages: bloc figures and charts, report entry and workflow, import, template. */
@LaurelTest
@Transactional
class IndicatorPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  private final Map<String, Cookie> sessions = new HashMap<>();

  /** Signs in with the login form; the SESSION cookie carries the session (stored in the DB). */
  Cookie login(String user) throws Exception {
    Cookie c = sessions.get(user);
    if (c == null) {
      MvcResult r =
          mvc.perform(
                  SecurityMockMvcRequestBuilders.formLogin("/login").user(user).password("demo"))
              .andExpect(redirectedUrl("/"))
              .andReturn();
      c = r.getResponse().getCookie("SESSION");
      assertThat(c).as("session of " + user).isNotNull();
      sessions.put(user, c);
    }
    return c;
  }

  long bloc2024() {
    return jdbc.sql("select id from bloc where code = 'KHOI-HUYEN' and year = 2024")
        .query(Long.class)
        .single();
  }

  String page(String user, MockHttpServletRequestBuilder req) throws Exception {
    return mvc.perform(req.cookie(login(user)).header("Accept-Language", "vi"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void blocOverviewShowsTheHalfYearBudgetRevenueFormattedInVietnamese() throws Exception {
    String html =
        page("viewer", get("/blocs/" + bloc2024() + "/figures").param("period", "2024-H1"));
    String budget = section(html, "id=\"ind-BUDGET_REVENUE\"", "</section>");
    assertThat(budget)
        .contains("Thu ngân sách nhà nước trên địa bàn")
        .contains("14.104,5 tỷ đồng")
        .contains("72,0 %")
        .contains("Cùng kỳ năm trước")
        .contains("Tăng trưởng")
        .contains("Xếp hạng");
    // twelve members, each with a rank
    assertThat(section(budget, "<tbody>", "</tbody>").split("<tr").length - 1).isEqualTo(12);
    assertThat(html)
        .contains("6 tháng đầu năm 2024")
        .contains("data-chart-src=\"/blocs/" + bloc2024() + "/figures/chart?")
        .containsPattern("src=\"/webjars/echarts/[0-9.]+/dist/echarts.min.js\"")
        .contains("/js/charts.js")
        .doesNotContain("??");
  }

  @Test
  void blocOverviewIsInEnglishWithEnglishSeparators() throws Exception {
    String html =
        mvc.perform(
                get("/blocs/" + bloc2024() + "/figures")
                    .param("period", "2024-H1")
                    .param("lang", "en")
                    .cookie(login("viewer")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("14,104.5 billion VND").contains("72.0 %").doesNotContain("??");
  }

  @Test
  void blocPageLinksToItsFigures() throws Exception {
    String html = page("viewer", get("/blocs/" + bloc2024()));
    assertThat(html).contains("/blocs/" + bloc2024() + "/figures\"");
  }

  @Test
  void chartDataHasEveryMemberAndTheYearOfTheBlocAndTheYearBefore() throws Exception {
    String body =
        page(
            "viewer",
            get("/blocs/" + bloc2024() + "/figures/chart")
                .param("indicator", "BUDGET_REVENUE")
                .param("period", "2024-H1"));
    JsonNode chart = json.readTree(body);
    assertThat(chart.get("measure").asString()).isEqualTo("tỷ đồng");
    assertThat(chart.get("byUnit").get("units").size()).isEqualTo(12);
    assertThat(chart.get("byUnit").get("value").size()).isEqualTo(12);
    assertThat(chart.get("byUnit").get("estimate").get(0).isNull()).isFalse();
    JsonNode overTime = chart.get("overTime");
    assertThat(overTime.get("periods").size()).isEqualTo(4);
    assertThat(overTime.get("periods").get(1).asString()).isEqualTo("6 tháng");
    assertThat(new BigDecimal(overTime.get("thisYear").get(1).asString()))
        .isEqualByComparingTo("14104.5");
    assertThat(overTime.get("lastYear").get(1).isNull()).isFalse();
    assertThat(overTime.get("thisYearLabel").asString()).isEqualTo("2024");
  }

  @Test
  void reporterSavesADraftOfTheirUnit() throws Exception {
    mvc.perform(
            post("/reports/TK/2025-Q1")
                .cookie(login("reporter"))
                .with(csrf())
                .param("version", "0")
                .param("values[BUDGET_REVENUE]", "512.5")
                .param("comments[BUDGET_REVENUE]", "Ước tính")
                .param("values[INDUSTRIAL_OUTPUT]", ""))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/reports/TK/2025-Q1"))
        .andExpect(flash().attributeExists("flash"));
    assertThat(
            jdbc.sql(
                    """
                    select r.status || ' ' || v.value || ' ' || v.comment from report r
                    join unit u on u.id = r.unit_id join report_value v on v.report_id = r.id
                    where u.code = 'TK' and r.period = '2025-Q1'""")
                .query(String.class)
                .list())
        .containsExactly("DRAFT 512.5000 Ước tính");
    String html = page("reporter", get("/reports/TK/2025-Q1"));
    assertThat(html)
        .contains("Bản nháp")
        .contains("value=\"512.5\"")
        .contains("Lưu nháp")
        .contains("Gửi báo cáo")
        .doesNotContain("??");
  }

  @Test
  void aStaleVersionShowsTheConflictAndKeepsTheOtherSave() throws Exception {
    Cookie s = login("reporter");
    // the empty form is version 0; the first save creates the report at version 1, the next
    // save (having read version 1) moves it on to 2
    for (String[] save : List.of(new String[] {"0", "90"}, new String[] {"1", "100"})) {
      mvc.perform(
              post("/reports/TK/2025-Q1")
                  .cookie(s)
                  .with(csrf())
                  .param("version", save[0])
                  .param("values[BUDGET_REVENUE]", save[1]))
          .andExpect(status().is3xxRedirection());
    }
    String html =
        mvc.perform(
                post("/reports/TK/2025-Q1")
                    .cookie(s)
                    .header("Accept-Language", "vi")
                    .with(csrf())
                    .param("version", "0")
                    .param("values[BUDGET_REVENUE]", "200"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("Bản ghi vừa được người khác thay đổi");
    // the form keeps what was typed, with the version read, for a second try after reloading
    assertThat(html).contains("value=\"200\"");
    assertThat(value("TK", "2025-Q1", "BUDGET_REVENUE")).isEqualByComparingTo("100");
  }

  @Test
  void submittingWithoutARequiredValueListsTheIssueByIndicatorAndKeepsTheDraft() throws Exception {
    String html =
        mvc.perform(
                post("/reports/TK/2025-Q1/submit")
                    .cookie(login("reporter"))
                    .header("Accept-Language", "vi")
                    .with(csrf())
                    .param("version", "0")
                    .param("values[BUDGET_REVENUE]", "300"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String issues = section(html, "id=\"issues\"", "</div>");
    assertThat(issues)
        .contains("Báo cáo chưa được gửi")
        .contains("Giá trị sản xuất công nghiệp")
        .contains("Chưa nhập giá trị bắt buộc.");
    assertThat(reportStatus("TK", "2025-Q1")).isEqualTo("DRAFT");
    assertThat(value("TK", "2025-Q1", "BUDGET_REVENUE")).isEqualByComparingTo("300");
  }

  @Test
  void aCompleteReportIsSubmittedAndTheSecretariatAcceptsIt() throws Exception {
    // last year's values of the same quarter: no warning about a big change
    List<String[]> lastYear =
        jdbc.sql(
                """
                select i.code, v.value from report r join unit u on u.id = r.unit_id
                join report_value v on v.report_id = r.id join indicator i on i.id = v.indicator_id
                where u.code = 'TK' and r.period = '2024-Q1'""")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getBigDecimal(2).toPlainString()})
            .list();
    MockHttpServletRequestBuilder submit =
        post("/reports/TK/2025-Q1/submit")
            .cookie(login("reporter"))
            .with(csrf())
            .param("version", "0");
    List<String> given = lastYear.stream().map(v -> v[0]).toList();
    for (String[] v : lastYear) {
      submit.param("values[" + v[0] + "]", v[1]);
    }
    for (String code :
        List.of(
            "BUDGET_REVENUE",
            "INDUSTRIAL_OUTPUT",
            "AGRICULTURAL_OUTPUT",
            "DOSSIERS_ON_TIME",
            "COMPLAINTS_RESOLVED",
            "POVERTY_RATE",
            "SOCIAL_INSURANCE")) {
      if (!given.contains(code)) {
        submit.param("values[" + code + "]", "50");
      }
    }
    mvc.perform(submit)
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/reports/TK/2025-Q1"));
    assertThat(reportStatus("TK", "2025-Q1")).isEqualTo("SUBMITTED");

    String html = page("secretariat", get("/reports/TK/2025-Q1"));
    assertThat(html).contains("Đã gửi").contains("Duyệt").contains("Trả lại");
    assertThat(html).doesNotContain("Lưu nháp</button>");
    int version =
        jdbc.sql(
                "select r.version from report r join unit u on u.id = r.unit_id"
                    + " where u.code = 'TK' and r.period = '2025-Q1'")
            .query(Integer.class)
            .single();
    mvc.perform(
            post("/reports/TK/2025-Q1/accept")
                .cookie(login("secretariat"))
                .with(csrf())
                .param("version", Integer.toString(version)))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attributeExists("flash"));
    assertThat(reportStatus("TK", "2025-Q1")).isEqualTo("ACCEPTED");
  }

  @Test
  void returningNeedsAReason() throws Exception {
    jdbc.sql(
            """
            insert into report(unit_id, period, year, end_month, status)
            select id, '2025-Q1', 2025, 3, 'SUBMITTED' from unit where code = 'TK'""")
        .update();
    String html =
        mvc.perform(
                post("/reports/TK/2025-Q1/return")
                    .cookie(login("secretariat"))
                    .header("Accept-Language", "vi")
                    .with(csrf())
                    .param("version", "0")
                    .param("reason", " "))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("class=\"error\"");
    assertThat(reportStatus("TK", "2025-Q1")).isEqualTo("SUBMITTED");
    mvc.perform(
            post("/reports/TK/2025-Q1/return")
                .cookie(login("secretariat"))
                .with(csrf())
                .param("version", "0")
                .param("reason", "Thiếu số liệu nông nghiệp"))
        .andExpect(status().is3xxRedirection());
    assertThat(reportStatus("TK", "2025-Q1")).isEqualTo("RETURNED");
  }

  @Test
  void anAcceptedReportPastItsDeadlineIsShownLocked() throws Exception {
    String html = page("reporter", get("/reports/TK/2024-H1"));
    assertThat(html).contains("Đã duyệt").contains("Đã khóa").contains("10/07/2024");
    // the values are shown, not offered for editing
    assertThat(html).contains("locked-value").doesNotContain("name=\"values[");
    assertThat(html).doesNotContain("Gửi báo cáo</button>").doesNotContain("Lưu nháp</button>");
  }

  @Test
  void reporterGets403OnAnotherUnitsReport() throws Exception {
    Cookie s = login("reporter");
    mvc.perform(get("/reports/CL/2025-Q1").cookie(s)).andExpect(status().isForbidden());
    mvc.perform(
            post("/reports/CL/2025-Q1")
                .cookie(s)
                .with(csrf())
                .param("version", "0")
                .param("values[BUDGET_REVENUE]", "1"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/reports").param("unit", "CL").cookie(s)).andExpect(status().isForbidden());
    assertThat(reportStatus("CL", "2025-Q1")).isNull();
  }

  @Test
  void reportListShowsTheUnitsReportsOfTheYear() throws Exception {
    String html = page("reporter", get("/reports").param("year", "2024"));
    assertThat(html)
        .contains("Huyện Tứ Kỳ")
        .contains("/reports/TK/2024-H1")
        .contains("6 tháng đầu năm 2024")
        .contains("Đã duyệt");
  }

  @Test
  void importOfABadFileListsEveryBadRowTranslatedAndChangesNothing() throws Exception {
    long before = jdbc.sql("select count(*) from report_value").query(Long.class).single();
    byte[] csv =
        """
        unit,indicator,period,value
        TK,BUDGET_REVENUE,2025-Q1,10
        XX,BUDGET_REVENUE,2025-Q1,10
        TK,INDUSTRIAL_OUTPUT,2025-Q1,12,5
        """
            .getBytes(StandardCharsets.UTF_8);
    String html =
        mvc.perform(
                multipart("/imports")
                    .file(new MockMultipartFile("file", "so-lieu.csv", "text/csv", csv))
                    .param("kind", "value")
                    .cookie(login("secretariat"))
                    .header("Accept-Language", "vi")
                    .with(csrf()))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String table = section(html, "id=\"problems\"", "</table>");
    assertThat(table)
        .contains("<td class=\"num\">3</td>")
        .contains("Không có đơn vị mã XX.")
        .contains("<td class=\"num\">4</td>");
    assertThat(html).contains("so-lieu.csv").doesNotContain("??");
    assertThat(jdbc.sql("select count(*) from report_value").query(Long.class).single())
        .isEqualTo(before);
    assertThat(reportStatus("TK", "2025-Q1")).isNull();
  }

  @Test
  void importOfAGoodFileReportsItsCounts() throws Exception {
    byte[] csv =
        "unit,indicator,period,value\nTK,BUDGET_REVENUE,2025-Q1,10\nTK,INDUSTRIAL_OUTPUT,2025-Q1,12.5\n"
            .getBytes(StandardCharsets.UTF_8);
    MvcResult r =
        mvc.perform(
                multipart("/imports")
                    .file(new MockMultipartFile("file", "tk.csv", "text/csv", csv))
                    .param("kind", "value")
                    .cookie(login("reporter"))
                    .header("Accept-Language", "vi")
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/imports"))
            .andReturn();
    assertThat((String) r.getFlashMap().get("flash"))
        .isEqualTo("Đã nhập tk.csv: 2 dòng, 2 giá trị mới, 0 thay đổi, 0 không đổi.");
    assertThat(reportStatus("TK", "2025-Q1")).isEqualTo("DRAFT");
  }

  @Test
  void reporterImportWithAnotherUnitsRowIs403() throws Exception {
    byte[] csv =
        "unit,indicator,period,value\nTK,BUDGET_REVENUE,2025-Q1,10\nCL,BUDGET_REVENUE,2025-Q1,10\n"
            .getBytes(StandardCharsets.UTF_8);
    mvc.perform(
            multipart("/imports")
                .file(new MockMultipartFile("file", "x.csv", "text/csv", csv))
                .cookie(login("reporter"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    // the import's transaction is rolled back (here: the test's, which is no longer usable)
  }

  @Test
  void importPageIsTranslated() throws Exception {
    String html = page("reporter", get("/imports"));
    assertThat(html)
        .contains("Nhập số liệu và dự toán")
        .contains("Tải tệp mẫu")
        .doesNotContain("??");
    mvc.perform(get("/imports").cookie(login("viewer"))).andExpect(status().isForbidden());
  }

  @Test
  void templateHasTheBomTheHeaderAndARowPerMemberAndIndicator() throws Exception {
    MvcResult r =
        mvc.perform(
                get("/blocs/" + bloc2024() + "/template.csv")
                    .param("period", "2024-9M")
                    .cookie(login("reporter")))
            .andExpect(status().isOk())
            .andReturn();
    byte[] body = r.getResponse().getContentAsByteArray();
    assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(r.getResponse().getContentType()).startsWith("text/csv");
    assertThat(r.getResponse().getHeader("Content-Disposition")).contains("attachment");
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    long indicators = jdbc.sql("select count(*) from indicator").query(Long.class).single();
    assertThat(lines.get(0)).isEqualTo("unit,indicator,period,value");
    assertThat(lines).hasSize(1 + 12 * (int) indicators);
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.matches("[A-Z]+,[A-Z_]+,2024-9M,"));
    assertThat(lines).contains("TK,BUDGET_REVENUE,2024-9M,");
  }

  @Test
  void catalogueLabelsTheEnumsAndTheHeaderLinksToIt() throws Exception {
    String html = page("viewer", get("/indicators"));
    assertThat(html)
        .contains(">Chỉ tiêu</a>")
        .contains("tỷ đồng")
        .contains("Cộng tổng")
        .contains("Càng thấp càng tốt")
        .contains("Cải cách hành chính")
        .doesNotContain("??");
  }

  // ---- helpers

  private String reportStatus(String unit, String period) {
    return jdbc.sql(
            "select r.status from report r join unit u on u.id = r.unit_id"
                + " where u.code = ? and r.period = ?")
        .params(unit, period)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private BigDecimal value(String unit, String period, String indicator) {
    return jdbc.sql(
            """
            select v.value from report r join unit u on u.id = r.unit_id
            join report_value v on v.report_id = r.id join indicator i on i.id = v.indicator_id
            where u.code = ? and r.period = ? and i.code = ?""")
        .params(unit, period, indicator)
        .query(BigDecimal.class)
        .single();
  }

  private static String section(String html, String from, String to) {
    int start = html.indexOf(from);
    assertThat(start).as("page has " + from).isNotNegative();
    int end = html.indexOf(to, start);
    return html.substring(start, end < 0 ? html.length() : end);
  }
}
