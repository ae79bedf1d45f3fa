package org.laurel.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What an uploaded document is, told by its content only (the name and the type a client sends
 * count for nothing): PDF, PNG, JPEG, GIF and WebP by their signatures; Office Open XML (DOCX,
 * XLSX, PPTX) by their package's main part; OpenDocument (ODT, ODS, ODP) by their {@code mimetype}
 * entry. Anything else, executables and archives included, is unknown.
 */
public final class FileKinds {
  private FileKinds() {}

  /** An accepted kind with its media type and the file name extensions it goes by. */
  public enum Kind {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    ODP("application/vnd.oasis.opendocument.presentation", "odp");

    private final String mediaType;
    private final List<String> extensions;

    Kind(String mediaType, String... extensions) {
      this.mediaType = mediaType;
      this.extensions = List.of(extensions);
    }

    public String mediaType() {
      return mediaType;
    }

    /** The usual extension, e.g. for a file sent without a name. */
    public String extension() {
      return extensions.get(0);
    }

    public List<String> extensions() {
      return extensions;
    }
  }

  /** At most this many zip entries are looked at: an office document has a few dozen. */
  private static final int MAX_ENTRIES = 2000;

  /** The kind the content shows, if it is one of the accepted kinds. */
  public static Optional<Kind> detect(byte[] b) {
    if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(Kind.PDF);
    }
    if (starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
      return Optional.of(Kind.PNG);
    }
    if (starts(b, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return Optional.of(Kind.JPEG);
    }
    if (starts(b, "GIF87a".getBytes(StandardCharsets.US_ASCII))
        || starts(b, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(Kind.GIF);
    }
    if (b.length >= 12
        && starts(b, "RIFF".getBytes(StandardCharsets.US_ASCII))
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return Optional.of(Kind.WEBP);
    }
    if (starts(b, new byte[] {'P', 'K', 3, 4})) {
      return office(b);
    }
    return Optional.empty();
  }

  private static Optional<Kind> office(byte[] b) {
    Set<String> names = new HashSet<>();
    String odf = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
      ZipEntry e;
      int n = 0;
      while ((e = zip.getNextEntry()) != null && n++ < MAX_ENTRIES) {
        names.add(e.getName());
        if (n == 1 && e.getName().equals("mimetype")) {
          odf = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).trim();
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (odf != null) {
      for (Kind k : List.of(Kind.ODT, Kind.ODS, Kind.ODP)) {
        if (k.mediaType.equals(odf)) {
          return Optional.of(k);
        }
      }
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
    if (names.contains("ppt/presentation.xml")) {
      return Optional.of(Kind.PPTX);
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A name fit to show and to send back in Content-Disposition: no path, no control characters, at
   * most 255 characters; {@code fallback} when nothing is left.
   */
  public static String displayName(
      @org.jspecify.annotations.Nullable String name, String fallback) {
    String s = name == null ? "" : name;
    s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
    s = s.replaceAll("\\p{Cntrl}", "_").strip();
    if (s.isEmpty() || s.equals(".") || s.equals("..")) {
      return fallback;
    }
    return s.length() > 255 ? s.substring(s.length() - 255) : s;
  }
}
