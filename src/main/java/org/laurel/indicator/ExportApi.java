package org.laurel.indicator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.laurel.indicator.TableWriter.Format;
import org.laurel.indicator.TableWriter.Table;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bloc table and a report as CSV or XLSX: the JSON endpoint's path with {@code .csv} or {@code
 * .xlsx} appended, readable by whoever may read the JSON.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Indicators and reports")
class ExportApi {

  private final Exports exports;

  ExportApi(Exports exports) {
    this.exports = exports;
  }

  @GetMapping("/blocs/{id}/summary.csv")
  @Operation(summary = "The bloc summary as CSV (UTF-8 with byte-order mark)")
  void blocCsv(@PathVariable long id, @RequestParam String period, HttpServletResponse res)
      throws IOException {
    bloc(id, period, Format.CSV, res);
  }

  @GetMapping("/blocs/{id}/summary.xlsx")
  @Operation(summary = "The bloc summary as XLSX")
  void blocXlsx(@PathVariable long id, @RequestParam String period, HttpServletResponse res)
      throws IOException {
    bloc(id, period, Format.XLSX, res);
  }

  @GetMapping("/reports/{unit}/{period}.csv")
  @Operation(summary = "A report's lines as CSV (UTF-8 with byte-order mark)")
  void reportCsv(@PathVariable String unit, @PathVariable String period, HttpServletResponse res)
      throws IOException {
    send(exports.report(unit, period, LocaleContextHolder.getLocale()), Format.CSV, res);
  }

  @GetMapping("/reports/{unit}/{period}.xlsx")
  @Operation(summary = "A report's lines as XLSX")
  void reportXlsx(@PathVariable String unit, @PathVariable String period, HttpServletResponse res)
      throws IOException {
    send(exports.report(unit, period, LocaleContextHolder.getLocale()), Format.XLSX, res);
  }

  private void bloc(long id, String period, Format format, HttpServletResponse res)
      throws IOException {
    send(exports.bloc(id, Reports.period(period), LocaleContextHolder.getLocale()), format, res);
  }

  /** The table is built before the first byte goes out, so errors still become problem details. */
  private static void send(Table table, Format format, HttpServletResponse res) throws IOException {
    res.setContentType(format.contentType);
    res.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename(table.title().replace(' ', '_') + "." + format.extension)
            .build()
            .toString());
    TableWriter.write(table, format, res.getOutputStream());
  }
}
