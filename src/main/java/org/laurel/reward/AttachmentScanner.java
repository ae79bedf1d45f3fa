package org.laurel.reward;

/**
 * The virus-scan hook every dossier file passes before it is stored. Laurel's default ({@link
 * #NONE}) accepts everything; a deployment that has a scanner (e.g. ClamAV's clamd) declares a
 * Spring bean of this type and it replaces the default. A file the scanner refuses is answered 400
 * and not stored.
 */
public interface AttachmentScanner {

  /** Whether the content is clean; {@code name} is the name it was uploaded with. */
  boolean isClean(byte[] content, String name);

  AttachmentScanner NONE = (content, name) -> true;
}
