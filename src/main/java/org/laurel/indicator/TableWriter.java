package org.laurel.indicator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes a table as CSV (UTF-8 with a byte-order mark, so that Excel reads Vietnamese correctly) or
 * as XLSX (streamed, numbers as numeric cells). Every export goes through here. Text that a
 * spreadsheet would take for a formula ({@code = + - @}, tab, carriage return first) is
 * neutralised: a leading {@code '} in CSV; in XLSX a plain string cell, marked as quoted text.
 */
final class TableWriter {

  enum Format {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    final String contentType;
    final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }
  }

  /** A title (the XLSX sheet's name), a header row and rows of text, numbers or nulls. */
  record Table(String title, List<String> header, List<List<@Nullable Object>> rows) {}

  /** Rows kept in memory by the streaming workbook; the rest goes to a temporary file. */
  private static final int WINDOW = 200;

  private TableWriter() {}

  static void write(Table table, Format format, OutputStream out) throws IOException {
    switch (format) {
      case CSV -> csv(table, out);
      case XLSX -> xlsx(table, out);
    }
  }

  static void csv(Table table, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get().print(w);
    csv.printRecord(table.header().stream().map(TableWriter::csvCell).toList());
    for (List<@Nullable Object> row : table.rows()) {
      List<String> cells = new ArrayList<>(row.size());
      for (Object cell : row) {
        cells.add(csvCell(cell));
      }
      csv.printRecord(cells);
    }
    csv.flush();
  }

  static void xlsx(Table table, OutputStream out) throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
    try {
      Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle quoted = wb.createCellStyle();
      quoted.setQuotePrefixed(true);
      Row head = sheet.createRow(0);
      for (int c = 0; c < table.header().size(); c++) {
        Cell cell = head.createCell(c);
        cell.setCellValue(table.header().get(c));
        cell.setCellStyle(bold);
      }
      int r = 1;
      for (List<@Nullable Object> values : table.rows()) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < values.size(); c++) {
          Object v = values.get(c);
          if (v == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (v instanceof BigDecimal b) {
            cell.setCellValue(b.doubleValue());
          } else if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else {
            String s = v.toString();
            // always a string cell, never a formula; quoted so that editing it keeps it text
            cell.setCellValue(s);
            if (formulaLike(s)) {
              cell.setCellStyle(quoted);
            }
          }
        }
      }
      wb.write(out);
      out.flush();
    } finally {
      wb.close();
    }
  }

  static String csvCell(@Nullable Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal b) {
      return b.stripTrailingZeros().toPlainString();
    }
    if (v instanceof Number n) {
      return n.toString();
    }
    return neutralise(v.toString());
  }

  /** The text with a leading {@code '} when a spreadsheet would start a formula with it. */
  static String neutralise(String s) {
    return formulaLike(s) ? "'" + s : s;
  }

  static boolean formulaLike(String s) {
    return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
  }
}
