package org.laurel.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laurel.support.LaurelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/** Every bad input gets a clear 4xx naming the row or the file's problem, and changes nothing. */
@LaurelTest
@Transactional
class ImportTest {

  static final String HEADER = "unit,indicator,period,value\n";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Imports imports;

  long values;
  long reports;

  @BeforeEach
  void count() {
    values = count("report_value");
    reports = count("report");
  }

  ResultActions upload(byte[] content, String name, String user, String kind) throws Exception {
    return mvc.perform(
        multipart("/api/v1/imports/indicator-values?kind=" + kind)
            .file(new MockMultipartFile("file", name, "application/octet-stream", content))
            .with(httpBasic(user, "demo"))
            .header("Accept-Language", "en"));
  }

  ResultActions csv(String text) throws Exception {
    return upload(text.getBytes(StandardCharsets.UTF_8), "values.csv", "admin", "value");
  }

  void unchanged() {
    assertThat(count("report_value")).isEqualTo(values);
    assertThat(count("report")).isEqualTo(reports);
  }

  @Test
  void importsValuesAsAcceptedReportsAndTheSameFileTwiceChangesNothing() throws Exception {
    String file =
        HEADER
            + "HP.TK.TUKY,BUDGET_REVENUE,2026-H1,200.5\n"
            + "HP.TK.TUKY,INDUSTRIAL_OUTPUT,2026-H1,1500\n";
    csv(file)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rows").value(2))
        .andExpect(jsonPath("$.inserted").value(2))
        .andExpect(jsonPath("$.unchanged").value(0));
    csv(file)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.inserted").value(0))
        .andExpect(jsonPath("$.updated").value(0))
        .andExpect(jsonPath("$.unchanged").value(2));
    assertThat(
            jdbc.sql(
                    "select r.status || ' ' || r.source || ' ' || r.decided_by || ' ' || r.version"
                        + " || ' ' || (r.decided_at is not null)::text || ' ' || r.year"
                        + " || ' ' || r.end_month"
                        + " from report r join unit u on u.id = r.unit_id"
                        + " where u.code = 'HP.TK.TUKY' and period = '2026-H1'")
                .query(String.class)
                .single())
        .isEqualTo("ACCEPTED IMPORT admin 1 true 2026 6");
    assertThat(count("report_value")).isEqualTo(values + 2);
  }

  @Test
  void listsEveryBadRowWithItsColumnAndWritesNothing() throws Exception {
    csv(HEADER
            + "HP.TK.TUKY,BUDGET_REVENUE,2026-H1,1\n"
            + "NOWHERE,BUDGET_REVENUE,2026-H1,1\n"
            + "HP.TK.TUKY,NO_SUCH,2026-H1,1\n"
            + "HP.TK.TUKY,INDUSTRIAL_OUTPUT,2026-06,1\n"
            + "HP.TK.TUKY,AGRICULTURAL_OUTPUT,2026-H1,\"1,5\"\n"
            + "HP.TK.TUKY,RETAIL_SALES,2026-H1,-3\n"
            + "HP.TK.TUKY,DOSSIERS_ON_TIME,2026-H1,101\n"
            + "HP.TK.TUKY,BUDGET_REVENUE,2026-H1,2\n"
            + "HP.TK.TUKY,POVERTY_RATE\n"
            + "TK,BUDGET_REVENUE,2026-H1,1\n")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.badRows").value(9))
        .andExpect(jsonPath("$.rows[0].row").value(3))
        .andExpect(jsonPath("$.rows[0].column").value("unit"))
        .andExpect(jsonPath("$.rows[0].message").value("There is no unit with code NOWHERE."))
        .andExpect(jsonPath("$.rows[1].column").value("indicator"))
        .andExpect(jsonPath("$.rows[2].column").value("period"))
        .andExpect(jsonPath("$.rows[3].column").value("value"))
        .andExpect(
            jsonPath("$.rows[4].message")
                .value("The value -3 is below the smallest allowed for RETAIL_SALES, 0."))
        .andExpect(
            jsonPath("$.rows[5].message")
                .value("The value 101 is above the largest allowed for DOSSIERS_ON_TIME, 100."))
        // in row order: the repeat is found where it is read
        .andExpect(jsonPath("$.rows[6].row").value(9))
        .andExpect(
            jsonPath("$.rows[6].message").value("The same unit, indicator and period as row 2."))
        .andExpect(jsonPath("$.rows[7].message").value("The row has 2 columns; it needs 4."))
        .andExpect(jsonPath("$.rows[8].message").value("Unit TK did not exist during 2026-H1."));
    unchanged();
  }

