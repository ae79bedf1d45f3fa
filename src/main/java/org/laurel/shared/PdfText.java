package org.laurel.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text in PDF documents made with PDFBox: the embedded DejaVu fonts (subset; they have every
 * Vietnamese letter with its diacritics), widths, word wrapping, and placing a line of text.
 */
public final class PdfText {
  private PdfText() {}

  public static final String REGULAR = "/fonts/DejaVuSans.ttf";
  public static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";

  /** Loads a font from the classpath into the document, embedded as a subset. */
  public static PDFont load(PDDocument doc, String resource) throws IOException {
    try (InputStream in = PdfText.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("font missing: " + resource);
      }
      return PDType0Font.load(doc, in, true);
    }
  }

  public static float width(PDFont font, float size, String s) throws IOException {
    return font.getStringWidth(s) / 1000 * size;
  }

  /** The text broken into lines no wider than {@code width}, at word boundaries. */
  public static List<String> wrap(PDFont font, float size, String text, float width)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && width(font, size, candidate) > width) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** One line of text centred on {@code cx}. */
  public static void centre(
      PDPageContentStream cs, PDFont font, float size, String s, float cx, float y)
      throws IOException {
    text(cs, font, size, s, cx - width(font, size, s) / 2, y);
  }

  /** One line of text starting at {@code (x, y)}. */
  public static void text(
      PDPageContentStream cs, PDFont font, float size, String s, float x, float y)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(s);
    cs.endText();
  }
}
