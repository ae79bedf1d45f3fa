package org.laurel.certificate;

import static org.laurel.shared.PdfText.centre;
import static org.laurel.shared.PdfText.text;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.laurel.shared.PdfText;
import org.springframework.stereotype.Component;

/**
 * Renders certificates as PDF with PDFBox: A4 landscape, Vietnamese text in the embedded DejaVu
 * fonts (subset), a QR code (ZXing, drawn as vector squares) to the public verification page. One
 * page per certificate, so a decision's certificates print as one document. Three layouts: {@link
 * PdfLayout#FULL} draws the whole certificate with the design of its award type (Bằng khen, Giấy
 * khen, or the default for titles); {@link PdfLayout#BLANK} prints only the variable text and the
 * QR code, at fixed positions, onto pre-printed blanks.
 */
@Component
class CertificatePdf {

  /** The design of an award type's certificate. */
  record Design(String title, String verb, Color frame, boolean ornate) {}

  static final Color RED = new Color(0xB3, 0x1B, 0x1B);
  static final Color GOLD = new Color(0xC8, 0x9B, 0x2C);
  static final Color INK = new Color(0x1F, 0x1F, 0x1F);

  static final Design BANG_KHEN = new Design("BẰNG KHEN", "TẶNG", RED, true);
  static final Design GIAY_KHEN = new Design("GIẤY KHEN", "KHEN", GOLD, false);
  static final Design DEFAULT = new Design("GIẤY CHỨNG NHẬN", "CÔNG NHẬN DANH HIỆU", GOLD, false);

  /** Positions on a pre-printed blank, in millimetres from the page's lower-left corner. */
  static final Map<String, float[]> BLANK_POSITIONS =
      Map.of(
          "recipient", new float[] {148.5f, 112f},
          "unit", new float[] {148.5f, 102f},
          "achievement", new float[] {148.5f, 90f},
          "decision", new float[] {200f, 42f},
          "qr", new float[] {22f, 18f});

  private static final float MM = 72f / 25.4f;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  static Design design(String awardCode) {
    if (awardCode.startsWith("BK_")) {
      return BANG_KHEN;
    }
    if (awardCode.startsWith("GK_")) {
      return GIAY_KHEN;
    }
    return DEFAULT;
  }

