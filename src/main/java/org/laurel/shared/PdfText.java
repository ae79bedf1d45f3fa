package org.laurel.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text in generated PDFs: the embedded DejaVu fonts (subset; they carry every Vietnamese diacritic,
 * which the standard 14 PDF fonts do not), widths and word wrapping.
 */
public final class PdfText {
  private PdfText() {}

  public static final String REGULAR = "/fonts/DejaVuSans.ttf";
  public static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";

  /** Loads a font from the class path into the document, embedded as a subset. */
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

  /** The text broken into lines no wider than {@code width} (a longer single word stays whole). */
  public static List<String> wrap(PDFont font, float size, String text, float width)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
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
}
