package org.laurel.certificate;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.audit.AuditLog;
import org.laurel.organisation.People;
import org.laurel.organisation.UnitView;
import org.laurel.organisation.Units;
import org.laurel.reward.AwardCatalogue;
import org.laurel.reward.AwardHistory;
import org.laurel.reward.AwardRecord;
import org.laurel.reward.AwardType;
import org.laurel.shared.ConflictException;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Certificates for awards: issued once per award (when an award is granted in Laurel, or on the
 * secretariat's request for awards already on record), read by anyone who has the certificate's
 * public id, revoked by the secretariat (later by the decision that revokes the award).
 */
@Service
@Validated
public class Certificates {

  /** Awards to issue certificates for. */
  public record IssueRequest(@NotEmpty @Size(max = 1000) List<@NotNull Long> awardIds) {}

  /** Why a certificate is revoked, and the decision that revoked the award if there is one. */
  public record Revocation(
      @NotBlank @Size(max = 2000) String reason, @Nullable @Size(max = 100) String decision) {}

  /** The certificates of a person, or of a unit (by code), optionally of one year. */
  public record Filter(
      @Nullable Long personId, @Nullable String unitCode, @Nullable Integer year) {}

  static final int LIST_LIMIT = 2000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private final CertificateRepository repo;
  private final SigningKeys keys;
  private final Credentials credentials;
  private final IssuingBodies bodies;
  private final AwardHistory awards;
  private final AwardCatalogue catalogue;
  private final People people;
  private final Units units;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final CertificatePdf pdf;

  Certificates(
      CertificateRepository repo,
      SigningKeys keys,
      Credentials credentials,
      IssuingBodies bodies,
      AwardHistory awards,
      AwardCatalogue catalogue,
      People people,
      Units units,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock,
      CertificatePdf pdf) {
    this.pdf = pdf;
    this.repo = repo;
    this.keys = keys;
    this.credentials = credentials;
    this.bodies = bodies;
    this.awards = awards;
    this.catalogue = catalogue;
    this.people = people;
    this.units = units;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Issues a certificate for each award that has none yet and returns the certificates of all the
   * awards, in the order asked (the secretariat only). Asking twice issues nothing new.
   */
  @Transactional
  public List<CertificateView> issue(@Valid IssueRequest request) {
    access.requireSecretariat();
    List<AwardRecord> found = new ArrayList<>();
    for (int i = 0; i < request.awardIds().size(); i++) {
      long id = request.awardIds().get(i);
      try {
        found.add(awards.get(id));
      } catch (NotFoundException e) {
        throw new InvalidInputException(
            "awardIds[" + i + "]", "error.certificate.awardUnknown", id);
      }
    }
    // every body this batch signs for is locked first, in one order: otherwise the batch could
    // hold one body while waiting for an award's listener that holds another (a deadlock the
    // demo's decisions and certificates ran into)
    Map<String, IssuingBodies.Body> signers = new TreeMap<>();
    for (AwardRecord a : found) {
      IssuingBodies.Body body = bodies.of(a, catalogue.get(a.awardCode()));
      signers.putIfAbsent(body.code(), body);
    }
    signers.values().forEach(keys::activeKey);
    List<CertificateView> out = new ArrayList<>();
    for (AwardRecord award : found) {
      out.add(issueFor(award));
    }
    return out;
  }

  /** Issues the certificate of an award just granted (called by the award's event). */
  @Transactional
  CertificateView issueGranted(long awardId) {
    return issueFor(awards.get(awardId));
  }

  private CertificateView issueFor(AwardRecord award) {
    Optional<CertificateView> existing = repo.byAward(award.id());
    if (existing.isPresent()) {
      return existing.get();
    }
    AwardType type = catalogue.get(award.awardCode());
    IssuingBodies.Body body = bodies.of(award, type);
    ECKey key = keys.activeKey(body); // locks the body until commit
    existing = repo.byAward(award.id());
    if (existing.isPresent()) {
      return existing.get();
    }
    UnitView unit = unit(award.unitId());
    String recipientName =
        switch (award.recipient()) {
          case INDIVIDUAL ->
              people.get(java.util.Objects.requireNonNull(award.personId())).fullName();
          case COLLECTIVE -> unit.name();
          case HOUSEHOLD -> String.valueOf(award.householdName());
        };
    String publicId = newPublicId();
    int index = repo.nextStatusIndex(body.code());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Credentials.Content content =
        new Credentials.Content(
            publicId,
            body,
            type.code(),
            type.nameVi(),
            type.nameEn(),
            recipientName,
            unit.name(),
            award.year(),
            award.decisionNumber(),
            award.decisionDate(),
            award.achievement(),
            index,
            now);
    String jwt = credentials.sign(content, key);
    repo.insert(
        new CertificateRepository.NewCertificate(
            publicId,
            award.id(),
            body.code(),
            key.getKeyID(),
            index,
            type.code(),
            type.nameVi(),
            type.nameEn(),
            award.recipient().name(),
            recipientName,
            award.personId(),
            award.unitId(),
            award.unitCode(),
            unit.name(),
            award.year(),
            award.decisionNumber(),
            award.decisionDate(),
            award.achievement(),
            jwt,
            now));
    CertificateView created = repo.byAward(award.id()).orElseThrow();
    audit.record(
        "certificate.issued",
        "certificate",
        publicId,
        null,
        Map.of(
            "awardId", award.id(),
            "award", type.code(),
            "recipient", recipientName,
            "issuer", body.code(),
            "kid", key.getKeyID(),
            "statusIndex", index));
    events.publishEvent(new CertificateIssued(publicId, award.id(), body.code()));
    return created;
  }

  /** A certificate by its public id; anyone may read it. */
  @Transactional(readOnly = true)
  public CertificateView get(String publicId) {
    return repo.byPublicId(publicId)
        .orElseThrow(() -> new NotFoundException("error.certificate.notFound"));
  }

  @Transactional(readOnly = true)
  public Optional<CertificateView> ofAward(long awardId) {
    return repo.byAward(awardId);
  }

  /** Certificates of the given awards that exist, in award order. */
  @Transactional(readOnly = true)
  public List<CertificateView> ofAwards(List<Long> awardIds) {
    return repo.byAwards(awardIds);
  }

  @Transactional(readOnly = true)
  public List<CertificateView> search(Filter f) {
    return repo.search(
        f.personId(),
        f.unitCode() == null || f.unitCode().isBlank() ? null : f.unitCode().trim(),
        f.year(),
        LIST_LIMIT);
  }

  /**
   * Revokes the certificate of an award (the secretariat only; later the decision that revokes the
   * award calls this with its number). A certificate is revoked once: a second time is a conflict.
   */
  @Transactional
  public CertificateView revoke(long awardId, @Valid Revocation revocation) {
    access.requireSecretariat();
    CertificateView before =
        repo.byAward(awardId)
            .orElseThrow(() -> new NotFoundException("error.certificate.noneForAward", awardId));
    String decision =
        revocation.decision() == null || revocation.decision().isBlank()
            ? null
            : revocation.decision().trim();
    if (!repo.revoke(
        awardId,
        revocation.reason().trim(),
        decision,
        clock.instant().truncatedTo(ChronoUnit.MICROS))) {
      throw new ConflictException("error.certificate.alreadyRevoked");
    }
    CertificateView after = repo.byAward(awardId).orElseThrow();
    audit.record(
        "certificate.revoked",
        "certificate",
        after.publicId(),
        Map.of("status", before.status()),
        Map.of(
            "status",
            after.status(),
            "reason",
            after.revocationReason(),
            "decision",
            decision == null ? "" : decision));
    events.publishEvent(
        new CertificateRevoked(after.publicId(), awardId, revocation.reason().trim(), decision));
    return after;
  }

  /** Revokes by the certificate's public id (the secretariat's forms and API). */
  @Transactional
  public CertificateView revoke(String publicId, @Valid Revocation revocation) {
    return revoke(get(publicId).awardId(), revocation);
  }

  /** The public keys of every issuing body as a JSON Web Key Set. */
  @Transactional(readOnly = true)
  public Map<String, Object> publicKeys() {
    JWKSet set = keys.publicKeys();
    return set.toJSONObject(true);
  }

  /** A body's signed revocation list (BitstringStatusListCredential as VC-JWT). */
  @Transactional(readOnly = true)
  public String statusList(String bodyCode) {
    IssuingBodies.Body body =
        repo.body(bodyCode).orElseThrow(() -> new NotFoundException("error.certificate.noIssuer"));
    ECKey key =
        keys.activeKeyOf(body.code())
            .orElseThrow(() -> new NotFoundException("error.certificate.noIssuer"));
    return credentials.statusList(
        body,
        repo.revokedIndexes(body.code()),
        repo.statusListSize(body.code()),
        key,
        clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  /** An issuing body's Open Badges profile. */
  @Transactional(readOnly = true)
  public Map<String, Object> issuerProfile(String bodyCode) {
    IssuingBodies.Body body =
        repo.body(bodyCode).orElseThrow(() -> new NotFoundException("error.certificate.noIssuer"));
    Map<String, Object> p = new java.util.LinkedHashMap<>(credentials.profile(body));
    p.put("@context", Credentials.OB_CONTEXT);
    p.put("nameEn", body.nameEn());
    return p;
  }

  /** A certificate as PDF; anyone with its public id may have it. */
  @Transactional(readOnly = true)
  public byte[] pdf(String publicId, PdfLayout layout) {
    CertificateView c = get(publicId);
    return pdf.render(List.of(c), layout, Map.of(c.publicId(), verifyUrl(c.publicId())));
  }

  /**
   * The certificates of many awards (e.g. a whole decision) as one PDF, one page each, in the order
   * asked; the secretariat only. Every award must have its certificate already.
   */
  @Transactional(readOnly = true)
  public byte[] pdf(@Valid IssueRequest request, PdfLayout layout) {
    access.requireSecretariat();
    Map<Long, CertificateView> byAward = new java.util.HashMap<>();
    for (CertificateView c : repo.byAwards(request.awardIds())) {
      byAward.put(c.awardId(), c);
    }
    List<CertificateView> pages = new ArrayList<>();
    Map<String, String> urls = new java.util.HashMap<>();
    for (int i = 0; i < request.awardIds().size(); i++) {
      CertificateView c = byAward.get(request.awardIds().get(i));
      if (c == null) {
        throw new InvalidInputException(
            "awardIds[" + i + "]", "error.certificate.noneForAward", request.awardIds().get(i));
      }
      pages.add(c);
      urls.put(c.publicId(), verifyUrl(c.publicId()));
    }
    return pdf.render(pages, layout, urls);
  }

  /** The public verification page of a certificate. */
  public String verifyUrl(String publicId) {
    return credentials.verifyUrl(publicId);
  }

  public String statusListUrl(String bodyCode) {
    return credentials.statusListUrl(bodyCode);
  }

  public String keysUrl() {
    return credentials.keysUrl();
  }

  private UnitView unit(long unitId) {
    return units
        .findById(unitId)
        .or(() -> units.all().stream().filter(u -> u.id() == unitId).reduce((a, b) -> b))
        .orElseThrow(() -> new IllegalStateException("award names unknown unit " + unitId));
  }

  /** 128 random bits in lower-case base32 (26 letters and digits): unguessable, URL-safe. */
  static String newPublicId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    StringBuilder out = new StringBuilder(26);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }
}
