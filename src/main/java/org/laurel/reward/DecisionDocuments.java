package org.laurel.reward;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.laurel.organisation.Units;
import org.laurel.reward.DecisionView.Item;
import org.laurel.shared.PdfText;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The decision document, from its issuing body's template (header lines, national motto, place,
 * author line, signer title, executors): laid out once as blocks, rendered as PDF (PDFBox, A4,
 * Vietnamese text in the embedded DejaVu fonts) and as DOCX (Apache POI, Times New Roman, for the
 * office to edit before signing). A draft reads "DỰ THẢO" and has no number yet.
 */
@Component
class DecisionDocuments {

  static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  /** A paragraph of the document. */
  record Para(String text, boolean bold, boolean centred, float size) {}

  /** A table: header row and rows; the last column is right-aligned when {@code amounts}. */
  record Table(List<String> header, List<List<String>> rows, float[] widths) {}

  /** The document laid out: the two header columns, then paragraphs and tables in order. */
  record Layout(
      List<String> left, List<String> right, String title, List<Object> body, List<String> sign) {}

  private final Decisions decisions;
  private final AwardCatalogue catalogue;
  private final AwardHistory history;
  private final Units units;
  private final org.laurel.organisation.People people;

  DecisionDocuments(
      Decisions decisions,
      AwardCatalogue catalogue,
      AwardHistory history,
      Units units,
      org.laurel.organisation.People people) {
    this.people = people;
    this.decisions = decisions;
    this.catalogue = catalogue;
    this.history = history;
    this.units = units;
  }

  static String fileName(DecisionView d, String extension) {
    String n = d.number() == null ? "du-thao-" + d.id() : d.number().replace('/', '-');
    return "quyet-dinh-" + n + "." + extension;
  }

  // ---- layout

  Layout layout(DecisionView d) {
    DecisionBody body = decisions.body(d.bodyCode());
    List<String> left = new ArrayList<>(body.headerLines());
    left.add("Số: " + (d.number() == null ? "      /" + body.suffix() : d.number()));
    List<String> right = new ArrayList<>(body.mottoLines());
    right.add(body.place() + ", " + vietnameseDate(d.decidedOn()));
    List<Object> out = new ArrayList<>();
    if (!d.issued()) {
      out.add(new Para("DỰ THẢO", true, true, 12));
    }
    out.add(new Para(d.title(), true, true, 13));
    out.add(new Para(body.authorLine(), true, true, 13));
    for (String l : DecisionRepository.lines(d.legalBasis())) {
      out.add(plain(l));
    }
    String ref = d.referencesNumber() == null ? "" : d.referencesNumber();
    switch (d.kind()) {
      case GRANTING ->
          out.add(
              plain(
                  "Xét đề nghị của Trưởng Ban Thi đua - Khen thưởng và kết quả bỏ phiếu của Hội đồng"
                      + " Thi đua - Khen thưởng,"));
      case REVOKING, CORRECTING ->
          out.add(plain("Xét " + lowerFirst(String.valueOf(d.reason())) + ","));
    }
    out.add(new Para("QUYẾT ĐỊNH:", true, true, 13));
    switch (d.kind()) {
      case GRANTING -> granting(d, out);
      case REVOKING -> revoking(d, ref, out);
      case CORRECTING -> correcting(d, ref, out);
    }
    out.add(
        plain(
            "Điều 3. Quyết định có hiệu lực kể từ ngày ký. "
                + body.executors()
                + " chịu trách nhiệm thi hành Quyết định này./."));
    List<String> sign = new ArrayList<>(DecisionRepository.lines(d.signerTitle()));
    sign.add("");
    sign.add(d.issued() ? "(đã ký)" : "");
    sign.add("");
    sign.add(d.signerName());
    return new Layout(left, right, "QUYẾT ĐỊNH", out, sign);
  }

