package org.laurel.certificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the issuing bodies' private keys before they reach the database (AES-256-GCM, the key id
 * as associated data), so a copy of the database alone does not give away a signing key. The secret
 * comes from {@code laurel.certificates.key-secret} ({@code LAUREL_CERTIFICATE_KEY_SECRET});
 * without it, from a file of 32 random bytes created on first use next to the data directory.
 * Several instances on one database must share the secret (set the variable).
 */
@Component
class KeySecret {

  private static final Logger log = LoggerFactory.getLogger(KeySecret.class);
  private static final int NONCE = 12;

  private final String configured;
  private final Path file;
  private final SecureRandom random = new SecureRandom();
  private volatile byte[] key;

  KeySecret(
      @Value("${laurel.certificates.key-secret:}") String configured,
      @Value("${laurel.certificates.key-file:}") String keyFile,
      @Value("${laurel.db.data-dir:./data/postgres}") String dataDir) {
    this.configured = configured;
    this.file =
        keyFile.isBlank()
            ? Path.of(dataDir).toAbsolutePath().getParent().resolve("certificate-signing.secret")
            : Path.of(keyFile);
  }

  byte[] encrypt(byte[] plain, String kid) {
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, kid);
      byte[] sealed = c.doFinal(plain);
      byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a signing key", e);
    }
  }

  byte[] decrypt(byte[] sealed, String kid) {
    try {
      Cipher c = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE), kid);
      return c.doFinal(sealed, NONCE, sealed.length - NONCE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt signing key " + kid + ": is laurel.certificates.key-secret the same?", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String kid) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(128, nonce));
    c.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
    return c;
  }

  private byte[] key() throws GeneralSecurityException {
    byte[] k = key;
    if (k == null) {
      synchronized (this) {
        if (key == null) {
          key =
              configured.isBlank()
                  ? fromFile()
                  : MessageDigest.getInstance("SHA-256")
                      .digest(configured.getBytes(StandardCharsets.UTF_8));
        }
        k = key;
      }
    }
    return k;
  }

  private byte[] fromFile() {
    try {
      if (!Files.exists(file)) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
          Files.writeString(
              file, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.CREATE_NEW);
        } catch (java.nio.file.FileAlreadyExistsException anotherInstanceWasFirst) {
          return Base64.getDecoder().decode(Files.readString(file).trim());
        }
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // best effort on file systems without POSIX permissions
        }
        log.warn(
            "Created the certificate key secret {}; set LAUREL_CERTIFICATE_KEY_SECRET when several"
                + " instances share one database",
            file);
      }
      return Base64.getDecoder().decode(Files.readString(file).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
