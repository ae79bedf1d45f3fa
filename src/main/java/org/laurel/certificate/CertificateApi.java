package org.laurel.certificate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.certificate.Certificates.Filter;
import org.laurel.certificate.Certificates.IssueRequest;
import org.laurel.certificate.Certificates.Revocation;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/certificates")
@Tag(name = "Certificates")
class CertificateApi {

  static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");
  static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

  /** What anyone holding a certificate's id may learn about it. */
  record Status(
      String id,
      String status,
      @Nullable Instant revokedAt,
      @Nullable String revocationReason,
      @Nullable String revocationDecision,
      String award,
      String awardName,
      String awardNameEn,
      String recipient,
      String unit,
      int year,
      @Nullable String decisionNumber,
      @Nullable LocalDate decisionDate,
      String issuer,
      String issuerName,
      String keyId,
      Instant issuedAt,
      String verifyUrl,
      String statusListCredential,
      int statusListIndex,
      String keys,
      String credential) {}

  /** A certificate in the secretariat's lists. */
  record Row(
      String id,
      long awardId,
      String award,
      String awardName,
      String recipient,
      String unitCode,
      int year,
      @Nullable String decisionNumber,
      String issuer,
      String status,
      @Nullable Instant revokedAt,
      String pdf) {}

  private final Certificates certificates;

  CertificateApi(Certificates certificates) {
    this.certificates = certificates;
  }

  @GetMapping("/keys")
  @Operation(
      summary =
          "Public keys of every issuing body (JWKS, ES256/P-256), to verify credentials offline;"
              + " no sign-in")
  ResponseEntity<Map<String, Object>> keys() {
    return ResponseEntity.ok()
        .contentType(JWK_SET)
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
        .body(certificates.publicKeys());
  }

  @GetMapping("/{id}")
  @Operation(
      summary =
          "A certificate's status (valid or revoked) and its signed credential (VC-JWT); no sign-in")
  Status get(@PathVariable String id) {
    return status(certificates.get(id));
  }

  @GetMapping(value = "/{id}/credential", produces = "application/vc+jwt")
  @Operation(summary = "The certificate's OpenBadgeCredential as VC-JWT; no sign-in")
  ResponseEntity<String> credential(@PathVariable String id) {
    return ResponseEntity.ok().contentType(VC_JWT).body(certificates.get(id).credential());
  }

  @GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(
      summary = "The certificate as PDF (layout FULL or BLANK for pre-printed blanks); no sign-in")
  ResponseEntity<byte[]> pdf(
      @PathVariable String id, @RequestParam(defaultValue = "FULL") PdfLayout layout) {
    return pdfResponse(certificates.pdf(id, layout), "chung-nhan-" + id + ".pdf");
  }

  @GetMapping(value = "/status/{issuer}", produces = "application/vc+jwt")
  @Operation(
      summary =
          "An issuing body's revocation list: a BitstringStatusListCredential as VC-JWT; no sign-in")
  ResponseEntity<String> statusList(@PathVariable String issuer) {
    return ResponseEntity.ok()
        .contentType(VC_JWT)
        .cacheControl(CacheControl.noCache())
        .body(certificates.statusList(issuer));
  }

  @GetMapping("/issuers/{issuer}")
  @Operation(summary = "An issuing body's Open Badges profile; no sign-in")
  Map<String, Object> issuer(@PathVariable String issuer) {
    return certificates.issuerProfile(issuer);
  }

  @GetMapping
  @Operation(summary = "Certificates of a person or a unit (code), optionally of one year")
  List<Row> list(
      @RequestParam(required = false) @Nullable Long person,
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable Integer year) {
    return certificates.search(new Filter(person, unit, year)).stream()
        .map(CertificateApi::row)
        .toList();
  }

  @GetMapping("/awards")
  @Operation(summary = "The certificates of the given awards (those that have one)")
  List<Row> ofAwards(@RequestParam List<Long> ids) {
    return certificates.ofAwards(ids).stream().map(CertificateApi::row).toList();
  }

  @GetMapping(value = "/batch/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The certificates of many awards as one PDF, one page each (secretariat)")
  ResponseEntity<byte[]> batch(
      @RequestParam List<Long> awardIds, @RequestParam(defaultValue = "FULL") PdfLayout layout) {
    return pdfResponse(
        certificates.pdf(new IssueRequest(awardIds), layout),
        "chung-nhan-" + awardIds.size() + ".pdf");
  }

  @PostMapping
  @Operation(
      summary =
          "Issue certificates for awards on record (secretariat); awards that have one keep it")
  List<Row> issue(@Valid @RequestBody IssueRequest request) {
    return certificates.issue(request).stream().map(CertificateApi::row).toList();
  }

  @PostMapping("/{id}/revoke")
  @Operation(summary = "Revoke a certificate with a reason and the revoking decision (secretariat)")
  Status revoke(@PathVariable String id, @Valid @RequestBody Revocation revocation) {
    return status(certificates.revoke(id, revocation));
  }

  private Status status(CertificateView c) {
    return new Status(
        c.publicId(),
        c.status().name(),
        c.revokedAt(),
        c.revocationReason(),
        c.revocationDecision(),
        c.awardCode(),
        c.awardNameVi(),
        c.awardNameEn(),
        c.recipientName(),
        c.unitName(),
        c.year(),
        c.decisionNumber(),
        c.decisionDate(),
        c.issuerCode(),
        c.issuerNameVi(),
        c.keyId(),
        c.issuedAt(),
        certificates.verifyUrl(c.publicId()),
        certificates.statusListUrl(c.issuerCode()),
        c.statusIndex(),
        certificates.keysUrl(),
        c.credential());
  }

  private static Row row(CertificateView c) {
    return new Row(
        c.publicId(),
        c.awardId(),
        c.awardCode(),
        c.awardNameVi(),
        c.recipientName(),
        c.unitCode(),
        c.year(),
        c.decisionNumber(),
        c.issuerCode(),
        c.status().name(),
        c.revokedAt(),
        "/api/v1/certificates/" + c.publicId() + "/pdf");
  }

  static ResponseEntity<byte[]> pdfResponse(byte[] pdf, String name) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(name).build().toString())
        .body(pdf);
  }
}
