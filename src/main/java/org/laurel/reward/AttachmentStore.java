package org.laurel.reward;

import org.laurel.shared.FileVault;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dossier files on disk, under the data directory and outside the web root: stored under a random
 * key (never the uploaded name), read back only through the proposal's API. A file written in a
 * transaction that rolls back is deleted again.
 */
@Component
class AttachmentStore {

  private final FileVault vault;
  private final AttachmentScanner scanner;

  AttachmentStore(
      @Value("${laurel.reward.attachments-dir:./data/attachments}") String dir,
      ObjectProvider<AttachmentScanner> scanners) {
    this.vault = new FileVault(dir);
    this.scanner = scanners.getIfAvailable(() -> AttachmentScanner.NONE);
  }

  boolean isClean(byte[] content, String name) {
    return scanner.isClean(content, name);
  }

  /** Writes the content and returns its key; the file goes again if the transaction rolls back. */
  String put(long proposalId, byte[] content) {
    return vault.put(Long.toString(proposalId), content);
  }

  byte[] get(String key) {
    return vault.get(key);
  }
}