  private void granting(DecisionView d, List<Object> out) {
    out.add(
        plain(
            "Điều 1. Tặng thưởng các tập thể, cá nhân có tên trong danh sách dưới đây"
                + (d.achievement() == null ? ":" : ", đã có thành tích: " + d.achievement())));
    List<List<String>> rows = new ArrayList<>();
    for (Item i : d.items()) {
      List<String> row = new ArrayList<>(line(i));
      row.add(i.amountVnd() == null ? cash(i, d.decidedOn()) : money(i.amountVnd()));
      rows.add(row);
    }
    out.add(
        new Table(
            List.of(
                "STT", "Tập thể, cá nhân", "Đơn vị", "Hình thức khen thưởng", "Tiền thưởng (đồng)"),
            rows,
            new float[] {0.07f, 0.28f, 0.24f, 0.25f, 0.16f}));
    long total = 0;
    for (Item i : d.items()) {
      total += i.amountVnd() != null ? i.amountVnd() : cashValue(i, d.decidedOn());
    }
    AwardCatalogue.BaseSalary base = catalogue.baseSalaryOn(d.decidedOn());
    out.add(
        plain(
            "Điều 2. Tiền thưởng bằng hệ số của hình thức khen thưởng nhân với mức lương cơ sở "
                + money(base.amountVnd())
                + " đồng ("
                + base.source()
                + "), làm tròn lên hàng chục nghìn đồng, chi từ Quỹ thi đua, khen thưởng; tổng"
                + " cộng: "
                + money(total)
                + " đồng."));
  }

  /** A line's number, recipient, unit and award. */
  private List<String> line(Item i) {
    return List.of(
        Integer.toString(i.position()),
        i.recipientName(),
        unitName(i.unitCode()),
        awardName(i.awardCode()) + " (" + i.awardYear() + ")");
  }

  private void revoking(DecisionView d, String ref, List<Object> out) {
    out.add(
        plain(
            "Điều 1. Hủy bỏ khen thưởng đối với các tập thể, cá nhân có tên dưới đây tại Quyết định"
                + " số "
                + ref
                + ":"));
    List<List<String>> rows = d.items().stream().map(this::line).toList();
    out.add(
        new Table(
            List.of("STT", "Tập thể, cá nhân", "Đơn vị", "Hình thức khen thưởng bị hủy bỏ"),
            rows,
            new float[] {0.07f, 0.33f, 0.27f, 0.33f}));
    out.add(
        plain(
            "Điều 2. Thu hồi hiện vật, giấy chứng nhận và tiền thưởng đã nhận theo Quyết định số "
                + ref
                + " đối với các trường hợp tại Điều 1."));
  }

  private void correcting(DecisionView d, String ref, List<Object> out) {
    out.add(plain("Điều 1. Đính chính Quyết định số " + ref + " như sau:"));
    List<List<String>> rows = new ArrayList<>();
    for (Item i : d.items()) {
      AwardRecord was = history.get(java.util.Objects.requireNonNull(i.targetAwardId()));
      rows.add(
          List.of(
              Integer.toString(i.position()),
              recipientOf(was) + " — " + awardName(was.awardCode()),
              i.recipientName() + " — " + awardName(i.awardCode())));
    }
    out.add(
        new Table(
            List.of("STT", "Đã ghi", "Nay sửa thành"), rows, new float[] {0.07f, 0.465f, 0.465f}));
    out.add(plain("Điều 2. Các nội dung khác của Quyết định số " + ref + " giữ nguyên."));
  }

  private static Para plain(String text) {
    return new Para(text, false, false, 12);
  }

  private String recipientOf(AwardRecord a) {
    return switch (a.recipient()) {
      case COLLECTIVE -> unitName(a.unitCode());
      case HOUSEHOLD -> String.valueOf(a.householdName());
      case INDIVIDUAL -> people.get(java.util.Objects.requireNonNull(a.personId())).fullName();
    };
  }

  private String cash(Item i, LocalDate day) {
    return money(cashValue(i, day));
  }

  private long cashValue(Item i, LocalDate day) {
    return catalogue.cash(i.awardCode(), day).amountVnd();
  }

