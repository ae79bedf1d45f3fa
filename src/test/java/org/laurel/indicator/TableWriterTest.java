package org.laurel.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.laurel.indicator.TableWriter.Table;

class TableWriterTest {

  static final String EVIL = "=HYPERLINK(\"http://evil.invalid\",\"Bấm vào đây\")";

  static Table table() {
    return new Table(
        "Khối 2024-H1",
        List.of("Đơn vị", "Giá trị", "Hạng"),
        List.of(
            Arrays.asList("Thành phố Chí Linh", new BigDecimal("1234.5"), 1),
            Arrays.asList(EVIL, new BigDecimal("-3.25"), null),
            Arrays.asList("+84 912", null, 2),
            Arrays.asList("-1", BigDecimal.ZERO, 3),
            Arrays.asList("@SUM(A1)", BigDecimal.ONE, 4),
            Arrays.asList("\tTab", BigDecimal.TEN, 5)));
  }

  @Test
  void csvHasBomKeepsVietnameseAndNeutralisesFormulas() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableWriter.csv(table(), out);
    byte[] bytes = out.toByteArray();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    assertThat(text.split("\r\n"))
        .containsExactly(
            "Đơn vị,Giá trị,Hạng",
            "Thành phố Chí Linh,1234.5,1",
            "\"'=HYPERLINK(\"\"http://evil.invalid\"\",\"\"Bấm vào đây\"\")\",-3.25,",
            "'+84 912,,2",
            "'-1,0,3",
            "'@SUM(A1),1,4",
            "'\tTab,10,5");
  }

  @Test
  void xlsxWritesTextAsStringsNeverFormulasAndNumbersAsNumbers() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableWriter.xlsx(table(), out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      XSSFSheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("Khối 2024-H1");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Đơn vị");
      Row chiLinh = sheet.getRow(1);
      assertThat(chiLinh.getCell(0).getStringCellValue()).isEqualTo("Thành phố Chí Linh");
      assertThat(chiLinh.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(chiLinh.getCell(1).getNumericCellValue()).isEqualTo(1234.5);
      assertThat(chiLinh.getCell(2).getNumericCellValue()).isEqualTo(1.0);
      Row evil = sheet.getRow(2);
      assertThat(evil.getCell(0).getCellType()).isEqualTo(CellType.STRING);
      assertThat(evil.getCell(0).getStringCellValue()).isEqualTo(EVIL);
      assertThat(evil.getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
      assertThat(evil.getCell(1).getNumericCellValue()).isEqualTo(-3.25);
      assertThat(evil.getCell(2)).isNull();
      for (Row row : sheet) {
        row.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA));
      }
    }
  }
}