  byte[] render(
      List<CertificateView> certificates, PdfLayout layout, Map<String, String> verifyUrls) {
    try (PDDocument doc = new PDDocument()) {
      PDFont regular = PdfText.load(doc, PdfText.REGULAR);
      PDFont bold = PdfText.load(doc, PdfText.BOLD);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(
          certificates.size() == 1
              ? certificates.get(0).awardNameVi() + " — " + certificates.get(0).recipientName()
              : "Bằng khen, giấy khen, giấy chứng nhận (" + certificates.size() + ")");
      info.setCreator("Laurel");
      for (CertificateView c : certificates) {
        PDPage page =
            new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          Fonts f = new Fonts(regular, bold);
          String url = verifyUrls.get(c.publicId());
          if (layout == PdfLayout.BLANK) {
            blank(cs, c, f, url);
          } else {
            full(cs, page.getMediaBox(), c, f, url);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Fonts(PDFont regular, PDFont bold) {}

  private void full(PDPageContentStream cs, PDRectangle box, CertificateView c, Fonts f, String url)
      throws IOException {
    Design d = design(c.awardCode());
    float w = box.getWidth();
    float h = box.getHeight();
    // frame
    cs.setStrokingColor(d.frame());
    cs.setLineWidth(d.ornate() ? 6 : 3);
    cs.addRect(18, 18, w - 36, h - 36);
    cs.stroke();
    cs.setLineWidth(1);
    cs.addRect(28, 28, w - 56, h - 56);
    cs.stroke();
    if (d.ornate()) {
      cs.setNonStrokingColor(GOLD);
      for (float[] p : new float[][] {{28, 28}, {w - 28, 28}, {28, h - 28}, {w - 28, h - 28}}) {
        cs.addRect(p[0] - 6, p[1] - 6, 12, 12);
      }
      cs.fill();
    }
    cs.setNonStrokingColor(INK);
    float left = w * 0.27f;
    float right = w * 0.73f;
    centre(
        cs, f.bold(), 11, c.issuerNameVi().toUpperCase(Locale.forLanguageTag("vi")), left, h - 62);
    centre(cs, f.bold(), 11, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right, h - 62);
    centre(cs, f.bold(), 11, "Độc lập – Tự do – Hạnh phúc", right, h - 77);
    cs.setNonStrokingColor(d.frame());
    centre(cs, f.bold(), 40, d.title(), w / 2, h - 150);
    cs.setNonStrokingColor(INK);
    float y = h - 185;
    if (d == BANG_KHEN || d == GIAY_KHEN) {
      centre(cs, f.bold(), 14, signerTitle(c).toUpperCase(Locale.forLanguageTag("vi")), w / 2, y);
      y -= 22;
    }
    centre(cs, f.regular(), 13, d.verb(), w / 2, y);
    y -= 20;
    if (d == DEFAULT) {
      centre(cs, f.bold(), 18, c.awardNameVi(), w / 2, y);
      y -= 26;
      centre(cs, f.regular(), 12, "cho", w / 2, y);
      y -= 30;
    }
    cs.setNonStrokingColor(RED);
    centre(cs, f.bold(), 24, c.recipientName(), w / 2, y - 6);
    cs.setNonStrokingColor(INK);
    y -= 32;
    if (!"COLLECTIVE".equals(c.recipient())) {
      centre(cs, f.regular(), 13, c.unitName(), w / 2, y);
      y -= 20;
    }
    String why =
        c.achievement() != null
            ? c.achievement()
            : "Đã có thành tích xuất sắc trong phong trào thi đua năm " + c.year();
    for (String line : wrap(f.regular(), 13, why, w - 260)) {
      centre(cs, f.regular(), 13, line, w / 2, y);
      y -= 18;
    }
    if (d != DEFAULT) {
      centre(cs, f.regular(), 12, "(" + c.awardNameVi() + ")", w / 2, y);
    }
    // decision and signer
    float sx = w * 0.72f;
    float sy = 132;
    if (c.decisionDate() != null) {
      centre(
          cs,
          f.regular(),
          11,
          "Ngày %02d tháng %02d năm %d"
              .formatted(
                  c.decisionDate().getDayOfMonth(),
                  c.decisionDate().getMonthValue(),
                  c.decisionDate().getYear()),
          sx,
          sy);
    }
    centre(cs, f.bold(), 12, signerTitle(c).toUpperCase(Locale.forLanguageTag("vi")), sx, sy - 18);
    centre(cs, f.regular(), 10, "(đã ký theo quyết định)", sx, sy - 34);
    if (c.decisionNumber() != null) {
      text(
          cs,
          f.regular(),
          10,
          "Quyết định số "
              + c.decisionNumber()
              + (c.decisionDate() == null ? "" : " ngày " + c.decisionDate().format(DAY)),
          130,
          82);
    }
    text(cs, f.regular(), 9, "Mã xác thực: " + c.publicId(), 130, 68);
    text(cs, f.regular(), 8, url, 130, 56);
    qr(cs, url, 44, 44, 78);
  }

  private void blank(PDPageContentStream cs, CertificateView c, Fonts f, String url)
      throws IOException {
    cs.setNonStrokingColor(Color.BLACK);
    centre(cs, f.bold(), 22, c.recipientName(), at("recipient")[0], at("recipient")[1]);
    if (!"COLLECTIVE".equals(c.recipient())) {
      centre(cs, f.regular(), 13, c.unitName(), at("unit")[0], at("unit")[1]);
    }
    float y = at("achievement")[1];
    String why =
        c.achievement() != null
            ? c.achievement()
            : "Đã có thành tích xuất sắc trong phong trào thi đua năm " + c.year();
    for (String line : wrap(f.regular(), 13, why, 200 * MM)) {
      centre(cs, f.regular(), 13, line, at("achievement")[0], y);
      y -= 18;
    }
    if (c.decisionNumber() != null) {
      centre(
          cs,
          f.regular(),
          11,
          "Quyết định số "
              + c.decisionNumber()
              + (c.decisionDate() == null ? "" : " ngày " + c.decisionDate().format(DAY)),
          at("decision")[0],
          at("decision")[1]);
    }
    qr(cs, url, at("qr")[0], at("qr")[1], 25 * MM);
    text(cs, f.regular(), 7, c.publicId(), at("qr")[0], at("qr")[1] - 9);
  }

  private static float[] at(String what) {
    float[] mm = BLANK_POSITIONS.get(what);
    return new float[] {mm[0] * MM, mm[1] * MM};
  }

  private static String signerTitle(CertificateView c) {
    return c.issuerNameVi().startsWith("Ủy ban nhân dân ")
        ? "Chủ tịch " + c.issuerNameVi()
        : "Thủ trưởng " + c.issuerNameVi();
  }

  private static void qr(PDPageContentStream cs, String url, float x, float y, float size)
      throws IOException {
    BitMatrix m;
    try {
      m =
          new QRCodeWriter()
              .encode(
                  url,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      // the four-module quiet zone the standard asks for: phone cameras
                      // lose the finder patterns when text or a frame comes too close
                      EncodeHintType.MARGIN,
                      4,
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalStateException("cannot encode the verification link", e);
    }
    float cell = size / m.getWidth();
    cs.setNonStrokingColor(Color.BLACK);
    // one rectangle per horizontal run of dark modules: adjacent squares leave hairline seams
    // in anti-aliased renderers, which is enough to break a decoder's checksum
    for (int row = 0; row < m.getHeight(); row++) {
      int col = 0;
      while (col < m.getWidth()) {
        if (!m.get(col, row)) {
          col++;
          continue;
        }
        int start = col;
        while (col < m.getWidth() && m.get(col, row)) {
          col++;
        }
        cs.addRect(x + start * cell, y + size - (row + 1) * cell, (col - start) * cell, cell);
      }
    }
    cs.fill();
  }

  static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
    List<String> lines = PdfText.wrap(font, size, text, width);
    return lines.size() > 4 ? lines.subList(0, 4) : lines;
  }
}
