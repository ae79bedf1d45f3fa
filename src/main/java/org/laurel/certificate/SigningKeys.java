package org.laurel.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One ES256 (P-256) key pair per issuing body, generated on first use. The public half is published
 * as a JWKS; the private half is stored encrypted ({@link KeySecret}) and leaves this class only as
 * a signer's key.
 */
@Component
class SigningKeys {

  private final JdbcClient jdbc;
  private final KeySecret secret;

  SigningKeys(JdbcClient jdbc, KeySecret secret) {
    this.jdbc = jdbc;
    this.secret = secret;
  }

  /**
   * The body's active signing key (with its private half), created with the body on first use. The
   * body's row is locked until the caller's transaction ends, so two first uses make one key.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  ECKey activeKey(IssuingBodies.Body body) {
    jdbc.sql(
            "insert into issuing_body(code, name_vi, name_en) values (?, ?, ?) on conflict (code)"
                + " do update set name_vi = excluded.name_vi, name_en = excluded.name_en")
        .params(body.code(), body.nameVi(), body.nameEn())
        .update();
    jdbc.sql("select code from issuing_body where code = ? for update")
        .param(body.code())
        .query(String.class)
        .single();
    Optional<StoredKey> stored =
        jdbc.sql(
                "select kid, public_jwk, private_key from signing_key where body_code = ? and active")
            .param(body.code())
            .query((rs, n) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getBytes(3)))
            .optional();
    return stored.map(this::load).orElseGet(() -> create(body.code()));
  }

  /** A body's active key, if it has one (to sign its status list). */
  @Transactional(readOnly = true)
  Optional<ECKey> activeKeyOf(String bodyCode) {
    return jdbc.sql(
            "select kid, public_jwk, private_key from signing_key where body_code = ? and active")
        .param(bodyCode)
        .query((rs, n) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getBytes(3)))
        .optional()
        .map(this::load);
  }

  /** Every body's public keys, revoked ones included, so old credentials still verify. */
  @Transactional(readOnly = true)
  JWKSet publicKeys() {
    List<String> jwks =
        jdbc.sql("select public_jwk from signing_key order by created_at, kid")
            .query(String.class)
            .list();
    return new JWKSet(
        jwks.stream()
            .map(SigningKeys::parsePublic)
            .map(k -> (com.nimbusds.jose.jwk.JWK) k)
            .toList());
  }

  private ECKey create(String bodyCode) {
    String kid =
        bodyCode
            + "-"
            + LocalDate.now().getYear()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    try {
      ECKey key =
          new ECKeyGenerator(Curve.P_256)
              .keyID(kid)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .generate();
      byte[] sealed = secret.encrypt(key.toECPrivateKey().getEncoded(), kid);
      jdbc.sql(
              "insert into signing_key(kid, body_code, public_jwk, private_key) values (?, ?, ?, ?)")
          .params(kid, bodyCode, key.toPublicJWK().toJSONString(), sealed)
          .update();
      return key;
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a signing key", e);
    }
  }

  private ECKey load(StoredKey s) {
    try {
      ECKey pub = parsePublic(s.publicJwk());
      byte[] pkcs8 = secret.decrypt(s.privateKey(), s.kid());
      ECPrivateKey priv =
          (ECPrivateKey)
              KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      return new ECKey.Builder(pub).privateKey(priv).build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load signing key " + s.kid(), e);
    }
  }

  private static ECKey parsePublic(String json) {
    try {
      return ECKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("stored public key is not a JWK", e);
    }
  }

  private record StoredKey(String kid, String publicJwk, byte[] privateKey) {}
}