  @Test
  void refusesAWrongHeader() throws Exception {
    csv("don_vi,chi_tieu,ky,gia_tri\nTK,BUDGET_REVENUE,2024-H1,1\n")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.rows[0].row").value(1));
    unchanged();
  }

  @Test
  void readsUtf8WithByteOrderMarkAndUtf16() throws Exception {
    String text = HEADER + "HP.TK.TUKY,BUDGET_REVENUE,2026-Q1,90\n";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[bom.length + utf8.length];
    System.arraycopy(bom, 0, withBom, 0, 3);
    System.arraycopy(utf8, 0, withBom, 3, utf8.length);
    upload(withBom, "bom.csv", "admin", "value").andExpect(status().isOk());
    // UTF-16 as Excel's "Unicode text" writes it: little-endian with its byte-order mark
    upload(text.replace("90", "95").getBytes(StandardCharsets.UTF_16), "u16.csv", "admin", "value")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.updated").value(1));
  }

  @Test
  void refusesWindows1258TextRatherThanGuessing() throws Exception {
    // Đ, ô and ư are single bytes in Windows-1258, and not valid UTF-8
    Charset cp1258 = Charset.forName("windows-1258");
    byte[] bytes =
        (HEADER + "HP.TK.TUKY,BUDGET_REVENUE,2026-Q1,90\nĐông Hưng,BUDGET_REVENUE,2026-Q1,1\n")
            .getBytes(cp1258);
    upload(bytes, "legacy.csv", "admin", "value")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("CSV UTF-8")));
    unchanged();
  }

  @Test
  void refusesAFileThatIsNeitherCsvNorXlsx() throws Exception {
    byte[] ole2 = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    upload(ole2, "old.xls", "admin", "value")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("This is not a CSV or XLSX file."));
  }

  @Test
  void refusesAZipBombDressedAsXlsx() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 64; i++) {
        zip.write(spaces); // 64 MiB of blanks squeeze into a few KiB
      }
    }
    assertThat(bytes.size()).isLessThan(200_000);
    upload(bytes.toByteArray(), "bomb.xlsx", "admin", "value")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    unchanged();
  }

  @Test
  void refusesAFileAboveTheSizeLimit() throws Exception {
    Object before = ReflectionTestUtils.getField(imports, "maxBytes");
    ReflectionTestUtils.setField(imports, "maxBytes", 64L);
    try {
      csv(HEADER
              + "HP.TK.TUKY,BUDGET_REVENUE,2026-Q1,90\nHP.TK.TUKY,INDUSTRIAL_OUTPUT,2026-Q1,90\n")
          .andExpect(status().isBadRequest())
          .andExpect(
              jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at most 64")));
    } finally {
      ReflectionTestUtils.setField(imports, "maxBytes", before);
    }
    unchanged();
  }

  @Test
  void importsAnXlsxSheet() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
      var sheet = wb.createSheet("values");
      String[][] rows = {
        {"unit", "indicator", "period", "value"},
        {"HP.TK.TUKY", "BUDGET_REVENUE", "2026-M01", "30.5"},
        {"HP.TK.TUKY", "INDUSTRIAL_OUTPUT", "2026-M01", null}
      };
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < 4; c++) {
          if (rows[r][c] != null) {
            row.createCell(c).setCellValue(rows[r][c]);
          }
        }
      }
      sheet.getRow(2).createCell(3).setCellValue(250); // a numeric cell
      wb.write(out);
    }
    upload(out.toByteArray(), "values.xlsx", "admin", "value")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rows").value(2))
        .andExpect(jsonPath("$.inserted").value(2));
  }

  @Test
  void importsEstimatesByYear() throws Exception {
    upload(
            (HEADER + "HP.TK.TUKY,BUDGET_REVENUE,2026,480\n").getBytes(StandardCharsets.UTF_8),
            "e.csv",
            "admin",
            "estimate")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.kind").value("ESTIMATES"));
    upload(
            (HEADER + "HP.TK.TUKY,BUDGET_REVENUE,2026-H1,480\n").getBytes(StandardCharsets.UTF_8),
            "e.csv",
            "admin",
            "estimate")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.rows[0].column").value("period"));
  }

  @Test
  void aFileMixingNewAndExistingReportsInsertsUpdatesAndLeavesTheRestAlone() throws Exception {
    csv(HEADER
            + "HP.TK.TUKY,BUDGET_REVENUE,2026-Q1,100\n"
            + "HP.TK.TUKY,INDUSTRIAL_OUTPUT,2026-Q1,900\n")
        .andExpect(status().isOk());
    long reportsBefore = count("report");
    // one value changed, one the same, one new in the existing report, two in a new report
    csv(HEADER
            + "HP.TK.TUKY,BUDGET_REVENUE,2026-Q1,101\n"
            + "HP.TK.TUKY,INDUSTRIAL_OUTPUT,2026-Q1,900\n"
            + "HP.TK.TUKY,AGRICULTURAL_OUTPUT,2026-Q1,50\n"
            + "HP.TK.TUKY,BUDGET_REVENUE,2026-H1,250\n"
            + "HP.TK.TUKY,INDUSTRIAL_OUTPUT,2026-H1,1800\n")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.inserted").value(3))
        .andExpect(jsonPath("$.updated").value(1))
        .andExpect(jsonPath("$.unchanged").value(1));
    assertThat(count("report")).isEqualTo(reportsBefore + 1);
    assertThat(
            jdbc.sql(
                    """
                    select string_agg(r.period || ' ' || i.code || ' ' || v.value::text, '; '
                                      order by r.period, i.code)
                    from report r join unit u on u.id = r.unit_id
                    join report_value v on v.report_id = r.id join indicator i on i.id = v.indicator_id
                    where u.code = 'HP.TK.TUKY' and r.period in ('2026-Q1', '2026-H1')""")
                .query(String.class)
                .single())
        .isEqualTo(
            "2026-H1 BUDGET_REVENUE 250.0000; 2026-H1 INDUSTRIAL_OUTPUT 1800.0000; "
                + "2026-Q1 AGRICULTURAL_OUTPUT 50.0000; 2026-Q1 BUDGET_REVENUE 101.0000; "
                + "2026-Q1 INDUSTRIAL_OUTPUT 900.0000");
  }

  @Test
  void theSecretariatsImportAcceptsAReportersDraft() throws Exception {
    upload(
            (HEADER + "TK,BUDGET_REVENUE,2025-M02,30\n").getBytes(StandardCharsets.UTF_8),
            "tk.csv",
            "reporter",
            "value")
        .andExpect(status().isOk());
    csv(HEADER + "TK,BUDGET_REVENUE,2025-M02,31\n")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.updated").value(1));
    assertThat(
            jdbc.sql(
                    "select r.status || ' ' || r.decided_by || ' ' || r.version from report r"
                        + " join unit u on u.id = r.unit_id"
                        + " where u.code = 'TK' and period = '2025-M02'")
                .query(String.class)
                .single())
        .isEqualTo("ACCEPTED admin 2");
  }

  @Test
  void aReportersImportFillsDraftsOfTheirOwnUnitOnly() throws Exception {
    upload(
            (HEADER + "TK,BUDGET_REVENUE,2025-Q1,300\n").getBytes(StandardCharsets.UTF_8),
            "tk.csv",
            "reporter",
            "value")
        .andExpect(status().isOk());
    assertThat(
            jdbc.sql(
                    "select r.status || ' ' || r.source || ' ' || (r.decided_by is null)::text"
                        + " || ' ' || (r.decided_at is null)::text || ' ' || r.year"
                        + " || ' ' || r.end_month"
                        + " from report r join unit u on u.id = r.unit_id"
                        + " where u.code = 'TK' and period = '2025-Q1'")
                .query(String.class)
                .single())
        .isEqualTo("DRAFT IMPORT true true 2025 3");
    upload(
            (HEADER + "CL,BUDGET_REVENUE,2025-Q1,300\n").getBytes(StandardCharsets.UTF_8),
            "cl.csv",
            "reporter",
            "value")
        .andExpect(status().isForbidden());
    // accepted 2024 reports are no longer the reporter's to change
    upload(
            (HEADER + "TK,BUDGET_REVENUE,2024-H1,1\n").getBytes(StandardCharsets.UTF_8),
            "tk.csv",
            "reporter",
            "value")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.rows[0].column").value("period"));
  }

  @Test
  void copyColumnsEscapeWhatCopyTextFormatReadsAsSpecial() {
    assertThat(
            new String(Imports.copyColumns("a\tb", "c\\d\ne", "Tứ Kỳ\r"), StandardCharsets.UTF_8))
        .isEqualTo("a\\tb\tc\\\\d\\ne\tTứ Kỳ\\r");
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
