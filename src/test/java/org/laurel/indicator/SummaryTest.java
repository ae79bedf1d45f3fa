package org.laurel.indicator;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** Derived figures against values computed by hand. */
@LaurelTest
@Transactional
class SummaryTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  long bloc2024() {
    return jdbc.sql("select id from bloc where code = 'KHOI-HUYEN' and year = 2024")
        .query(Long.class)
        .single();
  }

  void importCsv(String rows) throws Exception {
    mvc.perform(
            multipart("/api/v1/imports/indicator-values")
                .file(
                    new MockMultipartFile(
                        "file",
                        "v.csv",
                        "text/csv",
                        ("unit,indicator,period,value\n" + rows).getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("secretariat", "demo")))
        .andExpect(status().isOk());
  }

  @Test
  void readsTheDemoBlocsFirstHalfOf2024LikeTheMidYearReview() throws Exception {
    mvc.perform(get("/api/v1/blocs/" + bloc2024() + "/summary?period=2024-H1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.period").value("2024-H1"))
        .andExpect(jsonPath("$.indicators[0].indicator").value("BUDGET_REVENUE"))
        .andExpect(
            jsonPath("$.indicators[0].total").value(org.hamcrest.Matchers.greaterThan(14000.0)))
        .andExpect(
            jsonPath("$.indicators[0].percentOfEstimate")
                .value(org.hamcrest.Matchers.greaterThan(70.0)))
        .andExpect(
            jsonPath("$.indicators[0].growthPercent")
                .value(org.hamcrest.Matchers.closeTo(39.0, 1.0)))
        .andExpect(jsonPath("$.indicators[0].members", hasSize(12)))
        .andExpect(jsonPath("$.indicators[1].indicator").value("INDUSTRIAL_OUTPUT"))
        .andExpect(
            jsonPath("$.indicators[1].total").value(org.hamcrest.Matchers.greaterThan(180000.0)))
        .andExpect(
            jsonPath("$.indicators[1].growthPercent")
                .value(org.hamcrest.Matchers.closeTo(14.0, 1.0)));
  }

  @Test
  void computesEachFigureOfASmallBlocByHand() throws Exception {
    mvc.perform(
            post("/api/v1/blocs")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"code":"KHOI-THU","name":"Khối thử","year":2024,"memberCodes":["NS","NG","TM"],
                     "headCode":"NS","deputyCode":"NG"}"""))
        .andExpect(status().isCreated());
    long id = jdbc.sql("select id from bloc where code = 'KHOI-THU'").query(Long.class).single();
    importCsv(
        """
        NS,RETAIL_SALES,2023-H1,80
        NG,RETAIL_SALES,2023-H1,40
        NS,RETAIL_SALES,2024-H1,100
        NG,RETAIL_SALES,2024-H1,50
        TM,RETAIL_SALES,2024-H1,50
        """);
    mvc.perform(
            multipart("/api/v1/imports/indicator-values?kind=estimate")
                .file(
                    new MockMultipartFile(
                        "file",
                        "e.csv",
                        "text/csv",
                        "unit,indicator,period,value\nNS,RETAIL_SALES,2024,250\nNG,RETAIL_SALES,2024,150\n"
                            .getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("secretariat", "demo")))
        .andExpect(status().isOk());
    String retail = "$.indicators[?(@.indicator=='RETAIL_SALES')]";
    mvc.perform(get("/api/v1/blocs/" + id + "/summary?period=2024-H1"))
        // 100 + 50 + 50
        .andExpect(jsonPath(retail + ".total").value(200))
        .andExpect(jsonPath(retail + ".estimate").value(400))
        // over the members with both: (100 + 50) / (250 + 150)
        .andExpect(jsonPath(retail + ".percentOfEstimate").value(37.5))
        .andExpect(jsonPath(retail + ".samePeriodLastYear").value(120))
        // (100 + 50) / (80 + 40) − 1: Thanh Miện has no 2023 figure to compare with
        .andExpect(jsonPath(retail + ".growthPercent").value(25.0))
        .andExpect(jsonPath(retail + ".members[?(@.unit=='NS')].growthPercent").value(25.0))
        .andExpect(jsonPath(retail + ".members[?(@.unit=='NS')].percentOfEstimate").value(40.0))
        .andExpect(jsonPath(retail + ".members[?(@.unit=='NS')].rank").value(1))
        // Ninh Giang and Thanh Miện share the second place; nobody is third
        .andExpect(jsonPath(retail + ".members[?(@.unit=='NG')].rank").value(2))
        .andExpect(jsonPath(retail + ".members[?(@.unit=='TM')].rank").value(2))
        .andExpect(
            jsonPath(retail + ".members[?(@.unit=='TM')].growthPercent")
                .value(org.hamcrest.Matchers.contains((Object) null)));
  }

  @Test
  void takesAStockAtThePeriodsEndAndAddsItUpAcrossUnits() throws Exception {
    mvc.perform(
            post("/api/v1/blocs")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"code":"KHOI-DN","name":"Khối doanh nghiệp","year":2024,
                     "memberCodes":["NS","NG"],"headCode":"NS","deputyCode":"NG"}"""))
        .andExpect(status().isCreated());
    long id = jdbc.sql("select id from bloc where code = 'KHOI-DN'").query(Long.class).single();
    // monthly counts; Ninh Giang did not report May
    importCsv(
        """
        NS,ENTERPRISES_ACTIVE,2024-M04,300
        NS,ENTERPRISES_ACTIVE,2024-M05,310
        NS,ENTERPRISES_ACTIVE,2024-M06,305
        NG,ENTERPRISES_ACTIVE,2024-M04,120
        NG,ENTERPRISES_ACTIVE,2024-M06,126
        NS,ENTERPRISES_ACTIVE,2023-M06,280
        NG,ENTERPRISES_ACTIVE,2023-Q2,100
        """);
    String stock = "$.indicators[?(@.indicator=='ENTERPRISES_ACTIVE')]";
    mvc.perform(get("/api/v1/blocs/" + id + "/summary?period=2024-Q2"))
        // June's figures, not a sum or an average of the months: 305 + 126
        .andExpect(jsonPath(stock + ".total").value(431))
        .andExpect(jsonPath(stock + ".members[?(@.unit=='NS')].value").value(305))
        // last year's: Nam Sách's June report, Ninh Giang's Q2 report (both more specific than
        // the demo's half-year reports, which end in June too), 280 + 100
        .andExpect(jsonPath(stock + ".samePeriodLastYear").value(380));
    mvc.perform(get("/api/v1/blocs/" + id + "/summary?period=2024-M05"))
        .andExpect(jsonPath(stock + ".members[?(@.unit=='NS')].value").value(310))
        .andExpect(
            jsonPath(stock + ".members[?(@.unit=='NG')].value")
                .value(org.hamcrest.Matchers.contains((Object) null)));
  }

  @Test
  void rebuildsLastYearOfAMergedUnitFromItsPredecessorsAcrossThe2025Reform() throws Exception {
    // 2025-07-01: Tứ Kỳ's Tứ Kỳ and Quang Phục merged into HP.TK.TUKY, which also took 30 % of
    // Tiên Động; the other 70 % became HP.TK.TIENDONG
    importCsv(
        """
        TK.TUKY,BUDGET_REVENUE,2025-H1,100
        TK.QUANGPHUC,BUDGET_REVENUE,2025-H1,50
        TK.TIENDONG,BUDGET_REVENUE,2025-H1,40
        HP.TK.TUKY,BUDGET_REVENUE,2026-H1,200
        HP.TK.TIENDONG,BUDGET_REVENUE,2026-H1,35
        """);
    mvc.perform(
            post("/api/v1/blocs")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"code":"KHOI-XA","name":"Khối các xã Tứ Kỳ cũ","year":2026,
                     "memberCodes":["HP.TK.TUKY","HP.TK.TIENDONG"],
                     "headCode":"HP.TK.TUKY","deputyCode":"HP.TK.TIENDONG"}"""))
        .andExpect(status().isCreated());
    long id = jdbc.sql("select id from bloc where code = 'KHOI-XA'").query(Long.class).single();
    String br = "$.indicators[?(@.indicator=='BUDGET_REVENUE')]";
    mvc.perform(get("/api/v1/blocs/" + id + "/summary?period=2026-H1"))
        // 100 × 1 + 50 × 1 + 40 × 0.3 = 162; 200 / 162 − 1 = 23.46 %
        .andExpect(jsonPath(br + ".members[?(@.unit=='HP.TK.TUKY')].samePeriodLastYear").value(162))
        .andExpect(jsonPath(br + ".members[?(@.unit=='HP.TK.TUKY')].growthPercent").value(23.5))
        .andExpect(
            jsonPath(br + ".members[?(@.unit=='HP.TK.TUKY')].samePeriodLastYearFrom[*].unit")
                .value(
                    org.hamcrest.Matchers.containsInAnyOrder(
                        "TK.TUKY", "TK.QUANGPHUC", "TK.TIENDONG")))
        // 40 × 0.7 = 28; 35 / 28 − 1 = 25 %
        .andExpect(
            jsonPath(br + ".members[?(@.unit=='HP.TK.TIENDONG')].samePeriodLastYear").value(28))
        .andExpect(jsonPath(br + ".members[?(@.unit=='HP.TK.TIENDONG')].growthPercent").value(25.0))
        // the bloc: 235 against 190
        .andExpect(jsonPath(br + ".total").value(235))
        .andExpect(jsonPath(br + ".samePeriodLastYear").value(190))
        .andExpect(jsonPath(br + ".growthPercent").value(23.7));
  }

  @Test
  void countsOnlyAcceptedValues() throws Exception {
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/v1/reports/HP.TK.TUKY/2026-Q1")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\":{\"BUDGET_REVENUE\":999},\"comments\":{},\"version\":0}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DRAFT"));
    mvc.perform(
            post("/api/v1/blocs")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"code":"KHOI-NHAP","name":"Nháp","year":2026,"memberCodes":["HP.TK.TUKY","HP.TK.TIENDONG"],
                     "headCode":"HP.TK.TUKY","deputyCode":"HP.TK.TIENDONG"}"""))
        .andExpect(status().isCreated());
    long id = jdbc.sql("select id from bloc where code = 'KHOI-NHAP'").query(Long.class).single();
    mvc.perform(get("/api/v1/blocs/" + id + "/summary?period=2026-Q1"))
        .andExpect(jsonPath("$.indicators", hasSize(0)));
  }

  @Test
  void refusesAMalformedPeriod() throws Exception {
    mvc.perform(
            get("/api/v1/blocs/" + bloc2024() + "/summary?period=2024-06")
                .header("Accept-Language", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("period"));
    mvc.perform(get("/api/v1/blocs/999999/summary?period=2024-H1"))
        .andExpect(status().isNotFound());
  }

  @Test
  void weighsARateByItsWeightIndicator() throws Exception {
    // the rate of dossiers on time, weighted by the dossiers each unit received
    jdbc.sql(
            "update indicator set aggregation = 'WEIGHTED_AVERAGE', weight_code = 'DOSSIERS_RECEIVED'"
                + " where code = 'DOSSIERS_ON_TIME'")
        .update();
    mvc.perform(
            post("/api/v1/blocs")
                .with(httpBasic("secretariat", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"code":"KHOI-TYLE","name":"Khối thử tỷ lệ","year":2026,
                     "memberCodes":["HP.NS.NAMSACH","HP.NG.NINHGIANG"],
                     "headCode":"HP.NS.NAMSACH","deputyCode":"HP.NG.NINHGIANG"}"""))
        .andExpect(status().isCreated());
    importCsv(
        """
        HP.NS.NAMSACH,DOSSIERS_ON_TIME,2026-Q1,90
        HP.NS.NAMSACH,DOSSIERS_RECEIVED,2026-Q1,100
        HP.NG.NINHGIANG,DOSSIERS_ON_TIME,2026-Q1,60
        HP.NG.NINHGIANG,DOSSIERS_RECEIVED,2026-Q1,300
        """);
    long id = jdbc.sql("select id from bloc where code = 'KHOI-TYLE'").query(Long.class).single();
    mvc.perform(get("/api/v1/blocs/" + id + "/summary?period=2026-Q1"))
        // (90 × 100 + 60 × 300) ÷ 400 = 67.5, not the plain mean 75
        .andExpect(jsonPath("$.indicators[?(@.indicator=='DOSSIERS_ON_TIME')].total").value(67.5))
        .andExpect(
            jsonPath("$.indicators[?(@.indicator=='DOSSIERS_ON_TIME')].aggregation")
                .value("WEIGHTED_AVERAGE"));
  }
}
