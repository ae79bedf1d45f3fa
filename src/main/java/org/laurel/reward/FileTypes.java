package org.laurel.reward;

import java.util.Optional;
import org.laurel.shared.FileKinds;

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
    return FileKinds.detect(b)
        .flatMap(
            k ->
                switch (k) {
                  case PDF -> Optional.of(Kind.PDF);
                  case DOCX -> Optional.of(Kind.DOCX);
                  case XLSX -> Optional.of(Kind.XLSX);
                  default -> Optional.empty();
                });
  }
}
