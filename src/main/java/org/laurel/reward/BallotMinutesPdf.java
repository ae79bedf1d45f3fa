package org.laurel.reward;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.laurel.reward.CouncilSessionView.Attendance;
import org.laurel.reward.CouncilSessionView.Item;
import org.laurel.reward.CouncilSessionView.Member;
import org.laurel.reward.CouncilSessionView.NomineeLine;
import org.laurel.reward.CouncilSessionView.Tally;
import org.laurel.shared.ConflictException;
import org.laurel.shared.PdfText;
import org.springframework.stereotype.Component;

/**
 * The minutes of a closed ballot (biên bản kiểm phiếu) as a PDF in Vietnamese: the session, who
 * attended, and per agenda item the rule applied and each nominee's count and outcome. Names no
 * voter's choice (nobody knows it).
 */
@Component
class BallotMinutesPdf {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
  private static final float MARGIN = 56;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  private final CouncilSessions sessions;

  BallotMinutesPdf(CouncilSessions sessions) {
    this.sessions = sessions;
  }

  byte[] render(long sessionId) {
    CouncilSessionView s = sessions.get(sessionId);
    if (!s.closed()) {
      throw new ConflictException(
          "error.session.minutesBeforeClose", CouncilSessions.label("session.status.", s.status()));
    }
    try (PDDocument doc = new PDDocument()) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle("Biên bản kiểm phiếu " + s.ballotRef());
      info.setProducer("Laurel");
      Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      fixed.setTimeInMillis(s.closedAt() == null ? 0 : s.closedAt().toEpochMilli());
      info.setCreationDate(fixed);
      Sheet sheet =
          new Sheet(doc, PdfText.load(doc, PdfText.REGULAR), PdfText.load(doc, PdfText.BOLD));
      try {
        write(sheet, s);
      } finally {
        sheet.end();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(Sheet p, CouncilSessionView s) throws IOException {
    p.centred(p.bold, 11, s.councilName().toUpperCase(java.util.Locale.forLanguageTag("vi")));
    p.gap(6);
    p.centred(p.bold, 15, "BIÊN BẢN KIỂM PHIẾU BẦU KÍN");
    p.centred(p.regular, 11, s.title());
    p.centred(p.regular, 10, "Số: " + s.ballotRef() + " · Ngày họp: " + s.heldOn().format(DAY));
    p.gap(10);
    long present = s.presentCount();
    p.para(
        p.regular,
        10,
        "Thành viên Hội đồng được mời: %d; có mặt: %d; vắng mặt: %d."
            .formatted(s.members().size(), present, s.members().size() - present));
    StringBuilder absent = new StringBuilder();
    for (Member m : s.members()) {
      if (m.attendance() != Attendance.PRESENT) {
        absent.append(absent.isEmpty() ? "" : "; ").append(m.fullName());
      }
    }
    if (!absent.isEmpty()) {
      p.para(p.regular, 10, "Vắng mặt: " + absent + ".");
    }
    p.para(
        p.regular,
        10,
        "Bỏ phiếu kín: Laurel ghi nhận thành viên đã bỏ phiếu và, tách riêng, các phiếu; không ai"
            + " liên kết được phiếu với người bỏ phiếu.");
    for (Item it : s.items()) {
      p.gap(8);
      p.para(p.bold, 11, "%d. %s".formatted(it.position(), it.proposalTitle()));
      var r = it.rule();
      p.para(
          p.regular,
          9,
          ("Hình thức: %s · Đơn vị đề nghị: %s · Tỷ lệ cần đạt: %d %% %s · Túc số: %d/%d số thành"
                  + " viên · Căn cứ: %s%s")
              .formatted(
                  it.awardCode(),
                  it.proposingUnitCode(),
                  r.thresholdPercent(),
                  r.denominator() == RuleSet.Denominator.ALL_MEMBERS
                      ? "tổng số thành viên"
                      : "số thành viên tham gia biểu quyết",
                  r.quorumNumerator(),
                  r.quorumDenominator(),
                  r.source(),
                  it.mode() == CouncilSessionView.Mode.PAPER ? " · Kiểm phiếu giấy" : ""));
      if (!it.recusals().isEmpty()) {
        StringBuilder rec = new StringBuilder();
        it.recusals().forEach(x -> rec.append(rec.isEmpty() ? "" : "; ").append(x.fullName()));
        p.para(p.regular, 9, "Không tham gia biểu quyết (xung đột lợi ích): " + rec + ".");
      }
      for (NomineeLine n : it.nominees()) {
        Tally t = n.tally();
        if (t == null) {
          continue;
        }
        String outcome =
            switch (t.outcome()) {
              case APPROVED -> "ĐẠT";
              case REJECTED -> "KHÔNG ĐẠT";
              case NO_QUORUM -> "KHÔNG ĐỦ TÚC SỐ";
            };
        p.para(
            p.regular,
            10,
            "– %s: đồng ý %d, không đồng ý %d, không biểu quyết %d; trên %d (cần ≥ %d): %s."
                .formatted(
                    n.displayName(),
                    t.approve(),
                    t.reject(),
                    t.abstain(),
                    t.denominator(),
                    t.required(),
                    outcome));
      }
    }
    p.gap(14);
    p.para(
        p.regular,
        9,
        "Đóng phiên bỏ phiếu: %s, bởi %s. Biên bản do Laurel lập từ kết quả đã lưu."
            .formatted(s.closedAt() == null ? "—" : TIME.format(s.closedAt()), s.closedBy()));
  }

  /** A flowing A4 text: paragraphs wrapped to the width, new pages as needed. */
  private static final class Sheet {
    final PDDocument doc;
    final PDFont regular;
    final PDFont bold;
    PDPageContentStream cs;
    float y;

    Sheet(PDDocument doc, PDFont regular, PDFont bold) throws IOException {
      this.doc = doc;
      this.regular = regular;
      this.bold = bold;
      page();
    }

    private void page() throws IOException {
      if (cs != null) {
        cs.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      cs = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void gap(float h) {
      y -= h;
    }

    void para(PDFont font, float size, String text) throws IOException {
      for (String line : PdfText.wrap(font, size, text, WIDTH)) {
        show(font, size, line, MARGIN);
      }
    }

    void centred(PDFont font, float size, String text) throws IOException {
      for (String line : PdfText.wrap(font, size, text, WIDTH)) {
        show(font, size, line, MARGIN + (WIDTH - PdfText.width(font, size, line)) / 2);
      }
    }

    private void show(PDFont font, float size, String line, float x) throws IOException {
      float lead = size * 1.45f;
      if (y - lead < MARGIN) {
        page();
      }
      y -= lead;
      cs.beginText();
      cs.setFont(font, size);
      cs.newLineAtOffset(x, y);
      cs.showText(line);
      cs.endText();
    }

    void end() throws IOException {
      cs.close();
    }
  }
}
