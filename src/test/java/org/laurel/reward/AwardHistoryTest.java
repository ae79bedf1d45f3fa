package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.laurel.organisation.People;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

@LaurelTest
@Transactional
class AwardHistoryTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired AwardCatalogue catalogue;
  @Autowired People people;

  @Test
  void seedsTheVietnameseCatalogue() throws Exception {
    mvc.perform(get("/api/v1/award-types").with(httpBasic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.code=='CSTD_CS')].nameVi").value("Chiến sĩ thi đua cơ sở"))
        .andExpect(jsonPath("$[?(@.code=='CO_UBND')].recipient").value("COLLECTIVE"))
        .andExpect(jsonPath("$[?(@.code=='GK_HGD')].recipient").value("HOUSEHOLD"))
        .andExpect(jsonPath("$[?(@.code=='HCLD3_CN')].decider").value("PRESIDENT"))
        .andExpect(jsonPath("$[?(@.code=='CSTD_TQ')].level").value("NATIONAL"));
  }

  @Test
  void paysTheCoefficientOfTheBaseSalaryInForceOnTheDecisionDate() {
    // 1.0 × 1,800,000 before 2024-07-01; 1.0 × 2,340,000 from then on
    assertThat(catalogue.cash("BK_UBND_CN", LocalDate.of(2024, 6, 30)).amountVnd())
        .isEqualTo(1_800_000);
    assertThat(catalogue.cash("BK_UBND_CN", LocalDate.of(2024, 7, 1)).amountVnd())
        .isEqualTo(2_340_000);
    // 0.3 × 2,340,000 = 702,000, rounded up to the next 10,000
    assertThat(catalogue.cash("LDTT", LocalDate.of(2025, 1, 15)).amountVnd()).isEqualTo(710_000);
    assertThat(catalogue.cash("LDTT", LocalDate.of(2023, 12, 20)).baseSalaryVnd())
        .isEqualTo(1_800_000);
  }

  @Test
  void grantsAnAwardAndReachesAMergedUnitsHistoryFromItsSuccessor() throws Exception {
    grant(
            """
            {"recipient":"COLLECTIVE","unitCode":"TK.QUANGPHUC","awardCode":"TTLDTT","year":2019,
             "decisionNumber":"15/QĐ-UBND","decisionDate":"2020-01-20"}""")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.source").value("LAUREL"))
        .andExpect(jsonPath("$.unitCode").value("TK.QUANGPHUC"));
    // Quang Phục merged into HP.TK.TUKY on 2025-07-01
    mvc.perform(get("/api/v1/awards?unit=HP.TK.TUKY").with(httpBasic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].unitCode", hasItem("TK.QUANGPHUC")))
        .andExpect(
            jsonPath("$[?(@.unitCode=='TK.QUANGPHUC' && @.year==2019)].awardCode").value("TTLDTT"));
  }

  @Test
  void refusesTheSameAwardTwiceForAYear() throws Exception {
    String body =
        """
        {"recipient":"COLLECTIVE","unitCode":"TK.TIENDONG","awardCode":"TTLDTT","year":2018}""";
    grant(body).andExpect(status().isCreated());
    long before = awards();
    grant(body).andExpect(status().isConflict());
    assertThat(awards()).isEqualTo(before);
  }

  @Test
  void refusesAnAwardForTheWrongKindOfRecipient() throws Exception {
    long before = awards();
    grant(
            """
            {"recipient":"COLLECTIVE","unitCode":"TK","awardCode":"CSTD_CS","year":2022}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("recipient"));
    assertThat(awards()).isEqualTo(before);
  }

  @Test
  void importsPastAwardsFromCsvAllOrNothing() throws Exception {
    long person = person("TK", "Phạm Văn Nhập");
    String good =
        """
        recipient,unit,person,household,award,year,decision_number,decision_date,achievement
        INDIVIDUAL,TK,Phạm Văn Nhập,,LDTT,2021,12/QĐ-UBND,15/1/2022,
        INDIVIDUAL,TK,%d,,CSTD_CS,2021,13/QĐ-UBND,2022-01-15,Sáng kiến cấp cơ sở
        COLLECTIVE,TK.TUKY,,,TTLDTT,2019,14/QĐ-UBND,2020-01-15,
        HOUSEHOLD,TK.TUKY,,Hộ ông Nguyễn Văn Cần,GK_HGD,2019,,,
        """
            .formatted(person);
    long before = awards();
    upload("awards.csv", good.getBytes(StandardCharsets.UTF_8))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.imported").value(4));
    assertThat(awards()).isEqualTo(before + 4);
    assertThat(
            jdbc.sql("select count(*) from award where person_id = ? and source = 'IMPORTED'")
                .param(person)
                .query(Long.class)
                .single())
        .isEqualTo(2);

    String bad =
        """
        recipient,unit,person,household,award,year,decision_number,decision_date
        INDIVIDUAL,TK,%d,,LDTT,2022,,,
        INDIVIDUAL,TK,Không Có Ai,,LDTT,2022,,,
        COLLECTIVE,NOPE,,,TTLDTT,2022,,,
        INDIVIDUAL,TK,%d,,LDTT,2021,,,
        COLLECTIVE,TK,,,TTLDTT,hai nghìn,,,
        """
            .formatted(person, person);
    upload("awards.csv", bad.getBytes(StandardCharsets.UTF_8))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.badRows").value(4))
        .andExpect(jsonPath("$.rows[0].row").value(3))
        .andExpect(jsonPath("$.rows[0].column").value("person"))
        .andExpect(jsonPath("$.rows[1].row").value(4))
        .andExpect(jsonPath("$.rows[1].column").value("unit"))
        .andExpect(jsonPath("$.rows[2].row").value(5))
        .andExpect(jsonPath("$.rows[3].column").value("year"));
    assertThat(awards()).as("nothing written").isEqualTo(before + 4);
  }

  @Test
  void importsPastAwardsFromXlsx() throws Exception {
    long person = person("CL", "Đỗ Thị Bảng");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      XSSFSheet sheet = book.createSheet("awards");
      String[][] rows = {
        {
          "recipient",
          "unit",
          "person",
          "household",
          "award",
          "year",
          "decision_number",
          "decision_date"
        },
        {"INDIVIDUAL", "CL", Long.toString(person), "", "CSTD_CS", "2020", "9/QĐ-UBND", ""},
      };
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      book.write(out);
    }
    upload("awards.xlsx", out.toByteArray())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.imported").value(1));
    mvc.perform(get("/api/v1/awards?person=" + person).with(httpBasic("viewer", "demo")))
        .andExpect(jsonPath("$[0].awardCode").value("CSTD_CS"))
        .andExpect(jsonPath("$[0].source").value("IMPORTED"));
  }

  @Test
  void refusesAFileThatIsNoTable() throws Exception {
    long before = awards();
    upload("awards.csv", "%PDF-1.7\n\u0000\u0001binary".getBytes(StandardCharsets.ISO_8859_1))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    assertThat(awards()).isEqualTo(before);
  }

  @Test
  void onlyTheSecretariatImports() throws Exception {
    mvc.perform(
            multipart("/api/v1/imports/awards")
                .file(new MockMultipartFile("file", "a.csv", "text/csv", new byte[] {'x'}))
                .with(httpBasic("reporter", "demo")))
        .andExpect(status().isForbidden());
  }

  private ResultActions grant(String json) throws Exception {
    return mvc.perform(
        post("/api/v1/awards")
            .with(httpBasic("admin", "demo"))
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private ResultActions upload(String name, byte[] bytes) throws Exception {
    return mvc.perform(
        multipart("/api/v1/imports/awards")
            .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
            .with(httpBasic("admin", "demo"))
            .header("Accept-Language", "en"));
  }

  private long person(String unit, String name) {
    return jdbc.sql(
            "insert into person(unit_id, full_name, active) select id, ?, true from unit where code = ? returning id")
        .params(name, unit)
        .query(Long.class)
        .single();
  }

  private long awards() {
    return jdbc.sql("select count(*) from award").query(Long.class).single();
  }
}
