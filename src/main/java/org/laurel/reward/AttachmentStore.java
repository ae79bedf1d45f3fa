package org.laurel.reward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Dossier files on disk, under the data directory and outside the web root: stored under a random
 * key (never the uploaded name), read back only through the proposal's API. A file written in a
 * transaction that rolls back is deleted again.
 */
@Component
class AttachmentStore {

  private final Path root;
  private final AttachmentScanner scanner;

  AttachmentStore(
      @Value("${laurel.reward.attachments-dir:./data/attachments}") String dir,
      ObjectProvider<AttachmentScanner> scanners) {
    this.root = Path.of(dir).toAbsolutePath().normalize();
    this.scanner = scanners.getIfAvailable(() -> AttachmentScanner.NONE);
  }

  boolean isClean(byte[] content, String name) {
    return scanner.isClean(content, name);
  }

  /** Writes the content and returns its key. */
  String put(long proposalId, byte[] content) {
    String key = proposalId + "/" + UUID.randomUUID();
    Path file = path(key);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".upload", ".tmp");
      Files.write(tmp, content);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                try {
                  Files.deleteIfExists(file);
                } catch (IOException ignored) {
                  // an orphan file is harmless: nothing refers to it
                }
              }
            }
          });
    }
    return key;
  }

  byte[] get(String key) {
    try {
      return Files.readAllBytes(path(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path path(String key) {
    Path p = root.resolve(key).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException(key);
    }
    return p;
  }
}
