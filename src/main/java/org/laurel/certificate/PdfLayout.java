package org.laurel.certificate;

/**
 * How certificates are printed: {@code FULL} draws the whole certificate in its award type's
 * design; {@code BLANK} prints only the names, text and QR code at fixed positions onto pre-printed
 * blanks.
 */
public enum PdfLayout {
  FULL,
  BLANK
}
