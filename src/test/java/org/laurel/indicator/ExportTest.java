package org.laurel.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.laurel.access.Access;
import org.laurel.bloc.BlocCommands.NewBloc;
import org.laurel.bloc.Blocs;
import org.laurel.organisation.UnitCommands.NewUnit;
import org.laurel.organisation.UnitKind;
import org.laurel.organisation.Units;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@LaurelTest
class ExportTest {

  static final String EVIL = "=HYPERLINK(\"http://evil.invalid\",\"Xã Bấm Vào\")";
  private static final AtomicInteger SEQ = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Units units;
  @Autowired Blocs blocs;

  long demoBloc() {
    return jdbc.sql("select id from bloc where code = 'KHOI-HUYEN' and year = 2024")
        .query(Long.class)
        .single();
  }

  MvcResult fetch(String path, boolean signedIn) throws Exception {
    var req = get(path).header("Accept-Language", "vi");
    if (signedIn) {
      req.with(httpBasic("admin", "demo"));
    }
    return mvc.perform(req).andReturn();
  }

  static List<CSVRecord> csv(MvcResult r) throws Exception {
    byte[] bytes = r.getResponse().getContentAsByteArray();
    assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
  }

  static XSSFSheet xlsx(MvcResult r) throws Exception {
    return new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))
        .getSheetAt(0);
  }

  @Test
  void blocSummaryAsCsvIsPublicWithBomAndVietnameseIntact() throws Exception {
    MvcResult r = fetch("/api/v1/blocs/" + demoBloc() + "/summary.csv?period=2024-H1", false);
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    assertThat(r.getResponse().getContentType()).startsWith("text/csv");
    assertThat(r.getResponse().getHeader("Content-Disposition"))
        .contains("attachment")
        .contains(".csv");
    List<CSVRecord> rows = csv(r);
    assertThat(rows.get(0).get(0)).isEqualTo("Chỉ tiêu");
    assertThat(rows.get(0).get(10)).isEqualTo("Xếp hạng");
    CSVRecord chiLinh =
        rows.stream()
            .filter(x -> x.get(0).equals("BUDGET_REVENUE") && x.get(3).equals("CL"))
            .findFirst()
            .orElseThrow();
    assertThat(chiLinh.get(4)).isEqualTo("Thành phố Chí Linh");
    assertThat(chiLinh.get(2)).isEqualTo("tỷ đồng");
    assertThat(new BigDecimal(chiLinh.get(5))).isPositive();
    assertThat(Integer.parseInt(chiLinh.get(10))).isBetween(1, 12);
    CSVRecord total =
        rows.stream()
            .filter(x -> x.get(0).equals("BUDGET_REVENUE") && x.get(4).equals("Toàn khối"))
            .findFirst()
            .orElseThrow();
    // DESIGN.md §5: the bloc's budget revenue for 2024-H1 is above 14,000 billion VND
    assertThat(new BigDecimal(total.get(5))).isGreaterThan(new BigDecimal("14000"));
  }

  @Test
  void blocSummaryAsXlsxHasNumericCells() throws Exception {
    MvcResult r = fetch("/api/v1/blocs/" + demoBloc() + "/summary.xlsx?period=2024-H1", false);
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    assertThat(r.getResponse().getContentType())
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    XSSFSheet sheet = xlsx(r);
    Row chiLinh = null;
    for (Row row : sheet) {
      if (row.getCell(3) != null && "CL".equals(row.getCell(3).getStringCellValue())) {
        chiLinh = row;
        break;
      }
    }
    assertThat(chiLinh).isNotNull();
    assertThat(chiLinh.getCell(4).getStringCellValue()).isEqualTo("Thành phố Chí Linh");
    for (int c = 5; c <= 10; c++) {
      assertThat(chiLinh.getCell(c).getCellType()).as("column %d", c).isEqualTo(CellType.NUMERIC);
    }
  }

  @Test
  void badPeriodIsAProblemNotAFile() throws Exception {
    MvcResult r = fetch("/api/v1/blocs/" + demoBloc() + "/summary.csv?period=2024-X9", false);
    assertThat(r.getResponse().getStatus()).isEqualTo(400);
  }

  @Test
  void reportNeedsSignInAndNeutralisesAFormulaLookingUnitName() throws Exception {
    String code = "XF" + System.nanoTime() % 100000 + SEQ.incrementAndGet();
    Access.runAsSystem(
        "test",
        () ->
            units.create(
                new NewUnit(code, EVIL, UnitKind.COMMUNE, "HD", LocalDate.of(2020, 1, 1))));

    assertThat(fetch("/api/v1/reports/" + code + "/2024-H1.csv", false).getResponse().getStatus())
        .isEqualTo(401);

    MvcResult r = fetch("/api/v1/reports/" + code + "/2024-H1.csv", true);
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    List<CSVRecord> rows = csv(r);
    assertThat(rows.get(0).get(1)).isEqualTo("Tên đơn vị");
    assertThat(rows).hasSizeGreaterThan(2);
    for (CSVRecord row : rows.subList(1, rows.size())) {
      assertThat(row.get(0)).isEqualTo(code);
      assertThat(row.get(1)).isEqualTo("'" + EVIL);
      assertThat(row.get(2)).isEqualTo("2024-H1");
    }

    XSSFSheet sheet = xlsx(fetch("/api/v1/reports/" + code + "/2024-H1.xlsx", true));
    Cell name = sheet.getRow(1).getCell(1);
    assertThat(name.getCellType()).isEqualTo(CellType.STRING);
    assertThat(name.getStringCellValue()).isEqualTo(EVIL);
    for (Row row : sheet) {
      row.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA));
    }
  }

  @Test
  void demoReportAsXlsxHasItsValuesAsNumbers() throws Exception {
    XSSFSheet sheet = xlsx(fetch("/api/v1/reports/CL/2024-H1.xlsx", true));
    Row budget = null;
    for (Row row : sheet) {
      if (row.getCell(4) != null && "BUDGET_REVENUE".equals(row.getCell(4).getStringCellValue())) {
        budget = row;
      }
    }
    assertThat(budget).isNotNull();
    assertThat(budget.getCell(1).getStringCellValue()).isEqualTo("Thành phố Chí Linh");
    assertThat(budget.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(budget.getCell(7).getNumericCellValue()).isPositive();
    assertThat(budget.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
  }

  @Test
  void aBlocMemberWithAFormulaLookingNameIsNeutralisedInTheBlocTable() throws Exception {
    int n = SEQ.incrementAndGet();
    String code = "XB" + System.nanoTime() % 100000 + n;
    String other = code + "-2";
    Access.runAsSystem(
        "test",
        () -> {
          units.create(new NewUnit(code, EVIL, UnitKind.COMMUNE, "HD", LocalDate.of(2020, 1, 1)));
          units.create(
              new NewUnit(
                  other, "Xã Bình Thường", UnitKind.COMMUNE, "HD", LocalDate.of(2020, 1, 1)));
          blocs.create(
              new NewBloc(
                  "XBLOC" + code, "Khối thử", 2024, null, List.of(code, other), code, other));
        });
    long bloc =
        jdbc.sql("select id from bloc where code = ?")
            .param("XBLOC" + code)
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            insert into estimate(unit_id, indicator_id, year, value)
            select u.id, i.id, 2024, 1500.5 from unit u, indicator i
            where u.code = ? and i.code = 'BUDGET_REVENUE'""")
        .param(code)
        .update();

    List<CSVRecord> rows =
        csv(fetch("/api/v1/blocs/" + bloc + "/summary.csv?period=2024-H1", false));
    CSVRecord evil = rows.stream().filter(r -> r.get(3).equals(code)).findFirst().orElseThrow();
    assertThat(evil.get(4)).isEqualTo("'" + EVIL);
    assertThat(evil.get(6)).isEqualTo("1500.5");

    XSSFSheet sheet = xlsx(fetch("/api/v1/blocs/" + bloc + "/summary.xlsx?period=2024-H1", false));
    Row row = null;
    for (Row x : sheet) {
      if (x.getCell(3) != null && code.equals(x.getCell(3).getStringCellValue())) {
        row = x;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.STRING);
    assertThat(row.getCell(4).getStringCellValue()).isEqualTo(EVIL);
    assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(1500.5);
  }
}