  private String awardName(String code) {
    return catalogue.find(code).map(AwardType::nameVi).orElse(code);
  }

  private String unitName(String code) {
    return units.find(code).map(u -> u.name()).orElse(code);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** "ngày 05 tháng 01 năm 2025": a zero before days under 10 and the months January, February. */
  static String vietnameseDate(LocalDate d) {
    String day = d.getDayOfMonth() < 10 ? "0" + d.getDayOfMonth() : "" + d.getDayOfMonth();
    String month = d.getMonthValue() < 3 ? "0" + d.getMonthValue() : "" + d.getMonthValue();
    return "ngày " + day + " tháng " + month + " năm " + d.getYear();
  }

  /** Whole đồng with dots between thousands: 2.340.000. */
  static String money(long vnd) {
    DecimalFormatSymbols s = new DecimalFormatSymbols(Locale.ROOT);
    s.setGroupingSeparator('.');
    return new DecimalFormat("#,##0", s).format(BigInteger.valueOf(vnd));
  }

  // ---- PDF

  private static final float MARGIN_LEFT = 70;
  private static final float MARGIN_RIGHT = 50;
  private static final float TOP = 800;
  private static final float BOTTOM = 60;

  byte[] pdf(DecisionView d) {
    Layout l = layout(d);
    try (PDDocument doc = new PDDocument()) {
      PDFont regular = PdfText.load(doc, PdfText.REGULAR);
      PDFont bold = PdfText.load(doc, PdfText.BOLD);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle("Quyết định " + (d.number() == null ? "(dự thảo)" : d.number()));
      info.setCreator("Laurel");
      new PdfWriter(doc, regular, bold).write(l);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the blocks top-down, starting a new page when one is full. */
  private static final class PdfWriter {
    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private final float width = PDRectangle.A4.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
    private PDPageContentStream cs;
    private float y;

    PdfWriter(PDDocument doc, PDFont regular, PDFont bold) throws IOException {
      this.doc = doc;
      this.regular = regular;
      this.bold = bold;
      newPage();
    }

    private void newPage() throws IOException {
      if (cs != null) {
        cs.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      cs = new PDPageContentStream(doc, page);
      y = TOP;
    }

    private void need(float height) throws IOException {
      if (y - height < BOTTOM) {
        newPage();
      }
    }

    void write(Layout l) throws IOException {
      float leftCx = MARGIN_LEFT + width * 0.22f;
      float rightCx = MARGIN_LEFT + width * 0.68f;
      float top = y;
      for (int i = 0; i < l.left().size(); i++) {
        boolean number = i == l.left().size() - 1;
        PdfText.centre(cs, number ? regular : bold, 11, l.left().get(i), leftCx, y);
        y -= 15;
      }
      float leftEnd = y;
      y = top;
      for (int i = 0; i < l.right().size(); i++) {
        boolean date = i == l.right().size() - 1;
        PdfText.centre(
            cs, date ? regular : bold, i == 0 ? 10.5f : 11, l.right().get(i), rightCx, y);
        y -= 15;
      }
      y = Math.min(y, leftEnd) - 18;
      PdfText.centre(cs, bold, 14, l.title(), MARGIN_LEFT + width / 2, y);
      y -= 20;
      for (Object block : l.body()) {
        if (block instanceof Para p) {
          para(p);
        } else if (block instanceof Table t) {
          table(t);
        }
      }
      y -= 10;
      need(16 * l.sign().size());
      float signCx = MARGIN_LEFT + width * 0.72f;
      for (String s : l.sign()) {
        if (!s.isEmpty()) {
          PdfText.centre(cs, bold, 12, s, signCx, y);
        }
        y -= 16;
      }
      cs.close();
    }

    private void para(Para p) throws IOException {
      PDFont font = p.bold() ? bold : regular;
      float leading = p.size() * 1.45f;
      for (String line : PdfText.wrap(font, p.size(), p.text(), width - (p.centred() ? 40 : 0))) {
        need(leading);
        if (p.centred()) {
          PdfText.centre(cs, font, p.size(), line, MARGIN_LEFT + width / 2, y);
        } else {
          PdfText.text(cs, font, p.size(), line, MARGIN_LEFT, y);
        }
        y -= leading;
      }
      y -= 4;
    }

    private void table(Table t) throws IOException {
      float size = 10;
      float leading = 13;
      row(t.header(), t.widths(), bold, size, leading);
      for (List<String> r : t.rows()) {
        row(r, t.widths(), regular, size, leading);
      }
      y -= 8;
    }

    private void row(List<String> cells, float[] widths, PDFont font, float size, float leading)
        throws IOException {
      List<List<String>> wrapped = new ArrayList<>();
      int lines = 1;
      for (int c = 0; c < cells.size(); c++) {
        List<String> w = PdfText.wrap(font, size, cells.get(c), width * widths[c] - 8);
        wrapped.add(w);
        lines = Math.max(lines, w.size());
      }
      float height = lines * leading + 6;
      need(height);
      float x = MARGIN_LEFT;
      for (int c = 0; c < cells.size(); c++) {
        float w = width * widths[c];
        cs.addRect(x, y - height + leading, w, height);
        float ty = y;
        for (String line : wrapped.get(c)) {
          PdfText.text(cs, font, size, line, x + 4, ty - 2);
          ty -= leading;
        }
        x += w;
      }
      cs.setLineWidth(0.5f);
      cs.stroke();
      y -= height;
    }
  }

  // ---- DOCX

  byte[] docx(DecisionView d) {
    Layout l = layout(d);
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.getProperties().getCoreProperties().setTitle("Quyết định " + String.valueOf(d.number()));
      doc.getProperties().getCoreProperties().setCreator("Laurel");
      XWPFTable header = doc.createTable(1, 2);
      header.removeBorders();
      header.setWidth("100%");
      cell(header.getRow(0).getCell(0), l.left(), l.left().size() - 1);
      cell(header.getRow(0).getCell(1), l.right(), l.right().size() - 1);
      paragraph(doc, l.title(), true, true, 14);
      for (Object block : l.body()) {
        if (block instanceof Para p) {
          paragraph(doc, p.text(), p.bold(), p.centred(), p.size() + 1);
        } else if (block instanceof Table t) {
          XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
          table.setWidth("100%");
          fill(table, 0, t.header(), true);
          for (int r = 0; r < t.rows().size(); r++) {
            fill(table, r + 1, t.rows().get(r), false);
          }
        }
      }
      XWPFTable sign = doc.createTable(1, 2);
      sign.removeBorders();
      sign.setWidth("100%");
      cell(sign.getRow(0).getCell(1), l.sign(), -1);
      sign.getRow(0).getCell(0).getParagraphs().get(0).createRun().setText("");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines in a table cell, centred, bold but for the one at {@code plainLine}. */
  private static void cell(XWPFTableCell cell, List<String> lines, int plainLine) {
    for (int i = 0; i < lines.size(); i++) {
      XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
      p.setAlignment(ParagraphAlignment.CENTER);
      p.setSpacingAfter(0);
      run(p, lines.get(i), i != plainLine, 13);
    }
  }

  private static void fill(XWPFTable table, int row, List<String> cells, boolean bold) {
    for (int c = 0; c < cells.size(); c++) {
      XWPFParagraph p = table.getRow(row).getCell(c).getParagraphs().get(0);
      run(p, cells.get(c), bold, 12);
    }
  }

  private static void paragraph(
      XWPFDocument doc, String text, boolean bold, boolean centred, float size) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(centred ? ParagraphAlignment.CENTER : ParagraphAlignment.BOTH);
    p.setSpacingAfter(120);
    run(p, text, bold, size);
  }

  private static void run(XWPFParagraph p, String text, boolean bold, float size) {
    XWPFRun r = p.createRun();
    r.setFontFamily("Times New Roman");
    r.setFontSize((double) size);
    r.setBold(bold);
    r.setText(text);
  }
}
