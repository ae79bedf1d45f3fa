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
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoreEngine.Explanation;
import org.laurel.scoring.ScoreEngine.ItemPart;
import org.laurel.scoring.ScoreEngine.Line;
import org.laurel.scoring.ScoreEngine.RoundPart;
import org.laurel.scoring.ScoreEngine.Score;

/**
 * A unit's explanation as a table, one row per source of points: each criterion's points, an
 * indicator's figures and rule, each round's weight and mean and each assessor's score (with its
 * normalised value, comment and evidence; those the trimmed mean left out marked), each bonus or
 * penalty item; then the unit's total, rank, classification and tie-break values. The part labels
 * are in the reader's language. CSV is UTF-8 with a byte-order mark; XLSX has numbers as numeric
 * cells. The indicator module's table writer is internal to it, so scoring has this small one. Text
 * a spreadsheet would read as a formula (first character {@code = + - @}, tab or carriage return)
 * gets a leading {@code '} in CSV and is quoted text in XLSX.
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

  /**
   * What a row is, translated when written: a message key under {@code scoring.export.part.} and
   * the round it is about, if any.
   */
  record Part(String key, @Nullable Round round) {
    Part(String key) {
      this(key, null);
    }
  }

  /**
   * The rows of a unit's explanation: per criterion its points, then their sources (an indicator's
   * figures, rule, base and bonus; per round its weight, mean and each score, a score the trimmed
   * mean left out marked as such, abstentions; each item), then the unit's total, rank,
   * classification and tie-break values in the chain's order (and the raw total and rank when
   * normalisation changed them). The total is the sum of the criteria's points; a manual
   * criterion's points are the weighted mean of its rounds' means over the rounds that have one.
   */
  static List<List<@Nullable Object>> rows(Explanation e, int rank, List<String> chain) {
    return rows(e, rank, chain, java.util.Map.of());
  }

  /**
   * As {@link #rows(Explanation, int, List)}, with each score's evidence files (by {@link
   * EvidenceFiles#key}) named after its link: "name (download path)".
   */
  static List<List<@Nullable Object>> rows(
      Explanation e,
      int rank,
      List<String> chain,
      java.util.Map<String, List<SheetView.Attachment>> files) {
    List<List<@Nullable Object>> out = new ArrayList<>();
    for (Line l : e.criteria()) {
      Object[] key = {e.unit(), l.group(), l.criterion(), l.name(), l.method().name(), l.max()};
      out.add(row(key, new Part("points"), null, l.points(), null, l.note(), null));
      var ind = l.indicator();
      if (ind != null) {
        String what = ind.indicator() + " " + ind.period();
        out.add(row(key, new Part("value"), what, ind.value(), null, null, null));
        out.add(row(key, new Part("estimate"), what, ind.estimate(), null, null, null));
        out.add(row(key, new Part("lastYear"), what, ind.lastYear(), null, null, null));
        out.add(row(key, new Part("percent"), what, ind.percent(), null, ind.rule(), null));
        out.add(row(key, new Part("base"), null, ind.base(), null, null, null));
        out.add(row(key, new Part("bonus"), null, ind.bonus(), null, null, null));
      }
      if (l.rounds() != null) {
        for (RoundPart r : l.rounds()) {
          Round round = r.round();
          out.add(row(key, new Part("weight", round), null, r.weight(), null, null, null));
          out.add(row(key, new Part("mean", round), null, r.mean(), null, null, null));
          for (Score s : r.scores()) {
            Part part = new Part(r.dropped().contains(s.assessor()) ? "dropped" : "score", round);
            out.add(
                row(
                    key,
                    part,
                    s.assessor(),
                    s.points(),
                    s.normalised(),
                    s.comment(),
                    evidence(
                        s.evidence(),
                        files.get(EvidenceFiles.key(round, s.assessor(), l.criterion())))));
          }
          for (String a : r.abstained()) {
            out.add(row(key, new Part("abstained", round), a, null, null, null, null));
          }
          for (ScoreEngine.Recusal x : r.recused()) {
            out.add(
                row(key, new Part("recused", round), x.assessor(), null, null, x.reason(), null));
          }
        }
      }
      if (l.items() != null) {
        for (ItemPart i : l.items()) {
          BigDecimal pts =
              l.method() == PactDefinition.Method.PENALTY ? i.points().negate() : i.points();
          out.add(row(key, new Part("item"), i.reason(), pts, null, null, null));
        }
      }
    }
    Object[] unit = {e.unit(), null, null, null, null, null};
    out.add(row(unit, new Part("total"), null, e.total(), null, null, null));
    out.add(row(unit, new Part("rank"), null, BigDecimal.valueOf(rank), null, null, null));
    out.add(row(unit, new Part("classification"), e.classification(), null, null, null, null));
    // in the chain's order (a stored explanation's map need not keep it)
    for (String k : chain) {
      BigDecimal v = e.tieBreak().get(k);
      if (v != null) {
        out.add(row(unit, new Part("tieBreak"), k, v, null, null, null));
      }
    }
    if (e.rawTotal() != null && e.rawTotal().compareTo(e.total()) != 0) {
      out.add(row(unit, new Part("rawTotal"), null, e.rawTotal(), null, null, null));
    }
    if (e.rawRank() != null && e.rawRank() != rank) {
      out.add(
          row(unit, new Part("rawRank"), null, BigDecimal.valueOf(e.rawRank()), null, null, null));
    }
    return out;
  }

  /** The rows with each {@link Part} replaced by its label. */
  static List<List<@Nullable Object>> labelled(
      List<List<@Nullable Object>> rows, java.util.function.Function<Part, String> label) {
    return rows.stream()
        .map(r -> r.stream().map(v -> v instanceof Part p ? (Object) label.apply(p) : v).toList())
        .toList();
  }

  private static List<@Nullable Object> row(
      @Nullable Object[] key,
      Part part,
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

  private static @Nullable String evidence(
      @Nullable String link, @Nullable List<SheetView.Attachment> files) {
    if (files == null || files.isEmpty()) {
      return link;
    }
    List<String> all = new ArrayList<>();
    if (link != null) {
      all.add(link);
    }
    files.forEach(f -> all.add(f.fileName() + " (" + f.href() + ")"));
    return String.join("; ", all);
  }
}
