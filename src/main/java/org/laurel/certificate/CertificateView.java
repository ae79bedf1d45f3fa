package org.laurel.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A certificate as issued for one award: what it says (snapshot of the award on the day of issue),
 * who issued it, its signed credential, and whether it has been revoked.
 */
public record CertificateView(
    String publicId,
    long awardId,
    String awardCode,
    String awardNameVi,
    String awardNameEn,
    String recipient,
    String recipientName,
    @Nullable Long personId,
    String unitCode,
    String unitName,
    int year,
    @Nullable String decisionNumber,
    @Nullable LocalDate decisionDate,
    @Nullable String achievement,
    String issuerCode,
    String issuerNameVi,
    String issuerNameEn,
    String keyId,
    int statusIndex,
    Instant issuedAt,
    @Nullable Instant revokedAt,
    @Nullable String revocationReason,
    @Nullable String revocationDecision,
    int version,
    String credential) {

  public enum Status {
    VALID,
    REVOKED
  }

  public Status status() {
    return revokedAt == null ? Status.VALID : Status.REVOKED;
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** The award's official Vietnamese name for Vietnamese readers, the English one for others. */
  public String awardName(Locale locale) {
    return "vi".equals(locale.getLanguage()) ? awardNameVi : awardNameEn;
  }

  public String issuerName(Locale locale) {
    return "vi".equals(locale.getLanguage()) ? issuerNameVi : issuerNameEn;
  }
}
