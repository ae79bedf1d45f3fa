package org.laurel.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Uploaded files on disk under one directory (outside the web root), each under a random key that
 * never comes from the uploaded name. In a transaction, a file written is deleted again if the
 * transaction rolls back, and a file removed goes only once it commits: the rows that refer to
 * files and the files stay in step.
 */
public final class FileVault {

  private final Path root;

  public FileVault(String dir) {
    this.root = Path.of(dir).toAbsolutePath().normalize();
  }

  /** The directory the files are under. */
  public Path root() {
    return root;
  }

  /** Writes the content under a new key in the {@code folder} and returns the key. */
  public String put(String folder, byte[] content) {
    String key = folder + "/" + UUID.randomUUID();
    Path file = path(key);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".upload", ".tmp");
      Files.write(tmp, content);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    after(false, file);
    return key;
  }

  public byte[] get(String key) {
    try {
      return Files.readAllBytes(path(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the file, once the transaction (if any) commits. */
  public void remove(String key) {
    Path file = path(key);
    if (!after(true, file)) {
      quietlyDelete(file);
    }
  }

  /** Deletes the file after commit ({@code committed}) or after a rollback; false if no tx. */
  private static boolean after(boolean committed, Path file) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return false;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if ((status == STATUS_COMMITTED) == committed) {
              quietlyDelete(file);
            }
          }
        });
    return true;
  }

  private static void quietlyDelete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // an orphan file is harmless: nothing refers to it
    }
  }

  private Path path(String key) {
    Path p = root.resolve(key).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IllegalArgumentException(key);
    }
    return p;
  }

  /** The content's SHA-256 as hex, kept beside a stored file. */
  public static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
