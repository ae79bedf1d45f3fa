package org.laurel.reward;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a file is, told by its content: PDF by its {@code %PDF-} signature; DOCX and XLSX by their
 * zip structure (an OOXML package with {@code [Content_Types].xml} and its main part, {@code
 * word/document.xml} or {@code xl/workbook.xml}). The name a file was sent with counts for nothing.
 */
final class FileTypes {
  private FileTypes() {}

  enum Kind {
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    final String mediaType;

    Kind(String mediaType) {
      this.mediaType = mediaType;
    }
  }

  /** At most this many zip entries are looked at: an OOXML file has a few dozen. */
  private static final int MAX_ENTRIES = 2000;

  static boolean isZip(byte[] b) {
    return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
  }

  /** Control bytes in the first bytes that no text file starts with. */
  static boolean looksBinary(byte[] b) {
    for (int i = 0; i < Math.min(8, b.length); i++) {
      int c = b[i] & 0xff;
      if (c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b)) {
        return true;
      }
    }
    return false;
  }

  /** The kind the content shows, if it is one of the accepted kinds. */
  static Optional<Kind> detect(byte[] b) {
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return Optional.of(Kind.PDF);
    }
    if (!isZip(b)) {
      return Optional.empty();
    }
    Set<String> names = new HashSet<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
      ZipEntry e;
      int n = 0;
      while ((e = zip.getNextEntry()) != null && n++ < MAX_ENTRIES) {
        names.add(e.getName());
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!names.contains("[Content_Types].xml")) {
      return Optional.empty();
    }
    if (names.contains("word/document.xml")) {
      return Optional.of(Kind.DOCX);
    }
    if (names.contains("xl/workbook.xml")) {
      return Optional.of(Kind.XLSX);
    }
    return Optional.empty();
  }
}
