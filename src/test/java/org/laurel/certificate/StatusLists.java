package org.laurel.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reading a published revocation status list (BitstringStatusListCredential as VC-JWT). */
public final class StatusLists {
  private StatusLists() {}

  /** The bits of the list's {@code encodedList} (multibase "u", base64url, gzip). */
  static byte[] decode(String encoded) throws Exception {
    assertThat(encoded).startsWith("u");
    byte[] gz = Base64.getUrlDecoder().decode(encoded.substring(1));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  static boolean bit(byte[] bits, int index) {
    return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
  }

  /** Whether the status list (a signed JWT) marks the index as revoked. */
  public static boolean revoked(String listJwt, int index) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> subject =
        (Map<String, Object>)
            SignedJWT.parse(listJwt).getJWTClaimsSet().getClaim("credentialSubject");
    return bit(decode((String) subject.get("encodedList")), index);
  }
}
