package org.laurel.indicator;

import static org.hamcrest.Matchers.hasItem;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/** Draft → submitted → accepted or returned; locked once accepted; reopened by the secretariat. */
@LaurelTest
@Transactional
class ReportWorkflowTest {

  static final String ALL =
      "\"BUDGET_REVENUE\":300,\"INDUSTRIAL_OUTPUT\":2000,\"AGRICULTURAL_OUTPUT\":400,"
          + "\"DOSSIERS_ON_TIME\":97.5,\"COMPLAINTS_RESOLVED\":91,\"POVERTY_RATE\":2.1,"
          + "\"SOCIAL_INSURANCE\":33";

  @Autowired MockMvc mvc;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /** The report's current version, as a client would have read it. */
  int v(String unit, String period) {
    return jdbc.sql(
            "select r.version from report r join unit u on u.id = r.unit_id"
                + " where u.code = ? and r.period = ?")
        .params(unit, period)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  ResultActions as(
      String user,
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r,
      String json)
      throws Exception {
    return mvc.perform(
        r.with(httpBasic(user, "demo"))
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  @Test
  void aReportGoesFromDraftToAcceptedAndThenIsLocked() throws Exception {
    as(
            "reporter",
            put("/api/v1/reports/TK/2025-Q1"),
            "{\"values\":{" + ALL + "},\"comments\":{},\"version\":0}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DRAFT"))
        .andExpect(jsonPath("$.lines[0].lastYear").isNumber())
        .andExpect(jsonPath("$.lines[0].estimate").doesNotExist());
    as(
            "reporter",
            post("/api/v1/reports/TK/2025-Q1/submit"),
            "{\"version\":" + v("TK", "2025-Q1") + "}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUBMITTED"))
        .andExpect(jsonPath("$.submittedBy").value("reporter"));
    // the head of the 2024 bloc heads no bloc in 2025
    as(
            "blochead",
            post("/api/v1/reports/TK/2025-Q1/accept"),
            "{\"version\":" + v("TK", "2025-Q1") + "}")
        .andExpect(status().isForbidden());
    as(
            "secretariat",
            post("/api/v1/reports/TK/2025-Q1/accept"),
            "{\"version\":" + v("TK", "2025-Q1") + "}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACCEPTED"))
        .andExpect(jsonPath("$.locked").value(true));
    as(
            "reporter",
            put("/api/v1/reports/TK/2025-Q1"),
            "{\"values\":{" + ALL + "},\"comments\":{},\"version\":3}")
        .andExpect(status().isConflict());
    as(
            "secretariat",
            post("/api/v1/reports/TK/2025-Q1/reopen"),
            "{\"reason\":\"Cục Thống kê điều chỉnh\",\"version\":" + v("TK", "2025-Q1") + "}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DRAFT"))
        .andExpect(jsonPath("$.reason").value("Cục Thống kê điều chỉnh"));
  }

  @Test
  void submissionListsEveryMissingOrWrongValueByIndicator() throws Exception {
    as(
            "reporter",
            put("/api/v1/reports/TK/2025-Q1"),
            "{\"values\":{\"BUDGET_REVENUE\":300,\"DOSSIERS_ON_TIME\":130},\"comments\":{},\"version\":"
                + v("TK", "2025-Q1")
                + "}")
        .andExpect(status().isOk());
    as(
            "reporter",
            post("/api/v1/reports/TK/2025-Q1/submit"),
            "{\"version\":" + v("TK", "2025-Q1") + "}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.issues[*].indicator", hasItem("INDUSTRIAL_OUTPUT")))
        .andExpect(
            jsonPath("$.issues[?(@.indicator=='INDUSTRIAL_OUTPUT')].message")
                .value("A value is required."))
        .andExpect(
            jsonPath("$.issues[?(@.indicator=='DOSSIERS_ON_TIME')].message")
                .value("The value 130 is above the largest allowed, 100."));
    mvc.perform(get("/api/v1/reports/TK/2025-Q1").with(httpBasic("reporter", "demo")))
        .andExpect(jsonPath("$.status").value("DRAFT"));
  }

  @Test
  void aYearToDateValueMayNotFallAndABigChangeNeedsAComment() throws Exception {
    as(
        "reporter",
        put("/api/v1/reports/TK/2025-Q1"),
        "{\"values\":{" + ALL + "},\"comments\":{},\"version\":0}");
    as(
            "reporter",
            post("/api/v1/reports/TK/2025-Q1/submit"),
            "{\"version\":" + v("TK", "2025-Q1") + "}")
        .andExpect(status().isOk());
    String falling = ALL.replace("\"BUDGET_REVENUE\":300", "\"BUDGET_REVENUE\":250");
    as(
        "reporter",
        put("/api/v1/reports/TK/2025-H1"),
        "{\"values\":{" + falling + "},\"comments\":{},\"version\":0}");
    as(
            "reporter",
            post("/api/v1/reports/TK/2025-H1/submit"),
            "{\"version\":" + v("TK", "2025-H1") + "}")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.issues[?(@.indicator=='BUDGET_REVENUE')].message")
                .value(
                    hasItem(
                        "A year-to-date value cannot fall: 250 is less than the 300 reported for"
                            + " 2025-Q1.")));
    // 2024-H1 of Tứ Kỳ was 810.5: 3,000 is far above it and needs a word of explanation
    String jump =
        ALL.replace("\"BUDGET_REVENUE\":300", "\"BUDGET_REVENUE\":3000")
            .replace("\"INDUSTRIAL_OUTPUT\":2000", "\"INDUSTRIAL_OUTPUT\":7000")
            .replace("\"AGRICULTURAL_OUTPUT\":400", "\"AGRICULTURAL_OUTPUT\":850");
    as(
        "reporter",
        put("/api/v1/reports/TK/2025-H1"),
        "{\"values\":{" + jump + "},\"comments\":{},\"version\":" + v("TK", "2025-H1") + "}");
    as(
            "reporter",
            post("/api/v1/reports/TK/2025-H1/submit"),
            "{\"version\":" + v("TK", "2025-H1") + "}")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.issues[?(@.indicator=='BUDGET_REVENUE')].severity").value("WARNING"));
    as(
        "reporter",
        put("/api/v1/reports/TK/2025-H1"),
        "{\"values\":{"
            + jump
            + "},\"comments\":{\"BUDGET_REVENUE\":\"Thu tiền sử dụng đất một lần\"},\"version\":"
            + v("TK", "2025-H1")
            + "}");
    as(
            "reporter",
            post("/api/v1/reports/TK/2025-H1/submit"),
            "{\"version\":" + v("TK", "2025-H1") + "}")
        .andExpect(status().isOk());
  }

  @Test
  void aReturnNeedsAReasonAndAnotherUnitsReportIsNotTheReportersToWrite() throws Exception {
    as(
        "reporter",
        put("/api/v1/reports/TK/2025-Q1"),
        "{\"values\":{" + ALL + "},\"comments\":{},\"version\":0}");
    as(
        "reporter",
        post("/api/v1/reports/TK/2025-Q1/submit"),
        "{\"version\":" + v("TK", "2025-Q1") + "}");
    as(
            "secretariat",
            post("/api/v1/reports/TK/2025-Q1/return"),
            "{\"version\":" + v("TK", "2025-Q1") + "}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    as(
            "secretariat",
            post("/api/v1/reports/TK/2025-Q1/return"),
            "{\"reason\":\"Thiếu giải trình\",\"version\":" + v("TK", "2025-Q1") + "}")
        .andExpect(jsonPath("$.status").value("RETURNED"));
    as(
            "reporter",
            put("/api/v1/reports/CL/2025-Q1"),
            "{\"values\":{" + ALL + "},\"comments\":{},\"version\":0}")
        .andExpect(status().isForbidden());
  }

  @Test
  void anAcceptedReportPastItsDeadlineCannotBeChanged() throws Exception {
    as(
            "reporter",
            put("/api/v1/reports/TK/2024-Q1"),
            "{\"values\":{" + ALL + "},\"comments\":{},\"version\":1}")
        .andExpect(status().isConflict());
    as(
            "reporter",
            put("/api/v1/reports/TK/2024-M02"),
            "{\"values\":{" + ALL + "},\"comments\":{},\"version\":0}")
        .andExpect(status().isOk());
  }

  @Test
  void dossiersHandledOnTimeCannotOutnumberTheDossiersReceived() throws Exception {
    String both = ALL + ",\"DOSSIERS_RECEIVED\":1200,\"DOSSIERS_HANDLED_ON_TIME\":1250";
    as(
            "reporter",
            put("/api/v1/reports/TK/2025-Q1"),
            "{\"values\":{" + both + "},\"comments\":{},\"version\":0}")
        .andExpect(status().isOk());
    as(
            "reporter",
            post("/api/v1/reports/TK/2025-Q1/submit"),
            "{\"version\":" + v("TK", "2025-Q1") + "}")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.issues[?(@.indicator=='DOSSIERS_HANDLED_ON_TIME')].message")
                .value(hasItem("The value 1250 is above what DOSSIERS_RECEIVED allows: 1200.")));
  }
}
