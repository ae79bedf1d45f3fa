package org.laurel.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds and signs the credentials: each certificate's OpenBadgeCredential (Open Badges 3.0, VC
 * data model 2.0) and each body's BitstringStatusListCredential, both as VC-JWT (ES256, the key id
 * in the header). The JWT payload is the credential itself, with {@code iss}, {@code jti} and
 * {@code nbf} added as Open Badges 3.0 § 8.2 asks.
 */
@Component
class Credentials {

  /** The smallest bitstring the W3C recommendation allows (16 KiB), for herd privacy. */
  static final int MIN_LIST_BITS = 131_072;

  static final List<String> OB_CONTEXT =
      List.of(
          "https://www.w3.org/ns/credentials/v2",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");

  private final String baseUrl;

  Credentials(@Value("${laurel.certificates.base-url:http://localhost:8080}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** What goes into a certificate's credential. */
  record Content(
      String publicId,
      IssuingBodies.Body issuer,
      String awardCode,
      String awardNameVi,
      String awardNameEn,
      String recipientName,
      String unitName,
      int year,
      @Nullable String decisionNumber,
      @Nullable LocalDate decisionDate,
      @Nullable String achievement,
      int statusIndex,
      Instant issuedAt) {}

  String verifyUrl(String publicId) {
    return baseUrl + "/verify/" + publicId;
  }

  String issuerUrl(String bodyCode) {
    return baseUrl + "/api/v1/certificates/issuers/" + bodyCode;
  }

  String statusListUrl(String bodyCode) {
    return baseUrl + "/api/v1/certificates/status/" + bodyCode;
  }

  String keysUrl() {
    return baseUrl + "/api/v1/certificates/keys";
  }

  /** The OpenBadgeCredential of a certificate, as a JSON-ready map. */
  Map<String, Object> openBadge(Content c) {
    Map<String, Object> vc = new LinkedHashMap<>();
    vc.put("@context", OB_CONTEXT);
    vc.put("id", verifyUrl(c.publicId()));
    vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
    vc.put("issuer", profile(c.issuer()));
    vc.put("validFrom", DateTimeFormatter.ISO_INSTANT.format(c.issuedAt()));
    if (c.decisionDate() != null) {
      vc.put("awardedDate", c.decisionDate() + "T00:00:00+07:00");
    }
    vc.put("name", c.awardNameVi());
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("type", List.of("AchievementSubject"));
    subject.put(
        "identifier",
        List.of(
            Map.of(
                "type",
                "IdentityObject",
                "identityType",
                "name",
                "hashed",
                false,
                "identityHash",
                c.recipientName())));
    subject.put("term", Integer.toString(c.year()));
    Map<String, Object> achievement = new LinkedHashMap<>();
    achievement.put("id", baseUrl + "/api/v1/certificates/achievements/" + c.awardCode());
    achievement.put("type", List.of("Achievement"));
    achievement.put("achievementType", "Award");
    achievement.put("name", c.awardNameVi());
    achievement.put("description", c.awardNameEn());
    achievement.put(
        "criteria",
        Map.of(
            "narrative",
            c.achievement() != null
                ? c.achievement()
                : "Thành tích năm " + c.year() + " — " + c.recipientName() + ", " + c.unitName()));
    subject.put("achievement", achievement);
    vc.put("credentialSubject", subject);
    if (c.decisionNumber() != null) {
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("type", List.of("Evidence"));
      evidence.put(
          "name",
          "Quyết định số "
              + c.decisionNumber()
              + (c.decisionDate() == null
                  ? ""
                  : " ngày " + c.decisionDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
      evidence.put("narrative", c.recipientName() + " — " + c.unitName() + " — " + c.year());
      vc.put("evidence", List.of(evidence));
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", statusListUrl(c.issuer().code()) + "#" + c.statusIndex());
    status.put("type", "BitstringStatusListEntry");
    status.put("statusPurpose", "revocation");
    status.put("statusListIndex", Integer.toString(c.statusIndex()));
    status.put("statusListCredential", statusListUrl(c.issuer().code()));
    vc.put("credentialStatus", status);
    return vc;
  }

  String sign(Content c, ECKey key) {
    Map<String, Object> vc = openBadge(c);
    return sign(vc, (String) vc.get("id"), issuerUrl(c.issuer().code()), c.issuedAt(), key);
  }

  /** The body's revocation list as a signed BitstringStatusListCredential. */
  String statusList(
      IssuingBodies.Body body, List<Integer> revoked, int size, ECKey key, Instant now) {
    Map<String, Object> vc = new LinkedHashMap<>();
    String id = statusListUrl(body.code());
    vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
    vc.put("id", id);
    vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
    vc.put("issuer", profile(body));
    vc.put("validFrom", DateTimeFormatter.ISO_INSTANT.format(now));
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("id", id + "#list");
    subject.put("type", "BitstringStatusList");
    subject.put("statusPurpose", "revocation");
    subject.put("encodedList", encodedList(revoked, size));
    vc.put("credentialSubject", subject);
    return sign(vc, id, issuerUrl(body.code()), now, key);
  }

  Map<String, Object> profile(IssuingBodies.Body body) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", issuerUrl(body.code()));
    p.put("type", List.of("Profile"));
    p.put("name", body.nameVi());
    return p;
  }

  /**
   * GZIP-compressed bitstring, base64url without padding, with the multibase prefix {@code u}. Bit
   * 0 is the most significant bit of the first byte; a set bit means revoked.
   */
  static String encodedList(List<Integer> revoked, int size) {
    int bits = Math.max(MIN_LIST_BITS, (size + 7) / 8 * 8);
    byte[] bytes = new byte[bits / 8];
    for (int i : revoked) {
      bytes[i / 8] |= (byte) (0x80 >>> (i % 8));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  private static String sign(
      Map<String, Object> vc, String id, String issuer, Instant validFrom, ECKey key) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder().issuer(issuer).jwtID(id).notBeforeTime(Date.from(validFrom));
    for (Map.Entry<String, Object> e : vc.entrySet()) {
      claims.claim(e.getKey(), e.getValue());
    }
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a credential", e);
    }
    return jwt.serialize();
  }
}
