package org.laurel.scoring;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.laurel.scoring.ScoreEngine.Explanation;
import org.laurel.scoring.ScoreEngine.ItemPart;
import org.laurel.scoring.ScoreEngine.Line;
import org.laurel.scoring.ScoreEngine.RoundPart;
import org.laurel.scoring.ScoreEngine.Score;

/**
 * A unit's explanation as a table, one row per source of points: each criterion's points, an
 * indicator's figures and rule, each round's mean and each assessor's score (with its normalised
 * value, comment and evidence), each bonus or penalty item. CSV is UTF-8 with a byte-order mark;
 * XLSX has numbers as numeric cells. The indicator module's table writer is internal to it, so
 * scoring has this small one. Text a spreadsheet would read as a formula (first character {@code =
 * + - @}, tab or carriage return) gets a leading {@code '} in CSV and is quoted text in XLSX.
 */
final class ExplanationExport {
  private ExplanationExport() {}

  enum Format {
    CSV("text/csv;charset=UTF-8"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    final String contentType;

    Format(String contentType) {
      this.contentType = contentType;
    }
  }

  /** The message keys of the columns, in order. */
  static final List<String> COLUMNS =
      List.of(
          "scoring.export.unit",
          "scoring.export.group",
          "scoring.export.criterion",
          "scoring.export.name",
          "scoring.export.method",
          "scoring.export.max",
          "scoring.export.part",
          "scoring.export.who",
          "scoring.export.value",
          "scoring.export.normalised",
          "scoring.export.comment",
          "scoring.export.evidence");

  static List<List<@Nullable Object>> rows(Explanation e) {
    List<List<@Nullable Object>> out = new ArrayList<>();
    for (Line l : e.criteria()) {
      Object[] key = {e.unit(), l.group(), l.criterion(), l.name(), l.method().name(), l.max()};
      out.add(row(key, "points", null, l.points(), null, l.note(), null));
      var ind = l.indicator();
      if (ind != null) {
        String what = ind.indicator() + " " + ind.period();
        out.add(row(key, "value", what, ind.value(), null, null, null));
        out.add(row(key, "estimate", what, ind.estimate(), null, null, null));
        out.add(row(key, "lastYear", what, ind.lastYear(), null, null, null));
        out.add(row(key, "percent", what, ind.percent(), null, ind.rule(), null));
        out.add(row(key, "base", null, ind.base(), null, null, null));
        out.add(row(key, "bonus", null, ind.bonus(), null, null, null));
      }
      if (l.rounds() != null) {
        for (RoundPart r : l.rounds()) {
          String round = r.round().name();
          out.add(row(key, "mean " + round, null, r.mean(), null, null, null));
          for (Score s : r.scores()) {
            out.add(
                row(
                    key,
                    "score " + round,
                    s.assessor(),
                    s.points(),
                    s.normalised(),
                    s.comment(),
                    s.evidence()));
          }
          for (String a : r.abstained()) {
            out.add(row(key, "abstained " + round, a, null, null, null, null));
          }
          for (ScoreEngine.Recusal x : r.recused()) {
            out.add(row(key, "recused " + round, x.assessor(), null, null, x.reason(), null));
          }
        }
      }
      if (l.items() != null) {
        for (ItemPart i : l.items()) {
          BigDecimal pts =
              l.method() == PactDefinition.Method.PENALTY ? i.points().negate() : i.points();
          out.add(row(key, "item", i.reason(), pts, null, null, null));
        }
      }
    }
    return out;
  }

  private static List<@Nullable Object> row(
      Object[] key,
      String part,
      @Nullable String who,
      @Nullable BigDecimal value,
      @Nullable BigDecimal normalised,
      @Nullable String comment,
      @Nullable String evidence) {
    List<@Nullable Object> r = new ArrayList<>(Arrays.asList(key));
    r.addAll(Arrays.asList(part, who, value, normalised, comment, evidence));
    return r;
  }

  static void write(
      Format format, List<String> header, List<List<@Nullable Object>> rows, OutputStream out)
      throws IOException {
    if (format == Format.CSV) {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write('\uFEFF');
      CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get().print(w);
      csv.printRecord(header);
      for (List<@Nullable Object> r : rows) {
        csv.printRecord(r.stream().map(ExplanationExport::text).toList());
      }
      csv.flush();
      return;
    }
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      var sheet = wb.createSheet("Explanation");
      CellStyle quoted = wb.createCellStyle();
      quoted.setQuotePrefixed(true);
      var head = sheet.createRow(0);
      for (int c = 0; c < header.size(); c++) {
        head.createCell(c).setCellValue(header.get(c));
      }
      for (int i = 0; i < rows.size(); i++) {
        var row = sheet.createRow(i + 1);
        List<@Nullable Object> values = rows.get(i);
        for (int c = 0; c < values.size(); c++) {
          Object v = values.get(c);
          if (v instanceof BigDecimal b) {
            row.createCell(c).setCellValue(b.doubleValue());
          } else if (v != null) {
            var cell = row.createCell(c);
            cell.setCellValue(v.toString());
            if (formulaLike(v.toString())) {
              cell.setCellStyle(quoted);
            }
          }
        }
      }
      wb.write(out);
    }
    out.flush();
  }

  private static String text(@Nullable Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal b) {
      return b.stripTrailingZeros().toPlainString();
    }
    String s = v.toString();
    return formulaLike(s) ? "'" + s : s;
  }

  static boolean formulaLike(String s) {
    return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
  }
}
